package io.github.motcua.benchmarks;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.PrebuiltPack;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Start-up of a fresh JVM, as a desk or kiosk starts (issue 15, session 10): one process loads a pack
 * (a folder or a prebuilt pack) and decides one dossier, and this prints how long that took from the
 * process's launch and how much CPU the process used, so JVM settings (class-data sharing, JIT tiers,
 * GC) can be compared run against run. {@code benchmarks/start-settings.sh} drives it.
 *
 * <p>Usage (from the repository root):
 * <ul>
 * <li>{@code prepare DIR [N=2000] [REFERENCE=examples/packs/gia-lai]}: writes the synthetic catalogue
 * ({@link CatalogueGenerator}) to {@code DIR/catalogue}, builds it as a prebuilt pack
 * {@code DIR/catalogue.motcua} with this branch's library, and writes {@code DIR/dossier.json}: the example
 * dossier {@code examples/dossiers/khai-sinh-sau-15-gio.json} addressed to a synthetic procedure of the same
 * template near the middle of the catalogue (the procedure {@code CatalogueScale} decides first), checked to
 * be decided; and the reference pack itself as a prebuilt pack {@code DIR/reference.motcua} (a small pack to
 * train a class-data-sharing archive of the library's classes on).</li>
 * <li>{@code run PACK DOSSIER [all] [again] [idle] [nowarm] [eager]}: loads PACK with {@code Motcua.engine().lazyCompile(true)} (what a node serving
 * a large catalogue from a folder uses; a prebuilt pack loads every procedure ready either way; with {@code eager}, the
 * README's {@code Motcua.engine().build()}, which also compiles every form schema at load), decides DOSSIER and
 * prints one line {@code key=value …}: {@code main} (launch → main entered), {@code ready} (launch → load returned),
 * {@code first} (launch → first decision returned) in seconds of wall time, the process CPU at each of these points
 * ({@code cpu_main}, {@code cpu_ready}, {@code cpu_first}, from the launch: JVM start-up included), the CPU of the
 * JIT compiler threads, the GC's worker threads and the VM thread (the serial collector collects on it) at the first
 * decision, the number of classes the JVM loaded until then ({@code classes}), and with {@code all} the wall and CPU until
 * {@link Engine#compiled()} has every procedure (prebuilt: every KieBase assembled, or for a procedure decided as data its evaluator made); with {@code again}, the first
 * engine is closed and a second one loads the same pack and decides the same dossier in the same JVM, and the line
 * ends with the wall and process CPU of that second load ({@code again_…}, from its start: the first engine's
 * background work still running counts too): the cost of the same load with warm code; with {@code idle}, after the
 * first decision it waits until the process is idle — its CPU grew by less than {@value #QUIET_CPU_MS} ms over
 * {@value #QUIET_MS} ms, sampled every {@value #SAMPLE_MS} ms — and adds {@code idle} (launch → the start of that quiet
 * window, wall) and {@code cpu_idle} (the process CPU then): what the background warm-up and the JIT cost before the
 * node rests; with {@code nowarm}, the engine is built with {@code backgroundWarmUp(false)} (each procedure prepared
 * only at its first decision). The launch time is the
 * system property {@code probe.launch} (epoch nanoseconds, e.g. {@code -Dprobe.launch=$(date +%s%N)}); without
 * it, the JVM's own start time (millisecond resolution, a little after the launch).</li>
 * <li>{@code train PACK DOSSIER [PACK DOSSIER …]}: loads and decides each in turn in one JVM: the training run for
 * a class-data-sharing archive ({@code -XX:ArchiveClassesAtExit=FILE}) covering every path given.</li>
 * </ul>
 * The process exits when done ({@code System.exit}: the background warm-up is not waited for unless {@code all}).
 */
public final class StartProbe {
    private static final String EXAMPLE_DOSSIER = "examples/dossiers/khai-sinh-sau-15-gio.json";
    /** {@code idle}: the process CPU is sampled this often (ms). */
    static final int SAMPLE_MS = 250;
    /** {@code idle}: the quiet window (ms)... */
    static final int QUIET_MS = 1000;
    /** ...over which the process used less CPU than this (ms): 5 % of one core. */
    static final int QUIET_CPU_MS = 50;

    private StartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainNanos = epochNanos();
        long mainCpu = processCpu();
        if (args.length >= 3 && args[0].equals("run")) {
            List<String> options = List.of(args).subList(3, args.length);
            run(Path.of(args[1]), Path.of(args[2]), options, mainNanos, mainCpu);
        } else if (args.length >= 3 && args[0].equals("train") && args.length % 2 == 1) {
            for (int i = 1; i < args.length; i += 2) {
                try (Engine engine = Motcua.engine().lazyCompile(true).build()) {
                    engine.load(Path.of(args[i])).orThrow();
                    decided(engine.decide(Files.readString(Path.of(args[i + 1]), StandardCharsets.UTF_8)));
                }
            }
            System.out.println("trained on " + (args.length - 1) / 2 + " pack(s)");
        } else if (args.length >= 2 && args[0].equals("prepare")) {
            prepare(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : CatalogueGenerator.DEFAULT_PROCEDURES,
                    Path.of(args.length > 3 ? args[3] : "examples/packs/gia-lai"));
        } else {
            System.err.println("usage: StartProbe prepare DIR [N] [REFERENCE] | run PACK DOSSIER [all] [again]"
                    + " [idle] [nowarm] [eager] | train PACK DOSSIER [PACK DOSSIER ...]");
            System.exit(64);
        }
        System.exit(0);
    }

    private static void run(Path pack, Path dossier, List<String> options, long mainNanos, long mainCpu)
            throws IOException, InterruptedException {
        boolean all = options.contains("all");
        boolean again = options.contains("again");
        long launch = launchNanos();
        String json = Files.readString(dossier, StandardCharsets.UTF_8);
        // eager: the README's engine (Motcua.engine().build(), every form schema compiled at load), as a portal embeds it
        Engine engine = Motcua.engine().lazyCompile(!options.contains("eager")).backgroundWarmUp(!options.contains("nowarm")).build();
        engine.load(pack).orThrow();
        long ready = epochNanos();
        long readyCpu = processCpu();
        decided(engine.decide(json));
        long first = epochNanos();
        long firstCpu = processCpu();
        ThreadCpu threads = ThreadCpu.read();
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "main=%.3f ready=%.3f first=%.3f cpu_main=%.3f cpu_ready=%.3f cpu_first=%.3f"
                + " jit_c1=%.3f jit_c2=%.3f gc=%.3f vm=%.3f classes=%d", s(mainNanos - launch), s(ready - launch), s(first - launch),
                s(mainCpu), s(readyCpu), s(firstCpu), threads.c1, threads.c2, threads.gc, threads.vm,
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount()));
        if (options.contains("idle")) {
            long[] quiet = untilIdle();
            line.append(String.format(Locale.ROOT, " idle=%.3f cpu_idle=%.3f", s(quiet[0] - launch), s(quiet[1])));
        }
        if (all) {
            List<PackProblem> problems = engine.compiled().join();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("problems compiling " + pack + ": " + problems);
            }
            line.append(String.format(Locale.ROOT, " all=%.3f cpu_all=%.3f", s(epochNanos() - launch), s(processCpu())));
        }
        if (again) {
            // the same load and decision once more in this JVM, its code now warm: what a fresh JVM adds
            engine.close();
            long c0 = processCpu();
            long t0 = epochNanos();
            Engine second = Motcua.engine().lazyCompile(true).build();
            second.load(pack).orThrow();
            long readyAgain = epochNanos();
            long readyAgainCpu = processCpu();
            decided(second.decide(json));
            line.append(String.format(Locale.ROOT, " again_ready=%.3f again_first=%.3f again_cpu_ready=%.3f again_cpu_first=%.3f",
                    s(readyAgain - t0), s(epochNanos() - t0), s(readyAgainCpu - c0), s(processCpu() - c0)));
        }
        System.out.println(line);
        System.out.flush();
        // no close(): a desk that exits does not wait for the background warm-up either
    }

    /**
     * Samples the process CPU every {@value #SAMPLE_MS} ms until it grew by less than {@value #QUIET_CPU_MS} ms over
     * {@value #QUIET_MS} ms (at most 10 minutes): the epoch nanos and the process CPU at the start of that window.
     */
    private static long[] untilIdle() throws InterruptedException {
        int window = QUIET_MS / SAMPLE_MS;
        List<long[]> samples = new java.util.ArrayList<>();
        samples.add(new long[] {epochNanos(), processCpu()});
        for (int i = 1; i <= 600_000 / SAMPLE_MS; i++) {
            Thread.sleep(SAMPLE_MS);
            samples.add(new long[] {epochNanos(), processCpu()});
            if (i >= window && samples.get(i)[1] - samples.get(i - window)[1] < QUIET_CPU_MS * 1_000_000L) {
                return samples.get(i - window);
            }
        }
        throw new IllegalStateException("not idle after 10 minutes");
    }

    private static void prepare(Path dir, int n, Path reference) throws IOException {
        Path catalogue = dir.resolve("catalogue");
        if (Files.exists(catalogue)) {
            throw new IllegalArgumentException("already prepared (remove it first): [" + catalogue + "]");
        }
        Files.createDirectories(dir);
        CatalogueGenerator.write(reference, catalogue, n);
        // the synthetic procedure nearest the middle that copies the example dossier's procedure
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode example = (ObjectNode) mapper.readTree(Files.readString(Path.of(EXAMPLE_DOSSIER), StandardCharsets.UTF_8));
        String templateCode = example.get("procedure").asString();
        List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(reference);
        int probe = -1;
        for (int i = n / 2; i < n + n / 2 && probe < 0; i++) {
            if (CatalogueGenerator.templateOf(templates, i % n).code().equals(templateCode)) {
                probe = i % n;
            }
        }
        if (probe < 0) {
            throw new IllegalArgumentException("no synthetic procedure copies [" + templateCode + "]");
        }
        example.put("procedure", CatalogueGenerator.code(probe));
        Path dossier = dir.resolve("dossier.json");
        Files.writeString(dossier, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(example), StandardCharsets.UTF_8);
        Path artifact = dir.resolve("catalogue.motcua");
        long b0 = System.nanoTime();
        try (PrebuiltPack p = PrebuiltPack.compile(catalogue)) {
            p.load().orThrow();
            p.write(artifact);
        }
        System.out.println(String.format(Locale.ROOT, "wrote %s (%d procedures), %s (%d bytes, %.1f s), %s (%s)", catalogue, n,
                artifact, Files.size(artifact), s(System.nanoTime() - b0), dossier, CatalogueGenerator.code(probe)));
        try (Engine engine = Motcua.engine().build()) {
            engine.load(artifact).orThrow();
            decided(engine.decide(Files.readString(dossier, StandardCharsets.UTF_8)));
        }
        // the reference pack prebuilt too: a small pack to train a class-data-sharing archive of the library's classes
        Path small = dir.resolve("reference.motcua");
        try (PrebuiltPack p = PrebuiltPack.compile(reference)) {
            p.load().orThrow();
            p.write(small);
        }
        System.out.println(String.format(Locale.ROOT, "wrote %s (%d bytes)", small, Files.size(small)));
    }

    private static void decided(Decision d) {
        if (d.provenance() == null || d.eligibility() == null) {
            throw new IllegalStateException("not decided: " + d.toJson());
        }
    }

    private static long launchNanos() {
        String p = System.getProperty("probe.launch");
        if (p != null) {
            return Long.parseLong(p.trim());
        }
        return ManagementFactory.getRuntimeMXBean().getStartTime() * 1_000_000L;
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double s(long nanos) {
        return nanos / 1e9;
    }

    /** CPU seconds of the JVM's JIT compiler and GC threads, by their names in {@code /proc/self/task}. */
    private record ThreadCpu(double c1, double c2, double gc, double vm) {
        static ThreadCpu read() {
            double c1 = 0;
            double c2 = 0;
            double gc = 0;
            double vm = 0;
            Path tasks = Path.of("/proc/self/task");
            if (!Files.isDirectory(tasks)) {
                return new ThreadCpu(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            long ticks = 100; // USER_HZ on Linux
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
                for (Path t : ds) {
                    String stat;
                    try {
                        stat = Files.readString(t.resolve("stat"), StandardCharsets.US_ASCII);
                    } catch (IOException gone) {
                        continue;
                    }
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    // fields after the name: state(0) … utime(11) stime(12)
                    double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) ticks;
                    if (name.startsWith("C1 Compiler")) {
                        c1 += cpu;
                    } else if (name.startsWith("C2 Compiler")) {
                        c2 += cpu;
                    } else if (name.startsWith("GC ") || name.startsWith("G1 ")) {
                        gc += cpu;
                    } else if (name.equals("VM Thread")) {
                        vm += cpu;
                    }
                }
            } catch (IOException e) {
                return new ThreadCpu(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new ThreadCpu(c1, c2, gc, vm);
        }
    }
}
