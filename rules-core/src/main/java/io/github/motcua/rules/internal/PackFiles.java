package io.github.motcua.rules.internal;

import io.github.motcua.kernel.PackReader;
import io.github.motcua.kernel.Problem;
import io.github.motcua.rules.PackProblem;
import java.io.IOException;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An in-memory snapshot of a pack's files (path to bytes), read once so a load sees one
 * consistent version and the hash covers exactly what was compiled. Immutable and thread-safe.
 */
public final class PackFiles {
    /** The kernel reader's limits: files over 8 MB and packs over 50,000 files are refused. */
    static final PackReader.Limits LIMITS = PackReader.Limits.DEFAULT;

    private final String source;
    /**
     * The JSON nodes of the cases' dossiers this load has made so far, each counted with the base dossier merged into it
     * ({@link ProcedureReader#MAX_PACK_CASE_NODES}): shared by every procedure folder the load reads, on any thread.
     */
    final java.util.concurrent.atomic.AtomicLong caseNodes = new java.util.concurrent.atomic.AtomicLong();
    private final SortedMap<String, byte[]> files;
    /**
     * A prebuilt pack's stored trees ({@link io.github.motcua.kernel.PackTrees}) of some of its YAML files by path,
     * read by {@link PackLoader#yaml} instead of parsing the text; empty for a folder.
     */
    private final Map<String, byte[]> trees;
    /**
     * The SHA-256 of each file's bytes and of each stored tree, by path, when the reader worked them out while it read
     * (a prebuilt pack's: {@link PrebuiltArchive}); else empty, and {@link PackLoader} digests the bytes itself.
     */
    private final Map<String, byte[]> digests;
    private final Map<String, byte[]> treeDigests;

    private PackFiles(String source, SortedMap<String, byte[]> files) {
        this(source, files, Map.of(), Map.of(), Map.of());
    }

    private PackFiles(String source, SortedMap<String, byte[]> files, Map<String, byte[]> trees, Map<String, byte[]> digests,
            Map<String, byte[]> treeDigests) {
        this.source = source;
        this.files = Collections.unmodifiableSortedMap(files);
        this.trees = trees;
        this.digests = digests;
        this.treeDigests = treeDigests;
    }

    /** Creates a snapshot from in-memory files (tests, generators). */
    public static PackFiles of(String source, Map<String, byte[]> files) {
        return new PackFiles(source, new TreeMap<>(files));
    }

    /**
     * A prebuilt pack's files with the stored trees of some of its YAML files ({@link PrebuiltArchive}), each a
     * file of {@code files}.
     */
    static PackFiles of(String source, Map<String, byte[]> files, Map<String, byte[]> trees) {
        return new PackFiles(source, new TreeMap<>(files), Map.copyOf(trees), Map.of(), Map.of());
    }

    /**
     * As {@link #of(String, Map, Map)}, with what the reader digested while it read: the pack's hash ({@link #sha256()},
     * or null when it did not work it out) and the SHA-256 of each file and stored tree by path (each exactly the
     * digest of its bytes here).
     */
    static PackFiles of(String source, SortedMap<String, byte[]> files, Map<String, byte[]> trees, String sha256,
            Map<String, byte[]> digests, Map<String, byte[]> treeDigests) {
        PackFiles p = new PackFiles(source, files, Map.copyOf(trees), Map.copyOf(digests), Map.copyOf(treeDigests));
        p.sha256 = sha256;
        return p;
    }

    /** The SHA-256 of a file's bytes when the reader worked it out, else null. */
    byte[] digest(String path) {
        return digests.get(path);
    }

    /** The SHA-256 of a file's stored tree when the reader worked it out, else null. */
    byte[] treeDigest(String path) {
        return treeDigests.get(path);
    }

    /** The stored trees by path (empty for a folder). */
    Map<String, byte[]> trees() {
        return trees;
    }

    /** The stored tree of a YAML file ({@link io.github.motcua.kernel.PackTrees} bytes), or null: parse its text. */
    byte[] tree(String path) {
        return trees.get(path);
    }

    /**
     * Reads a folder through the kernel's {@link PackReader} (the one way into a pack: links leaving
     * it, files over 8 MB and more than 50,000 files are refused the same way everywhere); problems
     * go to {@code problems}.
     */
    public static PackFiles read(Path dir, List<PackProblem> problems) {
        return read(dir, problems, null);
    }

    /**
     * As {@link #read(Path, List)}, the folders listed and their files read as tasks on {@code executor} (null: on
     * the calling thread): the same files and problems in the same order ({@link PackReader#readAll(List,
     * java.util.concurrent.Executor)}).
     */
    public static PackFiles read(Path dir, List<PackProblem> problems, java.util.concurrent.Executor executor) {
        List<Problem> found = new ArrayList<>();
        PackReader reader = PackReader.of(dir, LIMITS);
        SortedMap<String, byte[]> out = executor == null ? reader.readAll(found) : reader.readAll(found, executor);
        found.forEach(p -> problems.add(PackProblem.of(p)));
        return new PackFiles(dir.toString(), out);
    }

    /** Reads a pack from the classpath (a folder or a jar entry). */
    public static PackFiles read(ClassLoader cl, String root, List<PackProblem> problems) {
        String clean = root.replaceAll("^/+", "").replaceAll("/+$", "");
        String source = "classpath:" + clean;
        URL marker = cl.getResource(clean + "/pack.yaml");
        if (marker == null) {
            problems.add(Msg.problem(source + "/pack.yaml", 0, 0, "PACK_NOT_FOUND", "load.pack.notOnClasspath", "source", source));
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
            // a sentence first, the system's own text only quoted after the English (kernel ReadFailures)
            problems.add(PackProblem.of(io.github.motcua.kernel.ReadFailures.problem(source, e)));
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

    /**
     * The text of a pack file through the kernel's one decoder ({@link PackReader#decode}: strict UTF-8, the
     * byte-order mark dropped, NFC), or null when there is no such file.
     *
     * @throws io.github.motcua.kernel.PackReadException {@code NOT_UTF8} at the first malformed byte's line and column
     */
    public String text(String path) {
        byte[] b = files.get(path);
        return b == null ? null : PackReader.decode(path, b);
    }

    /**
     * As {@link #text(String)}, a file that is not UTF-8 adding its {@code NOT_UTF8} problem to {@code problems} and
     * giving null: for the one reader that reports the file.
     */
    String text(String path, List<PackProblem> problems) {
        byte[] b = files.get(path);
        return b == null ? null : text(path, b, problems);
    }

    /** {@link PackReader#decode} of {@code bytes}, or null with its {@code NOT_UTF8} problem added to {@code problems}. */
    static String text(String path, byte[] bytes, List<PackProblem> problems) {
        try {
            return PackReader.decode(path, bytes);
        } catch (io.github.motcua.kernel.PackReadException e) {
            problems.add(PackProblem.of(e.problem()));
            return null;
        }
    }

    /**
     * Whether the file (which has a stored tree, read instead of its text) is UTF-8 as its tree's build required: a
     * prebuilt artifact's file is hostile input like a folder's, and its bytes are what the pack's hash covers and what
     * other readers read, so a malformed byte is the same {@code NOT_UTF8} problem, added to {@code problems}, as a
     * folder load gives.
     */
    boolean storedIsText(String path, List<PackProblem> problems) {
        byte[] b = files.get(path);
        try {
            if (b != null) {
                PackReader.requireUtf8(path, b); // not the NFC text: the tree is what is read
            }
            return true;
        } catch (io.github.motcua.kernel.PackReadException e) {
            problems.add(PackProblem.of(e.problem()));
            return false;
        }
    }

    /**
     * {@link PackReader#decode} of {@code bytes}, or null when they are not UTF-8: for a reader of a file that another
     * reader reports (the form section reports a form, the engine the procedure.yaml a section also reads), so one
     * malformed byte is one problem, and no reader ever sees a replacement character in its place.
     */
    static String textOrNull(String path, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return PackReader.decode(path, bytes);
        } catch (io.github.motcua.kernel.PackReadException e) {
            return null;
        }
    }

    /** {@link #sha256()}, computed once (the snapshot is immutable; a prebuilt load asks for it twice). */
    private volatile String sha256;

    /** SHA-256 over each path (UTF-8), a zero byte, its length and its bytes, in path order. */
    public String sha256() {
        String h = sha256;
        if (h == null) {
            h = computeSha256();
            sha256 = h;
        }
        return h;
    }

    /** One file's part of {@link #sha256()}: its path (UTF-8), a zero byte, its length and a colon, its bytes. */
    static void sha256(MessageDigest md, String path, byte[] bytes) {
        md.update(path.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII)); // as "%d:" wrote it, without a Formatter a file
        md.update(bytes);
    }

    private String computeSha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                sha256(md, e.getKey(), e.getValue());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
