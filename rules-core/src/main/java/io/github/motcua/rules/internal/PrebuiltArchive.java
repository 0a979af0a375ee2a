package io.github.motcua.rules.internal;

import io.github.motcua.kernel.PackReadException;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.kernel.PackTrees;
import io.github.motcua.rules.PackProblem;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The prebuilt pack (gói dựng sẵn) on disk: a pack's files and, for each procedure, the rule classes
 * its compile generated and verified, in one file whose identity is the pack's content hash.
 *
 * <p>Layout (all integers big-endian):
 * <pre>
 * "MOTCUA-PREBUILT\n"                  16 bytes
 * u16 format version                   {@link #FORMAT}
 * str library version, str Drools version, str content hash (SHA-256 of the pack files, hex)
 * u64 body length
 * body                                 zlib DEFLATE of: u32 entry count, then per entry
 *                                      u8 kind, str name, u32 length, bytes
 *                                        'F' a pack file: name = its pack path
 *                                        'T' the parsed tree of a YAML pack file ({@link PackTrees}): name = its path
 *                                        'P' a procedure's compile: name = its rule key (hex), bytes = model class
 *                                        'C' a class: name = rule key + '/' + internal class name
 *                                        'D' a procedure's rules as data (format 5; constraints as written since 6): name = its rule key,
 *                                            bytes = {@link DataRulesFormat}; no 'P' or 'C' for that key
 * 32 bytes                             SHA-256 of everything before it
 * (str = u16 length + UTF-8)
 * </pre>
 * There are no directories, links or absolute paths in the format: a name is a pack path checked as
 * the folder reader checks one, or a class name of letters, digits, {@code _ $ /}. The file is hostile
 * input: its size, the inflated size and ratio, the entry count and every entry's size are bounded
 * while reading (nothing is trusted from a declared size), and anything wrong is one {@link PackProblem}
 * at the file. The versions are read first, so an artifact of another library version is refused by
 * name before its body is touched. The checksum catches a damaged file; the content hash catches pack
 * files changed after the build. Neither proves anything against someone who can rewrite the file:
 * the engine verifies the bytecode of every class again before defining it ({@link RuleClasses#fromPrebuilt}).
 *
 * <p>Stateless and thread-safe.
 */
final class PrebuiltArchive {
    static final int FORMAT = 6;
    static final byte[] MAGIC = "MOTCUA-PREBUILT\n".getBytes(StandardCharsets.US_ASCII);
    /** Largest artifact file read. */
    static final long MAX_FILE_BYTES = 512L * 1024 * 1024;
    /** Largest inflated body. */
    static final long MAX_INFLATED_BYTES = 1024L * 1024 * 1024;
    /** Inflated body at most this many times the compressed one (beyond the first {@link #RATIO_FREE_BYTES}). */
    static final long MAX_RATIO = 100;
    static final long RATIO_FREE_BYTES = 16L * 1024 * 1024;
    /** Pack files: the folder reader's limits. */
    static final int MAX_PACK_FILES = PackFiles.LIMITS.maxFiles();
    static final long MAX_PACK_FILE_BYTES = PackFiles.LIMITS.maxFileBytes();
    /** Classes: far more than 50,000 procedures' worth of generated classes would be odd. */
    static final int MAX_ENTRIES = 1_000_000;
    static final int MAX_CLASS_BYTES = 4 * 1024 * 1024;
    /** A stored tree: its positions and tags make it at most a few times its file (8 MB at most). */
    static final long MAX_TREE_BYTES = 4 * MAX_PACK_FILE_BYTES;
    /**
     * The YAML files a stored tree is written for: those the engine's own readers parse ({@link PackLoader#yaml}).
     * The import's layer files and the rule texts are read otherwise.
     */
    static final Pattern TREE_FILE = Pattern.compile(
            "pack\\.yaml|units\\.yaml|parameters\\.yaml|legal-bases\\.yaml|legal-bases/.*\\.ya?ml|procedures/[^/]+/procedure\\.yaml|procedures/[^/]+/cases/.*\\.ya?ml");
    static final int MAX_NAME_BYTES = 1024;
    private static final int TRAILER = 32;
    static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(/[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final Pattern HASH = KEY;
    private static final String[] VERSIONS = versions();

    private PrebuiltArchive() {
    }

    /** The library and Drools versions of this build (from a resource Maven fills in). */
    private static String[] versions() {
        Properties p = new Properties();
        try (InputStream in = PrebuiltArchive.class.getResourceAsStream("prebuilt-versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unreadable resource: versions stay unknown, every artifact is refused
        }
        return new String[] {p.getProperty("library", "unknown"), p.getProperty("drools", "unknown")};
    }

    static String libraryVersion() {
        return VERSIONS[0];
    }

    static String droolsVersion() {
        return VERSIONS[1];
    }

    /** What an artifact holds: the pack files (hash verified) and each procedure's classes by rule key. */
    record Contents(PackFiles files, Map<String, RuleClasses.Generated> byKey) {
    }

    /** Whether the file starts as an artifact does (a quick look at the first bytes; no validation). */
    static boolean looksLikeArtifact(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes the artifact atomically (a temporary file beside it, then a move): the same pack and
     * versions give the same bytes.
     *
     * @param byKey every procedure's generated classes by rule key ({@link ProcedureCompiler#key})
     */
    static void write(Path out, PackFiles files, Map<String, RuleClasses.Generated> byKey) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(raw);
        Map<String, byte[]> trees = trees(files);
        int count = files.files().size() + trees.size();
        for (RuleClasses.Generated g : byKey.values()) {
            count += 1 + g.classes().size();
        }
        // (a procedure's rules as data are one entry, 'D', in place of 'P')
        body.writeInt(count);
        for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
            entry(body, 'F', f.getKey(), f.getValue());
        }
        for (Map.Entry<String, byte[]> t : trees.entrySet()) {
            entry(body, 'T', t.getKey(), t.getValue());
        }
        for (Map.Entry<String, RuleClasses.Generated> p : new TreeMap<>(byKey).entrySet()) {
            if (p.getValue().data() != null) {
                entry(body, 'D', p.getKey(), DataRulesFormat.encode(p.getValue().data()));
                continue;
            }
            String model = p.getValue().modelClass() == null ? "" : p.getValue().modelClass();
            entry(body, 'P', p.getKey(), model.getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> c : p.getValue().classes().entrySet()) {
                entry(body, 'C', p.getKey() + "/" + c.getKey(), c.getValue());
            }
        }
        body.flush();
        byte[] compressed = deflate(raw.toByteArray());

        ByteArrayOutputStream all = new ByteArrayOutputStream(compressed.length + 256);
        DataOutputStream head = new DataOutputStream(all);
        head.write(MAGIC);
        head.writeShort(FORMAT);
        str(head, libraryVersion());
        str(head, droolsVersion());
        str(head, files.sha256());
        head.writeLong(compressed.length);
        head.write(compressed);
        head.flush();
        byte[] content = all.toByteArray();
        Path dir = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".motcua-prebuilt", ".tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                o.write(content);
                o.write(sha256(content, 0, content.length));
            }
            readableLikeAPublishedFile(tmp, out);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A temporary file is created owner-only ({@code rw-------}); an artifact is published to nodes that often run
     * under another user, and holds nothing secret (the pack's law and rules). So it gets the permissions of the file
     * it replaces, or {@code rw-r--r--} when it is new, where the file system has POSIX permissions.
     */
    static void readableLikeAPublishedFile(Path tmp, Path out) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            return;
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = Files.exists(out)
                ? Files.getPosixFilePermissions(out)
                : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(tmp, perms);
    }

    /**
     * The tree of every YAML file the engine's readers parse, by path (sorted), parsed as {@link PackLoader#yaml}
     * parses it; a file that does not parse, or whose tree would be over {@link #MAX_TREE_BYTES}, gets none and is
     * parsed at load.
     */
    static SortedMap<String, byte[]> trees(PackFiles files) {
        SortedMap<String, byte[]> out = new TreeMap<>();
        for (String path : files.files().keySet()) {
            if (!TREE_FILE.matcher(path).matches()) {
                continue;
            }
            try {
                byte[] tree = PackTrees.write(PackReader.yaml(path, files.text(path), PackFiles.LIMITS));
                if (tree != null && tree.length <= MAX_TREE_BYTES) {
                    out.put(path, tree);
                }
            } catch (PackReadException e) {
                // not a tree: the load parses the text and reports it
            }
        }
        return out;
    }

    private static void entry(DataOutputStream out, char kind, String name, byte[] data) throws IOException {
        out.writeByte(kind);
        str(out, name);
        out.writeInt(data.length);
        out.write(data);
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new IOException("name too long for a prebuilt pack: " + s.substring(0, 80));
        }
        out.writeShort(b.length);
        out.write(b);
    }

    private static byte[] deflate(byte[] in) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(in);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, in.length / 4));
            byte[] buf = new byte[64 * 1024];
            while (!d.finished()) {
                int n = d.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** A refusal: one problem at the artifact, carried out of the reader. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final transient PackProblem problem;
        /**
         * A refusal of the compressed body itself (damaged, truncated, past a limit, data after it): found by inflating,
         * it wins over anything its entries would be refused for, as when the whole body was inflated before any entry
         * was read.
         */
        final boolean deflate;

        Refused(PackProblem problem) {
            this(problem, false);
        }

        private Refused(PackProblem problem, boolean deflate) {
            super(problem.messageEn(), null, false, false);
            this.problem = problem;
            this.deflate = deflate;
        }

        Refused ofTheBody() {
            return new Refused(problem, true);
        }
    }

    /** A refusal at the file: stable {@code code}, message from rules-core's bundle {@code key} in both languages. */
    private static Refused refuse(String file, String code, String key, String... pairs) {
        return new Refused(Msg.problem(file, 0, 0, code, key, pairs));
    }

    /**
     * Reads and checks an artifact; null (with exactly one problem added, at {@code file}) when it is
     * refused. Nothing partial is ever returned.
     */
    static Contents read(Path file, java.util.List<PackProblem> problems) {
        return read(file, problems, Runnable::run);
    }

    /**
     * {@link #read(Path, java.util.List)}, decoding the procedures' rules as data in batches on {@code pool} (the
     * engine's load threads) while this thread reads the remaining entries, then helping with what is left. The
     * artifact is accepted or refused as a serial read would: the refusal of the entry first in the file wins.
     */
    static Contents read(Path file, java.util.List<PackProblem> problems, java.util.concurrent.Executor pool) {
        return read(file, problems, pool, true);
    }

    /**
     * {@link #read(Path, java.util.List, java.util.concurrent.Executor)}; without {@code fileDigests} the reader works
     * out only the pack's hash, not each file's and stored tree's SHA-256 (a first load's reuse keys are worked out
     * after it: {@link PackLoader.LaterKeys}). What is accepted and refused is the same.
     */
    static Contents read(Path file, java.util.List<PackProblem> problems, java.util.concurrent.Executor pool, boolean fileDigests) {
        String name = file.toString();
        try {
            return readChecked(file, name, pool, fileDigests);
        } catch (Refused r) {
            problems.add(r.problem);
            return null;
        } catch (IOException e) {
            // a sentence first, the system's own text only quoted after the English (kernel ReadFailures)
            problems.add(PackProblem.of(io.github.motcua.kernel.ReadFailures.problem(name, e)));
            return null;
        }
    }

    /** For tests: run between the check of the artifact's size and its read, e.g. to make it grow. */
    static volatile java.util.function.Consumer<Path> beforeReadHook;

    private static void beforeRead(Path file) {
        java.util.function.Consumer<Path> h = beforeReadHook;
        if (h != null) {
            h.accept(file);
        }
    }

    private static Contents readChecked(Path file, String name, java.util.concurrent.Executor pool, boolean fileDigests)
            throws IOException, Refused {
        if (!Files.isRegularFile(file)) {
            throw refuse(name, "PACK_NOT_FOUND", "load.prebuilt.notFound");
        }
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw tooLarge(name, "load.prebuilt.fileTooLarge", "size", String.valueOf(size), "max", String.valueOf(MAX_FILE_BYTES));
        }
        beforeRead(file);
        // never more than the size just checked and one byte, whatever the file holds by now: an artifact that grew since
        // (a build or a copy still writing it) is refused, not read whole
        byte[] all = io.github.motcua.kernel.PackReader.readAtMost(file, size, size);
        if (all.length > size) {
            throw tooLarge(name, "load.prebuilt.grew", "size", String.valueOf(size));
        }
        ByteBuffer in = ByteBuffer.wrap(all);
        if (all.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw refuse(name, "PREBUILT_CORRUPT", "load.prebuilt.notPrebuilt");
        }
        in.position(MAGIC.length);
        try {
            int format = Short.toUnsignedInt(in.getShort());
            String library = str(in, name);
            String drools = str(in, name);
            if (format != FORMAT || !library.equals(libraryVersion()) || !drools.equals(droolsVersion())) {
                throw refuse(name, "PREBUILT_VERSION", "load.prebuilt.version", "format", String.valueOf(format),
                        "library", library, "drools", drools, "thisFormat", String.valueOf(FORMAT),
                        "thisLibrary", libraryVersion(), "thisDrools", droolsVersion());
            }
            String hash = str(in, name);
            long bodyLength = in.getLong();
            if (!HASH.matcher(hash).matches() || bodyLength < 0 || bodyLength != in.remaining() - (long) TRAILER) {
                throw corrupt(name, "load.prebuilt.badHeader");
            }
            byte[] expected = Arrays.copyOfRange(all, all.length - TRAILER, all.length);
            if (!MessageDigest.isEqual(expected, sha256(all, 0, all.length - TRAILER))) {
                throw corrupt(name, "load.prebuilt.checksum");
            }
            Contents c;
            try (Body body = new Body(all, in.position(), (int) bodyLength, name)) {
                c = entries(body, name, pool, fileDigests);
            }
            if (!c.files().sha256().equals(hash)) {
                throw refuse(name, "PREBUILT_ALTERED", "load.prebuilt.altered");
            }
            return c;
        } catch (java.nio.BufferUnderflowException e) {
            throw corrupt(name, "load.prebuilt.truncated");
        }
    }

    private static Contents entries(Body in, String name, java.util.concurrent.Executor pool, boolean fileDigests)
            throws Refused {
        DataDecodes decodes = new DataDecodes(name, pool);
        Digests digests = new Digests(pool, fileDigests);
        try {
            return entries(in, name, decodes, digests);
        } catch (Refused r) {
            digests.cancel();
            if (r.deflate) {
                decodes.finish(); // nothing left running; the body's refusal comes before any entry's
                throw r;
            }
            // an entry before the refused one whose data does not decode was refused first in a serial read
            Refused earlier = decodes.firstFailure();
            throw earlier != null ? earlier : r;
        } catch (RuntimeException e) {
            digests.cancel();
            decodes.firstFailure(); // nothing left running behind an unexpected failure
            throw e;
        }
    }

    /** Where the entries' reading is: the entry being read, and its length until its bytes are read. */
    private static final class Cursor {
        String entry;
        long length = -1;
        long afterHeader;
    }

    /**
     * The entries, read from the body as it inflates. The refusals are those of a read of the body inflated whole
     * first: an entry's refusal is given only once the rest of the body has inflated without a refusal of its own
     * ({@link Body#drain}), and an entry refused before its bytes were read is refused as running past the end when
     * the body is shorter than its length (that check came first when the body's length was known).
     */
    private static Contents entries(Body in, String name, DataDecodes decodes, Digests digests) throws Refused {
        Cursor at = new Cursor();
        try {
            return entries(in, name, decodes, digests, at);
        } catch (Refused r) {
            if (r.deflate) {
                throw r;
            }
            long whole = in.drain(); // the body's own refusal wins
            if (at.length >= 0 && at.length > whole - at.afterHeader) {
                throw corrupt(name, "load.prebuilt.entryPastEnd", "entry", at.entry);
            }
            throw r;
        }
    }

    private static Contents entries(Body in, String name, DataDecodes decodes, Digests digests, Cursor at) throws Refused {
        long count = Integer.toUnsignedLong(in.u32());
        if (count > MAX_ENTRIES) {
            throw tooLarge(name, "load.prebuilt.tooManyEntries", "count", String.valueOf(count), "max", String.valueOf(MAX_ENTRIES));
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        Map<String, byte[]> trees = new HashMap<>();
        Map<String, String> models = new TreeMap<>();
        Map<String, Map<String, byte[]>> classes = new HashMap<>();
        java.util.Set<String> dataKeys = new java.util.HashSet<>(); // decoded by decodes, on the load threads
        java.util.Set<String> keysSeen = new java.util.HashSet<>(); // rule keys already checked against KEY
        for (long i = 0; i < count; i++) {
            int kind = in.u8();
            String entry = str(in, name);
            long length = Integer.toUnsignedLong(in.u32());
            at.entry = entry;
            at.length = length;
            at.afterHeader = in.position();
            switch (kind) {
                case 'F' -> {
                    if (!packPath(entry)) {
                        throw badEntry(name, entry);
                    }
                    if (length > MAX_PACK_FILE_BYTES) {
                        throw tooLarge(name, "load.prebuilt.entryFileTooLarge", "entry", entry, "max", String.valueOf(MAX_PACK_FILE_BYTES));
                    }
                    if (files.size() >= MAX_PACK_FILES) {
                        throw tooLarge(name, "load.prebuilt.tooManyFiles", "max", String.valueOf(MAX_PACK_FILES));
                    }
                    byte[] b = bytes(in, at);
                    if (files.put(entry, b) != null) {
                        throw duplicate(name, entry);
                    }
                    digests.file(entry, b);
                }
                case 'T' -> {
                    if (!TREE_FILE.matcher(entry).matches() || !packPath(entry)) {
                        throw badEntry(name, entry);
                    }
                    if (length > MAX_TREE_BYTES) {
                        throw tooLarge(name, "load.prebuilt.treeTooLarge", "entry", entry, "max", String.valueOf(MAX_TREE_BYTES));
                    }
                    byte[] b = bytes(in, at);
                    if (trees.put(entry, b) != null) {
                        throw duplicate(name, entry);
                    }
                    digests.tree(entry, b);
                }
                case 'P' -> {
                    String model = utf8(bytes(in, at), name);
                    if (!KEY.matcher(entry).matches() || !(model.isEmpty() || className(model))) {
                        throw badEntry(name, entry);
                    }
                    if (models.put(entry, model) != null || dataKeys.contains(entry)) {
                        throw duplicate(name, entry);
                    }
                }
                case 'D' -> {
                    if (!KEY.matcher(entry).matches()) {
                        throw badEntry(name, entry);
                    }
                    if (length > MAX_CLASS_BYTES) {
                        throw tooLarge(name, "load.prebuilt.classTooLarge", "entry", entry, "max", String.valueOf(MAX_CLASS_BYTES));
                    }
                    decodes.add(entry, bytes(in, at)); // checked before the duplicate, as serially
                    if (!dataKeys.add(entry) || models.containsKey(entry)) {
                        throw duplicate(name, entry);
                    }
                }
                case 'C' -> {
                    int slash = entry.indexOf('/');
                    String key = slash < 0 ? "" : entry.substring(0, slash);
                    String cls = slash < 0 ? "" : entry.substring(slash + 1);
                    if (!(keysSeen.contains(key) || KEY.matcher(key).matches() && keysSeen.add(key)) || !className(cls)) {
                        throw badEntry(name, entry);
                    }
                    if (length > MAX_CLASS_BYTES) {
                        throw tooLarge(name, "load.prebuilt.classTooLarge", "entry", entry, "max", String.valueOf(MAX_CLASS_BYTES));
                    }
                    if (classes.computeIfAbsent(key, k -> new TreeMap<>()).put(cls, bytes(in, at)) != null) {
                        throw duplicate(name, entry);
                    }
                }
                default -> throw corrupt(name, "load.prebuilt.unknownKind", "kind", String.valueOf(kind));
            }
        }
        boolean trailing = in.more();
        in.drain(); // the body's own refusal comes before the data's and the entries' below
        Map<String, DataRules.Translated> data = decodes.all(); // the first that does not decode refuses
        if (trailing) {
            throw corrupt(name, "load.prebuilt.trailingEntries");
        }
        Map<String, RuleClasses.Generated> byKey = new HashMap<>();
        for (Map.Entry<String, String> m : models.entrySet()) {
            Map<String, byte[]> mine = classes.remove(m.getKey());
            byKey.put(m.getKey(), new RuleClasses.Generated(mine == null ? Map.of() : mine,
                    m.getValue().isEmpty() ? null : m.getValue()));
        }
        if (!classes.isEmpty()) {
            throw badEntry(name, classes.keySet().iterator().next() + "/…");
        }
        data.forEach((key, t) -> byKey.put(key, RuleClasses.Generated.data(t)));
        for (String tree : new TreeMap<>(trees).keySet()) {
            if (!files.containsKey(tree)) {
                throw refuse(name, "PREBUILT_BAD_ENTRY", "load.prebuilt.treeWithoutFile", "entry", tree);
            }
        }
        Digests.Done d = digests.finish();
        return new Contents(PackFiles.of(name, files, trees, d.pack(), d.files(), d.trees()), Map.copyOf(byKey));
    }

    /**
     * What a load digests of the pack files anyway — the pack's hash ({@link PackFiles#sha256()}, the files in path
     * order) and each file's and stored tree's SHA-256 ({@link PackLoader}'s keys) — worked out on the load threads
     * while this thread inflates the rest of the body (session 17: before, the pack's hash ran on this thread after the
     * read, and the digests on the load threads beside the procedure folders). Batches are digested in the order they
     * were read, by one thread at a time (whichever holds the lock); {@link #finish} digests what is left. The files of
     * an artifact not in path order (not one the build wrote) get no pack hash here: {@link PackFiles} works it out.
     * Each file's and tree's SHA-256 only when asked ({@code fileDigests}: a reload, whose keys are compared during the
     * load; a first load's are worked out after it, {@link PackLoader.LaterKeys}, session 18).
     * One reader adds; not thread-safe beyond that.
     */
    private static final class Digests {
        static final int BATCH_BYTES = 256 * 1024;
        private final java.util.concurrent.Executor pool;
        private final java.util.concurrent.ConcurrentLinkedQueue<Batch> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
        private final java.util.List<Batch> all = new java.util.ArrayList<>();
        /** Guarded by {@link #lock}. */
        private final MessageDigest pack = sha256();
        /** Null when only the pack's hash is wanted. */
        private final MessageDigest file;
        private Batch open;
        private String last;
        private boolean ordered = true;

        record Done(String pack, Map<String, byte[]> files, Map<String, byte[]> trees) {
        }

        private static final class Batch {
            final java.util.List<String> paths = new java.util.ArrayList<>();
            final java.util.List<byte[]> bytes = new java.util.ArrayList<>();
            final java.util.BitSet isTree = new java.util.BitSet();
            final java.util.List<byte[]> digests = new java.util.ArrayList<>();
            long size;
        }

        Digests(java.util.concurrent.Executor pool, boolean fileDigests) {
            this.pool = pool;
            this.file = fileDigests ? sha256() : null;
        }

        static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 missing from the JDK", e);
            }
        }

        void file(String path, byte[] b) {
            ordered &= last == null || path.compareTo(last) > 0;
            last = path;
            add(path, b, false);
        }

        void tree(String path, byte[] b) {
            add(path, b, true);
        }

        private void add(String path, byte[] b, boolean tree) {
            if (open == null) {
                open = new Batch();
            }
            if (tree) {
                open.isTree.set(open.paths.size());
            }
            open.paths.add(path);
            open.bytes.add(b);
            open.size += b.length;
            if (open.size >= BATCH_BYTES) {
                submit();
            }
        }

        private void submit() {
            all.add(open);
            pending.add(open);
            open = null;
            try {
                pool.execute(this::tryDigest);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // finish() digests it
            }
        }

        private void tryDigest() {
            if (lock.tryLock()) {
                try {
                    digestPending();
                } finally {
                    lock.unlock();
                }
            }
        }

        /** Holding the lock: the pending batches, in order. */
        private void digestPending() {
            for (Batch b; (b = pending.poll()) != null;) {
                for (int i = 0; i < b.paths.size(); i++) {
                    byte[] bytes = b.bytes.get(i);
                    b.digests.add(file == null ? null : file.digest(bytes));
                    if (!b.isTree.get(i)) {
                        PackFiles.sha256(pack, b.paths.get(i), bytes);
                    }
                }
                b.bytes.clear();
            }
        }

        /** Every batch digested (waiting for a load thread digesting one): the pack's hash and the digests by path. */
        Done finish() {
            if (open != null) {
                submit();
            }
            Map<String, byte[]> files = new HashMap<>();
            Map<String, byte[]> trees = new HashMap<>();
            String hash;
            lock.lock();
            try {
                digestPending();
                hash = ordered ? java.util.HexFormat.of().formatHex(pack.digest()) : null;
            } finally {
                lock.unlock();
            }
            for (Batch b : all) {
                for (int i = 0; i < b.paths.size() && file != null; i++) {
                    (b.isTree.get(i) ? trees : files).put(b.paths.get(i), b.digests.get(i));
                }
            }
            return new Done(hash, files, trees);
        }

        /** A refused artifact: nothing more is digested (a load thread's task still queued finds nothing to do). */
        void cancel() {
            open = null;
            pending.clear();
        }
    }

    /** The current entry's bytes ({@code at.length} of them); the entry runs past the end when the body ends first. */
    private static byte[] bytes(Body in, Cursor at) throws Refused {
        byte[] b = in.bytes(at.length);
        if (b == null) {
            throw corrupt(in.name, "load.prebuilt.entryPastEnd", "entry", at.entry);
        }
        at.length = -1; // read: nothing of this entry can run past the end any more
        return b;
    }

    /**
     * The data entries' decoding ({@link DataRulesFormat#decode}), in batches of {@link #BATCH} handed to a pool as
     * they are read; whichever thread comes first to a batch decodes it (the reading thread takes what no pool thread
     * has started). Results and failures are kept in the file's order. Not thread-safe beyond that: one reader.
     */
    private static final class DataDecodes {
        static final int BATCH = 32;
        private final String name;
        private final java.util.concurrent.Executor pool;
        private final java.util.List<Batch> batches = new java.util.ArrayList<>();
        private Batch open;

        DataDecodes(String name, java.util.concurrent.Executor pool) {
            this.name = name;
            this.pool = pool;
        }

        void add(String key, byte[] bytes) {
            if (open == null) {
                open = new Batch();
            }
            open.keys.add(key);
            open.bytes.add(bytes);
            if (open.keys.size() == BATCH) {
                submit();
            }
        }

        private void submit() {
            Batch b = open;
            open = null;
            batches.add(b);
            try {
                pool.execute(b);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the reading thread decodes it in finish()
            }
        }

        /** Waits for every batch, decoding any not started on this thread. */
        private void finish() {
            if (open != null) {
                submit();
            }
            for (Batch b : batches) {
                b.run();
            }
            for (Batch b : batches) {
                b.done.join();
            }
        }

        /** The refusal of the first entry in the file that does not decode; null when all decode. */
        Refused firstFailure() {
            finish();
            for (Batch b : batches) {
                for (int i = 0; i < b.keys.size(); i++) {
                    if (b.out[i] instanceof DataRulesFormat.TooManyRules t) {
                        return refuse(name, "DRL_TOO_MANY_RULES", "load.prebuilt.tooManyDataRules", "entry", b.keys.get(i),
                                "count", String.valueOf(t.count), "max", String.valueOf(ProcedureCompiler.MAX_RULES));
                    }
                    if (b.out[i] instanceof IllegalArgumentException e) {
                        return corrupt(name, "load.prebuilt.badData", "entry", b.keys.get(i), "detail", io.github.motcua.kernel.Failures.detail(e));
                    }
                    if (b.out[i] instanceof RuntimeException e) {
                        throw e; // not a malformed entry: as a serial read, it is not a refusal
                    }
                    if (b.out[i] instanceof Error e) {
                        throw e;
                    }
                }
            }
            return null;
        }

        /** Every entry's rules by key, or the refusal of the first that does not decode. */
        Map<String, DataRules.Translated> all() throws Refused {
            Refused r = firstFailure();
            if (r != null) {
                throw r;
            }
            Map<String, DataRules.Translated> out = new HashMap<>();
            for (Batch b : batches) {
                for (int i = 0; i < b.keys.size(); i++) {
                    out.put(b.keys.get(i), (DataRules.Translated) b.out[i]);
                }
            }
            return out;
        }

        private static final class Batch implements Runnable {
            final java.util.List<String> keys = new java.util.ArrayList<>(BATCH);
            final java.util.List<byte[]> bytes = new java.util.ArrayList<>(BATCH);
            /** Per entry: its {@link DataRules.Translated}, or what decoding it threw. */
            Object[] out;
            final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();
            final java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();

            @Override
            public void run() {
                if (!claimed.compareAndSet(false, true)) {
                    return;
                }
                Object[] results = new Object[keys.size()];
                try {
                    for (int i = 0; i < results.length; i++) {
                        try {
                            results[i] = DataRulesFormat.decode(bytes.get(i));
                        } catch (RuntimeException | Error e) {
                            results[i] = e;
                        }
                    }
                } finally {
                    out = results; // published to the reader by done's completion
                    done.complete(null);
                }
            }
        }
    }

    /** A pack path as the folder reader makes them: relative, forward slashes, no dot segments or hidden files, NFC. */
    static boolean packPath(String p) {
        if (p.isEmpty() || p.charAt(0) == '/' || p.charAt(p.length() - 1) == '/') {
            return false;
        }
        boolean combining = false; // below U+0300 nothing combines or decomposes: the path is NFC as it is
        int segment = 0;
        for (int i = 0; i <= p.length(); i++) {
            char c = i < p.length() ? p.charAt(i) : '/';
            if (c == '/') {
                if (i == segment || p.charAt(segment) == '.') {
                    return false; // empty segment, "..", ".", hidden files: the folder reader skips or refuses them
                }
                segment = i + 1;
            } else if (c == '\\' || c == ':' || Character.isISOControl(c)) {
                return false;
            } else if (c >= '\u0300') {
                combining = true;
            }
        }
        return !combining || Normalizer.isNormalized(p, Normalizer.Form.NFC);
    }

    /**
     * {@link #CLASS_NAME} without a regex (51,711 names in a 2,000-procedure artifact, read on the calling thread
     * before anything else can start): segments of {@code [A-Za-z_$][A-Za-z0-9_$]*} joined by single slashes.
     */
    static boolean className(String s) {
        if (s.isEmpty() || s.length() > MAX_NAME_BYTES) {
            return false;
        }
        boolean segmentStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/') {
                if (segmentStart) {
                    return false; // empty segment, or a leading slash
                }
                segmentStart = true;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$'
                    || (!segmentStart && c >= '0' && c <= '9')) {
                segmentStart = false;
            } else {
                return false;
            }
        }
        return !segmentStart; // not ending with a slash
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }

    private static String str(ByteBuffer in, String name) throws Refused {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > MAX_NAME_BYTES) {
            throw corrupt(name, "load.prebuilt.nameTooLong");
        }
        return utf8(bytes(in, length), name);
    }

    private static String utf8(byte[] b, String name) throws Refused {
        boolean ascii = true;
        for (byte x : b) {
            if (x < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, StandardCharsets.US_ASCII); // valid UTF-8 as it is: no decoder needed
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw corrupt(name, "load.prebuilt.nameNotUtf8");
        }
    }

    private static String str(Body in, String name) throws Refused {
        int length = in.u16();
        if (length > MAX_NAME_BYTES) {
            throw corrupt(name, "load.prebuilt.nameTooLong");
        }
        return utf8(in.small(length), name);
    }

    /**
     * The compressed body, read as it inflates (session 17: the body is never held whole — each entry's bytes are
     * inflated into their own array, small ones through a window of {@value #WINDOW} bytes): the size and ratio bounds
     * checked as the bytes come, never from a declared size, and every refusal of the compressed data itself
     * ({@link Refused#deflate}) given where it is met. Not thread-safe: one reader; {@link #close} frees the inflater.
     */
    private static final class Body implements AutoCloseable {
        static final int WINDOW = 64 * 1024;
        /** An entry up to this long gets its array at once; a longer one (no valid entry is) grows with what is there. */
        static final int AT_ONCE = (int) MAX_PACK_FILE_BYTES;
        final String name;
        private final Inflater inf = new Inflater();
        private final long limit;
        private final byte[] window = new byte[WINDOW];
        private int pos;
        private int end;
        /** Bytes of the body read so far (not counting what waits in the window). */
        private long read;
        /** Bytes inflated so far. */
        private long inflated;
        private boolean ended;

        Body(byte[] all, int offset, int length, String name) {
            this.name = name;
            this.limit = Math.min(MAX_INFLATED_BYTES, Math.max(RATIO_FREE_BYTES, MAX_RATIO * length));
            inf.setInput(all, offset, length);
        }

        long position() {
            return read;
        }

        /** Inflates into {@code b[off, off + len)}: how many bytes came (at least one), or -1 at the body's end. */
        private int inflate(byte[] b, int off, int len) throws Refused {
            try {
                while (!ended) {
                    if (inf.finished()) {
                        ended = true;
                        if (inf.getRemaining() > 0) {
                            throw corrupt(name, "load.prebuilt.trailingDeflate").ofTheBody();
                        }
                        break;
                    }
                    int n = inf.inflate(b, off, len);
                    if (n == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
                        throw corrupt(name, "load.prebuilt.deflateTruncated").ofTheBody();
                    }
                    if (inflated + n > limit) {
                        throw tooLarge(name, "load.prebuilt.inflateTooLarge", "limit", String.valueOf(limit)).ofTheBody();
                    }
                    inflated += n;
                    if (n > 0) {
                        return n;
                    }
                }
                return -1;
            } catch (DataFormatException e) {
                throw corrupt(name, "load.prebuilt.deflateDamaged").ofTheBody();
            }
        }

        /** At least {@code n} (at most {@link #WINDOW}) bytes in the window, or false: the body ends first. */
        private boolean fill(int n) throws Refused {
            if (end - pos >= n) {
                return true;
            }
            if (pos > 0) {
                System.arraycopy(window, pos, window, 0, end - pos);
                end -= pos;
                pos = 0;
            }
            while (end < n) {
                int k = inflate(window, end, WINDOW - end);
                if (k < 0) {
                    return false;
                }
                end += k;
            }
            return true;
        }

        private int take(int n) throws Refused {
            if (!fill(n)) {
                throw corrupt(name, "load.prebuilt.truncatedContent");
            }
            int at = pos;
            pos += n;
            read += n;
            return at;
        }

        int u8() throws Refused {
            return window[take(1)] & 0xFF;
        }

        int u16() throws Refused {
            int at = take(2);
            return (window[at] & 0xFF) << 8 | window[at + 1] & 0xFF;
        }

        int u32() throws Refused {
            int at = take(4);
            return (window[at] & 0xFF) << 24 | (window[at + 1] & 0xFF) << 16 | (window[at + 2] & 0xFF) << 8 | window[at + 3] & 0xFF;
        }

        /** The next {@code n} (at most {@link #WINDOW}) bytes; truncated content when the body ends first. */
        byte[] small(int n) throws Refused {
            return Arrays.copyOfRange(window, take(n), pos);
        }

        /** The next {@code length} bytes as a new array, or null when the body ends before them. */
        byte[] bytes(long length) throws Refused {
            if (length > limit - read) {
                drain(); // so long it could not fit the limit: the body ends before it, or passes the limit
                return null;
            }
            byte[] b = new byte[(int) Math.min(length, AT_ONCE)];
            int have = (int) Math.min(end - pos, length);
            System.arraycopy(window, pos, b, 0, have);
            pos += have;
            long got = have;
            while (got < length) {
                if (got == b.length) {
                    b = Arrays.copyOf(b, (int) Math.min(length, 2L * b.length)); // longer than any valid entry
                }
                int k = inflate(b, (int) got, b.length - (int) got);
                if (k < 0) {
                    return null;
                }
                got += k;
            }
            read += length;
            return b;
        }

        /** Whether any byte is left after what was read. */
        boolean more() throws Refused {
            return fill(1);
        }

        /** Inflates whatever is left, checked as all of it is; the whole body's length. */
        long drain() throws Refused {
            while (inflate(window, 0, WINDOW) >= 0) {
                // nothing kept: the entries' reading is over
            }
            pos = 0;
            end = 0;
            return inflated;
        }

        @Override
        public void close() {
            inf.end();
        }
    }

    /** PREBUILT_CORRUPT: the bundle's {@code key} (a {@code load.prebuilt.} key) names what is damaged. */
    private static Refused corrupt(String file, String key, String... pairs) {
        return refuse(file, "PREBUILT_CORRUPT", key, pairs);
    }

    /** PREBUILT_TOO_LARGE: the bundle's {@code key} names the limit. */
    private static Refused tooLarge(String file, String key, String... pairs) {
        return refuse(file, "PREBUILT_TOO_LARGE", key, pairs);
    }

    private static Refused badEntry(String file, String entry) {
        return refuse(file, "PREBUILT_BAD_ENTRY", "load.prebuilt.badEntry", "entry", entry);
    }

    private static Refused duplicate(String file, String entry) {
        return refuse(file, "PREBUILT_BAD_ENTRY", "load.prebuilt.duplicateEntry", "entry", entry);
    }

    static byte[] sha256(byte[] b, int off, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b, off, len);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
