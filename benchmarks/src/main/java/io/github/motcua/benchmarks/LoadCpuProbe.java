package io.github.motcua.benchmarks;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The default folder load → first decision of {@code CatalogueScale N REFERENCE folder-only}, measured by the CPU it
 * costs rather than by its wall time alone (issue 15, session 22): on a shared 2-core host, wall-clock pairs of one run
 * each spread wider than the differences between builds; the CPU is less sensitive to what else runs (though not
 * immune: under load the JIT compiles later, so more code runs interpreted), and the bytes allocated hardly at all.
 *
 * <p>Usage (from the repository root):
 * <ul>
 * <li>{@code prepare DIR [N=2000] [REFERENCE=examples/packs/gia-lai]}: writes the synthetic catalogue
 * ({@link CatalogueGenerator}; its distinct variant with {@code -Dmotcua.catalogue.distinct=true}) to {@code DIR},
 * once, so every run of every build loads the same bytes.</li>
 * <li>{@code run DIR [N=2000] [REFERENCE=examples/packs/gia-lai]}: in this fresh JVM, what {@code CatalogueScale}'s
 * {@code folder-only} does before its window (the reference pack loaded for one dossier per template, the dossier of
 * procedure N/2 made, four {@code System.gc()} 200 ms apart), then its window: {@code
 * Motcua.engine().lazyCompile(true).build()} (the default all-or-nothing load; each procedure compiled at its first
 * decision or by the background warm-up) loads DIR ({@code orThrow}) and decides that dossier. Prints one line of
 * {@code key=value}: {@code wall_load} (the load returned), {@code wall_first} (the first decision returned; the
 * probe's look at the load's figures in between is not counted); at the load's return {@code cpu_load} (process CPU
 * time, every thread: JIT and collector included), {@code lib_load} (the same without the compiler threads, the
 * collector's threads and the VM thread, by their names in {@code /proc/self/task}, 10 ms ticks: the calling thread
 * and the load's pool), {@code caller_load} (the calling thread alone) and {@code alloc_load_mb} (MB the Java threads
 * alive then allocated in the load: HotSpot's per-thread count; a thread that ended inside the load is not counted);
 * then to the first decision {@code cpu}, {@code cpu_jit} (the C1/C2 compiler threads), {@code cpu_gc} (collector
 * and VM thread), {@code cpu_lib} (the rest: background warm-up included, and any thread that ended inside the window)
 * and {@code cpu_caller}; and {@code decision} (the decided procedure, so a run that decided nothing shows). Seconds,
 * but the MB.</li>
 * </ul>
 * With {@code -Dprobe.jfr=FILE}, a flight recording of the window only ({@link #startRecording}). The class uses only
 * what {@code CatalogueScale} and {@code CatalogueGenerator} have had since session 18, so
 * {@code benchmarks/load-cpu-pairs.sh} compiles this one file against an older build's jar and runs both builds on the
 * same catalogue, alternating.
 */
public final class LoadCpuProbe {

    private LoadCpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("prepare") || args[0].equals("run"))) {
            System.err.println("usage: LoadCpuProbe prepare|run DIR [N=2000] [REFERENCE=examples/packs/gia-lai]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : CatalogueGenerator.DEFAULT_PROCEDURES;
        Path reference = Path.of(args.length > 3 ? args[3] : "examples/packs/gia-lai");
        if (args[0].equals("prepare")) {
            Files.createDirectories(dir);
            CatalogueGenerator.write(reference, dir, n);
            System.out.println("catalogue (" + (CatalogueGenerator.distinctByDefault() ? "distinct forms" : "templates copied")
                    + ", " + n + " procedures) in " + dir);
            return;
        }
        System.out.println(run(dir, n, reference));
        System.exit(0); // the background warm-up is not waited for
    }

    /** The window's figures (seconds; MB), as {@link #main} prints them. */
    record Figures(double wallLoad, double wallFirst, double cpuLoad, double libLoad, double callerLoad, double allocLoadMb,
            double cpu, double cpuJit, double cpuGc, double cpuLib, double cpuCaller, String decision) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "wall_load=%.3f wall_first=%.3f cpu_load=%.3f lib_load=%.2f caller_load=%.3f "
                    + "alloc_load_mb=%.0f cpu=%.3f cpu_jit=%.2f cpu_gc=%.2f cpu_lib=%.2f cpu_caller=%.3f decision=%s",
                    wallLoad, wallFirst, cpuLoad, libLoad, callerLoad, allocLoadMb, cpu, cpuJit, cpuGc, cpuLib, cpuCaller,
                    decision);
        }
    }

    /** One measured load → first decision of the catalogue in {@code dir}, after CatalogueScale's preamble. */
    static Figures run(Path dir, int n, Path reference) throws InterruptedException {
        List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(reference);
        Map<String, Dossier> byTemplate = CatalogueScale.referenceDossiers(reference);
        Dossier first = CatalogueScale.dossierFor(byTemplate, templates, n / 2, Map.of());
        for (int i = 0; i < 4; i++) { // as CatalogueScale before its window
            System.gc();
            Thread.sleep(200);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Engine engine = Motcua.engine().lazyCompile(true).build()) { // as CatalogueScale's folder-only
            jdk.jfr.Recording recording = startRecording();
            double[] jvm0 = jvmThreadsCpu();
            Map<Long, Long> alloc0 = allocated();
            long caller0 = threads.getCurrentThreadCpuTime();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            engine.load(dir).orThrow();
            long loaded = System.nanoTime();
            long cl = os.getProcessCpuTime();
            long callerL = threads.getCurrentThreadCpuTime();
            double[] jvmL = jvmThreadsCpu();
            long allocL = allocatedSince(alloc0);
            long resumed = System.nanoTime(); // the look at the load's figures is not the first decision's time
            Decision d = engine.decide(first);
            long decided = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            long caller1 = threads.getCurrentThreadCpuTime();
            double[] jvm1 = jvmThreadsCpu();
            stopRecording(recording);
            double cpuLoad = (cl - c0) / 1e9;
            double cpu = (c1 - c0) / 1e9;
            double jit = jvm1[0] - jvm0[0];
            double gc = jvm1[1] - jvm0[1];
            return new Figures((loaded - t0) / 1e9, (decided - resumed + loaded - t0) / 1e9, cpuLoad,
                    cpuLoad - (jvmL[0] - jvm0[0]) - (jvmL[1] - jvm0[1]), (callerL - caller0) / 1e9, allocL / 1048576.0,
                    cpu, jit, gc, cpu - jit - gc, (caller1 - caller0) / 1e9,
                    d.provenance() == null ? "none" : first.procedure());
        }
    }

    /** Bytes allocated so far by each live Java thread, by id (HotSpot's count). */
    static Map<Long, Long> allocated() {
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = t.getAllThreadIds();
        long[] bytes = t.getThreadAllocatedBytes(ids);
        Map<Long, Long> out = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                out.put(ids[i], bytes[i]);
            }
        }
        return out;
    }

    /** Bytes the live Java threads allocated since {@code before} ({@link #allocated}; a new thread's from 0). */
    static long allocatedSince(Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : allocated().entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    /**
     * With {@code -Dprobe.jfr=FILE}: a flight recording of the measured window only, execution samples of every Java
     * thread every {@code probe.jfr.period} (default 10 ms; the JDK takes at most one sample of a thread per period),
     * native-method samples as often, allocation samples and the JIT's compile events (its default
     * profile's other events too), written to FILE at the end of the window. Null without the property.
     */
    static jdk.jfr.Recording startRecording() {
        String file = System.getProperty("probe.jfr");
        if (file == null) {
            return null;
        }
        try {
            jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            String period = System.getProperty("probe.jfr.period", "10 ms");
            r.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(Long.parseLong(period.split(" ")[0])));
            r.enable("jdk.NativeMethodSample").withPeriod(java.time.Duration.ofMillis(Long.parseLong(period.split(" ")[0])));
            r.enable("jdk.Compilation").withThreshold(java.time.Duration.ZERO);
            r.setDestination(Path.of(file));
            r.start();
            return r;
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalStateException("flight recording: " + e.getMessage(), e);
        }
    }

    /** Stops the window's recording (written to its file), if any. */
    static void stopRecording(jdk.jfr.Recording r) {
        if (r != null) {
            r.stop();
            r.close();
        }
    }

    /**
     * CPU seconds so far of the JIT compiler threads ([0]) and of the collector's threads with the VM thread ([1]), by
     * their names in {@code /proc/self/task} (10 ms ticks); NaN off Linux.
     */
    static double[] jvmThreadsCpu() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double jit = 0;
        double gc = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
            for (Path t : ds) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"), StandardCharsets.US_ASCII);
                } catch (IOException gone) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime; USER_HZ 100
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    jit += cpu;
                } else if (name.startsWith("GC ") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                    gc += cpu;
                }
            }
        } catch (IOException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {jit, gc};
    }
}
