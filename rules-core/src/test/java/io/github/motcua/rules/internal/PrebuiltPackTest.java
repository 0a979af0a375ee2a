package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.PrebuiltPack;
import io.github.motcua.rules.ReloadResult;
import io.github.motcua.rules.TestPacks;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The prebuilt pack (issue 15 item 1): compiled once, loaded with every procedure ready and nothing
 * compiled, the same decisions as from the folder; a foreign, damaged, altered or hostile artifact is
 * refused with one typed problem and nothing of it is loaded or run.
 */
class PrebuiltPackTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
    static final String BIRTH = "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
            + "\"form\":{\"giayChungSinh\":\"KHONG_CO\",\"treEm\":{\"ngaySinh\":\"2026-02-01\"}}}";
    static final String MARRIAGE = "{\"procedure\":\"1.000894\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
            + "\"form\":{\"chong\":{\"ngaySinh\":\"2006-03-03\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},\"haiBenCoMat\":true}}";

    @TempDir
    Path dir;
    Path pack;
    Path artifact;

    @BeforeEach
    void build() throws IOException {
        pack = TestPacks.copy("ho-tich", dir.resolve("pack"));
        artifact = dir.resolve("ho-tich.motcua");
        try (PrebuiltPack p = PrebuiltPack.compile(Motcua.engine().clock(CLOCK), pack)) {
            p.load().orThrow();
            p.write(artifact);
        }
    }

    static Engine engine(boolean lazy) {
        return Motcua.engine().clock(CLOCK).lazyCompile(lazy).build();
    }

    @Test
    void load_artifact_everyProcedureReadyNothingCompiledSameDecisions() throws Exception {
        assertTrue(PrebuiltPack.isPrebuilt(artifact));
        assertFalse(PrebuiltPack.isPrebuilt(pack.resolve("pack.yaml")));
        try (Engine folder = engine(false); Engine built = engine(true)) {
            folder.load(pack).orThrow();
            LoadResult r = built.load(artifact);
            assertTrue(r.ok(), r.problems().toString());
            // a lazy engine too: when load returns every procedure is checked and its classes verified, so any of
            // them decides without compiling; each KieBase is assembled from the verified classes at its first
            // decision or by the background warm-up, and nothing is ever generated or compiled
            // counted by this engine: another engine compiling in the JVM meanwhile does not move it
            assertEquals(0, ((DefaultEngine) built).generations(), "a prebuilt load compiled rules");
            assertEquals(folder.pack().orElseThrow().sha256(), built.pack().orElseThrow().sha256());
            for (String dossier : List.of(BIRTH, MARRIAGE)) {
                assertEquals(folder.decide(dossier).toJson(), built.decide(dossier).toJson());
            }
            assertEquals(List.of(), built.compiled().get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, ((DefaultEngine) built).generations(), "a prebuilt procedure compiled when prepared");
        }
    }

    @Test
    void write_artifactIsReadableByTheNodesThatLoadIt_orKeepsThePermissionsOfTheOneItReplaces() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(artifact)
                .supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class), "POSIX permissions");
        // a node often runs under another user than the build: a new artifact is rw-r--r--, not the owner-only
        // permissions of the temporary file it is written through
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(artifact)));
        Files.setPosixFilePermissions(artifact, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        try (PrebuiltPack p = PrebuiltPack.compile(Motcua.engine().clock(CLOCK), pack)) {
            p.load().orThrow();
            p.write(artifact);
        }
        assertEquals("rw-rw----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(artifact)));
        assertTrue(PrebuiltPack.isPrebuilt(artifact));
    }

    @Test
    void compile_brokenPack_writesNothing() {
        TestPacks.edit(pack.resolve("procedures/1.000894/rules.drl"), s -> s.replace("@basis(\"HNGD-2014-D8\")", ""));
        Path out = dir.resolve("broken.motcua");
        try (PrebuiltPack p = PrebuiltPack.compile(pack)) {
            assertFalse(p.load().ok());
            assertTrue(p.load().problems().stream().anyMatch(x -> x.code().equals("LINT_NO_BASIS")), p.load().problems().toString());
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> p.write(out));
        }
        assertFalse(Files.exists(out));
    }

    // ---- refusals: each is one problem at the artifact, and a serving pack keeps serving ----

    /** The artifact's parts, to write any variant of it. */
    static final class Parts {
        String magic = "MOTCUA-PREBUILT\n";
        int format = PrebuiltArchive.FORMAT;
        String library = PrebuiltArchive.libraryVersion();
        String drools = PrebuiltArchive.droolsVersion();
        String hash;
        final List<Object[]> entries = new ArrayList<>();
        Long count;

        Parts add(char kind, String name, byte[] data) {
            entries.add(new Object[] {kind, name, data});
            return this;
        }

        byte[] body() throws IOException {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(raw);
            out.writeInt(count == null ? entries.size() : (int) (long) count);
            for (Object[] e : entries) {
                out.writeByte((char) e[0]);
                byte[] n = ((String) e[1]).getBytes(StandardCharsets.UTF_8);
                out.writeShort(n.length);
                out.write(n);
                out.writeInt(((byte[]) e[2]).length);
                out.write((byte[]) e[2]);
            }
            return deflate(raw.toByteArray());
        }

        byte[] bytes(byte[] compressed) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(all);
            out.write(magic.getBytes(StandardCharsets.US_ASCII));
            out.writeShort(format);
            out.writeUTF(library);
            out.writeUTF(drools);
            out.writeUTF(hash);
            out.writeLong(compressed.length);
            out.write(compressed);
            out.flush();
            byte[] b = all.toByteArray();
            out.write(PrebuiltArchive.sha256(b, 0, b.length));
            out.flush();
            return all.toByteArray();
        }

        Path write(Path file) throws IOException {
            Files.write(file, bytes(body()));
            return file;
        }
    }

    static byte[] deflate(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_SPEED))) {
            d.write(b);
        }
        return out.toByteArray();
    }

    /** The real artifact's parts, to be changed. */
    Parts real() {
        return real(artifact);
    }

    static Parts real(Path artifact) {
        List<PackProblem> problems = new ArrayList<>();
        PrebuiltArchive.Contents c = PrebuiltArchive.read(artifact, problems);
        assertNotNull(c, problems.toString());
        Parts p = new Parts();
        p.hash = c.files().sha256();
        c.files().files().forEach((k, v) -> p.add('F', k, v));
        new TreeMap<>(c.files().trees()).forEach((k, v) -> p.add('T', k, v));
        new TreeMap<>(c.byKey()).forEach((k, g) -> {
            if (g.data() != null) {
                p.add('D', k, DataRulesFormat.encode(g.data()));
                return;
            }
            p.add('P', k, g.modelClass() == null ? new byte[0] : g.modelClass().getBytes(StandardCharsets.UTF_8));
            g.classes().forEach((n, b) -> p.add('C', k + "/" + n, b));
        });
        return p;
    }

    /**
     * The parts of the same pack built with every procedure on the code path (generated, verified classes): its rules
     * are plain vocabulary, so a normal build stores them as data, without a class to tamper with.
     */
    Parts realWithClasses() throws IOException {
        Path out = dir.resolve("with-classes.motcua");
        String before = System.getProperty(DataRules.FORCE_CODE_PATH);
        System.setProperty(DataRules.FORCE_CODE_PATH, "true");
        try (PrebuiltPack p = PrebuiltPack.compile(Motcua.engine().clock(CLOCK), pack)) {
            p.load().orThrow();
            p.write(out);
        } finally {
            if (before == null) {
                System.clearProperty(DataRules.FORCE_CODE_PATH);
            } else {
                System.setProperty(DataRules.FORCE_CODE_PATH, before);
            }
        }
        return real(out);
    }

    /** Loads {@code bad} into an engine serving the good artifact: refused with {@code code}, the old pack answers as before. */
    void refused(Path bad, String code) throws Exception {
        try (Engine e = engine(false); Engine fresh = engine(false)) {
            e.load(artifact).orThrow();
            String hash = e.pack().orElseThrow().sha256();
            String answer = e.decide(MARRIAGE).toJson();
            LoadResult r = e.load(bad);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(p -> p.code().equals(code)), r.problems().toString());
            assertTrue(r.problems().stream().allMatch(p -> !p.messageVi().isBlank() && !p.messageEn().isBlank()));
            ReloadResult rr = e.reload(bad).get(60, TimeUnit.SECONDS);
            assertFalse(rr.swapped());
            assertEquals(hash, e.pack().orElseThrow().sha256());
            assertEquals(answer, e.decide(MARRIAGE).toJson());
            // never half-loaded: an engine with nothing loaded still has nothing
            assertFalse(fresh.load(bad).ok());
            assertTrue(fresh.pack().isEmpty());
            assertTrue(fresh.catalog().isEmpty());
        }
    }

    @Test
    void load_realPartsRewritten_loads() throws Exception {
        // the crafting helper itself writes a valid artifact: the refusals below come from what is changed
        Path same = real().write(dir.resolve("same.motcua"));
        try (Engine e = engine(false)) {
            assertTrue(e.load(same).ok());
        }
    }

    @Test
    void load_otherLibraryVersion_refusedByName() throws Exception {
        Parts p = real();
        p.library = "0.0.9";
        refused(p.write(dir.resolve("old.motcua")), "PREBUILT_VERSION");
        Parts q = real();
        q.drools = "9.44.0.Final";
        refused(q.write(dir.resolve("drools.motcua")), "PREBUILT_VERSION");
        Parts f = real();
        f.format = PrebuiltArchive.FORMAT + 1;
        refused(f.write(dir.resolve("format.motcua")), "PREBUILT_VERSION");
        // format 5 (session 10): constraints of rules as data stored as trees, printed in one way; refused by name
        Parts five = real();
        five.format = 5;
        refused(five.write(dir.resolve("format5.motcua")), "PREBUILT_VERSION");
        // format 1 (before session 8): each lambda in a class of its own; refused by name, to be built again
        Parts one = real();
        one.format = 1;
        refused(one.write(dir.resolve("format1.motcua")), "PREBUILT_VERSION");
        Files.write(dir.resolve("empty.motcua"), new byte[0]);
        try (Engine e = engine(false)) {
            assertTrue(e.load(dir.resolve("old.motcua")).problems().get(0).messageEn().contains("0.0.9"));
            assertTrue(e.load(dir.resolve("format1.motcua")).problems().get(0).messageEn()
                    .startsWith("the prebuilt pack was built by another version (format 1,"));
            // the refusal's words, from the bundle (load.prebuilt.version), exactly as they were written inline
            var old = e.load(dir.resolve("old.motcua")).problems().get(0);
            String lib = PrebuiltArchive.libraryVersion();
            String drools = PrebuiltArchive.droolsVersion();
            int fmt = PrebuiltArchive.FORMAT;
            assertEquals("Gói dựng sẵn được dựng bởi phiên bản khác (định dạng " + fmt + ", motcua 0.0.9, Drools " + drools
                    + "); phiên bản này là định dạng " + fmt + ", motcua " + lib + ", Drools " + drools + ": dựng lại bằng lệnh build",
                    old.messageVi());
            assertEquals("the prebuilt pack was built by another version (format " + fmt + ", motcua 0.0.9, Drools " + drools
                    + "); this is format " + fmt + ", motcua " + lib + ", Drools " + drools + ": build it again with the build command",
                    old.messageEn());
            var empty = e.load(dir.resolve("empty.motcua")).problems().get(0);
            assertEquals("Không phải gói dựng sẵn của motcua (sai phần đầu tệp)", empty.messageVi());
            assertEquals("not a motcua prebuilt pack (wrong file header)", empty.messageEn());
        }
    }

    @Test
    void load_damagedOrTruncated_refusedAsCorrupt() throws Exception {
        byte[] good = Files.readAllBytes(artifact);
        for (int at : new int[] {good.length / 2, good.length - 1, good.length - 40}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            refused(Files.write(dir.resolve("flip" + at + ".motcua"), bad), "PREBUILT_CORRUPT");
        }
        refused(Files.write(dir.resolve("cut.motcua"), java.util.Arrays.copyOf(good, good.length - 100)), "PREBUILT_CORRUPT");
        refused(Files.write(dir.resolve("head.motcua"), java.util.Arrays.copyOf(good, 20)), "PREBUILT_CORRUPT");
        refused(Files.write(dir.resolve("empty.motcua"), new byte[0]), "PREBUILT_CORRUPT");
        refused(Files.write(dir.resolve("other.motcua"), "pack: yes\n".getBytes(StandardCharsets.UTF_8)), "PREBUILT_CORRUPT");
    }

    @Test
    void load_packFileChangedAfterBuild_refusedAsAltered() throws Exception {
        Parts p = real();
        for (Object[] e : p.entries) {
            if (e[1].equals("procedures/1.000894/rules.drl")) {
                e[2] = new String((byte[]) e[2], StandardCharsets.UTF_8).replace("18", "16").getBytes(StandardCharsets.UTF_8);
            }
        }
        refused(p.write(dir.resolve("altered.motcua")), "PREBUILT_ALTERED");
        Parts q = real();
        q.entries.removeIf(e -> (char) e[0] == 'P' || (char) e[0] == 'C' || (char) e[0] == 'D');
        refused(q.write(dir.resolve("noclasses.motcua")), "PREBUILT_ALTERED");
    }

    /** A class whose static initialiser would create {@code marker}: the verifier must refuse it before it is defined. */
    static byte[] payload(String internalName, Path marker) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", new String[] {"org/drools/model/Model"});
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor clinit = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitTypeInsn(Opcodes.NEW, "java/io/FileOutputStream");
        clinit.visitInsn(Opcodes.DUP);
        clinit.visitLdcInsn(marker.toString());
        clinit.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/io/FileOutputStream", "<init>", "(Ljava/lang/String;)V", false);
        clinit.visitInsn(Opcodes.POP);
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void load_classReplacedWithValidChecksums_verifierRefusesItBeforeItRuns() throws Exception {
        Path marker = dir.resolve("ran");
        Parts p = realWithClasses();
        String model = null;
        for (Object[] e : p.entries) {
            if ((char) e[0] == 'P' && ((byte[]) e[2]).length > 0 && model == null) {
                model = e[1] + "/" + new String((byte[]) e[2], StandardCharsets.UTF_8);
            }
        }
        assertNotNull(model);
        for (Object[] e : p.entries) {
            if (e[1].equals(model)) {
                e[2] = payload(model.substring(model.indexOf('/') + 1), marker);
            }
        }
        refused(p.write(dir.resolve("payload.motcua")), "DRL_REFUSED_CODE");
        assertFalse(Files.exists(marker), "a class of the artifact ran");
        // the same class added beside the good ones (never named as the model) is refused too
        Parts q = realWithClasses();
        String key = (String) q.entries.stream().filter(e -> (char) e[0] == 'P').findFirst().orElseThrow()[1];
        q.add('C', key + "/motcua/x/Extra", payload("motcua/x/Extra", marker));
        refused(q.write(dir.resolve("extra.motcua")), "DRL_REFUSED_CODE");
        assertFalse(Files.exists(marker), "a class of the artifact ran");
    }

    /** {@code original} with a method the JVM's own bytecode verifier rejects when it links the class (an int method returning null). */
    static byte[] unlinkable(byte[] original) {
        org.objectweb.asm.ClassReader cr = new org.objectweb.asm.ClassReader(original);
        ClassWriter cw = new ClassWriter(cr, 0);
        cr.accept(cw, 0);
        MethodVisitor m = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "unlinkable", "()I", null, null);
        m.visitCode();
        m.visitInsn(Opcodes.ACONST_NULL);
        m.visitInsn(Opcodes.IRETURN);
        m.visitMaxs(1, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * Issue 15 item 1, "never half-loaded": a class our verifier accepts (it calls nothing) but the JVM will not
     * link refuses the whole artifact at load — it is not left to quarantine one procedure at its first use.
     */
    @Test
    void load_classThatPassesTheVerifierButDoesNotLink_refusedAtLoad() throws Exception {
        Parts p = realWithClasses();
        String model = null;
        for (Object[] e : p.entries) {
            if ((char) e[0] == 'P' && ((byte[]) e[2]).length > 0 && model == null) {
                model = e[1] + "/" + new String((byte[]) e[2], StandardCharsets.UTF_8);
            }
        }
        assertNotNull(model);
        for (Object[] e : p.entries) {
            if (e[1].equals(model)) {
                byte[] bad = unlinkable((byte[]) e[2]);
                assertTrue(BytecodeVerifier.verify(java.util.Map.of(model.substring(model.indexOf('/') + 1), bad)).stream()
                        .noneMatch(r -> r.method().equals("unlinkable")), "our verifier has nothing against the method itself");
                e[2] = bad;
            }
        }
        refused(p.write(dir.resolve("unlinkable.motcua")), "PREBUILT_REFUSED_CODE");
        try (Engine e = engine(true)) {
            LoadResult r = e.load(dir.resolve("unlinkable.motcua"));
            assertFalse(r.ok(), "a lazy engine refuses it at load too");
            assertTrue(r.problems().get(0).messageEn().contains("VerifyError"), r.problems().toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.yaml", "/etc/passwd", "procedures/../../x.drl", "a//b", "C:/x", "a\\b.yaml",
        ".hidden", "procedures/./x", "a/", "x\u0000y"})
    void load_packPathEscaping_refused(String name) throws Exception {
        Parts p = real();
        p.add('F', name, "x".getBytes(StandardCharsets.UTF_8));
        refused(p.write(dir.resolve("path.motcua")), "PREBUILT_BAD_ENTRY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x/Y", "/abs/Y", "a..b/Y", "a/b.class"})
    void load_classNameEscaping_refused(String cls) throws Exception {
        Parts p = realWithClasses();
        String key = (String) p.entries.stream().filter(e -> (char) e[0] == 'P').findFirst().orElseThrow()[1];
        p.add('C', key + "/" + cls, new byte[] {1});
        refused(p.write(dir.resolve("class.motcua")), "PREBUILT_BAD_ENTRY");
    }

    @Test
    void load_duplicateOrUnknownEntries_refused() throws Exception {
        Parts p = real();
        p.add('F', "pack.yaml", "id: x\n".getBytes(StandardCharsets.UTF_8));
        refused(p.write(dir.resolve("dup.motcua")), "PREBUILT_BAD_ENTRY");
        Parts q = real();
        q.add('L', "procedures/link", "/etc/passwd".getBytes(StandardCharsets.UTF_8)); // the format has no links
        refused(q.write(dir.resolve("link.motcua")), "PREBUILT_CORRUPT");
        Parts r = real();
        r.count = (long) r.entries.size() + 1;
        refused(r.write(dir.resolve("count.motcua")), "PREBUILT_CORRUPT");
    }

    @Test
    void load_tooManyEntriesOrTooLargeFile_refusedBeforeReading() throws Exception {
        Parts p = real();
        p.count = 0xFFFF_FFFFL;
        refused(p.write(dir.resolve("count.motcua")), "PREBUILT_TOO_LARGE");
        Parts q = real();
        q.add('F', "big.yaml", new byte[(int) PrebuiltArchive.MAX_PACK_FILE_BYTES + 1]);
        refused(q.write(dir.resolve("big.motcua")), "PREBUILT_TOO_LARGE");
    }

    /**
     * An artifact that grows between the check of its size and its read (a build or a copy still writing it) was read
     * whole, however large it had become. Now no more than the size checked and one byte is read, and it is refused as
     * too large, naming the size checked; the serving pack keeps serving (session 18).
     */
    @Test
    void load_artifactGrowingAfterItsSizeWasChecked_refusedWithoutReadingTheGrowth() throws Exception {
        Path growing = Files.copy(artifact, dir.resolve("growing.motcua"));
        long size = Files.size(growing);
        PrebuiltArchive.beforeReadHook = f -> {
            if (!f.getFileName().toString().equals("growing.motcua")) {
                return; // the serving artifact stays as it is
            }
            try {
                Files.write(f, new byte[1 << 20], java.nio.file.StandardOpenOption.APPEND); // 1 MiB more, on disk
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        try {
            refused(growing, "PREBUILT_TOO_LARGE");
            try (Engine e = engine(false)) {
                Files.copy(artifact, growing, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                PackProblem q = e.load(growing).problems().get(0);
                assertEquals("PREBUILT_TOO_LARGE", q.code());
                assertEquals("Gói dựng sẵn lớn thêm trong lúc đọc (đã kiểm tra " + size
                        + " byte): tệp còn đang được ghi; nạp lại khi đã ghi xong", q.messageVi());
                assertTrue(q.messageEn().startsWith("the prebuilt pack grew while it was read"), q.messageEn());
            }
        } finally {
            PrebuiltArchive.beforeReadHook = null;
        }
        assertTrue(Files.size(growing) > size, "it really grew");
        try (Engine e = engine(false)) {
            Files.copy(artifact, growing, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertTrue(e.load(growing).ok(), "the same artifact, not growing, loads");
        }
    }

    /** 200 MB of zeros in 200 kB: refused once 16 MiB are inflated, never held whole. */
    @Test
    void load_compressionBomb_refusedAtTheRatioLimit() throws Exception {
        Parts p = real();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION))) {
            DataOutputStream out = new DataOutputStream(d);
            out.writeInt(1);
            out.writeByte('F');
            out.writeUTF("bomb.yaml");
            int size = 200 * 1024 * 1024;
            out.writeInt(size);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < size / zeros.length; i++) {
                out.write(zeros);
            }
            out.flush();
        }
        assertTrue(raw.size() < 1024 * 1024, "the bomb is small: " + raw.size());
        refused(Files.write(dir.resolve("bomb.motcua"), p.bytes(raw.toByteArray())), "PREBUILT_TOO_LARGE");
    }

    // ---- stored trees (format 4): the YAML files' parsed trees, read instead of the text and validated as it is ----

    static final String MARRIAGE_YAML = "procedures/1.000894/procedure.yaml";

    /** The stored tree of {@code yaml} as the build writes it. */
    static byte[] tree(String path, String yaml) {
        return io.github.motcua.kernel.PackTrees.write(io.github.motcua.kernel.PackReader.yaml(path, yaml, PackFiles.LIMITS));
    }

    /** The real artifact with the stored tree of {@code path} replaced by {@code tree}. */
    Parts withTree(String path, byte[] tree) {
        Parts p = real();
        boolean found = false;
        for (Object[] e : p.entries) {
            if ((char) e[0] == 'T' && e[1].equals(path)) {
                e[2] = tree;
                found = true;
            }
        }
        assertTrue(found, "no stored tree of " + path);
        return p;
    }

    String marriageYaml() throws IOException {
        return Files.readString(pack.resolve(MARRIAGE_YAML));
    }

    @Test
    void write_storesTheTreeOfEveryYamlFileTheReadersParse() {
        List<PackProblem> problems = new ArrayList<>();
        PrebuiltArchive.Contents c = PrebuiltArchive.read(artifact, problems);
        assertNotNull(c, problems.toString());
        assertEquals(java.util.Set.of("pack.yaml", "units.yaml", "legal-bases/procedures.yaml", MARRIAGE_YAML,
                "procedures/1.001193/procedure.yaml", "procedures/1.000894/cases/dieu-kien-ket-hon.yaml",
                "procedures/1.001193/cases/" + casesOf("1.001193")), c.files().trees().keySet());
    }

    private String casesOf(String code) {
        try (var s = Files.list(pack.resolve("procedures/" + code + "/cases"))) {
            return s.map(f -> f.getFileName().toString()).sorted().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void load_storedTreeIsWhatIsRead_andValidatedAsTheFileIs() throws Exception {
        // a stored tree that differs from its file (only someone rewriting the artifact can make one) is what the
        // readers see: the same schema and checks run on it
        String renamed = marriageYaml().replace("\"Đăng ký kết hôn\"", "\"Đăng ký kết hôn (cây)\"");
        Path ok = withTree(MARRIAGE_YAML, tree(MARRIAGE_YAML, renamed)).write(dir.resolve("renamed.motcua"));
        try (Engine e = engine(false)) {
            e.load(ok).orThrow();
            assertEquals("Đăng ký kết hôn (cây)", e.catalog().stream().filter(p -> p.code().equals("1.000894"))
                    .findFirst().orElseThrow().name().vi());
        }
        String wrongType = marriageYaml().replaceFirst("quantity: 1", "quantity: một");
        Path bad = withTree(MARRIAGE_YAML, tree(MARRIAGE_YAML, wrongType)).write(dir.resolve("type.motcua"));
        try (Engine e = engine(false)) {
            LoadResult r = e.load(bad);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(MARRIAGE_YAML)), r.problems().toString());
        }
        String notAMapping = "- code: \"1.000894\"\n";
        Path list = withTree(MARRIAGE_YAML, tree(MARRIAGE_YAML, notAMapping)).write(dir.resolve("list.motcua"));
        try (Engine e = engine(false)) {
            LoadResult r = e.load(list);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(MARRIAGE_YAML)), r.problems().toString());
            assertTrue(e.pack().isEmpty());
        }
    }

    /**
     * The real artifact with the first letter outside ASCII of pack file {@code path} broken (its second byte made
     * ASCII), its stored tree kept or left out, and the pack hash written for the files as they now are: an artifact
     * edited consistently, not a damaged one.
     */
    Parts withMalformedFile(String path, boolean keepTree) {
        Parts p = real();
        java.util.Map<String, byte[]> files = new TreeMap<>();
        for (Object[] e : p.entries) {
            if ((char) e[0] == 'F' && e[1].equals(path)) {
                byte[] b = ((byte[]) e[2]).clone();
                int i = 0;
                while ((b[i] & 0xFF) < 0xC2) {
                    i++;
                }
                b[i + 1] = 'x';
                e[2] = b;
            }
            if ((char) e[0] == 'F') {
                files.put((String) e[1], (byte[]) e[2]);
            }
        }
        if (!keepTree) {
            p.entries.removeIf(e -> (char) e[0] == 'T' && e[1].equals(path));
        }
        p.hash = PackFiles.of("x", files).sha256();
        return p;
    }

    @Test
    void load_packFileNotUtf8_refusedAsFromAFolder_withOrWithoutItsStoredTree() throws Exception {
        for (String path : List.of(MARRIAGE_YAML, "procedures/1.000894/rules.drl", "legal-bases/procedures.yaml")) {
            for (boolean keepTree : new boolean[] {true, false}) {
                Path bad = withMalformedFile(path, keepTree).write(dir.resolve("utf8-" + keepTree + path.hashCode() + ".motcua"));
                refused(bad, "NOT_UTF8");
                try (Engine e = engine(false)) {
                    List<PackProblem> problems = e.load(bad).problems().stream().filter(p -> p.code().equals("NOT_UTF8")).toList();
                    assertEquals(1, problems.size(), problems.toString()); // (a legal-bases file unread, its bases are unknown too)
                    assertEquals(path, problems.get(0).file());
                    assertTrue(problems.get(0).line() > 0, problems.toString());
                    assertTrue(problems.get(0).messageVi().startsWith("Tệp không phải văn bản UTF-8"), problems.toString());
                }
            }
        }
    }

    @Test
    void load_malformedStoredTree_refusedAsCorrupt_namingTheFile() throws Exception {
        byte[] good = tree(MARRIAGE_YAML, marriageYaml());
        for (byte[] bad : List.of(java.util.Arrays.copyOf(good, good.length / 2), java.util.Arrays.copyOf(good, good.length + 3),
                new byte[] {42}, new byte[0])) {
            Path p = withTree(MARRIAGE_YAML, bad).write(dir.resolve("bad" + bad.length + ".motcua"));
            refused(p, "PREBUILT_CORRUPT");
            try (Engine e = engine(false)) {
                PackProblem problem = e.load(p).problems().stream().filter(x -> x.code().equals("PREBUILT_CORRUPT"))
                        .findFirst().orElseThrow();
                assertEquals(MARRIAGE_YAML, problem.file());
                assertTrue(problem.messageVi().startsWith("Gói dựng sẵn bị hỏng: cây dữ liệu đã lưu của tệp [" + MARRIAGE_YAML + "]"),
                        problem.messageVi());
                assertTrue(problem.messageEn().contains("stored tree of [" + MARRIAGE_YAML + "]"), problem.messageEn());
            }
        }
    }

    @Test
    void load_hugeOrDeepStoredTree_refusedBeforeItIsBuilt() throws Exception {
        // a mapping claiming 2^31 - 1 entries in ten bytes
        byte[] huge = {0, 1, 1, 1, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        refused(withTree(MARRIAGE_YAML, huge).write(dir.resolve("huge.motcua")), "PREBUILT_CORRUPT");
        // 10,000 nested lists: the reader stops at the folder reader's depth limit, never recursing further
        ByteArrayOutputStream deep = new ByteArrayOutputStream();
        for (int i = 0; i < 10_000; i++) {
            deep.writeBytes(new byte[] {1, 1, 1, 1, 1, 1});
        }
        deep.writeBytes(new byte[] {11, 1, 1, 1, 1});
        Path p = withTree(MARRIAGE_YAML, deep.toByteArray()).write(dir.resolve("deep.motcua"));
        refused(p, "PREBUILT_CORRUPT");
        try (Engine e = engine(false)) {
            assertTrue(e.load(p).problems().get(0).messageEn().contains("nested too deep (max 64 levels)"),
                    e.load(p).problems().toString());
        }
    }

    @Test
    void load_storedTreeOfNoFile_orOfAFileNotParsed_orTwice_refusedAsBadEntry() throws Exception {
        Parts p = real();
        p.add('T', "procedures/9.999999/procedure.yaml", tree("procedures/9.999999/procedure.yaml", "code: x\n"));
        refused(p.write(dir.resolve("orphan.motcua")), "PREBUILT_BAD_ENTRY");
        Parts q = real();
        q.add('T', "procedures/1.000894/rules.drl", tree("procedures/1.000894/rules.drl", "x: 1\n"));
        refused(q.write(dir.resolve("drl.motcua")), "PREBUILT_BAD_ENTRY");
        Parts r = real();
        r.add('T', MARRIAGE_YAML, tree(MARRIAGE_YAML, marriageYaml()));
        refused(r.write(dir.resolve("twice.motcua")), "PREBUILT_BAD_ENTRY");
        Parts s = real();
        s.add('T', "../pack.yaml", tree("pack.yaml", "id: x\n"));
        refused(s.write(dir.resolve("escape.motcua")), "PREBUILT_BAD_ENTRY");
    }

    @Test
    void load_storedTreesLeftOut_parsesTheFiles_sameDecisions() throws Exception {
        Parts p = real();
        p.entries.removeIf(e -> (char) e[0] == 'T');
        Path without = p.write(dir.resolve("without.motcua"));
        try (Engine folder = engine(false); Engine built = engine(false)) {
            folder.load(pack).orThrow();
            built.load(without).orThrow();
            for (String dossier : List.of(BIRTH, MARRIAGE)) {
                assertEquals(folder.decide(dossier).toJson(), built.decide(dossier).toJson());
            }
        }
    }

    @Test
    void load_folderStillLoads_andArtifactReplacesIt() throws Exception {
        try (Engine e = engine(true)) {
            e.load(pack).orThrow();
            e.load(artifact).orThrow();
            assertEquals(2, e.catalog().size());
            ReloadResult r = e.reload(pack).get(60, TimeUnit.SECONDS);
            assertTrue(r.swapped(), r.problems().toString());
        }
    }
    /**
     * Issue 15 (start-up): a prebuilt load verifies and links its procedures' classes on every core while its pack
     * files are parsed. Whatever thread reaches a bad class first, the result is the sequential one: one
     * procedure's class refused by our verifier (named at its rule) and the last procedure's class that does not
     * link refuse the whole artifact with the same problems in the same order, on one thread or on four, time after
     * time; a good artifact gives the same catalogue and decisions either way.
     */
    @Test
    void load_onOneThreadOrMany_sameProceduresSameProblemsSameOrder() throws Exception {
        Parts p = realWithClasses();
        List<String> models = new ArrayList<>();
        for (Object[] e : p.entries) {
            if ((char) e[0] == 'P' && ((byte[]) e[2]).length > 0) {
                models.add(e[1] + "/" + new String((byte[]) e[2], StandardCharsets.UTF_8));
            }
        }
        assertEquals(2, models.size(), "both procedures have rules");
        Path marker = dir.resolve("ran");
        for (Object[] e : p.entries) {
            if (e[1].equals(models.get(0))) {
                e[2] = payload(models.get(0).substring(models.get(0).indexOf('/') + 1), marker);
            } else if (e[1].equals(models.get(1))) {
                e[2] = unlinkable((byte[]) e[2]);
            }
        }
        Path bad = p.write(dir.resolve("two-bad.motcua"));
        List<PackProblem> expected = null;
        for (int threads : new int[] {1, 4, 1, 4, 2}) {
            for (boolean lazy : new boolean[] {false, true}) {
                try (Engine e = Motcua.engine().clock(CLOCK).lazyCompile(lazy).compileThreads(threads).build()) {
                    LoadResult r = e.load(bad);
                    assertFalse(r.ok());
                    assertTrue(e.pack().isEmpty(), "never half-loaded");
                    if (expected == null) {
                        expected = r.problems();
                        assertEquals(List.of("DRL_REFUSED_CODE", "PREBUILT_REFUSED_CODE"),
                                expected.stream().map(PackProblem::code).distinct().sorted().toList(), expected.toString());
                        assertTrue(expected.stream().anyMatch(x -> x.code().equals("DRL_REFUSED_CODE") && x.line() > 0
                                && x.file().endsWith(".drl")), "the verifier's refusal names the rule: " + expected);
                    } else {
                        assertEquals(expected, r.problems(), threads + " threads, lazy " + lazy);
                    }
                }
            }
        }
        assertFalse(Files.exists(marker), "a class of the artifact ran");
        String one = null;
        for (int threads : new int[] {1, 4}) {
            try (Engine e = Motcua.engine().clock(CLOCK).compileThreads(threads).build()) {
                e.load(artifact).orThrow();
                String seen = e.catalog().toString() + e.decide(BIRTH).toJson() + e.decide(MARRIAGE).toJson();
                if (one == null) {
                    one = seen;
                } else {
                    assertEquals(one, seen);
                }
            }
        }
    }
    @Test
    void load_rulesAsData_storedWithoutClasses_sameDecisions() throws Exception {
        Parts p = real();
        assertEquals(2, p.entries.stream().filter(e -> (char) e[0] == 'D').count(), "both procedures' rules are data");
        assertEquals(0, p.entries.stream().filter(e -> (char) e[0] == 'C').count(), "no class in the artifact");
        try (Engine folder = engine(false); Engine built = engine(true)) {
            folder.load(pack).orThrow();
            built.load(artifact).orThrow();
            for (String dossier : List.of(BIRTH, MARRIAGE)) {
                assertEquals(folder.decide(dossier).toJson(), built.decide(dossier).toJson());
            }
        }
    }

    /** {@code real()} with the first data entry's bytes changed by {@code edit}. */
    Path withData(String file, java.util.function.UnaryOperator<byte[]> edit) throws IOException {
        Parts p = real();
        for (Object[] e : p.entries) {
            if ((char) e[0] == 'D') {
                e[2] = edit.apply((byte[]) e[2]);
                break;
            }
        }
        return p.write(dir.resolve(file));
    }

    @Test
    void load_malformedRulesAsData_refusedWhole() throws Exception {
        // truncated, a byte more, another version, garbage: refused as corrupt, never half-loaded
        refused(withData("d1.motcua", b -> java.util.Arrays.copyOf(b, b.length - 3)), "PREBUILT_CORRUPT");
        refused(withData("d2.motcua", b -> java.util.Arrays.copyOf(b, b.length + 1)), "PREBUILT_CORRUPT");
        refused(withData("d3.motcua", b -> {
            byte[] c = b.clone();
            c[0] = 9;
            return c;
        }), "PREBUILT_CORRUPT");
        refused(withData("d4.motcua", b -> new byte[] {1, 0, 0, 0, 3, 'x', 'y', 'z'}), "PREBUILT_CORRUPT");
        // a constraint the translator never takes from a rule text: two pairs of parentheses around it (the generator
        // drops one), a read of another fact, a comparison the subset does not take, a number out of range, the space
        // escape in a condition, a binding, a text longer than the limit
        DataRules.Translated t = decodedFirst();
        DataRules.DataRule r = t.rules().get(0);
        int n = 5;
        for (String text : List.of("((has(\"a\")))", "hasCategory(\"a\")", "text(\"a\") < \"X\"", "count(\"a\") > 2147483648",
                "count(\"a\") > -0", "text(\"a\") == \"\\s\"", "$x : has(\"a\")", String.join(" || ", java.util.Collections.nCopies(3, "text(\"a\") == \"" + "x".repeat(6000) + "\"")))) {
            refused(withTranslated("d" + n++ + ".motcua", t, r, formPattern(text)), "PREBUILT_CORRUPT");
        }
        // the same rule with well-formed conditions loads: the reader takes what the translator makes, as written
        for (String text : List.of("has(\"a\")", "(has(\"a\"))", "text(\"a\") == \"\\\"X\\\"\"", "integer(\"a\") < -5", "bool(\"a\")")) {
            try (Engine e = engine(false)) {
                assertTrue(e.load(withTranslated("d" + n++ + ".motcua", t, r, formPattern(text))).ok(), text);
            }
        }
    }

    @Test
    void load_rulesAsDataNamingOtherRules_refusedAsCorrupt() throws Exception {
        // a data entry under a procedure's key whose rules are not the rules the procedure's texts name: one renamed,
        // one left out, one added; each well-formed data, each refused as a damaged artifact
        DataRules.Translated t = decodedFirst();
        DataRules.DataRule r = t.rules().get(0);
        List<DataRules.DataRule> renamed = new ArrayList<>(t.rules());
        renamed.set(0, new DataRules.DataRule(r.name() + " (khác)", r.file(), r.attributes(), r.metadata(), r.lhs(), r.rhs()));
        List<DataRules.DataRule> added = new ArrayList<>(t.rules());
        added.add(new DataRules.DataRule("thêm", r.file(), r.attributes(), r.metadata(), r.lhs(), r.rhs()));
        int n = 0;
        for (List<DataRules.DataRule> rules : List.of(renamed, added, t.rules().subList(1, t.rules().size()))) {
            if (rules.isEmpty()) {
                continue;
            }
            byte[] encoded = DataRulesFormat.encode(new DataRules.Translated(t.packageName(), rules));
            Path bad = withData("names" + n++ + ".motcua", b -> encoded);
            refused(bad, "PREBUILT_CORRUPT");
            try (Engine e = engine(false)) {
                PackProblem p = e.load(bad).problems().stream().filter(x -> x.code().equals("PREBUILT_CORRUPT")).findFirst().orElseThrow();
                assertTrue(p.messageEn().startsWith("the prebuilt pack is damaged: the rules as data stored for procedure ["), p.messageEn());
                assertTrue(p.messageVi().startsWith("Gói dựng sẵn bị hỏng: các quy tắc dạng dữ liệu lưu cho thủ tục ["), p.messageVi());
            }
        }
        assertTrue(n >= 2, "cases " + n);
        // the same rules re-encoded load
        byte[] same = DataRulesFormat.encode(t);
        try (Engine e = engine(false)) {
            assertTrue(e.load(withData("names-same.motcua", b -> same)).ok());
        }
    }

    /**
     * A data entry declaring more rules than a procedure may hold (2,000) is refused before any of its rules is decoded,
     * as the folder load refuses the texts: {@code DRL_TOO_MANY_RULES}, naming the entry, the count and the limit; the
     * serving pack serves on (session 18). Before, 2,001 well-formed rules were decoded, then refused as damaged.
     */
    @Test
    void load_dataEntryPastTheRuleLimit_refusedBeforeItIsDecoded() throws Exception {
        DataRules.Translated t = decodedFirst();
        DataRules.DataRule r = t.rules().get(0);
        List<DataRules.DataRule> many = new ArrayList<>();
        for (int i = 0; i <= ProcedureCompiler.MAX_RULES; i++) {
            many.add(new DataRules.DataRule(r.name() + " " + i, r.file(), r.attributes(), r.metadata(), r.lhs(), r.rhs()));
        }
        byte[] encoded = DataRulesFormat.encode(new DataRules.Translated(t.packageName(), many));
        Path bad = withData("many.motcua", b -> encoded);
        refused(bad, "DRL_TOO_MANY_RULES");
        try (Engine e = engine(false)) {
            PackProblem p = e.load(bad).problems().get(0);
            assertEquals("DRL_TOO_MANY_RULES", p.code());
            assertTrue(p.messageVi().startsWith("Gói dựng sẵn lưu 2001 quy tắc dạng dữ liệu cho một thủ tục ["), p.messageVi());
            assertTrue(p.messageVi().endsWith("quá giới hạn 2000 quy tắc một thủ tục: không đọc các quy tắc đó"), p.messageVi());
            assertTrue(p.messageEn().startsWith("the prebuilt pack stores 2001 rules as data for one procedure ["), p.messageEn());
        }
        assertEquals(2000, ProcedureCompiler.MAX_RULES);
    }

    /** A pattern over the form whose one constraint is stored as {@code text} (what the format holds of it). */
    private static DataRules.Pattern formPattern(String text) {
        return new DataRules.Pattern(DataRules.Kind.PATTERN, DataConditions.Fact.FORM,
                List.of(new DataConditions.Atom(DataConditions.Read.FORM_HAS, List.of("a"))), List.of(text));
    }

    private DataRules.Translated decodedFirst() {
        Parts p = real();
        for (Object[] e : p.entries) {
            if ((char) e[0] == 'D') {
                return DataRulesFormat.decode((byte[]) e[2]);
            }
        }
        throw new AssertionError("no data entry");
    }

    /** The artifact with the first data entry's first rule's conditions replaced by {@code pattern}. */
    private Path withTranslated(String file, DataRules.Translated t, DataRules.DataRule r, DataRules.Pattern pattern) throws IOException {
        List<DataRules.DataRule> rules = new ArrayList<>(t.rules());
        rules.set(0, new DataRules.DataRule(r.name(), r.file(), r.attributes(), r.metadata(), List.of(pattern), r.rhs()));
        byte[] encoded = DataRulesFormat.encode(new DataRules.Translated(t.packageName(), rules));
        return withData(file, b -> encoded);
    }

    @Test
    void load_constraintPastTheNodeLimit_refusedAsCorruptWhileItIsParsed() throws Exception {
        // 600 has() joined by || (1,199 nodes), then text the parser would refuse for another reason: the artifact is
        // refused for the size the parser counted, naming the entry, before it reached the rest
        String big = String.join(" || ", java.util.Collections.nCopies(600, "has(\"a\")"));
        DataRules.Translated t = decodedFirst();
        DataRules.DataRule r = t.rules().get(0);
        for (String text : List.of(big, big + " || )))")) {
            Path bad = withTranslated("nodes" + text.length() + ".motcua", t, r, formPattern(text));
            refused(bad, "PREBUILT_CORRUPT");
            try (Engine e = engine(false)) {
                PackProblem p = e.load(bad).problems().get(0);
                assertTrue(p.messageEn().endsWith(": constraint: size"), p.messageEn());
                assertTrue(p.messageEn().contains("the prebuilt pack holds invalid rules as data ["), p.messageEn());
                assertTrue(p.messageVi().startsWith("Gói dựng sẵn có quy tắc dạng dữ liệu không hợp lệ ["), p.messageVi());
            }
        }
    }

    /**
     * The real parts plus {@code n} more data entries (copies of the first one's rules under made-up rule keys), with
     * the entries at {@code broken} truncated: enough entries for the load threads to decode several batches.
     */
    private Parts manyData(int n, int... broken) {
        Parts p = real();
        byte[] data = (byte[]) p.entries.stream().filter(e -> (char) e[0] == 'D').findFirst().orElseThrow()[2];
        for (int i = 0; i < n; i++) {
            byte[] mine = data;
            for (int b : broken) {
                mine = b == i ? java.util.Arrays.copyOf(data, data.length - 1) : mine;
            }
            p.add('D', String.format("%064x", i + 1), mine);
        }
        return p;
    }

    /** Reads the artifact serially and on a pool of two threads: the same contents, or the same one problem. */
    private List<PackProblem> readBothWays(Path file) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<PackProblem> serial = new ArrayList<>();
            PrebuiltArchive.Contents one = PrebuiltArchive.read(file, serial);
            for (int round = 0; round < 5; round++) { // whichever thread decodes which batch, the same answer
                List<PackProblem> parallel = new ArrayList<>();
                PrebuiltArchive.Contents two = PrebuiltArchive.read(file, parallel, pool);
                assertEquals(serial, parallel);
                assertEquals(one == null, two == null);
                if (one != null) {
                    assertEquals(new TreeMap<>(one.byKey()).keySet(), new TreeMap<>(two.byKey()).keySet());
                    one.byKey().forEach((k, g) -> assertEquals(g.data(), two.byKey().get(k).data(), k));
                }
            }
            return serial;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void read_dataDecodedOnThePool_sameContentsAndTheFirstRefusalInTheFile() throws Exception {
        // 200 data entries: all decode, the same rules as a serial read
        assertTrue(readBothWays(manyData(200).write(dir.resolve("many.motcua"))).isEmpty());
        // two malformed, in different batches: the first in the file is the one refusal
        List<PackProblem> two = readBothWays(manyData(200, 150, 70).write(dir.resolve("two.motcua")));
        assertEquals(1, two.size(), two.toString());
        assertEquals("PREBUILT_CORRUPT", two.get(0).code());
        assertTrue(two.get(0).messageEn().contains(String.format("%064x", 71)), two.get(0).messageEn());
        // a malformed data entry before an entry the reader refuses on sight: the data entry's refusal, as serially
        Parts later = manyData(200, 120);
        later.add('L', "procedures/link", new byte[] {1});
        List<PackProblem> first = readBothWays(later.write(dir.resolve("later.motcua")));
        assertEquals(1, first.size(), first.toString());
        assertTrue(first.get(0).messageEn().contains(String.format("%064x", 121)), first.get(0).messageEn());
        // ... and after it: the entry refused on sight
        Parts earlier = manyData(100);
        earlier.add('L', "procedures/link", new byte[] {1});
        earlier.add('D', String.format("%064x", 999), new byte[] {9});
        List<PackProblem> sight = readBothWays(earlier.write(dir.resolve("earlier.motcua")));
        assertEquals(1, sight.size(), sight.toString());
        assertFalse(sight.get(0).messageEn().contains(String.format("%064x", 999)), sight.get(0).messageEn());
        // a data entry twice whose second copy does not decode: refused as malformed, as serially
        Parts twice = manyData(40);
        twice.add('D', String.format("%064x", 3), new byte[] {9});
        List<PackProblem> dup = readBothWays(twice.write(dir.resolve("twice.motcua")));
        assertEquals(1, dup.size(), dup.toString());
        assertEquals("PREBUILT_CORRUPT", dup.get(0).code());
        // the engine refuses such an artifact whole
        refused(manyData(200, 150, 70).write(dir.resolve("engine.motcua")), "PREBUILT_CORRUPT");
    }

    @Test
    void load_dataAndClassesForOneProcedure_refused() throws Exception {
        Parts p = real();
        String key = (String) p.entries.stream().filter(e -> (char) e[0] == 'D').findFirst().orElseThrow()[1];
        p.add('P', key, new byte[0]);
        refused(p.write(dir.resolve("both.motcua")), "PREBUILT_BAD_ENTRY");
        Parts q = real();
        q.add('C', key + "/motcua/x/Extra", payload("motcua/x/Extra", dir.resolve("ran")));
        refused(q.write(dir.resolve("data-and-class.motcua")), "PREBUILT_BAD_ENTRY");
        assertFalse(Files.exists(dir.resolve("ran")));
    }

    /** The artifact's class-name check, written without a regex for speed, accepts exactly what the regex accepts. */
    /** The check of a pack path as it was written before session 10 (with a regex-free split and a normaliser call). */
    static boolean packPathAsBefore(String p) {
        if (p.isEmpty() || p.startsWith("/") || p.endsWith("/") || p.contains("\\") || p.contains("//")
                || p.indexOf(':') >= 0 || !java.text.Normalizer.isNormalized(p, java.text.Normalizer.Form.NFC)) {
            return false;
        }
        for (int i = 0; i < p.length(); i++) {
            if (Character.isISOControl(p.charAt(i))) {
                return false;
            }
        }
        for (String part : p.split("/", -1)) {
            if (part.isEmpty() || part.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    @Test
    void packPath_acceptsExactlyWhatTheCheckBeforeAccepted() {
        List<String> paths = new ArrayList<>(List.of("", "a", "/a", "a/", "a//b", "./a", "a/../b", "a/.b", "a.b/c", "..", "a\\b",
                "c:/x", "a\u0000", "procedures/1.000894/procedure.yaml", "Đ/ề", "e\u0302\u0300", "a/\u0301", "\uD83D\uDE00",
                "\uD83D", "a\u007F", "a\u0085b"));
        java.util.Random random = new java.util.Random(10);
        String alphabet = "a./\\:\u0000é\u0300\u0302ềĐ\uD83D\uDE00\u0085 ";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            paths.add(b.toString());
        }
        for (String p : paths) {
            assertEquals(packPathAsBefore(p), PrebuiltArchive.packPath(p), "[" + p + "]");
        }
    }

    @Test
    void className_acceptsExactlyWhatItsPatternAccepts() {
        List<String> names = new ArrayList<>(List.of("", "a", "A1", "1a", "a/b", "a//b", "/a", "a/", "a/1", "$_/_$9", "a.b",
                "motcua/pX/L0", "motcua/pX/L1a$M", "é", "a b", "a\u0000"));
        java.util.Random random = new java.util.Random(15);
        String alphabet = "aZ_$09/.-é ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(b.toString());
        }
        for (String n : names) {
            assertEquals(PrebuiltArchive.CLASS_NAME.matcher(n).matches(), PrebuiltArchive.className(n), "[" + n + "]");
        }
    }
}
