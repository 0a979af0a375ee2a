package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16 item 3: many concurrent clients over real HTTP, deciding and reading the catalogue, while
 * 50 reloads alternate good and broken packs: not one request may fail, every answer names a pack
 * that was actually served, and no broken pack ever serves. Prints requests per second and p50/p99
 * latency (orientation only: nothing here asserts a speed). The longer run behind the README
 * figures is {@code benchmarks/…/ServiceLoad}.
 */
class LoadTest {
    static final int CLIENTS = 16;
    static final int RELOADS = 50;
    static final String TOKEN = "load-test-admin-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void fiftyReloadsAlternatingGoodAndBrokenPacks_noRequestFails() throws Exception {
        Path pack = TestPacks.small(dir);
        Path rules = pack.resolve("procedures/1.001193/rules.drl");
        Path caseFile;
        try (var cases = Files.list(pack.resolve("procedures/1.000894/cases"))) {
            caseFile = cases.sorted().findFirst().orElseThrow();
        }
        String goodRules = Files.readString(rules, StandardCharsets.UTF_8);
        String caseText = Files.readString(caseFile, StandardCharsets.UTF_8);
        String dossier = TestPacks.dossier("khai-sinh-sau-15-gio");
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).adminToken(TOKEN).start()) {
            assertTrue(s.initialLoad().ok());
            Set<String> served = ConcurrentHashMap.newKeySet();
            served.add(s.pack().orElseThrow().sha256());
            Set<String> seen = ConcurrentHashMap.newKeySet();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<long[]> latencies = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong requests = new AtomicLong();
            URI base = s.uri();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int id = c;
                Thread t = new Thread(() -> {
                    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
                    long[] lat = new long[1 << 20];
                    int n = 0;
                    for (int i = 0; !stop.get(); i++) {
                        boolean decide = (i + id) % 4 != 3; // three decisions to one catalogue read
                        HttpRequest req = decide
                                ? HttpRequest.newBuilder(base.resolve("/decisions")).header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(dossier)).build()
                                : HttpRequest.newBuilder(base.resolve("/procedures")).GET().build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                            long dt = System.nanoTime() - t0;
                            if (n < lat.length) {
                                lat[n++] = dt;
                            }
                            requests.incrementAndGet();
                            String sha = r.headers().firstValue(Api.PACK_HEADER).orElse("none");
                            seen.add(sha);
                            if (r.statusCode() != 200) {
                                failures.add(r.statusCode() + " " + r.body());
                            } else if (decide && !JSON.readTree(r.body()).get("provenance").get("packSha256").asString().equals(sha)) {
                                failures.add("decision and header name different packs: " + sha);
                            }
                        } catch (IOException | RuntimeException e) {
                            failures.add(String.valueOf(e));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    latencies.add(java.util.Arrays.copyOf(lat, n));
                }, "load-client-" + c);
                clients.add(t);
            }
            long start = System.nanoTime();
            clients.forEach(Thread::start);
            Client admin = new Client(base);
            int swapped = 0;
            int refused = 0;
            for (int i = 0; i < RELOADS; i++) {
                if (i % 2 == 0) {
                    // a good pack, alternately with and without an analyst's comment: a new hash each time
                    Files.writeString(rules, goodRules, StandardCharsets.UTF_8);
                    Files.writeString(caseFile, i % 4 == 0 ? caseText + "\n# reload " + i + "\n" : caseText, StandardCharsets.UTF_8);
                    HttpResponse<String> r = admin.admin(TOKEN);
                    assertEquals(200, r.statusCode(), r.body());
                    served.add(JSON.readTree(r.body()).get("packSha256").asString());
                    swapped++;
                } else {
                    Files.writeString(rules, goodRules + "\nrule \"broken\" when then x( end\n", StandardCharsets.UTF_8);
                    HttpResponse<String> r = admin.admin(TOKEN);
                    assertEquals(422, r.statusCode(), r.body());
                    assertTrue(served.contains(JSON.readTree(r.body()).get("packSha256").asString()));
                    refused++;
                }
            }
            stop.set(true);
            for (Thread t : clients) {
                t.join(60_000);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> all = new ArrayList<>();
            latencies.forEach(a -> {
                for (long x : a) {
                    all.add(x);
                }
            });
            Collections.sort(all);
            System.out.printf(Locale.ROOT, "LoadTest: %d clients, %d reloads (%d good, %d broken refused), %d requests in %.1f s = %.0f req/s, "
                    + "p50 %.2f ms, p99 %.2f ms, %d failed%n", CLIENTS, RELOADS, swapped, refused, requests.get(), seconds,
                    requests.get() / seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, failures.size());
            assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())), failures.size() + " request(s) failed");
            assertTrue(requests.get() > CLIENTS * 10L, "too few requests to say anything: " + requests.get());
            assertTrue(served.containsAll(seen), "an answer named a pack that never served: " + seen + " vs " + served);
            assertTrue(seen.size() > 2, "the reloads did not swap the serving pack under load: " + seen);
        }
    }

    static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1))));
    }
}
