package io.github.motcua.benchmarks;

import io.github.motcua.rules.Engine;
import io.github.motcua.service.DecisionService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The decision service under load, and its overhead per decision over the library call, measured
 * side by side in one JVM (not JMH: the HTTP side needs real sockets and a server; the library side
 * is timed the same way, in alternating blocks, so that both see the same JIT state and machine
 * load). Prints one line per measurement. Not thread-safe.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.ServiceLoad
 * [SECONDS=30 (0: the overhead only)] [CLIENTS=8] [RELOADS=50] [PACK=examples/packs/gia-lai]
 * [DOSSIER=examples/dossiers/khai-sinh-sau-15-gio.json]}.
 *
 * <ol>
 * <li>overhead: one thread, blocks of 1,000 {@code engine.decide(json)} calls alternating with blocks
 * of 1,000 {@code POST /decisions} over one kept-alive connection to the service's same engine;
 * the median block of each, in wall time and in the process's CPU time;</li>
 * <li>load: CLIENTS threads deciding (three in four requests) and reading the catalogue for SECONDS
 * while RELOADS reloads alternate a good pack and a broken one (a copy of PACK with a syntax error in
 * one rule file); requests per second, p50 and p99 latency, failed requests.</li>
 * </ol>
 */
public final class ServiceLoad {
    private static final String TOKEN = "benchmark-admin-token";

    private ServiceLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int reloads = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Path source = Path.of(args.length > 3 ? args[3] : "examples/packs/gia-lai");
        String dossier = Files.readString(Path.of(args.length > 4 ? args[4] : "examples/dossiers/khai-sinh-sau-15-gio.json"),
                StandardCharsets.UTF_8);
        Path work = Scratch.directory("motcua-service-load");
        Path pack = copy(source, work.resolve("pack"));
        try (DecisionService service = DecisionService.builder(pack).adminToken(TOKEN).start()) {
            if (!service.initialLoad().ok()) {
                throw new IllegalStateException("pack does not load: " + service.initialLoad().problems());
            }
            overhead(service, dossier);
            if (seconds > 0) { // SECONDS=0: the overhead figure only
                load(service, pack, dossier, seconds, clients, reloads);
            }
        }
    }

    static void overhead(DecisionService service, String dossier) throws Exception {
        Engine engine = service.engine();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest post = HttpRequest.newBuilder(service.uri().resolve("/decisions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(dossier)).build();
        int block = 1_000;
        List<Double> lib = new ArrayList<>();
        List<Double> web = new ArrayList<>();
        List<Double> libCpu = new ArrayList<>();
        List<Double> webCpu = new ArrayList<>();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 12; round++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < block; i++) {
                if (engine.decide(dossier).toJson().isEmpty()) {
                    throw new IllegalStateException();
                }
            }
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            for (int i = 0; i < block; i++) {
                HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
            }
            long t2 = System.nanoTime();
            long c2 = os.getProcessCpuTime();
            if (round >= 2) { // the first rounds warm both paths up
                lib.add((t1 - t0) / 1e3 / block);
                web.add((t2 - t1) / 1e3 / block);
                libCpu.add((c1 - c0) / 1e3 / block);
                webCpu.add((c2 - c1) / 1e3 / block);
            }
        }
        double l = median(lib);
        double w = median(web);
        System.out.printf(Locale.ROOT, "overhead: library decide(json)+toJson %.1f µs/decision; POST /decisions %.1f µs/decision "
                + "(one client, kept-alive); service overhead %.1f µs/decision (%.2fx)%n", l, w, w - l, w / l);
        // wall time on a shared machine measures the machine too: the process's CPU time per decision (every
        // thread: on the HTTP side that includes the in-process client's own work, so it bounds the overhead from above)
        double lc = median(libCpu);
        double wc = median(webCpu);
        System.out.printf(Locale.ROOT, "overhead (process CPU time): library %.1f µs/decision; POST /decisions %.1f µs/decision "
                + "(server and client); at most %.1f µs/decision (%.2fx); load average %s%n", lc, wc, wc - lc, wc / lc,
                Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static void load(DecisionService service, Path pack, String dossier, int seconds, int clients, int reloads) throws Exception {
        Path rules;
        try (Stream<Path> drl = Files.walk(pack.resolve("procedures"))) {
            rules = drl.filter(p -> p.toString().endsWith("rules.drl")).sorted().findFirst().orElseThrow();
        }
        String good = Files.readString(rules, StandardCharsets.UTF_8);
        URI base = service.uri();
        List<String> failures = new CopyOnWriteArrayList<>();
        List<long[]> latencies = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong requests = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            threads.add(new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long[] lat = new long[1 << 22];
                int n = 0;
                for (int i = 0; !stop.get(); i++) {
                    boolean decide = (i + id) % 4 != 3;
                    HttpRequest req = decide
                            ? HttpRequest.newBuilder(base.resolve("/decisions")).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(dossier)).build()
                            : HttpRequest.newBuilder(base.resolve("/procedures")).GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        if (n < lat.length) {
                            lat[n++] = System.nanoTime() - t0;
                        }
                        requests.incrementAndGet();
                        if (r.statusCode() != 200) {
                            failures.add(r.statusCode() + " " + r.body());
                        }
                    } catch (IOException | RuntimeException e) {
                        failures.add(String.valueOf(e));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                latencies.add(Arrays.copyOf(lat, n));
            }, "service-load-" + c));
        }
        HttpClient admin = HttpClient.newBuilder().build();
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        long gap = reloads == 0 ? 0 : seconds * 1_000_000_000L / reloads;
        int swapped = 0;
        int refused = 0;
        for (int i = 0; i < reloads; i++) {
            Files.writeString(rules, i % 2 == 0 ? good + "\n// reload " + i + "\n" : good + "\nrule \"broken\" when then x( end\n",
                    StandardCharsets.UTF_8);
            HttpResponse<String> r = admin.send(HttpRequest.newBuilder(base.resolve("/admin/reload"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 200) {
                swapped++;
            } else if (r.statusCode() == 422) {
                refused++;
            } else {
                throw new IllegalStateException("reload answered " + r.statusCode() + ": " + r.body());
            }
            long next = start + (i + 1) * gap;
            while (System.nanoTime() < next) {
                Thread.sleep(5);
            }
        }
        while (System.nanoTime() < start + seconds * 1_000_000_000L) {
            Thread.sleep(20);
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> all = new ArrayList<>();
        latencies.forEach(a -> Arrays.stream(a).forEach(all::add));
        Collections.sort(all);
        System.out.printf(Locale.ROOT, "load: %d clients, %.0f s, %d reloads (%d good swapped, %d broken refused): %d requests, %.0f req/s, "
                + "p50 %.2f ms, p99 %.2f ms, %d failed%n", clients, elapsed, reloads, swapped, refused, requests.get(),
                requests.get() / elapsed, pct(all, 0.50) / 1e6, pct(all, 0.99) / 1e6, failures.size());
        if (!failures.isEmpty()) {
            System.out.println("first failures: " + failures.subList(0, Math.min(5, failures.size())));
        }
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1))));
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }
}
