package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.PrebuiltPack;
import io.github.motcua.rules.TestPacks;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session 17: a prebuilt artifact's body is read as it inflates, each entry into its own array, instead of inflated
 * whole first. Held here to the reader it replaced — {@link Reference}, that reader's steps written out serially over the
 * whole inflated body — on the real artifact and on thousands of damaged and hostile variants of its body (bytes
 * flipped, cut, added; lengths, counts and kinds changed; entries repeated; the compressed stream cut, damaged, followed
 * by data or inflating past the ratio limit; several at once): the same contents when accepted, else the same one
 * problem, word for word.
 */
class PrebuiltBodyStreamTest {
    @TempDir
    static Path dir;
    static Path artifact;
    static PrebuiltPackTest.Parts real;
    static ExecutorService pool;

    @BeforeAll
    static void build() throws IOException {
        Path pack = TestPacks.copy("ho-tich", dir.resolve("pack"));
        artifact = dir.resolve("ho-tich.motcua");
        try (PrebuiltPack p = PrebuiltPack.compile(Motcua.engine().clock(PrebuiltPackTest.CLOCK), pack)) {
            p.load().orThrow();
            p.write(artifact);
        }
        real = PrebuiltPackTest.real(artifact);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void close() {
        pool.shutdownNow();
    }

    /** The uncompressed body of {@code p}: the entry count, then each entry. */
    static byte[] raw(PrebuiltPackTest.Parts p) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(raw);
        out.writeInt(p.entries.size());
        for (Object[] e : p.entries) {
            out.writeByte((char) e[0]);
            byte[] n = ((String) e[1]).getBytes(StandardCharsets.UTF_8);
            out.writeShort(n.length);
            out.write(n);
            out.writeInt(((byte[]) e[2]).length);
            out.write((byte[]) e[2]);
        }
        return raw.toByteArray();
    }

    static byte[] deflate(byte[] raw, int level) {
        Deflater d = new Deflater(level);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** What a reader made of an artifact: its one problem, or its contents in a comparable form. */
    static String outcome(PrebuiltArchive.Contents c, List<PackProblem> problems) {
        if (c == null) {
            assertEquals(1, problems.size(), problems.toString());
            PackProblem p = problems.get(0);
            return "refused " + p.file() + " " + p.code() + " | " + p.messageEn() + " | " + p.messageVi();
        }
        assertTrue(problems.isEmpty(), problems.toString());
        StringBuilder b = new StringBuilder("accepted " + c.files().sha256());
        new TreeMap<>(c.files().trees()).forEach((k, v) -> b.append("\nT ").append(k).append(' ').append(java.util.Arrays.hashCode(v)));
        new TreeMap<>(c.byKey()).forEach((k, g) -> {
            b.append("\nK ").append(k).append(' ').append(g.modelClass());
            if (g.data() != null) {
                b.append(" data ").append(java.util.Arrays.hashCode(DataRulesFormat.encode(g.data())));
            }
            g.classes().forEach((n, bytes) -> b.append(' ').append(n).append('=').append(java.util.Arrays.hashCode(bytes)));
        });
        return b.toString();
    }

    /** Both readers on the artifact with this compressed body: the same outcome. */
    static String same(byte[] compressed, String what) throws IOException {
        Path file = Files.write(dir.resolve("variant.motcua"), real.bytes(compressed));
        List<PackProblem> now = new ArrayList<>();
        String streamed = outcome(PrebuiltArchive.read(file, now, pool), now);
        List<PackProblem> before = new ArrayList<>();
        String whole = outcome(Reference.read(file, compressed, real.hash, before), before);
        assertEquals(whole, streamed, what);
        return streamed;
    }

    @Test
    void realArtifact_sameContentsAsTheWholeBodyRead() throws IOException {
        List<PackProblem> problems = new ArrayList<>();
        PrebuiltArchive.Contents c = PrebuiltArchive.read(artifact, problems, pool);
        assertNotNull(c, problems.toString());
        byte[] compressed = deflate(raw(real), Deflater.BEST_COMPRESSION);
        same(compressed, "the real body");
        // every file's bytes, not only the pack's hash over them
        List<PackProblem> before = new ArrayList<>();
        Path file = Files.write(dir.resolve("again.motcua"), real.bytes(compressed));
        PrebuiltArchive.Contents ref = Reference.read(file, compressed, real.hash, before);
        assertNotNull(ref, before.toString());
        assertEquals(ref.files().files().keySet(), c.files().files().keySet());
        ref.files().files().forEach((k, v) -> assertArrayEquals(v, c.files().files().get(k), k));
        ref.files().trees().forEach((k, v) -> assertArrayEquals(v, c.files().trees().get(k), k));
    }

    /**
     * The pack's hash and each file's and stored tree's SHA-256 are worked out on the load threads while the body
     * inflates: each is the digest of the bytes, and the load's keys (a reload's reuse, the sections') are the ones
     * digesting the files at load gives.
     */
    @Test
    void digestsWorkedOutWhileReading_areTheDigestsOfTheBytes_andGiveTheSameKeys() throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        PrebuiltArchive.Contents c = PrebuiltArchive.read(artifact, problems, pool);
        assertNotNull(c, problems.toString());
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        c.files().files().forEach((path, bytes) -> assertArrayEquals(md.digest(bytes), c.files().digest(path), path));
        assertFalse(c.files().trees().isEmpty());
        c.files().trees().forEach((path, bytes) -> assertArrayEquals(md.digest(bytes), c.files().treeDigest(path), path));
        PackFiles plain = PackFiles.of(c.files().source(), c.files().files(), c.files().trees());
        assertEquals(plain.sha256(), c.files().sha256());
        assertEquals(real.hash, c.files().sha256());
        List<PackProblem> p1 = new ArrayList<>();
        List<PackProblem> p2 = new ArrayList<>();
        PackLoader.Loaded digested = PackLoader.load(c.files(), BuiltInSections.all(), p1, null);
        PackLoader.Loaded asBefore = PackLoader.load(plain, BuiltInSections.all(), p2, null);
        assertEquals(List.of(), p1);
        assertEquals(List.of(), p2);
        assertEquals(asBefore.checkKeys(), digested.checkKeys());
        assertEquals(asBefore.memo().wide(), digested.memo().wide());
        assertEquals(asBefore.memo().folderKeys(), digested.memo().folderKeys());
        assertEquals(asBefore.memo().sectionKeys(), digested.memo().sectionKeys());
        assertEquals(2, digested.memo().folderKeys().size(), digested.memo().folderKeys()::toString);
        // files out of path order (no build writes that): no hash worked out while reading, the same hash after
        PrebuiltPackTest.Parts shuffled = PrebuiltPackTest.real(artifact);
        java.util.Collections.reverse(shuffled.entries);
        List<PackProblem> p3 = new ArrayList<>();
        PrebuiltArchive.Contents r = PrebuiltArchive.read(shuffled.write(dir.resolve("reversed.motcua")), p3, pool);
        assertNotNull(r, p3.toString());
        assertEquals(real.hash, r.files().sha256());
    }

    @Test
    void damagedAndHostileBodies_refusedAsTheWholeBodyReadRefusedThem() throws IOException {
        byte[] raw = raw(real);
        List<Integer> starts = new ArrayList<>(); // where each entry's header starts in the raw body
        int at = 4;
        for (Object[] e : real.entries) {
            starts.add(at);
            at += 1 + 2 + ((String) e[1]).getBytes(StandardCharsets.UTF_8).length + 4 + ((byte[]) e[2]).length;
        }
        Random random = new Random(17);
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (int round = 0; round < 1200; round++) {
            byte[] body = raw.clone();
            StringBuilder what = new StringBuilder("round " + round + ":");
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                int kind = random.nextInt(30) == 0 ? 9 : random.nextInt(9);
                int entry = random.nextInt(starts.size());
                int head = Math.min(starts.get(entry), body.length - 1);
                what.append(' ').append(kind).append('@').append(entry);
                switch (kind) {
                    case 0 -> body[random.nextInt(body.length)] ^= (byte) (1 + random.nextInt(255)); // any byte
                    case 1 -> body = java.util.Arrays.copyOf(body, random.nextInt(body.length)); // cut
                    case 2 -> { // data after the last entry
                        byte[] more = new byte[1 + random.nextInt(64)];
                        random.nextBytes(more);
                        body = concat(body, more);
                    }
                    case 3 -> body[head] = (byte) random.nextInt(256); // the kind
                    case 4 -> { // an entry's length: a little past, far past, the largest
                        int len = lengthAt(body, head);
                        if (len >= 0) {
                            long[] lengths = {(long) body.length, 0xFFFF_FFFFL, 0x7FFF_FFFFL, 20L << 20, 9L << 20};
                            long v = random.nextBoolean() ? lengths[random.nextInt(lengths.length)] : random.nextInt(1 << 16);
                            ByteBuffer.wrap(body).putInt(len, (int) v);
                        }
                    }
                    case 5 -> ByteBuffer.wrap(body).putInt(0, random.nextBoolean() // the count
                            ? real.entries.size() + 1 + random.nextInt(3) : random.nextInt(real.entries.size()));
                    case 6 -> { // an entry repeated at the end, the count following it
                        int end = entry + 1 < starts.size() ? starts.get(entry + 1) : raw.length;
                        if (end <= body.length && starts.get(entry) < end) {
                            body = concat(body, java.util.Arrays.copyOfRange(body, starts.get(entry), end));
                            ByteBuffer.wrap(body).putInt(0, ByteBuffer.wrap(body).getInt(0) + 1);
                        }
                    }
                    case 7 -> { // a name's length
                        if (head + 3 <= body.length) {
                            ByteBuffer.wrap(body).putShort(head + 1, (short) (random.nextBoolean() ? 1025 + random.nextInt(2000) : random.nextInt(200)));
                        }
                    }
                    case 8 -> body[head + random.nextInt(Math.max(1, Math.min(40, body.length - head)))] = (byte) 0xC3; // a name's UTF-8
                    default -> { // an entry over its kind's limit, all there, the count following it
                        char k = "FDC".charAt(random.nextInt(3));
                        long size = (k == 'F' ? PrebuiltArchive.MAX_PACK_FILE_BYTES : PrebuiltArchive.MAX_CLASS_BYTES) + 1;
                        String n = k == 'F' ? "big.yaml" : (String) real.entries.get(real.entries.size() - 1)[1];
                        ByteArrayOutputStream big = new ByteArrayOutputStream();
                        DataOutputStream out = new DataOutputStream(big);
                        out.writeByte(k);
                        out.writeUTF(k == 'C' ? n.substring(0, Math.min(64, n.length())) + "/Big" : n);
                        out.writeInt((int) size);
                        out.write(new byte[(int) size]);
                        body = concat(body, big.toByteArray());
                        ByteBuffer.wrap(body).putInt(0, ByteBuffer.wrap(body).getInt(0) + 1);
                    }
                }
            }
            byte[] compressed = deflate(body, random.nextBoolean() ? Deflater.BEST_SPEED : Deflater.BEST_COMPRESSION);
            switch (random.nextInt(8)) {
                case 0 -> { // the compressed stream cut
                    compressed = java.util.Arrays.copyOf(compressed, random.nextInt(compressed.length));
                    what.append(" deflate-cut");
                }
                case 1 -> { // a compressed byte damaged
                    compressed[random.nextInt(compressed.length)] ^= (byte) (1 + random.nextInt(255));
                    what.append(" deflate-damaged");
                }
                case 2 -> { // data after the compressed stream
                    compressed = concat(compressed, new byte[] {1, 2, 3});
                    what.append(" deflate-trailing");
                }
                case 3 -> { // inflating past the ratio limit after the entries
                    compressed = deflate(concat(body, new byte[(int) PrebuiltArchive.RATIO_FREE_BYTES + 1]), Deflater.BEST_COMPRESSION);
                    what.append(" deflate-bomb");
                }
                default -> {
                }
            }
            String outcome = same(compressed, what.toString());
            seen.add(outcome.startsWith("accepted") ? "accepted" : outcome.split(" \\| ")[1]);
        }
        // the variants reach every refusal the body's reading has, and precedences between them
        for (String expected : List.of("runs past the end", "truncated content", "data after the last entry",
                "the compressed body is truncated", "the compressed body is damaged", "data after the compressed body",
                "inflates past", "unknown entry kind", "entry name too long", "entry name is not UTF-8", "an entry twice",
                "does not match its hash", "holds an invalid entry", "invalid rules as data", "exceeds a limit: file",
                "exceeds a limit: class")) {
            assertTrue(seen.stream().anyMatch(o -> o.contains(expected)), expected + " never met: " + seen);
        }
    }

    /** The offset of the length field of the entry whose header starts at {@code head}, or -1 past the body. */
    static int lengthAt(byte[] body, int head) {
        if (head + 3 > body.length) {
            return -1;
        }
        int name = Short.toUnsignedInt(ByteBuffer.wrap(body).getShort(head + 1));
        int len = head + 3 + name;
        return len + 4 <= body.length ? len : -1;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The body's reading before session 17, serially: inflate the whole body (size and ratio bounds as the bytes
     * come), then read the entries from it, each data entry decoded where it stands; then the pack's hash. The
     * specification the streamed reader is held to (its steps, checks and refusals in their order).
     */
    static final class Reference {
        private Reference() {
        }

        static final class No extends Exception {
            private static final long serialVersionUID = 1L;
            final transient PackProblem problem;

            No(String file, String code, String key, String... pairs) {
                super(key, null, false, false);
                this.problem = Msg.problem(file, 0, 0, code, key, pairs);
            }
        }

        static PrebuiltArchive.Contents read(Path file, byte[] compressed, String hash, List<PackProblem> problems) {
            String name = file.toString();
            try {
                byte[] body = inflate(compressed, name);
                PrebuiltArchive.Contents c;
                try {
                    c = entries(ByteBuffer.wrap(body), name);
                } catch (java.nio.BufferUnderflowException e) {
                    throw new No(name, "PREBUILT_CORRUPT", "load.prebuilt.truncatedContent");
                }
                if (!c.files().sha256().equals(hash)) {
                    throw new No(name, "PREBUILT_ALTERED", "load.prebuilt.altered");
                }
                return c;
            } catch (No n) {
                problems.add(n.problem);
                return null;
            }
        }

        static byte[] inflate(byte[] all, String name) throws No {
            long limit = Math.min(PrebuiltArchive.MAX_INFLATED_BYTES, Math.max(PrebuiltArchive.RATIO_FREE_BYTES,
                    PrebuiltArchive.MAX_RATIO * all.length));
            Inflater inf = new Inflater();
            try {
                inf.setInput(all, 0, all.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[64 * 1024];
                while (!inf.finished()) {
                    int n = inf.inflate(buf);
                    if (n == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
                        throw new No(name, "PREBUILT_CORRUPT", "load.prebuilt.deflateTruncated");
                    }
                    if ((long) out.size() + n > limit) {
                        throw new No(name, "PREBUILT_TOO_LARGE", "load.prebuilt.inflateTooLarge", "limit", String.valueOf(limit));
                    }
                    out.write(buf, 0, n);
                }
                if (inf.getRemaining() > 0) {
                    throw new No(name, "PREBUILT_CORRUPT", "load.prebuilt.trailingDeflate");
                }
                return out.toByteArray();
            } catch (DataFormatException e) {
                throw new No(name, "PREBUILT_CORRUPT", "load.prebuilt.deflateDamaged");
            } finally {
                inf.end();
            }
        }

        static String str(ByteBuffer in, String name) throws No {
            int length = Short.toUnsignedInt(in.getShort());
            if (length > PrebuiltArchive.MAX_NAME_BYTES) {
                throw new No(name, "PREBUILT_CORRUPT", "load.prebuilt.nameTooLong");
            }
            byte[] b = new byte[length];
            in.get(b);
            return utf8(b, name);
        }

        static String utf8(byte[] b, String name) throws No {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw new No(name, "PREBUILT_CORRUPT", "load.prebuilt.nameNotUtf8");
            }
        }

        static byte[] bytes(ByteBuffer in, long length) {
            byte[] b = new byte[(int) length];
            in.get(b);
            return b;
        }

        static No badEntry(String name, String entry) {
            return new No(name, "PREBUILT_BAD_ENTRY", "load.prebuilt.badEntry", "entry", entry);
        }

        static No duplicate(String name, String entry) {
            return new No(name, "PREBUILT_BAD_ENTRY", "load.prebuilt.duplicateEntry", "entry", entry);
        }

        static PrebuiltArchive.Contents entries(ByteBuffer in, String name) throws No {
            long count = Integer.toUnsignedLong(in.getInt());
            if (count > PrebuiltArchive.MAX_ENTRIES) {
                throw new No(name, "PREBUILT_TOO_LARGE", "load.prebuilt.tooManyEntries", "count", String.valueOf(count),
                        "max", String.valueOf(PrebuiltArchive.MAX_ENTRIES));
            }
            SortedMap<String, byte[]> files = new TreeMap<>();
            Map<String, byte[]> trees = new HashMap<>();
            Map<String, String> models = new TreeMap<>();
            Map<String, Map<String, byte[]>> classes = new HashMap<>();
            Map<String, DataRules.Translated> data = new LinkedHashMap<>();
            for (long i = 0; i < count; i++) {
                int kind = Byte.toUnsignedInt(in.get());
                String entry = str(in, name);
                long length = Integer.toUnsignedLong(in.getInt());
                if (length > in.remaining()) {
                    throw new No(name, "PREBUILT_CORRUPT", "load.prebuilt.entryPastEnd", "entry", entry);
                }
                switch (kind) {
                    case 'F' -> {
                        if (!PrebuiltArchive.packPath(entry)) {
                            throw badEntry(name, entry);
                        }
                        if (length > PrebuiltArchive.MAX_PACK_FILE_BYTES) {
                            throw new No(name, "PREBUILT_TOO_LARGE", "load.prebuilt.entryFileTooLarge", "entry", entry,
                                    "max", String.valueOf(PrebuiltArchive.MAX_PACK_FILE_BYTES));
                        }
                        if (files.size() >= PrebuiltArchive.MAX_PACK_FILES) {
                            throw new No(name, "PREBUILT_TOO_LARGE", "load.prebuilt.tooManyFiles", "max",
                                    String.valueOf(PrebuiltArchive.MAX_PACK_FILES));
                        }
                        if (files.put(entry, bytes(in, length)) != null) {
                            throw duplicate(name, entry);
                        }
                    }
                    case 'T' -> {
                        if (!PrebuiltArchive.TREE_FILE.matcher(entry).matches() || !PrebuiltArchive.packPath(entry)) {
                            throw badEntry(name, entry);
                        }
                        if (length > PrebuiltArchive.MAX_TREE_BYTES) {
                            throw new No(name, "PREBUILT_TOO_LARGE", "load.prebuilt.treeTooLarge", "entry", entry,
                                    "max", String.valueOf(PrebuiltArchive.MAX_TREE_BYTES));
                        }
                        if (trees.put(entry, bytes(in, length)) != null) {
                            throw duplicate(name, entry);
                        }
                    }
                    case 'P' -> {
                        String model = utf8(bytes(in, length), name);
                        if (!PrebuiltArchive.KEY.matcher(entry).matches() || !(model.isEmpty() || PrebuiltArchive.className(model))) {
                            throw badEntry(name, entry);
                        }
                        if (models.put(entry, model) != null || data.containsKey(entry)) {
                            throw duplicate(name, entry);
                        }
                    }
                    case 'D' -> {
                        if (!PrebuiltArchive.KEY.matcher(entry).matches()) {
                            throw badEntry(name, entry);
                        }
                        if (length > PrebuiltArchive.MAX_CLASS_BYTES) {
                            throw new No(name, "PREBUILT_TOO_LARGE", "load.prebuilt.classTooLarge", "entry", entry,
                                    "max", String.valueOf(PrebuiltArchive.MAX_CLASS_BYTES));
                        }
                        DataRules.Translated t;
                        try {
                            t = DataRulesFormat.decode(bytes(in, length));
                        } catch (IllegalArgumentException e) {
                            throw new No(name, "PREBUILT_CORRUPT", "load.prebuilt.badData", "entry", entry,
                                    "detail", io.github.motcua.kernel.Failures.detail(e));
                        }
                        if (data.putIfAbsent(entry, t) != null || models.containsKey(entry)) {
                            throw duplicate(name, entry);
                        }
                    }
                    case 'C' -> {
                        int slash = entry.indexOf('/');
                        String key = slash < 0 ? "" : entry.substring(0, slash);
                        String cls = slash < 0 ? "" : entry.substring(slash + 1);
                        if (!PrebuiltArchive.KEY.matcher(key).matches() || !PrebuiltArchive.className(cls)) {
                            throw badEntry(name, entry);
                        }
                        if (length > PrebuiltArchive.MAX_CLASS_BYTES) {
                            throw new No(name, "PREBUILT_TOO_LARGE", "load.prebuilt.classTooLarge", "entry", entry,
                                    "max", String.valueOf(PrebuiltArchive.MAX_CLASS_BYTES));
                        }
                        if (classes.computeIfAbsent(key, k -> new TreeMap<>()).put(cls, bytes(in, length)) != null) {
                            throw duplicate(name, entry);
                        }
                    }
                    default -> throw new No(name, "PREBUILT_CORRUPT", "load.prebuilt.unknownKind", "kind", String.valueOf(kind));
                }
            }
            if (in.hasRemaining()) {
                throw new No(name, "PREBUILT_CORRUPT", "load.prebuilt.trailingEntries");
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
                    throw new No(name, "PREBUILT_BAD_ENTRY", "load.prebuilt.treeWithoutFile", "entry", tree);
                }
            }
            return new PrebuiltArchive.Contents(PackFiles.of(name, files, trees), Map.copyOf(byKey));
        }
    }
}
