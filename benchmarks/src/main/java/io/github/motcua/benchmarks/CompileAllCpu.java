package io.github.motcua.benchmarks;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.PrebuiltPack;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Process CPU time of the synthetic catalogue's rule builds (docs/performance.md, "Session 10 — rules as data"); wall
 * time is printed too but means little on a shared machine. {@code -Dmotcua.rules.codePath=true} makes every procedure
 * take the code path (generator, javac, the verifier; classes in a prebuilt pack), for the comparison.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.CompileAllCpu compile [N=2000] [REFERENCE]
 *     an eager load of the catalogue: parse, lint, check and compile every procedure
 * java -Xmx4g -cp ... CompileAllCpu build N OUT.motcua [REFERENCE]
 *     the catalogue's prebuilt pack (PrebuiltPack.compile, load, write)
 * java -Xmx4g -cp ... CompileAllCpu load ARTIFACT.motcua
 *     a fresh engine's load of the artifact until every procedure is ready (compiled().join(): every KieBase assembled, or for a procedure decided as data its evaluator made)
 * </pre>
 */
public final class CompileAllCpu {
    private CompileAllCpu() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "compile";
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        boolean code = Boolean.getBoolean("motcua.rules.codePath");
        switch (mode) {
            case "compile" -> {
                int n = args.length > 1 ? Integer.parseInt(args[1]) : CatalogueGenerator.DEFAULT_PROCEDURES;
                Path dir = Scratch.directory("motcua-compile-all");
                CatalogueGenerator.write(Path.of(args.length > 2 ? args[2] : "examples/packs/gia-lai"), dir, n);
                try (Engine engine = Motcua.engine().lazyCompile(false).build()) {
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    engine.load(dir).orThrow();
                    List<PackProblem> problems = engine.compiled().join();
                    report("compile all " + n + " procedures, " + problems.size() + " problems", code, os, c0, t0);
                }
            }
            case "build" -> {
                int n = Integer.parseInt(args[1]);
                Path out = Path.of(args[2]);
                Path dir = Scratch.directory("motcua-build");
                CatalogueGenerator.write(Path.of(args.length > 3 ? args[3] : "examples/packs/gia-lai"), dir, n);
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                try (PrebuiltPack p = PrebuiltPack.compile(dir)) {
                    p.load().orThrow();
                    p.write(out);
                }
                report("build the prebuilt pack of " + n + " procedures (" + Files.size(out) + " bytes)", code, os, c0, t0);
            }
            case "load" -> {
                Path artifact = Path.of(args[1]);
                try (Engine engine = Motcua.engine().build()) {
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    engine.load(artifact).orThrow();
                    List<PackProblem> problems = engine.compiled().join();
                    report("prebuilt load, every procedure ready (" + engine.catalog().size() + " procedures, " + problems.size()
                            + " problems)", code, os, c0, t0);
                }
            }
            default -> throw new IllegalArgumentException("mode: compile, build or load: [" + mode + "]");
        }
    }

    private static void report(String what, boolean code, com.sun.management.OperatingSystemMXBean os, long c0, long t0) {
        long c1 = os.getProcessCpuTime();
        long t1 = System.nanoTime();
        System.out.println(String.format(Locale.ROOT, "%s (code path forced: %s): process CPU %.2f s, wall %.2f s, load average %.1f",
                what, code, (c1 - c0) / 1e9, (t1 - t0) / 1e9, os.getSystemLoadAverage()));
    }
}
