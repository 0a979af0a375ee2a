package io.github.motcua.rules.internal;

import io.github.motcua.rules.PackProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An in-memory snapshot of a pack's files (path to bytes), read once so a load sees one
 * consistent version and the hash covers exactly what was compiled. Immutable and thread-safe.
 */
public final class PackFiles {
    /** Files larger than this are refused (an analyst's pack never needs them). */
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    static final int MAX_FILES = 50_000;

    private final String source;
    private final SortedMap<String, byte[]> files;

    private PackFiles(String source, SortedMap<String, byte[]> files) {
        this.source = source;
        this.files = Collections.unmodifiableSortedMap(files);
    }

    /** Creates a snapshot from in-memory files (tests, generators). */
    public static PackFiles of(String source, Map<String, byte[]> files) {
        return new PackFiles(source, new TreeMap<>(files));
    }

    /** Reads a folder; problems (unreadable, too big) go to {@code problems}. */
    public static PackFiles read(Path dir, List<PackProblem> problems) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        String source = dir.toString();
        if (!Files.isDirectory(dir)) {
            problems.add(new PackProblem(source, 0, 0, "PACK_NOT_FOUND",
                    "Không tìm thấy thư mục bộ quy tắc [" + source + "]",
                    "pack folder not found [" + source + "]"));
            return new PackFiles(source, out);
        }
        try {
            Path root = dir.toRealPath();
            // one directory walk that hands over each entry's attributes: no extra stat per file
            Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<Path>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes attrs)
                        throws IOException {
                    String rel = dir.relativize(p).toString().replace('\\', '/');
                    if (rel.startsWith(".") || rel.contains("/.")) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    long size = attrs.size();
                    if (attrs.isSymbolicLink()) {
                        if (!Files.isRegularFile(p)) {
                            return java.nio.file.FileVisitResult.CONTINUE; // a link to a folder or to nothing
                        }
                        if (!p.toRealPath().startsWith(root)) {
                            // a link out of the pack would put files the analyst never reviewed into the rules
                            problems.add(new PackProblem(rel, 0, 0, "LINK_OUTSIDE_PACK",
                                    "Liên kết tượng trưng trỏ ra ngoài thư mục bộ quy tắc [" + rel + "]",
                                    "symbolic link leads outside the pack folder [" + rel + "]"));
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                        size = Files.size(p);
                    } else if (!attrs.isRegularFile()) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    if (out.size() >= MAX_FILES) {
                        problems.add(new PackProblem(rel, 0, 0, "PACK_TOO_LARGE",
                                "Bộ quy tắc có quá nhiều tệp (tối đa " + MAX_FILES + ")",
                                "too many files in pack (max " + MAX_FILES + ")"));
                        return java.nio.file.FileVisitResult.TERMINATE;
                    }
                    if (size > MAX_FILE_BYTES) {
                        problems.add(new PackProblem(rel, 0, 0, "FILE_TOO_LARGE",
                                "Tệp quá lớn (tối đa 8 MB)", "file too large (max 8 MB)"));
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    out.put(rel, Files.readAllBytes(p));
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            problems.add(new PackProblem(source, 0, 0, "IO",
                    "Không đọc được bộ quy tắc: " + e.getMessage(), "cannot read pack: " + e.getMessage()));
        }
        return new PackFiles(source, out);
    }

    /** Reads a pack from the classpath (a folder or a jar entry). */
    public static PackFiles read(ClassLoader cl, String root, List<PackProblem> problems) {
        String clean = root.replaceAll("^/+", "").replaceAll("/+$", "");
        String source = "classpath:" + clean;
        URL marker = cl.getResource(clean + "/pack.yaml");
        if (marker == null) {
            problems.add(new PackProblem(source + "/pack.yaml", 0, 0, "PACK_NOT_FOUND",
                    "Không tìm thấy pack.yaml trên classpath [" + source + "]",
                    "pack.yaml not found on the classpath [" + source + "]"));
            return new PackFiles(source, new TreeMap<>());
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean close = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    close = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    PackFiles inJar = read(fs.getPath("/" + clean), problems);
                    return new PackFiles(source, new TreeMap<>(inJar.files));
                } finally {
                    if (close) {
                        fs.close();
                    }
                }
            }
            PackFiles onDisk = read(Path.of(uri).getParent(), problems);
            return new PackFiles(source, new TreeMap<>(onDisk.files));
        } catch (URISyntaxException | IOException e) {
            problems.add(new PackProblem(source, 0, 0, "IO",
                    "Không đọc được bộ quy tắc: " + e.getMessage(), "cannot read pack: " + e.getMessage()));
            return new PackFiles(source, new TreeMap<>());
        }
    }

    public String source() {
        return source;
    }

    public SortedMap<String, byte[]> files() {
        return files;
    }

    public byte[] get(String path) {
        return files.get(path);
    }

    public String text(String path) {
        byte[] b = files.get(path);
        if (b == null) {
            return null;
        }
        String s = new String(b, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** SHA-256 over each path (UTF-8), a zero byte, its length and its bytes, in path order. */
    public String sha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(String.format(Locale.ROOT, "%d:", e.getValue().length).getBytes(StandardCharsets.UTF_8));
                md.update(e.getValue());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
