package io.github.motcua.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CPU time and allocation per operation, for comparing the engine with its raw baseline on a machine
 * other processes load (not JMH, and quoted only as such in docs/performance.md).
 *
 * <p>It reads the deciding thread's own CPU time ({@code ThreadMXBean}) and allocated bytes around
 * rounds of 5,000 operations, the two sides interleaved round by round in one JVM, 8 warm-up rounds,
 * and keeps the minimum of the measured rounds: other processes can slow a round down (cache, frequency)
 * but cannot make it use less CPU, so the minimum is the least disturbed figure.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.CpuTimeHarness whole [rounds] [profileSeconds]
 * java -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.CpuTimeHarness forms [rounds] [profileSeconds]
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.CpuTimeHarness catalogue:2000 [rounds] [profileSeconds]
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.CpuTimeHarness templates [rounds]
 * </pre>
 *
 * <p>{@code whole}: {@link WholeDecisionBenchmark}'s engine decision against its raw run. {@code forms}:
 * {@link FormsBenchmark}'s valid 50-field form, forms-core against raw networknt. {@code catalogue:N}:
 * {@link CatalogueBenchmark}'s skewed mix against its same-procedure decision over N procedures (run it
 * once with 10 and once with 2,000, each in its own JVM as JMH forks do, and compare the skewed rows);
 * {@code catalogue:N/K}: N procedures loaded, the skewed mix drawn from the first K only ("many loaded" against
 * "many decided", docs/performance.md "Session 8"); {@code catalogue:N/K/sorted}: the same decisions, each procedure's
 * in a row; {@code catalogue:N/K/distinct}: every slot of the mix its own dossier object (on both sides of a
 * comparison the same number of dossier objects, docs/performance.md "Session 15"); {@code catalogue:N/K/fresh}: the
 * same with each dossier's own strings too; {@code catalogue:N/K/uniform}: the first K drawn evenly (no skew; with K 14,
 * one procedure per template, the templates in the skewed mix over 2,000's proportions); {@code K} 0 means all N. With {@code -Dside=a} it also prints the collections, their
 * pause time, the process's CPU time (GC and JIT threads included) and the wall time per operation.
 * With a third argument the first side then runs that many seconds more while a thread samples its stack
 * every 0.2 ms and the most frequent frames are printed (inclusive and self).
 *
 * <p>{@code -Dside=a} or {@code -Dside=b} measures one side only: one side per JVM, as JMH forks do (in one
 * JVM the raw side shares classes, and so JIT profiles, with the engine). {@code compare} (see
 * {@link #compare}) measures several builds side by side in one JVM, each in its own class loader.
 * docs/performance.md, "Session 6", says what each way of running shows.
 */
public final class CpuTimeHarness {
    private static volatile boolean stop;
    private static Object sink;

    private CpuTimeHarness() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "whole";
        if (what.equals("compare")) {
            compare(args);
            return;
        }
        if (what.equals("templates")) {
            templates(args.length > 1 ? Integer.parseInt(args[1]) : 16);
            return;
        }
        if (what.startsWith("heap:")) {
            heap(Integer.parseInt(what.substring("heap:".length())), args.length > 1 ? Integer.parseInt(args[1]) : 0);
            return;
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        Object[] ops = sides(what);
        Runnable a = (Runnable) ops[0];
        Runnable b = (Runnable) ops[1];
        String na = (String) ops[2];
        String nb = (String) ops[3];
        int n = (Integer) ops[4];
        double[] minCpu = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] minAlloc = {Double.MAX_VALUE, Double.MAX_VALUE};
        // over the measured rounds: collections, their pause time, and the process's CPU time (GC and JIT
        // threads included, which the deciding thread's CPU time leaves out) and wall time, per operation
        long[] gc = new long[4]; // count, ms, process cpu ns, wall ns
        String only = System.getProperty("side", "both"); // "a" or "b": one side per JVM, as JMH forks do
        Runnable[] sides = {a, b};
        for (int r = 0; r < 8 + rounds; r++) {
            if (r == 8) { // a profiler's samples after this instant are the measured rounds'
                System.out.println("warmed up; measuring from " + java.time.Instant.now());
            }
            for (int k = 0; k < 2; k++) {
                if (only.equals(k == 0 ? "b" : "a")) {
                    continue;
                }
                long[] g0 = gcAndProcess();
                long c0 = t.getCurrentThreadCpuTime();
                long m0 = t.getThreadAllocatedBytes(id);
                for (int i = 0; i < n; i++) {
                    sides[k].run();
                }
                long c1 = t.getCurrentThreadCpuTime();
                long m1 = t.getThreadAllocatedBytes(id);
                long[] g1 = gcAndProcess();
                if (r >= 8) {
                    minCpu[k] = Math.min(minCpu[k], (c1 - c0) / 1e3 / n);
                    minAlloc[k] = Math.min(minAlloc[k], (m1 - m0) / 1024.0 / n);
                    for (int j = 0; j < 4; j++) {
                        gc[j] += g1[j] - g0[j];
                    }
                }
            }
        }
        String[] names = {na, nb};
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < 2; k++) {
            if (minCpu[k] != Double.MAX_VALUE) {
                line.append(String.format(Locale.ROOT, "%s %.2f us cpu, %.1f kB; ", names[k], minCpu[k], minAlloc[k]));
            }
        }
        if (only.equals("both")) {
            line.append(String.format(Locale.ROOT, "ratio %.2fx ", minCpu[0] / minCpu[1]));
        } else {
            long measured = (long) rounds * n;
            line.append(String.format(Locale.ROOT, "over all measured rounds: %d collections, %.2f us GC pause, "
                    + "%.2f us process cpu, %.2f us wall per op; ", gc[0], gc[1] * 1e3 / measured, gc[2] / 1e3 / measured, gc[3] / 1e3 / measured));
        }
        System.out.printf(Locale.ROOT, "%s(%s, %d rounds, load %s)%n", line, java.time.Instant.now(), rounds,
                Files.readString(Path.of("/proc/loadavg")).trim());
        if (args.length > 2) {
            profile(a, Long.parseLong(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 150);
        }
        System.exit(0);
    }

    /** {collections, collection ms, process CPU ns, wall ns} so far. */
    private static long[] gcAndProcess() {
        long count = 0;
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            ms += Math.max(0, b.getCollectionTime());
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new long[] {count, ms, os.getProcessCpuTime(), System.nanoTime()};
    }

    /**
     * The two sides of {@code what}: {side a, side b, name a, name b, operations per round}. Public for
     * {@link #compare}, which calls it in each build's own class loader.
     */
    public static Object[] sides(String what) throws Exception {
        if (what.equals("forms")) {
            FormsBenchmark f = new FormsBenchmark();
            f.setup();
            return new Object[] {(Runnable) () -> sink = f.validateValid_forms(),
                (Runnable) () -> sink = f.validateValid_rawNetworknt(), "forms", "rawNetworknt", 5000};
        } else if (what.startsWith("catalogue:") || what.startsWith("formcheck:")) {
            boolean formOnly = what.startsWith("formcheck:");
            String[] nk = what.substring(what.indexOf(':') + 1).split("/"); // N, or N/K: a mix over K of N loaded
            int procedures = Integer.parseInt(nk[0]);
            CatalogueBenchmark.Catalogue c = new CatalogueBenchmark.Catalogue();
            c.procedures = procedures;
            c.touched = nk.length > 1 ? Integer.parseInt(nk[1]) : 0;
            // N/K/sorted: the same mix, each procedure's dossiers in a row; N/K/distinct: a dossier object per slot
            // (CatalogueBenchmark's distinctDossiers); N/K/sorted,distinct both. K 0 (or absent): all N
            List<String> flags = nk.length > 2 ? List.of(nk[2].split(",")) : List.of();
            c.grouped = flags.contains("sorted");
            c.distinctDossiers = flags.contains("distinct") || flags.contains("fresh");
            c.freshDossiers = flags.contains("fresh"); // N/K/fresh: distinct, each with its own strings too
            c.uniform = flags.contains("uniform"); // N/K/uniform: the first K drawn evenly, no 80/20 skew
            long s0 = System.nanoTime();
            c.setUp();
            // the mix's warm-up, as JMH's skewedMix gets it (CatalogueBenchmark.Catalogue.warmUp; 0 rounds: none)
            c.warmRounds = c.warmUp(Integer.getInteger(CatalogueBenchmark.Catalogue.WARM_ROUNDS_PROPERTY,
                    CatalogueBenchmark.Catalogue.MIN_WARM_ROUNDS));
            System.out.printf(Locale.ROOT, "catalogue of %d set up in %.1f s (%d rounds of the mix's warm-up)%n", procedures,
                    (System.nanoTime() - s0) / 1e9, c.warmRounds);
            CatalogueBenchmark bench = new CatalogueBenchmark();
            if (formOnly) {
                // formcheck:N: the same mix's form checks alone (what the decision's form section asks the
                // engine's FormRegistry), not the decisions
                io.github.motcua.forms.FormRegistry forms = c.engine.forms().orElseThrow();
                Locale vi = Locale.forLanguageTag("vi-VN");
                int[] next = {0};
                return new Object[] {(Runnable) () -> {
                    io.github.motcua.rules.Dossier d = c.mixed[next[0]++ & (c.mixed.length - 1)];
                    sink = forms.validate(d.procedure(), d.form(), vi);
                }, (Runnable) () -> sink = forms.validate(c.same.procedure(), c.same.form(), vi),
                    "formCheckMix", "formCheckSame", 4096};
            }
            return new Object[] {(Runnable) () -> sink = bench.skewedMix(c), (Runnable) () -> sink = bench.sameProcedure(c),
                "skewedMix", "sameProcedure", 4096};
        }
        WholeDecisionBenchmark.Whole s = new WholeDecisionBenchmark.Whole();
        s.setUp();
        return new Object[] {(Runnable) () -> sink = s.engine.decide(s.dossier),
            (Runnable) () -> sink = WholeDecisionBenchmark.raw(s), "engine", "raw", 5000};
    }

    /**
     * {@code compare ROUNDS label:mode:side=classpath ...}: each entry in its own class loader (so its own
     * copy of every class: the JIT profiles of one never see the other's types, as in separate JMH forks),
     * all in this JVM and measured round by round in turn, so a loaded machine disturbs each alike. E.g.
     * the engine of two builds and the raw run: {@code base:whole:a=OLD.jar new:whole:a=NEW.jar raw:whole:b=NEW.jar}.
     * {@code --set NAME=VALUE} before entries sets a system property while they are set up (a setting their
     * classes read once, e.g. {@code motcua.sessions.warmMicros}).
     */
    private static void compare(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[1]);
        List<String> specs = new java.util.ArrayList<>();
        List<Map<String, String>> props = new java.util.ArrayList<>();
        Map<String, String> set = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--set")) { // --set NAME=VALUE: a system property for the entries that follow
                String[] kv = args[++i].split("=", 2);
                set.put(kv[0], kv[1]);
            } else {
                specs.add(args[i]);
                props.add(new HashMap<>(set));
            }
        }
        int k = specs.size();
        String[] labels = new String[k];
        Runnable[] ops = new Runnable[k];
        ClassLoader[] loaders = new ClassLoader[k];
        int n = 5000;
        for (int i = 0; i < k; i++) {
            String spec = specs.get(i);
            props.get(i).forEach(System::setProperty); // read by that build's classes as they initialise
            String[] parts = spec.substring(0, spec.indexOf('=')).split(":");
            // label:mode:side, where the mode may hold a colon itself (catalogue:2000)
            String[] head = {parts[0], String.join(":", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1)),
                parts[parts.length - 1]};
            String[] paths = spec.substring(spec.indexOf('=') + 1).split(java.io.File.pathSeparator);
            java.net.URL[] urls = new java.net.URL[paths.length];
            for (int j = 0; j < paths.length; j++) {
                urls[j] = Path.of(paths[j]).toUri().toURL();
            }
            loaders[i] = new java.net.URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loaders[i]);
            Object[] sides = (Object[]) loaders[i].loadClass(CpuTimeHarness.class.getName()).getMethod("sides", String.class)
                    .invoke(null, head[1]);
            ops[i] = (Runnable) sides[head[2].equals("a") ? 0 : 1];
            n = (Integer) sides[4];
            labels[i] = head[0] + " " + sides[head[2].equals("a") ? 2 : 3];
        }
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        double[] minCpu = new double[k];
        double[] minAlloc = new double[k];
        java.util.Arrays.fill(minCpu, Double.MAX_VALUE);
        java.util.Arrays.fill(minAlloc, Double.MAX_VALUE);
        for (int r = 0; r < 8 + rounds; r++) {
            for (int i = 0; i < k; i++) {
                Thread.currentThread().setContextClassLoader(loaders[i]);
                long c0 = t.getCurrentThreadCpuTime();
                long m0 = t.getThreadAllocatedBytes(id);
                for (int j = 0; j < n; j++) {
                    ops[i].run();
                }
                long c1 = t.getCurrentThreadCpuTime();
                long m1 = t.getThreadAllocatedBytes(id);
                if (r >= 8) {
                    minCpu[i] = Math.min(minCpu[i], (c1 - c0) / 1e3 / n);
                    minAlloc[i] = Math.min(minAlloc[i], (m1 - m0) / 1024.0 / n);
                }
            }
        }
        for (int i = 0; i < k; i++) {
            System.out.printf(Locale.ROOT, "%-22s %7.2f us cpu %6.1f kB  (/ last: %.2fx)%n", labels[i], minCpu[i], minAlloc[i],
                    minCpu[i] / minCpu[k - 1]);
        }
        System.out.printf(Locale.ROOT, "(%s, %d rounds of %d, minimum; load %s)%n", java.time.Instant.now(), rounds, n,
                Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(0);
    }

    /**
     * {@code heap:N [mixed]}: the heap the catalogue of N procedures retains once every procedure has decided
     * once, then after {@code mixed} decisions of the skewed mix (what pooled sessions add), after full GCs.
     * With {@code -Dmotcua.catalogue.prebuilt=DIR} the catalogue is loaded from its prebuilt pack.
     */
    /**
     * {@code templates [rounds]}: what each side of {@link CatalogueBenchmark#skewedMix} decides, apart from how many
     * procedures. Procedure i of the synthetic catalogue copies reference template i mod 14, so the two sides decide
     * different templates: the mix over 10 sends 80 % of its dossiers to procedures 0 and 1 (templates 0 and 1), the mix
     * over 2,000 spreads over all 14. This decides procedures 0 to 13 of the 2,000 catalogue (one per template), each
     * 4,096 times in a row (warm), rounds interleaved, 6 warm-up rounds, CPU time of this thread; then prints each
     * template's median and, for each mix (the mix's own draw), its template weights and its warm cost (weights times
     * medians). The ratio of the two warm costs is how much more work per decision the 10-procedure side does by its
     * templates alone (docs/performance.md "Session 15").
     */
    private static void templates(int rounds) throws Exception {
        CatalogueBenchmark.Catalogue c = new CatalogueBenchmark.Catalogue();
        c.procedures = 2000;
        c.setUp();
        Path reference = Path.of(System.getProperty("motcua.reference", "examples/packs/gia-lai"));
        List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(reference);
        Map<String, io.github.motcua.rules.Dossier> byTemplate = CatalogueScale.referenceDossiers(reference);
        int kinds = templates.size();
        io.github.motcua.rules.Dossier[] d = new io.github.motcua.rules.Dossier[kinds];
        for (int t = 0; t < kinds; t++) {
            d[t] = CatalogueScale.dossierFor(byTemplate, templates, t, Map.of());
        }
        com.sun.management.ThreadMXBean tm = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[][] cpu = new double[kinds][rounds];
        for (int r = 0; r < 6 + rounds; r++) {
            for (int t = 0; t < kinds; t++) {
                long c0 = tm.getCurrentThreadCpuTime();
                for (int j = 0; j < 4096; j++) {
                    sink = c.engine.decide(d[t]);
                }
                long c1 = tm.getCurrentThreadCpuTime();
                if (r >= 6) {
                    cpu[t][r - 6] = (c1 - c0) / 1e3 / 4096;
                }
            }
        }
        double[] median = new double[kinds];
        for (int t = 0; t < kinds; t++) {
            double[] s = cpu[t].clone();
            java.util.Arrays.sort(s);
            median[t] = s[rounds / 2];
            System.out.printf(Locale.ROOT, "template %2d min %6.2f median %6.2f us%n", t, s[0], median[t]);
        }
        double[] cost = new double[2];
        int[] sizes = {10, 2000};
        for (int k = 0; k < 2; k++) {
            // the mix's own draw (CatalogueBenchmark.Catalogue.setUp), template by template
            java.util.Random random = new java.util.Random(42);
            int n = sizes[k];
            int hot = Math.max(1, n / 5);
            double[] w = new double[kinds];
            for (int i = 0; i < 4096; i++) {
                int p = random.nextInt(10) < 8 ? random.nextInt(hot) : random.nextInt(n);
                w[p % kinds] += 1.0 / 4096;
            }
            StringBuilder sb = new StringBuilder();
            for (int t = 0; t < kinds; t++) {
                cost[k] += w[t] * median[t];
                sb.append(String.format(Locale.ROOT, " %.3f", w[t]));
            }
            System.out.printf(Locale.ROOT, "mix over %d: template weights%s; warm cost %.2f us%n", n, sb, cost[k]);
        }
        System.out.printf(Locale.ROOT, "warm cost, mix over 10 / mix over 2000: %.3f (%s, %d rounds; load %s)%n",
                cost[0] / cost[1], java.time.Instant.now(), rounds, Files.readString(Path.of("/proc/loadavg")).trim());
        c.tearDown();
    }

    private static void heap(int procedures, int mixed) throws Exception {
        long before = usedHeapAfterGc();
        CatalogueBenchmark.Catalogue c = new CatalogueBenchmark.Catalogue();
        c.procedures = procedures;
        c.setUp();
        long once = usedHeapAfterGc();
        CatalogueBenchmark bench = new CatalogueBenchmark();
        for (int i = 0; i < mixed; i++) {
            sink = bench.skewedMix(c);
        }
        long after = usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "heap, %d procedures: %.1f MB (%.0f kB a procedure) after one decision each; "
                + "%.1f MB (%.0f kB) after %d decisions of the skewed mix (load %s)%n", procedures,
                (once - before) / 1048576.0, (once - before) / 1024.0 / procedures, (after - before) / 1048576.0,
                (after - before) / 1024.0 / procedures, mixed, Files.readString(Path.of("/proc/loadavg")).trim());
        sink = c;
        System.exit(0);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Runs {@code op} for {@code seconds} while sampling this thread's stack; prints the hottest frames. */
    private static void profile(Runnable op, long seconds, int top) throws InterruptedException {
        Thread main = Thread.currentThread();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> incl = new HashMap<>();
        int[] total = {0};
        stop = false;
        Thread sampler = new Thread(() -> {
            while (!stop) {
                StackTraceElement[] st = main.getStackTrace();
                if (st.length > 0) {
                    total[0]++;
                    self.merge(st[0].getClassName() + "." + st[0].getMethodName(), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (StackTraceElement e : st) {
                        String f = e.getClassName() + "." + e.getMethodName()
                                + (e.getClassName().contains("motcua") ? ":" + e.getLineNumber() : "");
                        if (seen.add(f)) {
                            incl.merge(f, 1, Integer::sum);
                        }
                    }
                }
                try {
                    Thread.sleep(0, 200_000);
                } catch (InterruptedException x) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                op.run();
            }
        }
        stop = true;
        sampler.join();
        System.out.println("samples " + total[0]);
        print(incl, total[0], top);
        System.out.println("--- self");
        print(self, total[0], 40);
    }

    private static void print(Map<String, Integer> counts, int total, int top) {
        List<Map.Entry<String, Integer>> sorted = counts.entrySet().stream()
                .sorted((x, y) -> y.getValue() - x.getValue()).limit(top).toList();
        for (Map.Entry<String, Integer> e : sorted) {
            System.out.printf(Locale.ROOT, "%5.1f%% %s%n", e.getValue() * 100.0 / total, e.getKey());
        }
    }
}
