package io.github.motcua.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;

/** Builds hostile ZIP archives byte by byte (a ZIP writer would refuse to lie about sizes). */
public final class ZipBombs {
    /** One entry: raw bytes as stored, the method, and what the central directory declares. */
    public record Raw(String name, int method, byte[] data, long declaredSize) {
    }

    private ZipBombs() {
    }

    /** The entries of a real archive, uncompressed, in order. */
    public static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try {
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile("motcua-zip", ".zip");
            try {
                java.nio.file.Files.write(tmp, zip);
                try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(tmp.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(z.entries())) {
                        try (java.io.InputStream in = z.getInputStream(e)) {
                            out.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            } finally {
                java.nio.file.Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static Raw deflated(String name, byte[] content) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(content);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return new Raw(name, 8, out.toByteArray(), content.length);
    }

    /**
     * A raw deflate stream of {@code megabytes} MiB of {@code fill}, built by repeating one
     * independently compressed MiB (each copy refers only to itself), about 1 KB per MiB.
     */
    public static byte[] deflatedRepeat(byte fill, int megabytes) {
        byte[] mib = new byte[1024 * 1024];
        java.util.Arrays.fill(mib, fill);
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(mib);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int n;
        while ((n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH)) > 0) {
            chunk.write(buf, 0, n);
        }
        d.end();
        byte[] c = chunk.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(c.length * megabytes + 2);
        for (int i = 0; i < megabytes; i++) {
            out.write(c, 0, c.length);
        }
        out.write(3); // a final, empty, fixed-Huffman block
        out.write(0);
        return out.toByteArray();
    }

    /** A ZIP archive of the entries; {@code aliases} adds central-directory entries pointing at entry 0's bytes. */
    public static byte[] zip(List<Raw> entries, int aliases) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<byte[]> central = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        for (Raw e : entries) {
            offsets.add(out.size());
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer h = le(30 + name.length);
            h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) e.method()).putInt(0)
                    .putInt(0).putInt(e.data().length).putInt((int) e.declaredSize()).putShort((short) name.length)
                    .putShort((short) 0).put(name);
            out.writeBytes(h.array());
            out.writeBytes(e.data());
        }
        for (int i = 0; i < entries.size() + aliases; i++) {
            Raw e = entries.get(i < entries.size() ? i : 0);
            String nm = i < entries.size() ? e.name() : e.name() + "." + i;
            byte[] name = nm.getBytes(StandardCharsets.UTF_8);
            ByteBuffer c = le(46 + name.length);
            c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0)
                    .putShort((short) e.method()).putInt(0).putInt(0).putInt(e.data().length).putInt((int) e.declaredSize())
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offsets.get(i < entries.size() ? i : 0)).put(name);
            central.add(c.array());
        }
        int cdStart = out.size();
        central.forEach(out::writeBytes);
        int cdSize = out.size() - cdStart;
        ByteBuffer eocd = le(22);
        eocd.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) central.size())
                .putShort((short) central.size()).putInt(cdSize).putInt(cdStart).putShort((short) 0);
        out.writeBytes(eocd.array());
        return out.toByteArray();
    }

    /** {@code workbook} with one entry's content replaced by {@code replacement}. */
    public static byte[] replace(byte[] workbook, String entry, Raw replacement) {
        List<Raw> raws = new ArrayList<>();
        entries(workbook).forEach((name, content) -> raws.add(name.equals(entry) ? replacement : deflated(name, content)));
        return zip(raws, 0);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
