package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Routing#topLevelLine}, read on a file's bytes, gives the line the decoded text gives (the kernel's decoder:
 * strict UTF-8, the byte-order mark dropped, NFC; 0 when the bytes are not UTF-8), for every YAML file of the
 * repository and thousands of byte-level mutations of them: malformed, overlong and surrogate sequences, byte-order
 * marks, combining marks and compatibility letters around the key, CR line ends.
 */
class RoutingTest {
    /** What the line was before: the whole file decoded, then its lines scanned. */
    private static int decoded(byte[] text, String key) {
        String s = PackFiles.textOrNull("procedure.yaml", text);
        if (s == null) {
            return 0;
        }
        int line = 1;
        int start = 0;
        while (start < s.length()) {
            if (s.startsWith(key + ":", start)) {
                return line;
            }
            int nl = s.indexOf('\n', start);
            if (nl < 0) {
                return 0;
            }
            start = nl + 1;
            line++;
        }
        return 0;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[][] PIECES = {
        utf8("competence:"), utf8("competence: { by: RESIDENCE }\n"), utf8("\ncompetence:"), utf8("\n"), utf8("\r\n"), utf8("\r"),
        utf8("\uFEFF"), utf8("\u0301"), utf8("e\u0301"), utf8("\u212A"), utf8("\u037E"), utf8("ệ"), utf8("😀"), utf8(" "),
        utf8("competenc"), utf8("e:"), utf8(":"), utf8("\u0000"), utf8("\uFFFD"),
        {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC3}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xFF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
    };

    private static byte[] mutate(byte[] b, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
        // at a line start half the time, where the key is looked for
        if (r.nextBoolean() && b.length > 0) {
            int nl = at;
            while (nl > 0 && b[nl - 1] != '\n') {
                nl--;
            }
            at = nl;
        }
        out.write(b, 0, at);
        int pieces = 1 + r.nextInt(3);
        for (int i = 0; i < pieces; i++) {
            byte[] p = PIECES[r.nextInt(PIECES.length)];
            out.write(p, 0, p.length);
        }
        int skip = r.nextInt(4) == 0 ? Math.min(b.length - at, r.nextInt(3)) : 0;
        out.write(b, at + skip, b.length - at - skip);
        return out.toByteArray();
    }

    @Test
    void theLineReadOnTheBytes_isTheDecodedTextsLine() {
        List<byte[]> texts = new ArrayList<>();
        for (Path f : io.github.motcua.kernel.SourceTree.yamlFiles()) {
            try {
                texts.add(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        texts.add(new byte[0]);
        texts.add(utf8("competence:"));
        texts.add(utf8("\uFEFFcompetence: x"));
        texts.add(utf8("\uFEFF\uFEFFcompetence: x"));
        texts.add(utf8("a: 1\ncompetence"));
        Random r = new Random(15);
        int compared = 0;
        int found = 0;
        int notText = 0;
        for (byte[] t : texts) {
            for (int k = 0; k < 25; k++) {
                byte[] m = k == 0 ? t : mutate(k > 12 ? mutate(t, r) : t, r);
                for (String key : new String[] {"competence", "code", "deadline"}) {
                    int want = decoded(m, key);
                    assertEquals(want, Routing.topLevelLine(m, key), () -> key + " in:\n" + new String(m, StandardCharsets.UTF_8));
                    compared++;
                    found += want > 0 ? 1 : 0;
                }
                notText += Routing.utf8(m) ? 0 : 1;
                assertEquals(PackFiles.textOrNull("f", m) != null, Routing.utf8(m));
            }
        }
        assertTrue(compared > 15_000, "compared: " + compared);
        assertTrue(found > compared / 20, "found: " + found + " of " + compared);
        assertTrue(notText > 500, "not UTF-8: " + notText);
    }

    @Test
    void aLongFile_isReadInChunks() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            b.append("# dòng ").append(i).append(" — ghi chú\n");
        }
        b.append("competence: { by: RESIDENCE }\n");
        byte[] text = utf8(b.toString());
        assertEquals(3001, Routing.topLevelLine(text, "competence"));
        byte[] broken = text.clone();
        broken[broken.length - 3] = (byte) 0xC0;
        assertEquals(0, Routing.topLevelLine(broken, "competence"));
    }
}
