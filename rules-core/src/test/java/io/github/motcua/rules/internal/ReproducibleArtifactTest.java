package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PrebuiltPack;
import io.github.motcua.rules.TestPacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same pack gives a byte-identical prebuilt artifact whatever the JVM compiled before and in whatever order
 * its procedures are compiled (issue 15, loose end of session 8): Drools numbers the generated pattern variables
 * from one counter for the whole JVM, and the rule classes are numbered per procedure instead.
 */
class ReproducibleArtifactTest {
    @TempDir
    Path dir;

    static byte[] build(Path pack, Path out, int threads) throws IOException {
        try (PrebuiltPack p = PrebuiltPack.compile(Motcua.engine().compileThreads(threads), pack)) {
            p.load().orThrow();
            p.write(out);
        }
        return Files.readAllBytes(out);
    }

    @Test
    void write_samePackAfterOtherPacksCompiled_byteIdentical() throws Exception {
        Path pack = TestPacks.copy("ho-tich", dir.resolve("ho-tich"));
        byte[] first = build(pack, dir.resolve("1.motcua"), 1);
        // another pack compiled in between moves Drools' counter on by every pattern it generates
        try (PrebuiltPack other = PrebuiltPack.compile(TestPacks.copy("guide", dir.resolve("guide")))) {
            other.load().orThrow();
            // counted by its own engine: another engine compiling in the JVM meanwhile would not make this pass
            assertTrue(((DefaultEngine) other.engine()).generations() > 0, "the other pack compiled nothing");
        }
        byte[] second = build(pack, dir.resolve("2.motcua"), 1);
        assertArrayEquals(first, second, "the artifact changed after another pack was compiled");
        // its procedures compiled on several threads at once, interleaving their use of the counter
        byte[] threaded = build(pack, dir.resolve("3.motcua"), 4);
        assertArrayEquals(first, threaded, "the artifact changed with the procedures compiled in parallel");
    }

    @Test
    void write_samePackInAFreshJvm_byteIdenticalToOneBuiltAfterOthers() throws Exception {
        Path pack = TestPacks.copy("ho-tich", dir.resolve("ho-tich"));
        try (PrebuiltPack other = PrebuiltPack.compile(TestPacks.copy("guide", dir.resolve("guide")))) {
            other.load().orThrow();
        }
        byte[] here = build(pack, dir.resolve("here.motcua"), 2);
        Path fresh = dir.resolve("fresh.motcua");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Build.class.getName(), pack.toString(), fresh.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("fresh.log").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the fresh JVM did not finish");
        assertEquals(0, p.exitValue(), () -> read(dir.resolve("fresh.log")));
        assertArrayEquals(here, Files.readAllBytes(fresh), "a fresh JVM built another artifact of the same pack");
    }

    @Test
    void renumbered_namesNumberedPerProcedureInOrderOfFirstUse_oneToOne() {
        Map<String, String> sources = new TreeMap<>(Map.of(
                "b/RuleMethods0.java", "var_GENERATED_$pattern_Form$41$ = x(\"GENERATED_$pattern_Form$41$\"); y($cond$7$); z($pattern_Form$9$)",
                "a/Rules.java", "$cond$7$ $pattern_Applicant$1203$",
                "c/Lambda.java", "nothing counted: $f $a$b GENERATED_04430AF1"));
        Map<String, String> out = RuleClasses.renumbered(sources);
        assertEquals("$cond$1$ $pattern_Applicant$2$", out.get("a/Rules.java"));
        assertEquals("var_GENERATED_$pattern_Form$3$ = x(\"GENERATED_$pattern_Form$3$\"); y($cond$1$); z($pattern_Form$4$)",
                out.get("b/RuleMethods0.java"));
        assertEquals("nothing counted: $f $a$b GENERATED_04430AF1", out.get("c/Lambda.java"));
        // the same sources numbered by another JVM's counter give the same text
        Map<String, String> shifted = new TreeMap<>();
        sources.forEach((k, v) -> shifted.put(k, v.replace("$41$", "$90041$").replace("$7$", "$90007$")
                .replace("$9$", "$90009$").replace("$1203$", "$91203$")));
        assertEquals(out, RuleClasses.renumbered(shifted));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Builds one artifact in a JVM of its own: {@code Build PACK OUT}. */
    public static final class Build {
        public static void main(String[] args) throws IOException {
            build(Path.of(args[0]), Path.of(args[1]), 1);
        }
    }
}
