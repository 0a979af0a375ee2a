package io.github.motcua.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The one way into a pack folder (đọc bộ quy tắc): every module reads its pack files through this
 * reader, so each entry point refuses the same things the same way —
 * <ul>
 * <li>a path that leaves the pack: {@code ..}, an absolute path, or a symbolic link (of the file or of
 * a folder on its way) whose target is outside the pack ({@code LINK_OUTSIDE_PACK});</li>
 * <li>a file larger than {@link Limits#maxFileBytes()} ({@code FILE_TOO_LARGE}, also when it grows past it
 * between the check of its size and its read: never more than the limit and one byte is read), more files than
 * {@link Limits#maxFiles()} ({@code PACK_TOO_LARGE}), more folders than that ({@code PACK_TOO_MANY_FOLDERS});</li>
 * <li>text that is not UTF-8 ({@code NOT_UTF8}); a byte-order mark is dropped and text is put in
 * Unicode NFC, so "ề" typed two ways is one letter;</li>
 * <li>YAML/JSON that does not parse, names a key twice, or nests deeper than
 * {@link Limits#maxDepth()}, each with its line and column.</li>
 * </ul>
 * Hidden files and folders (a name starting with {@code .}) are not part of a pack: a hidden folder (a {@code .git})
 * is never entered.
 *
 * <p>Immutable and thread-safe.
 */
public final class PackReader {
    private final Path root;
    private final Limits limits;
    private volatile Path realRoot;

    /**
     * The reader's limits.
     *
     * @param maxFileBytes  largest file read, in bytes
     * @param maxFiles      most files in one pack, and most folders (hidden ones are never entered)
     * @param maxDepth      deepest nesting of YAML/JSON mappings and lists
     * @param maxTotalBytes most bytes of all the files {@link #readAll} takes from one pack, together
     */
    public record Limits(long maxFileBytes, int maxFiles, int maxDepth, long maxTotalBytes) {
        /** The total a pack may hold when a caller names only the other limits: 256 MB. */
        public static final long DEFAULT_TOTAL_BYTES = 256L * 1024 * 1024;
        /**
         * 8 MB per file, 50,000 files, nesting 64 deep, 256 MB in all: far beyond any analyst's pack (the Gia Lai pack
         * is 1.5 MB, the synthetic 2,000-procedure catalogue 26 MB). Without the total, 50,000 files of 8 MB each were
         * all read into memory: 560 MB of notes beside a pack ran a 512 MB JVM out of memory at load.
         */
        public static final Limits DEFAULT = new Limits(8L * 1024 * 1024, 50_000, 64, DEFAULT_TOTAL_BYTES);

        public Limits {
            if (maxFileBytes < 1 || maxFiles < 1 || maxDepth < 1 || maxTotalBytes < 1) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "limits must be positive: [%d, %d, %d, %d]", maxFileBytes, maxFiles, maxDepth, maxTotalBytes));
            }
        }

        /** Limits with {@link #DEFAULT_TOTAL_BYTES} in all. */
        public Limits(long maxFileBytes, int maxFiles, int maxDepth) {
            this(maxFileBytes, maxFiles, maxDepth, DEFAULT_TOTAL_BYTES);
        }
    }

    private PackReader(Path root, Limits limits) {
        this.root = root;
        this.limits = limits;
    }

    /** A reader of the pack folder {@code root} with the default limits. */
    public static PackReader of(Path root) {
        return of(root, Limits.DEFAULT);
    }

    /** A reader of the pack folder {@code root}. */
    public static PackReader of(Path root, Limits limits) {
        return new PackReader(Objects.requireNonNull(root, "root"), Objects.requireNonNull(limits, "limits"));
    }

    public Path root() {
        return root;
    }

    public Limits limits() {
        return limits;
    }

    /** True when the pack folder exists. */
    public boolean exists() {
        return Files.isDirectory(root);
    }

    /**
     * The bytes of a pack file, or empty when there is no such regular file.
     *
     * @param file pack-relative, with forward slashes, e.g. {@code calendar/2026.yaml}
     * @throws PackReadException when the path or a link leaves the pack, or the file is too large or unreadable
     */
    public Optional<byte[]> bytes(String file) {
        Path p = inside(file);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            checkLinks(file, p);
            long size = Files.size(p);
            if (size > limits.maxFileBytes) {
                throw new PackReadException(tooLarge(file));
            }
            beforeRead(p);
            byte[] b = readAtMost(p, size, limits.maxFileBytes);
            if (b.length > limits.maxFileBytes) {
                throw new PackReadException(tooLarge(file)); // it grew past the limit after its size was checked
            }
            return Optional.of(b);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PackReadException(ioProblem(file, e));
        }
    }

    /** The text of a pack file ({@link #decode}), or empty when there is no such file. */
    public Optional<String> text(String file) {
        return bytes(file).map(b -> decode(file, b));
    }

    /** The positioned tree of a YAML or JSON pack file ({@link #yaml(String, String, Limits)}), or empty. */
    public Optional<PackNode> yaml(String file) {
        return text(file).map(t -> yaml(file, t, limits));
    }

    /**
     * The pack-relative names of the regular files directly in {@code folder} whose name ends with
     * {@code suffix}, sorted; hidden files are skipped. Empty when the folder does not exist.
     *
     * @throws PackReadException when the folder, or a link in it, leaves the pack
     */
    public List<String> list(String folder, String suffix) {
        Path dir = inside(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            checkLinks(folder, dir);
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".") || !name.endsWith(suffix) || !Files.isRegularFile(p)) {
                        continue;
                    }
                    String rel = folder.isEmpty() ? name : strip(folder) + "/" + name;
                    checkLinks(rel, p);
                    out.add(rel);
                }
            }
        } catch (IOException e) {
            throw new PackReadException(ioProblem(folder, e));
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    /**
     * The pack-relative names of the folders directly in {@code folder}, sorted; hidden ones skipped.
     *
     * @throws PackReadException when the folder, or a link in it, leaves the pack
     */
    public List<String> folders(String folder) {
        Path dir = inside(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            checkLinks(folder, dir);
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".") || !Files.isDirectory(p)) {
                        continue;
                    }
                    String rel = strip(folder) + "/" + name;
                    checkLinks(rel, p);
                    out.add(rel);
                }
            }
        } catch (IOException e) {
            throw new PackReadException(ioProblem(folder, e));
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    /**
     * Every file of the pack, by pack-relative path, read in one walk of the folder (a consistent
     * snapshot). What cannot be taken goes to {@code problems} and the walk goes on: a link leaving
     * the pack, a file too large; too many files or too many bytes in all ({@link Limits#maxTotalBytes()}) stop it. A
     * link to a folder is not followed.
     */
    public SortedMap<String, byte[]> readAll(List<Problem> problems) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        long[] total = {0};
        if (!Files.isDirectory(root)) {
            problems.add(Problem.of(root.toString(), 0, 0, ProblemCode.PACK_NOT_FOUND, "pack", root.toString()));
            return out;
        }
        try {
            Path real = realRoot();
            // one walk that hands over each entry's attributes: no extra stat per file
            int[] folders = {0};
            Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (d.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE; // not part of a pack (a .git folder): never listed
                    }
                    if (++folders[0] > limits.maxFiles) {
                        String rel = root.relativize(d).toString().replace('\\', '/');
                        problems.add(tooManyFolders(rel));
                        return FileVisitResult.TERMINATE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) throws IOException {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if (rel.startsWith(".") || rel.contains("/.")) {
                        return FileVisitResult.CONTINUE;
                    }
                    long size = attrs.size();
                    if (attrs.isSymbolicLink()) {
                        if (!Files.isRegularFile(p)) {
                            return FileVisitResult.CONTINUE; // a link to a folder or to nothing
                        }
                        if (!p.toRealPath().startsWith(real)) {
                            // a link out of the pack would put files the analyst never reviewed into the rules
                            problems.add(Problem.of(rel, 0, 0, ProblemCode.LINK_OUTSIDE_PACK, "file", rel));
                            return FileVisitResult.CONTINUE;
                        }
                        size = Files.size(p);
                    } else if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (out.size() >= limits.maxFiles) {
                        problems.add(Problem.of(rel, 0, 0, ProblemCode.PACK_TOO_LARGE,
                                "max", Integer.toString(limits.maxFiles)));
                        return FileVisitResult.TERMINATE;
                    }
                    if (size > limits.maxFileBytes) {
                        problems.add(tooLarge(rel));
                        return FileVisitResult.CONTINUE;
                    }
                    total[0] += size;
                    if (total[0] > limits.maxTotalBytes) {
                        problems.add(tooManyBytes(rel));
                        return FileVisitResult.TERMINATE;
                    }
                    beforeRead(p);
                    byte[] b = readAtMost(p, size, limits.maxFileBytes);
                    total[0] += b.length - size; // a file that changed since its size was taken counts as read
                    if (b.length > limits.maxFileBytes) {
                        total[0] -= b.length;
                        problems.add(tooLarge(rel)); // it grew past the limit after its size was checked
                        return FileVisitResult.CONTINUE;
                    }
                    if (total[0] > limits.maxTotalBytes) {
                        problems.add(tooManyBytes(rel));
                        return FileVisitResult.TERMINATE;
                    }
                    out.put(rel, b);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            problems.add(ReadFailures.problem(root.toString(), e));
        }
        return out;
    }

    /**
     * {@link #readAll(List)} with the folders listed and the files read as tasks on {@code executor}, one task a
     * folder: the same files and the same problems in the same order as the one-thread walk, whatever the number of
     * threads behind the executor. The limits hold as they do there: no more than {@link Limits#maxFiles()} files are
     * read, and a pack past that limit, a folder or file that cannot be read, or a pack folder that is itself a link is
     * read again by the one-thread walk, so its problems are exactly the walk's. The tasks never wait for each other;
     * the calling thread waits for them.
     */
    public SortedMap<String, byte[]> readAll(List<Problem> problems, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        if (!Files.isDirectory(root) || Files.isSymbolicLink(root)) {
            return readAll(problems); // nothing to share out, or the walk's own case of a linked pack folder
        }
        ParallelWalk walk = new ParallelWalk();
        try {
            walk.real = realRoot();
        } catch (IOException e) {
            return readAll(problems);
        }
        // an absolute, normalised pack folder: each file's pack-relative name is its folder's and its own, which
        // Path.relativize would find again from both paths' names (about a tenth of the walk's allocation)
        boolean plain = root.isAbsolute() && root.normalize().equals(root) && "/".equals(root.getFileSystem().getSeparator());
        Folder top = new Folder(root, plain ? "" : null);
        walk.start(top, executor);
        walk.done.join();
        if (walk.fallBack) {
            top = null; // what the tasks read is let go before the walk reads the pack again
            return readAll(problems);
        }
        // the walk's order: depth first, each folder's entries in the order the folder listed them
        SortedMap<String, byte[]> out = new TreeMap<>();
        java.util.ArrayDeque<java.util.Iterator<Object>> stack = new java.util.ArrayDeque<>();
        stack.push(top.entries.iterator());
        while (!stack.isEmpty()) {
            java.util.Iterator<Object> it = stack.peek();
            if (!it.hasNext()) {
                stack.pop();
                continue;
            }
            Object e = it.next();
            if (e instanceof Folder f) {
                stack.push(f.entries.iterator());
            } else if (e instanceof Problem p) {
                problems.add(p);
            } else {
                Taken t = (Taken) e;
                out.put(t.rel, t.bytes);
            }
        }
        return out;
    }

    /** A folder of a parallel walk: its files read, its problems and its sub-folders, in listing order. */
    private static final class Folder {
        final Path path;
        /** The folder's pack-relative name ("" for the pack folder), or null: its files' names by {@code relativize}. */
        final String rel;
        /** {@link Folder}, {@link Problem} or {@link Taken}, in the order the folder listed them. */
        final List<Object> entries = new ArrayList<>();

        Folder(Path path, String rel) {
            this.path = path;
            this.rel = rel;
        }

        /** The pack-relative name of {@code p}, an entry of this folder, with forward slashes. */
        String rel(Path root, Path p) {
            if (rel == null) {
                return root.relativize(p).toString().replace('\\', '/');
            }
            String name = p.getFileName().toString();
            return rel.isEmpty() ? name : rel + "/" + name;
        }
    }

    private record Taken(String rel, byte[] bytes) {
    }

    /** One {@link #readAll(List, Executor)}: what its tasks share. */
    private final class ParallelWalk {
        final java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
        /**
         * Files met that the walk would count (not hidden, regular, inside the pack): while at most
         * {@link Limits#maxFiles()}, the walk cannot have stopped at the limit.
         */
        final java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        /** Bytes of the files met that the walk would take: while at most {@link Limits#maxTotalBytes()}, it took them all. */
        final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        /** Folders met that the walk would enter (not hidden): while at most {@link Limits#maxFiles()}, it entered them all. */
        final java.util.concurrent.atomic.AtomicInteger folders = new java.util.concurrent.atomic.AtomicInteger();
        volatile boolean fallBack;
        Path real;

        void start(Folder f, Executor executor) {
            pending.incrementAndGet();
            try {
                executor.execute(() -> visit(f, executor));
            } catch (RuntimeException e) { // rejected: the calling thread lists it
                visit(f, executor);
            }
        }

        void visit(Folder folder, Executor executor) {
            boolean listed = false;
            try {
                if (!fallBack) {
                    list(folder, executor);
                }
                listed = true;
            } catch (IOException | RuntimeException e) {
                // the one-thread walk reports it where it meets it
            } finally {
                if (!listed) {
                    fallBack = true;
                }
                if (pending.decrementAndGet() == 0) {
                    done.complete(null);
                }
            }
        }

        /** What the one-thread walk's visitor does with each entry of the folder. */
        private void list(Folder folder, Executor executor) throws IOException {
            List<Folder> below = new ArrayList<>();
            try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(folder.path)) {
                for (Path p : s) {
                    if (fallBack) {
                        return;
                    }
                    BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (attrs.isDirectory()) {
                        if (p.getFileName().toString().startsWith(".")) {
                            continue; // not part of a pack (a .git folder): never listed
                        }
                        if (folders.incrementAndGet() > limits.maxFiles) { // the walk says where it stops
                            fallBack = true;
                            return;
                        }
                        Folder f = new Folder(p, folder.rel == null ? null : folder.rel(root, p));
                        folder.entries.add(f);
                        below.add(f);
                        continue;
                    }
                    String rel = folder.rel(root, p);
                    if (rel.startsWith(".") || rel.contains("/.")) {
                        continue;
                    }
                    long size = attrs.size();
                    if (attrs.isSymbolicLink()) {
                        if (!Files.isRegularFile(p)) {
                            continue;
                        }
                        if (!p.toRealPath().startsWith(real)) {
                            folder.entries.add(Problem.of(rel, 0, 0, ProblemCode.LINK_OUTSIDE_PACK, "file", rel));
                            continue;
                        }
                        size = Files.size(p);
                    } else if (!attrs.isRegularFile()) {
                        continue;
                    }
                    // the walk checks the count before the size: a file too large also counts here, so that
                    // up to the limit the walk cannot have stopped, and past it the walk says where it stops
                    if (seen.incrementAndGet() > limits.maxFiles) {
                        fallBack = true;
                        return;
                    }
                    if (size > limits.maxFileBytes) {
                        folder.entries.add(tooLarge(rel));
                        continue;
                    }
                    if (bytes.addAndGet(size) > limits.maxTotalBytes) { // the walk says where it stops
                        fallBack = true;
                        return;
                    }
                    beforeRead(p);
                    byte[] b = readAtMost(p, size, limits.maxFileBytes);
                    if (b.length > limits.maxFileBytes) { // it grew past the limit after its size was checked
                        bytes.addAndGet(-size);
                        folder.entries.add(tooLarge(rel));
                        continue;
                    }
                    if (bytes.addAndGet(b.length - size) > limits.maxTotalBytes) { // it grew: the walk says where
                        fallBack = true;
                        return;
                    }
                    folder.entries.add(new Taken(rel, b));
                }
            }
            for (Folder f : below) {
                start(f, executor);
            }
        }
    }

    /**
     * Pack text from bytes: strict UTF-8 (a malformed byte is refused, never replaced), the
     * byte-order mark dropped, Unicode NFC. This is the one decoder of pack text: every reader of a pack file's
     * text, in every module and on every path (a folder, a prebuilt artifact), decodes through it.
     *
     * @throws PackReadException {@code NOT_UTF8} at the line and column of the first malformed byte
     */
    public static String decode(String file, byte[] bytes) {
        return decode(file, bytes, 0, bytes.length);
    }

    /** {@link #decode(String, byte[])} of {@code bytes[from, from + n)}. */
    static String decode(String file, byte[] bytes, int from, int n) {
        if (ascii(bytes, from, n)) {
            return new String(bytes, from, n, StandardCharsets.ISO_8859_1); // NFC already, no buffer needed
        }
        Scratch s = Scratch.borrow();
        try {
            String text = s.utf8(file, bytes, from, n);
            return s.plain ? text : normalize(text);
        } finally {
            Scratch.giveBack(s);
        }
    }

    /** Whether {@code bytes[from, from + n)} are all ASCII. */
    private static boolean ascii(byte[] b, int from, int n) {
        int to = from + n;
        int i = from;
        while (i < to && b[i] >= 0) {
            i++;
        }
        return i == to;
    }

    /**
     * Checks that {@code bytes} are UTF-8 as {@link #decode} would (the same decoder), without making the normalised
     * text: for a reader that reads a file's content another way (a prebuilt pack's stored tree of it) and must still
     * refuse the file as a folder load would.
     *
     * @throws PackReadException {@code NOT_UTF8} at the line and column of the first malformed byte
     */
    public static void requireUtf8(String file, byte[] bytes) {
        if (ascii(bytes, 0, bytes.length)) {
            return;
        }
        Scratch s = Scratch.borrow();
        try {
            s.decode(file, bytes, 0, bytes.length);
        } finally {
            Scratch.giveBack(s);
        }
    }

    /**
     * Strict UTF-8 of {@code bytes[from, from + n)}, neither the byte-order mark dropped nor normalised.
     *
     * @throws PackReadException {@code NOT_UTF8} at the line and column of the first malformed byte
     */
    static String utf8(String file, byte[] bytes, int from, int n) {
        if (ascii(bytes, from, n)) {
            return new String(bytes, from, n, StandardCharsets.ISO_8859_1);
        }
        Scratch s = Scratch.borrow();
        try {
            return s.utf8(file, bytes, from, n);
        } finally {
            Scratch.giveBack(s);
        }
    }

    /** The characters the decoding buffers kept between texts hold now, all threads together (for tests). */
    static long keptDecodingChars() {
        long n = 0;
        for (int i = 0; i < Scratch.KEPT_SCRATCH.length(); i++) {
            Scratch s = Scratch.KEPT_SCRATCH.get(i);
            n += s == null ? 0 : s.chars.length;
        }
        return n;
    }

    /**
     * The decoder: a strict UTF-8 decoder written out, with a buffer of characters it reuses. The JDK's
     * {@code new String(bytes, UTF_8)} of text that is not all Latin-1 allocates the bytes' length, then twice it,
     * then the string (about three times the file's size thrown away per text); this allocates the string and, since
     * {@code new String(char[])} tries Latin-1 first, the characters' count once more.
     *
     * <p>Well-formed UTF-8 is exactly the byte sequences of the Unicode standard's table 3-7, which the JDK's
     * reporting decoder also accepts and nothing else: an overlong form, a surrogate (U+D800–U+DFFF), a code point over
     * U+10FFFF, a byte C0, C1 or F5–FF, a continuation byte without its lead, a sequence cut short, each is malformed
     * at its first byte, and the text before it is what the line and column count.
     *
     * <p>Buffers are kept between texts in a small shared set ({@link #KEPT_SCRATCH}), not one a thread: a thread
     * borrows one for a text and gives it back, so a process keeps at most {@link #SLOTS} of them (each at most
     * {@link #KEPT} characters) whatever the number of threads that ever decoded pack text — a service's request
     * threads that load a pack once keep nothing. A thread that finds none free decodes into a buffer of its own.
     */
    private static final class Scratch {
        /** The largest buffer kept between texts (a larger text gets a buffer of its own): 128 KB. */
        private static final int KEPT = 64 * 1024;
        /** How many buffers are kept for the whole process: enough for every load and compile thread at once. */
        static final int SLOTS = Math.min(32, Math.max(8, 2 * Runtime.getRuntime().availableProcessors()));
        /** The buffers kept between texts; a slot is empty while its buffer is lent. */
        static final java.util.concurrent.atomic.AtomicReferenceArray<Scratch> KEPT_SCRATCH =
                new java.util.concurrent.atomic.AtomicReferenceArray<>(SLOTS);

        /** A kept buffer (the thread's own slot first, so threads seldom contend), or a new one. */
        static Scratch borrow() {
            int start = (int) (Thread.currentThread().getId() % SLOTS);
            for (int k = 0; k < SLOTS; k++) {
                int i = (start + k) % SLOTS;
                Scratch s;
                if (KEPT_SCRATCH.get(i) != null && (s = KEPT_SCRATCH.getAndSet(i, null)) != null) {
                    return s;
                }
            }
            return new Scratch();
        }

        /** Keeps {@code s} for the next text if a slot is free; otherwise it is garbage. */
        static void giveBack(Scratch s) {
            int start = (int) (Thread.currentThread().getId() % SLOTS);
            for (int k = 0; k < SLOTS; k++) {
                if (KEPT_SCRATCH.compareAndSet((start + k) % SLOTS, null, s)) {
                    return;
                }
            }
        }

        private char[] chars = new char[4096];
        /** Whether the last text decoded is made only of characters NFC whatever their neighbours. */
        boolean plain;

        /** The text, or {@code NOT_UTF8}; {@link #plain} says whether it needs {@link #normalize}. */
        String utf8(String file, byte[] b, int from, int n) {
            int to = from + n;
            int i = from;
            while (i < to && b[i] >= 0) {
                i++;
            }
            if (i == to) {
                plain = true;
                return new String(b, from, n, StandardCharsets.ISO_8859_1); // ASCII
            }
            char[] out = buffer(n);
            return new String(out, 0, decode(file, b, from, n, out));
        }

        /** Decodes into {@link #chars} (or a buffer of its own for a large text) without making a string. */
        void decode(String file, byte[] b, int from, int n) {
            decode(file, b, from, n, buffer(n));
        }

        /** A buffer for {@code n} bytes' characters (never more than the bytes): the kept one, grown up to {@link #KEPT}. */
        private char[] buffer(int n) {
            if (n <= chars.length) {
                return chars;
            }
            if (n > KEPT) {
                return new char[n];
            }
            chars = new char[Math.max(n, Math.min(KEPT, 2 * chars.length))];
            return chars;
        }

        /** Decodes {@code b[from, from + n)} into {@code out} (at least {@code n} long); the characters written. */
        private int decode(String file, byte[] b, int from, int n, char[] out) {
            int to = from + n;
            int i = from;
            int k = 0;
            boolean p = true;
            while (i < to) {
                int b1 = b[i];
                if (b1 >= 0) {
                    out[k++] = (char) b1;
                    i++;
                    continue;
                }
                b1 &= 0xFF;
                if (b1 < 0xE0) { // two bytes: C2..DF 80..BF
                    int b2;
                    if (b1 < 0xC2 || i + 1 >= to || ((b2 = b[i + 1]) & 0xC0) != 0x80) {
                        throw malformed(file, out, k);
                    }
                    p &= b1 <= 0xCB; // below U+0300
                    out[k++] = (char) (((b1 & 0x1F) << 6) | (b2 & 0x3F));
                    i += 2;
                } else if (b1 < 0xF0) { // three bytes: E0 A0..BF, E1..EC 80..BF, ED 80..9F, EE..EF 80..BF; then 80..BF
                    int b2;
                    int b3;
                    if (i + 2 >= to) {
                        throw malformed(file, out, k);
                    }
                    b2 = b[i + 1] & 0xFF;
                    b3 = b[i + 2];
                    if ((b2 & 0xC0) != 0x80 || (b1 == 0xE0 && b2 < 0xA0) || (b1 == 0xED && b2 > 0x9F)
                            || (b3 & 0xC0) != 0x80) {
                        throw malformed(file, out, k);
                    }
                    char ch = (char) (((b1 & 0x0F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F));
                    p &= nfcWhateverTheNeighbours(ch); // U+1E00..U+1EFF, punctuation, arrows
                    out[k++] = ch;
                    i += 3;
                } else { // four bytes: F0 90..BF, F1..F3 80..BF, F4 80..8F; then 80..BF twice
                    if (b1 > 0xF4 || i + 3 >= to) {
                        throw malformed(file, out, k);
                    }
                    int b2 = b[i + 1] & 0xFF;
                    int b3 = b[i + 2];
                    int b4 = b[i + 3];
                    if ((b2 & 0xC0) != 0x80 || (b1 == 0xF0 && b2 < 0x90) || (b1 == 0xF4 && b2 > 0x8F)
                            || (b3 & 0xC0) != 0x80 || (b4 & 0xC0) != 0x80) {
                        throw malformed(file, out, k);
                    }
                    int cp = ((b1 & 0x07) << 18) | ((b2 & 0x3F) << 12) | ((b3 & 0x3F) << 6) | (b4 & 0x3F);
                    p = false;
                    out[k++] = Character.highSurrogate(cp);
                    out[k++] = Character.lowSurrogate(cp);
                    i += 4;
                }
            }
            plain = p;
            return k;
        }
    }

    /**
     * {@code NOT_UTF8} at the first malformed sequence, after the {@code n} characters decoded before it: its line,
     * and its column in characters of that line.
     */
    private static PackReadException malformed(String file, char[] decoded, int n) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < n; i++) {
            char c = decoded[i];
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c) && !(i == 0 && c == '\uFEFF')) {
                column++; // a character outside the BMP is one column; the byte-order mark none (it is dropped)
            }
        }
        return new PackReadException(Problem.of(file, line, column, ProblemCode.NOT_UTF8, "file", file));
    }

    /** The byte-order mark dropped and Unicode NFC (a no-op, without copying, for text already in NFC). */
    public static String normalize(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && nfcWhateverTheNeighbours(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s; // NFC already, without asking the normaliser (Vietnamese text is all such letters)
        }
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * Whether a text made only of such characters is in NFC, whatever their order: those below U+0300 (ASCII,
     * Latin-1, Latin Extended-A and B, spacing modifiers), Latin Extended Additional (U+1E00–U+1EFF, where the
     * precomposed Vietnamese letters with two marks live, "ề", "ự"), and the punctuation and symbols pack texts use
     * beside them (session 19): General Punctuation from U+2010 to U+2027 and U+2030 to U+205E (dashes, quotation
     * marks, "…", "‰"; not U+2000–U+2001, which decompose, nor the separators and format controls), the currency signs
     * U+20A0–U+20BF ("₫"), the arrows and the mathematical operators U+2190–U+22FF ("→", "≤"). Each decomposes to
     * nothing else in NFC, none combines with what comes before it, and none reorders (canonical combining class 0,
     * NFC quick check "yes"; {@code PackReaderTest} checks every pair). An en dash or an arrow sent a whole text through
     * the normaliser, ≈ 1.5 % of a 2,000-procedure load's CPU.
     */
    static boolean nfcWhateverTheNeighbours(char c) {
        return c < '\u0300' || (c >= '\u1E00' && c <= '\u1EFF') || (c >= '\u2010' && c <= '\u2027')
                || (c >= '\u2030' && c <= '\u205E') || (c >= '\u20A0' && c <= '\u20BF') || (c >= '\u2190' && c <= '\u22FF');
    }

    /**
     * The positioned tree of YAML (or JSON, which is YAML) text: one parse, every node with its line,
     * column and JSON pointer.
     *
     * @throws PackReadException {@code YAML_EMPTY}, {@code YAML_SYNTAX}, {@code DUPLICATE_KEY}, {@code TOO_DEEP}
     */
    public static PackNode yaml(String file, String text, Limits limits) {
        return YamlTrees.read(file, text, limits.maxDepth);
    }

    /**
     * RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside; each record keeps its line. At most
     * {@link ProblemSink#MAX} problems are listed, the first found; past them one {@link ProblemCode#PROBLEMS_MORE}
     * counts the others (its argument {@code count}), which were counted without being made.
     */
    public static CsvTable csv(String file, String text) {
        return CsvParser.parse(file, text);
    }

    /**
     * As {@link #csv(String, String)}, reading at most {@code maxCells} cells (a hostile text of millions of cells
     * makes at most {@code maxCells} strings): the records before the one holding cell {@code maxCells + 1} are read,
     * that record and the rest are not, and the problems end with one {@link ProblemCode#CSV_TOO_MANY_CELLS} at its
     * line (argument {@code max}), listed after the problems found before it whatever their number. A text of at most
     * {@code maxCells} cells reads exactly as {@link #csv(String, String)} reads it. Cells are counted as this reader
     * splits them: every cell of every record, empty ones included ({@code a,,b} is three).
     *
     * @throws IllegalArgumentException if {@code maxCells} is negative
     */
    public static CsvTable csv(String file, String text, int maxCells) {
        return CsvParser.parse(file, text, ProblemSink.MAX, maxCells);
    }

    private Path inside(String file) {
        Objects.requireNonNull(file, "file");
        String f = strip(file);
        Path rel = root.getFileSystem().getPath(f.isEmpty() ? "." : f);
        if (rel.isAbsolute() || f.startsWith("/") || f.contains("\\")) {
            throw new PackReadException(Problem.of(file, 0, 0, ProblemCode.LINK_OUTSIDE_PACK, "file", file));
        }
        for (Path part : rel) {
            if ("..".equals(part.toString())) {
                throw new PackReadException(Problem.of(file, 0, 0, ProblemCode.LINK_OUTSIDE_PACK, "file", file));
            }
        }
        return root.resolve(rel);
    }

    private static String strip(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }

    /** The real target of {@code p} (following links on the whole way) must lie in the real pack root. */
    private void checkLinks(String file, Path p) throws IOException {
        if (!Files.isSymbolicLink(p) && !anyLinkOnTheWay(p)) {
            return;
        }
        if (!p.toRealPath().startsWith(realRoot())) {
            throw new PackReadException(Problem.of(file, 0, 0, ProblemCode.LINK_OUTSIDE_PACK, "file", file));
        }
    }

    private boolean anyLinkOnTheWay(Path p) {
        Path rel = root.relativize(p);
        Path at = root;
        for (Path part : rel) {
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) {
                return true;
            }
        }
        return false;
    }

    private Path realRoot() throws IOException {
        Path r = realRoot;
        if (r == null) {
            r = root.toRealPath();
            realRoot = r;
        }
        return r;
    }

    /**
     * The bytes of {@code file}, whose size was found to be {@code size} (at most {@code max}), reading never more than
     * {@code max + 1} bytes whatever the file holds by now: a file that grew between the check of its size and its read
     * (an editor still writing, a log appended to) is read only far enough to show that it passed {@code max}, instead
     * of whole. A file that shrank is read as it is now.
     *
     * @return at most {@code max + 1} bytes; more than {@code max} means the file is over the limit
     */
    public static byte[] readAtMost(Path file, long size, long max) throws IOException {
        long cap = Math.min(max, Integer.MAX_VALUE - 16L); // the largest array; a limit over it is as good as none
        int first = (int) Math.max(0, Math.min(size, cap));
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] b = new byte[first];
            int n = in.readNBytes(b, 0, first);
            if (n < first) {
                return java.util.Arrays.copyOf(b, n); // it shrank
            }
            int next = in.read();
            if (next < 0) {
                return b; // what its size said: the usual case, one array of the exact size
            }
            // it grew since its size was taken: read on, but no further than one byte past the limit
            byte[] rest = in.readNBytes((int) (cap - first));
            byte[] all = java.util.Arrays.copyOf(b, first + 1 + rest.length);
            all[first] = (byte) next;
            System.arraycopy(rest, 0, all, first + 1, rest.length);
            return all;
        }
    }

    /** For tests: run between the check of a file's size and its read by {@link #readAll}, e.g. to make it grow. */
    static volatile java.util.function.Consumer<Path> beforeReadHook;

    private static void beforeRead(Path p) {
        java.util.function.Consumer<Path> h = beforeReadHook;
        if (h != null) {
            h.accept(p);
        }
    }

    private Problem tooManyFolders(String folder) {
        return Problem.of(folder, 0, 0, ProblemCode.PACK_TOO_MANY_FOLDERS, "max", Integer.toString(limits.maxFiles));
    }

    private Problem tooManyBytes(String file) {
        return Problem.of(file, 0, 0, ProblemCode.PACK_TOO_MANY_BYTES, "max", Long.toString(limits.maxTotalBytes));
    }

    private Problem tooLarge(String file) {
        return Problem.of(file, 0, 0, ProblemCode.FILE_TOO_LARGE, "max", Long.toString(limits.maxFileBytes));
    }

    private static Problem ioProblem(String file, IOException e) {
        return ReadFailures.problem(file, e); // a sentence first, the system's text quoted after the English
    }
}
