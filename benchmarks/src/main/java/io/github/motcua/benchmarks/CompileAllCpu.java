package io.github.motcua.benchmarks;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The process CPU time of an eager load of the synthetic catalogue: parse, lint, check and compile every procedure
 * (docs/performance.md, "Session 10 — rules as data"). Wall time is printed too but means little on a shared machine.
 * {@code -Dmotcua.rules.codePath=true} makes every procedure take the code path (javac and the verifier), for the
 * comparison.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.CompileAllCpu [N=2000] [REFERENCE=examples/packs/gia-lai]
 * </pre>
 */
public final class CompileAllCpu {
    private CompileAllCpu() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : CatalogueGenerator.DEFAULT_PROCEDURES;
        Path reference = Path.of(args.length > 1 ? args[1] : "examples/packs/gia-lai");
        Path dir = Files.createTempDirectory("motcua-compile-all");
        CatalogueGenerator.write(reference, dir, n);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Engine engine = Motcua.engine().lazyCompile(false).build()) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            engine.load(dir).orThrow();
            List<PackProblem> problems = engine.compiled().join();
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            System.out.println(String.format(Locale.ROOT,
                    "compile all %d procedures (code path forced: %s): process CPU %.1f s, wall %.1f s, %d problems, load average %.1f",
                    n, Boolean.getBoolean("motcua.rules.codePath"), (c1 - c0) / 1e9, (t1 - t0) / 1e9, problems.size(),
                    os.getSystemLoadAverage()));
        }
    }
}
