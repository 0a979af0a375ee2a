package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** The compiler warm-up compiles the library's own rules the way a pack's procedure is compiled. */
class CompilerWarmUpTest {
    @Test
    void run_preparesTheLibrarysThreeRules_withoutAProblem_asDataWithoutAKieBase() {
        List<io.github.motcua.rules.PackProblem> problems = new java.util.ArrayList<>();
        RuleNetwork network = CompilerWarmUp.run(problems);
        assertEquals(List.of(), problems);
        assertNotNull(network, "the warm-up rules parsed, passed the checks and were prepared");
        // prepared as the engine prepares a procedure decided as data (session 14): its evaluator, no KieBase
        assertNotNull(network.evaluator(), "the warm-up's rules are decided as data");
        assertFalse(network.isAssembled(), "the warm-up assembles no KieBase that no procedure of an all-data pack needs");
        // and they still assemble, when something asks, into the three rules
        KieBase kb = network.kieBase();
        TreeSet<String> names = new TreeSet<>();
        for (KiePackage p : kb.getKiePackages()) {
            for (Rule r : p.getRules()) {
                names.add(p.getName() + ": " + r.getName());
            }
        }
        assertEquals(new TreeSet<>(List.of("motcua.pWARM_UP: Có giấy tờ thì nộp giấy tờ", "motcua.pWARM_UP: Diện tích lớn",
                "motcua.pWARM_UP: Người yêu cầu chưa đủ tuổi")), names);
    }

    /**
     * Run in a fresh JVM (nothing compiled yet, the warm-up not started): loads the pack {@code args[0]} lazily into an
     * engine whose background warm-up is {@code args[1]}, and prints whether the compiler warm-up thread was started.
     */
    public static final class FreshLoad {
        public static void main(String[] args) {
            try (io.github.motcua.rules.Engine e = io.github.motcua.rules.Motcua.engine().lazyCompile(true)
                    .backgroundWarmUp(Boolean.parseBoolean(args[1])).build()) {
                e.load(Path.of(args[0])).orThrow();
                System.out.println("compilerWarmUp=" + CompilerWarmUp.started());
            }
        }
    }

    private static String freshLoad(boolean backgroundWarmUp, Path log) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FreshLoad.class.getName(), DataRulesTest.GIA_LAI.toString(),
                Boolean.toString(backgroundWarmUp)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the fresh JVM did not finish");
        String out = Files.readString(log);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void load_backgroundWarmUpOff_startsNoCompilerWarmUp_whereItWouldOtherwise(@TempDir Path dir) throws Exception {
        // the warm-up wants a second processor; the control below proves the load of this pack starts it otherwise
        Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one processor: the warm-up never starts");
        assertTrue(freshLoad(true, dir.resolve("on.log")).contains("compilerWarmUp=true"), "control: warm-up on");
        String off = freshLoad(false, dir.resolve("off.log"));
        assertTrue(off.contains("compilerWarmUp=false"), off);
    }

    @Test
    void wanted_offByTheProperty_orWithOneProcessor() {
        assertTrue(CompilerWarmUp.wanted(null, 2));
        assertTrue(CompilerWarmUp.wanted("true", 16));
        assertFalse(CompilerWarmUp.wanted("false", 16));
        assertFalse(CompilerWarmUp.wanted(" FALSE ", 2));
        assertFalse(CompilerWarmUp.wanted(null, 1));
    }

    @Test
    void procedureFolders_countsEachFolderOnce_andStopsAtEnough() {
        java.util.SortedSet<String> paths = new java.util.TreeSet<>(List.of("pack.yaml", "procedures/x.yaml",
                "procedures/A/procedure.yaml", "procedures/A/rules.drl", "procedures/A.b/procedure.yaml",
                "procedures/A/cases/a.yaml", "procedures/B/cases/c.yaml", "procedures//odd", "legal-bases/a.yaml"));
        assertEquals(3, CompilerWarmUp.procedureFolders(paths, 10));
        assertEquals(2, CompilerWarmUp.procedureFolders(paths, 2));
    }
}
