package io.github.motcua.benchmarks;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the JIT compilers' CPU goes in a cold folder load (issue 15, session 17): what {@code CatalogueScale N REF
 * folder-only} times — the catalogue generated in this JVM, the reference pack loaded, then a lazy-compile engine's
 * {@code load} → first decision — with the CPU of each native thread kind over that window
 * ({@code /proc/self/task/N/stat}), and each compiler thread's run time sampled every millisecond or so
 * ({@code /proc/self/task/N/schedstat}, nanoseconds) into a file. Linux only. Not thread-safe; a measuring tool.
 *
 * <p>HotSpot's {@code -XX:+LogCompilation} log gives each compile's start and end stamps and level but not its CPU
 * (on a shared machine a compile's wall time is mostly waiting for a core); {@code report} reads the log and the
 * samples and gives each compile the CPU its thread used between its two stamps, then sums them by compiler, owner
 * (the library's modules, the JDK, Jackson, networknt, Drools) and method, and says how much of the window each
 * compiler spent compiling.
 *
 * <pre>
 * java -Xmx3g -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile=/tmp/jit.log \
 *     -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.JitWindow run 2000 examples/packs/gia-lai /tmp/jit.samples
 * java -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.JitWindow report /tmp/jit.log /tmp/jit.samples [TOP]
 * </pre>
 * {@code run} without the log options prints the window's CPU by thread kind only (the log costs the compilers a
 * little; compare runs with the same options). The log is complete only once its JVM has exited (HotSpot merges the
 * compiler threads' parts at exit), hence two commands.
 */
public final class JitWindow {
    private JitWindow() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("run")) {
            run(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]));
        } else if (args.length >= 3 && args[0].equals("report")) {
            report(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 25);
        } else {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "usage: JitWindow run N REFERENCE SAMPLES | JitWindow report LOG SAMPLES [TOP]: %s", Arrays.toString(args)));
        }
    }

    // ---- run -----------------------------------------------------------------------------------------------

    private static void run(int n, Path reference, Path samples) throws Exception {
        Path dir = Scratch.directory("motcua-catalogue");
        try {
            CatalogueGenerator.write(reference, dir, n);
            List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(reference);
            Map<String, Dossier> byTemplate = CatalogueScale.referenceDossiers(reference);
            Dossier first = CatalogueScale.dossierFor(byTemplate, templates, n / 2, Map.of());
            for (int i = 0; i < 4; i++) {
                System.gc();
                Thread.sleep(200);
            }
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            Sampler sampler = new Sampler();
            sampler.start();
            try (Engine engine = Motcua.engine().lazyCompile(true).build()) {
                Map<String, Long> k0 = ticksByKind();
                long e0 = System.currentTimeMillis();
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                engine.load(dir).orThrow();
                long loaded = System.nanoTime();
                Decision d = engine.decide(first);
                long decided = System.nanoTime();
                long c1 = os.getProcessCpuTime();
                long e1 = System.currentTimeMillis();
                Map<String, Long> k1 = ticksByKind();
                if (d.provenance() == null) {
                    throw new IllegalStateException("decision without provenance");
                }
                StringBuilder kinds = new StringBuilder();
                for (Map.Entry<String, Long> e : k1.entrySet()) {
                    kinds.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(),
                            (e.getValue() - k0.getOrDefault(e.getKey(), 0L)) / 100.0));
                }
                System.out.println(String.format(Locale.ROOT,
                        "load %.3f s, load -> first decision %.3f s, process CPU %.3f s; CPU s by thread kind:%s",
                        (loaded - t0) / 1e9, (decided - t0) / 1e9, (c1 - c0) / 1e9, kinds));
                sampler.window(e0, e1);
            } finally {
                sampler.finish(samples);
            }
        } finally {
            Scratch.delete(dir);
        }
    }

    /** CPU ticks (1/100 s) of this process's threads since they started, by kind. */
    private static Map<String, Long> ticksByKind() throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                int l = stat.indexOf('(');
                int r = stat.lastIndexOf(')');
                String[] f = stat.substring(r + 2).split(" ");
                out.merge(kind(stat.substring(l + 1, r)), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            }
        }
        return out;
    }

    private static String kind(String comm) {
        if (comm.startsWith("C2 Compiler")) {
            return "C2";
        } else if (comm.startsWith("C1 Compiler")) {
            return "C1";
        } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
            return "GC";
        } else if (comm.startsWith("motcua-load")) {
            return "load-threads";
        } else if (comm.startsWith("motcua-compile")) {
            return "compile-threads";
        } else if (comm.equals("main") || comm.equals("java")) {
            return "calling-thread";
        }
        return "other";
    }

    /** Samples the compiler threads' run time: lines of "epoch µs, thread id, run ns". */
    private static final class Sampler extends Thread {
        private volatile boolean done;
        private long[] buf = new long[3 * 65_536];
        private int size;
        private long windowStart;
        private long windowEnd;

        Sampler() {
            super("jit-window-sampler");
            setDaemon(true);
        }

        void window(long startMs, long endMs) {
            windowStart = startMs;
            windowEnd = endMs;
        }

        void finish(Path samples) throws Exception {
            done = true;
            join();
            StringBuilder sb = new StringBuilder();
            sb.append("window ").append(windowStart).append(' ').append(windowEnd).append('\n');
            for (int i = 0; i < size; i += 3) {
                sb.append(buf[i]).append(' ').append(buf[i + 1]).append(' ').append(buf[i + 2]).append('\n');
            }
            Files.writeString(samples, sb);
        }

        private static List<Long> compilerThreads() throws IOException {
            List<Long> out = new ArrayList<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        String comm = Files.readString(t.resolve("comm"));
                        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                            out.add(Long.parseLong(t.getFileName().toString()));
                        }
                    } catch (IOException e) {
                        // the thread ended
                    }
                }
            }
            return out;
        }

        @Override
        public void run() {
            byte[] b = new byte[128];
            try {
                List<Long> threads = compilerThreads();
                long scanned = System.nanoTime();
                while (!done) {
                    if (System.nanoTime() - scanned > 100_000_000L) { // compiler threads may come and go
                        threads = compilerThreads();
                        scanned = System.nanoTime();
                    }
                    for (long tid : threads) {
                        long ns = 0;
                        try (InputStream in = Files.newInputStream(Path.of("/proc/self/task/" + tid + "/schedstat"))) {
                            int k = in.read(b);
                            for (int i = 0; i < k && b[i] >= '0' && b[i] <= '9'; i++) {
                                ns = ns * 10 + (b[i] - '0');
                            }
                        } catch (IOException e) {
                            continue;
                        }
                        Instant now = Instant.now();
                        if (size + 3 > buf.length) {
                            buf = Arrays.copyOf(buf, buf.length * 2);
                        }
                        buf[size++] = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
                        buf[size++] = tid;
                        buf[size++] = ns;
                    }
                    Thread.sleep(1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- report --------------------------------------------------------------------------------------------

    private static final Pattern ATTR = Pattern.compile("(\\w+)='([^']*)'");

    private static Map<String, String> attrs(String line) {
        Map<String, String> out = new HashMap<>();
        Matcher m = ATTR.matcher(line);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** One compile: the thread that ran it, its level (4 = C2), the method, its stamps (s of the log's clock). */
    private record Task(long thread, int level, String method, boolean osr, double start, double end) {
    }

    /** A compiler thread's run time against the log's clock. */
    private record Series(double[] at, long[] ns) {
        double cpu(double t) {
            int i = Arrays.binarySearch(at, t);
            if (i >= 0) {
                return ns[i];
            }
            i = -i - 1;
            if (i == 0) {
                return ns[0];
            }
            if (i == at.length) {
                return ns[at.length - 1];
            }
            double f = (t - at[i - 1]) / (at[i] - at[i - 1]);
            return ns[i - 1] + f * (ns[i] - ns[i - 1]);
        }
    }

    private static void report(Path log, Path samples, int top) throws IOException {
        long timeMs = -1;
        long thread = -1;
        double lastStamp = 0;
        Map<String, String> open = null;
        List<Map<String, String>> unfinished = new ArrayList<>(); // still compiling when the JVM exited
        List<Task> tasks = new ArrayList<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (timeMs < 0 && line.startsWith("<hotspot_log ")) {
                    timeMs = Long.parseLong(attrs(line).get("time_ms"));
                } else if (line.startsWith("<compilation_log ")) {
                    if (open != null) {
                        unfinished.add(open);
                        open = null;
                    }
                    thread = Long.parseLong(attrs(line).get("thread"));
                } else if (line.startsWith("<task ")) {
                    open = attrs(line);
                    open.put("thread", Long.toString(thread));
                } else if (line.startsWith("<task_done ") && open != null) {
                    tasks.add(task(open, Double.parseDouble(attrs(line).get("stamp"))));
                    open = null;
                } else if (line.startsWith("<hotspot_log_done ")) {
                    lastStamp = Double.parseDouble(attrs(line).get("stamp"));
                }
            }
        }
        if (open != null) {
            unfinished.add(open);
        }
        for (Map<String, String> u : unfinished) {
            tasks.add(task(u, lastStamp));
        }
        List<String> sampleLines = Files.readAllLines(samples);
        String[] w = sampleLines.get(0).split(" ");
        double w0 = (Long.parseLong(w[1]) - timeMs) / 1000.0;
        double w1 = (Long.parseLong(w[2]) - timeMs) / 1000.0;
        Map<Long, List<double[]>> raw = new HashMap<>();
        for (String s : sampleLines.subList(1, sampleLines.size())) {
            String[] f = s.split(" ");
            raw.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>())
                    .add(new double[] {(Long.parseLong(f[0]) / 1000.0 - timeMs) / 1000.0, Long.parseLong(f[2])});
        }
        Map<Long, Series> series = new HashMap<>();
        raw.forEach((tid, v) -> {
            double[] at = new double[v.size()];
            long[] ns = new long[v.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = v.get(i)[0];
                ns[i] = (long) v.get(i)[1];
            }
            series.put(tid, new Series(at, ns));
        });
        System.out.println(String.format(Locale.ROOT, "window %.3f-%.3f s of the log's clock (%.3f s); %d compiles in the log",
                w0, w1, w1 - w0, tasks.size()));
        for (String compiler : List.of("C1", "C2")) {
            boolean c2 = compiler.equals("C2");
            Map<String, double[]> byOwner = new LinkedHashMap<>();
            Map<String, double[]> byMethod = new LinkedHashMap<>();
            double total = 0;
            double busy = 0;
            double busyUntil = w0;
            Map<Long, Boolean> threads = new TreeMap<>();
            List<Task> mine = new ArrayList<>();
            for (Task t : tasks) {
                if ((t.level == 4) == c2 && t.end >= w0 && t.start < w1 && series.containsKey(t.thread)) {
                    mine.add(t);
                }
            }
            mine.sort(Comparator.comparingDouble(Task::start));
            for (Task t : mine) {
                double a = Math.max(t.start, w0);
                double b = Math.min(t.end, w1);
                Series s = series.get(t.thread);
                double cpu = (s.cpu(b) - s.cpu(a)) / 1e9;
                threads.put(t.thread, true);
                total += cpu;
                add(byOwner, owner(t.method), cpu);
                add(byMethod, t.method.split(" \\(")[0].replace(' ', '.') + (t.osr ? " (OSR)" : ""), cpu);
                // time with a compile under way (stamps are in ms: a gap under 2 ms is the next task starting)
                if (a > busyUntil + 0.002) {
                    busy += b - a;
                } else if (b > busyUntil) {
                    busy += b - busyUntil;
                }
                busyUntil = Math.max(busyUntil, b);
            }
            double threadCpu = 0;
            for (long tid : threads.keySet()) {
                Series s = series.get(tid);
                threadCpu += (s.cpu(w1) - s.cpu(w0)) / 1e9;
            }
            System.out.println(String.format(Locale.ROOT,
                    "%n%s: %d compiles in the window, %.3f s of CPU in them (its threads %.3f s); compiling %.0f %% of the window",
                    compiler, mine.size(), total, threadCpu, 100 * busy / (w1 - w0)));
            print(byOwner, total, byOwner.size());
            System.out.println("  methods:");
            print(byMethod, total, top);
        }
    }

    private static Task task(Map<String, String> a, double end) {
        return new Task(Long.parseLong(a.get("thread")), Integer.parseInt(a.getOrDefault("level", "4")),
                a.get("method").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"),
                "osr".equals(a.get("compile_kind")), Double.parseDouble(a.get("stamp")), end);
    }

    private static void add(Map<String, double[]> m, String key, double cpu) {
        double[] v = m.computeIfAbsent(key, k -> new double[2]);
        v[0] += cpu;
        v[1]++;
    }

    private static void print(Map<String, double[]> m, double total, int top) {
        m.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0])).limit(top)
                .forEach(e -> System.out.println(String.format(Locale.ROOT, "  %7.3f s %5.1f %% %5d  %s", e.getValue()[0],
                        total > 0 ? 100 * e.getValue()[0] / total : 0, (int) e.getValue()[1], e.getKey())));
    }

    /** Who wrote a method: one of the library's modules (by package), the JDK, or a dependency. */
    static String owner(String method) {
        String c = method.split(" ")[0];
        if (c.startsWith("io.github.motcua.")) {
            String[] p = c.split("\\.");
            return "motcua " + p[3];
        }
        String[][] owners = {{"java.", "JDK"}, {"jdk.", "JDK"}, {"sun.", "JDK"}, {"com.sun.", "JDK"},
            {"tools.jackson.", "Jackson"}, {"com.fasterxml.jackson.", "Jackson"}, {"com.networknt.", "networknt"},
            {"com.ethlo.", "networknt"}, {"org.drools.", "Drools"}, {"org.kie.", "Drools"}, {"org.mvel2.", "Drools"},
            {"org.antlr.", "Drools"}, {"com.github.javaparser.", "Drools"}, {"org.eclipse.jdt.", "Drools"},
            {"freemarker.", "Freemarker"}};
        for (String[] o : owners) {
            if (c.startsWith(o[0])) {
                return o[1];
            }
        }
        int second = c.indexOf('.', c.indexOf('.') + 1);
        return "other " + (second > 0 ? c.substring(0, second) : c);
    }
}
