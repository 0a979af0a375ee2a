package io.github.motcua.benchmarks;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One pack loaded again and again in one JVM (issue 15, session 15): per load, a fresh {@code Motcua.engine().build()}
 * until {@code load} returned — the wall time, the CPU of the threads doing the engine's work (the calling thread and
 * the engine's {@code motcua-*} threads: what a change to the load's code changes, without the JIT compiler's and the
 * collector's threads, which a loaded machine makes noisy), the process CPU, the calling thread's CPU, the JIT
 * compilation time and the classes loaded — then waits for {@link Engine#compiled()} and closes the engine. The first
 * round is a cold JVM's load; later rounds show the same load with the code compiled, as {@code CatalogueScale}'s
 * {@code prebuilt} line sees it after its folder loads.
 *
 * <p>Usage (from the repository root): {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.motcua.benchmarks.LoadRounds PACK [ROUNDS=8]}, PACK a folder or a prebuilt pack (e.g. {@code StartProbe
 * prepare DIR}'s {@code DIR/catalogue.motcua}). Not thread-safe.
 */
public final class LoadRounds {
    private LoadRounds() {
    }

    public static void main(String[] args) throws Exception {
        Path pack = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var jit = ManagementFactory.getCompilationMXBean();
        var classes = ManagementFactory.getClassLoadingMXBean();
        for (int r = 1; r <= rounds; r++) {
            System.gc();
            Thread.sleep(300);
            Map<Long, Long> engine0 = engineThreads(threads);
            long c0 = os.getProcessCpuTime();
            long m0 = threads.getCurrentThreadCpuTime();
            long j0 = jit.getTotalCompilationTime();
            long k0 = classes.getTotalLoadedClassCount();
            long t0 = System.nanoTime();
            try (Engine e = Motcua.engine().build()) {
                e.load(pack).orThrow();
                long t1 = System.nanoTime();
                long c1 = os.getProcessCpuTime();
                long m1 = threads.getCurrentThreadCpuTime();
                long j1 = jit.getTotalCompilationTime();
                long k1 = classes.getTotalLoadedClassCount();
                long engineCpu = since(engine0, engineThreads(threads));
                System.out.println(String.format(Locale.ROOT,
                        "round %d: load %.3f s, engine threads CPU %.3f s, process CPU %.3f s, calling thread %.3f s, JIT %d ms, classes %d",
                        r, (t1 - t0) / 1e9, engineCpu / 1e9, (c1 - c0) / 1e9, (m1 - m0) / 1e9, j1 - j0, k1 - k0));
                e.compiled().join();
            }
        }
        System.exit(0); // the daemons of closed engines need not be waited for
    }

    /** CPU by thread id of the calling thread and every {@code motcua-*} thread alive now. */
    private static Map<Long, Long> engineThreads(ThreadMXBean threads) {
        Map<Long, Long> out = new HashMap<>();
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && (t.getThreadId() == Thread.currentThread().getId() || t.getThreadName().startsWith("motcua-"))) {
                out.put(t.getThreadId(), Math.max(0, threads.getThreadCpuTime(t.getThreadId())));
            }
        }
        return out;
    }

    /** The CPU the threads alive at {@code after} used since {@code before} (a thread born since counts from zero). */
    private static long since(Map<Long, Long> before, Map<Long, Long> after) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }
}
