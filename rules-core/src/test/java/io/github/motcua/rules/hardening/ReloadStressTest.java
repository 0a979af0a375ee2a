package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.ReloadResult;
import io.github.motcua.rules.internal.PackFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7.3: several threads decide dossiers while the pack is reloaded 50 times, good and broken
 * edits in turn. No decision fails or throws; every decision carries the hash of one complete good
 * pack version and the rule text of that same version; every broken edit is reported and never served.
 * Bounded: 50 reloads that each recompile one procedure (well under a minute on 2 cores).
 */
class ReloadStressTest {
    private static final int RELOADS = 50;
    private static final int DECIDERS = 3;
    private static final String MARKER = "procedures/1.001193/version.drl";

    /** The broken edits, in turn: each one a different way a pack can be wrong. */
    private static final List<String> BROKEN = List.of(
            // DRL syntax error (parser)
            "rule \"Hỏng\"\n  @basis(\"LHT-2014-D16\")\nwhen\n  Form( \nthen\n  decision.note(\"x\");\nend\n",
            // linter: no legal basis
            "rule \"Không căn cứ\"\nwhen\n  Form()\nthen\n  decision.note(\"x\");\nend\n",
            // type error only the Drools compiler sees (no such method on Form)
            "rule \"Sai kiểu\"\n  @basis(\"LHT-2014-D16\")\nwhen\n  Form( khongCoPhuongThucNay(\"x\") == 1 )\nthen\n  decision.note(\"x\");\nend\n",
            // consequence calling an action that does not exist
            "rule \"Sai hành động\"\n  @basis(\"LHT-2014-D16\")\nwhen\n  Form()\nthen\n  decision.khongCoHanhDongNay(\"x\");\nend\n");

    @TempDir
    Path dir;

    static String goodRule(int version) {
        return String.format(Locale.ROOT, """
                rule "Phiên bản bộ quy tắc"
                  @basis("LHT-2014-D16")
                when
                  Form()
                then
                  decision.note("phiên bản %d", "version %d");
                end
                """, version, version);
    }

    private String hashOf(Path pack) {
        List<PackProblem> problems = new ArrayList<>();
        String h = PackFiles.read(pack, problems).sha256();
        assertTrue(problems.isEmpty(), problems.toString());
        return h;
    }

    @ParameterizedTest(name = "lazyCompile={0}")
    @ValueSource(booleans = {true, false})
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void decide_whileReloading50TimesGoodAndBroken_neverFailsAndNeverServesAHalfOrBrokenPack(boolean lazy)
            throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.edit(pack.resolve("pack.yaml"),
                s -> s.replaceAll("(?m)^version:.*$", "version: \"2026.11.0-v0\""));
        HardeningPacks.write(pack.resolve(MARKER), goodRule(0));
        Map<String, Integer> goodHashes = new ConcurrentHashMap<>();
        goodHashes.put(hashOf(pack), 0);
        Set<String> brokenHashes = Collections.newSetFromMap(new ConcurrentHashMap<>());
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<String> mismatches = new CopyOnWriteArrayList<>();
        AtomicInteger decisions = new AtomicInteger();
        Map<String, Integer> seenHashes = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        String dossier = HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}");

        try (Engine engine = Motcua.engine().lazyCompile(lazy).firingLimit(200).build()) {
            engine.load(pack).orThrow();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < DECIDERS; t++) {
                Thread th = new Thread(() -> {
                    while (!stop.get()) {
                        try {
                            Decision d = engine.decide(dossier);
                            decisions.incrementAndGet();
                            String hash = d.provenance().packSha256();
                            Integer version = goodHashes.get(hash);
                            seenHashes.merge(hash, 1, Integer::sum);
                            if (version == null || brokenHashes.contains(hash)) {
                                mismatches.add("decision from a pack that is not a good version: " + hash);
                                continue;
                            }
                            if (d.cause() != null) {
                                mismatches.add("indeterminate decision: " + d.cause());
                            }
                            String expected = "phiên bản " + version;
                            long markers = d.notes().stream().filter(n -> n.messageVi().startsWith("phiên bản ")).count();
                            boolean same = d.notes().stream().anyMatch(n -> n.messageVi().equals(expected));
                            if (markers != 1 || !same) {
                                mismatches.add("hash of version " + version + " but notes " + d.notes());
                            }
                            if (!String.valueOf(version).equals(d.provenance().packVersion().replaceAll(".*-v", ""))) {
                                mismatches.add("hash of version " + version + " but pack.yaml version "
                                        + d.provenance().packVersion());
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }, "decider-" + t);
                th.start();
                threads.add(th);
            }
            int good = 0;
            int broken = 0;
            for (int i = 1; i <= RELOADS; i++) {
                if (i % 2 == 1) {
                    good++;
                    int version = good;
                    HardeningPacks.edit(pack.resolve("pack.yaml"),
                            s -> s.replaceAll("(?m)^version:.*$", "version: \"2026.11.0-v" + version + "\""));
                    HardeningPacks.write(pack.resolve(MARKER), goodRule(version));
                    String hash = hashOf(pack);
                    goodHashes.put(hash, version);
                    ReloadResult r = engine.reload(pack).get(60, TimeUnit.SECONDS);
                    assertTrue(r.swapped(), "good edit " + version + " refused: " + r.problems());
                    assertEquals(hash, engine.pack().orElseThrow().sha256());
                } else {
                    String bad = BROKEN.get(broken++ % BROKEN.size());
                    String before = engine.pack().orElseThrow().sha256();
                    HardeningPacks.write(pack.resolve(MARKER), bad);
                    brokenHashes.add(hashOf(pack));
                    ReloadResult r = engine.reload(pack).get(60, TimeUnit.SECONDS);
                    assertFalse(r.swapped(), "broken edit served: " + bad);
                    assertFalse(r.problems().isEmpty(), "broken edit without a problem: " + bad);
                    assertTrue(r.problems().stream().allMatch(p -> p.file().equals(MARKER)),
                            "problem outside the edited file: " + r.problems());
                    assertEquals(before, engine.pack().orElseThrow().sha256(), "a broken reload changed the pack");
                }
                Thread.sleep(20); // let the deciders run on this version
            }
            stop.set(true);
            for (Thread th : threads) {
                th.join(30_000);
                assertFalse(th.isAlive(), "decider did not stop");
            }
            assertTrue(failures.isEmpty(), () -> "decisions threw: " + failures.get(0));
            assertTrue(mismatches.isEmpty(), () -> mismatches.size() + " bad decisions, first: " + mismatches.get(0));
            assertTrue(decisions.get() > RELOADS, "too few decisions to mean anything: " + decisions.get());
            assertTrue(seenHashes.size() > 1, "decisions saw only one pack version: " + seenHashes.keySet());
            assertNull(seenHashes.keySet().stream().filter(brokenHashes::contains).findAny().orElse(null));
            assertNotNull(engine.pack().orElseThrow());
            assertTrue(engine.compiled().get(60, TimeUnit.SECONDS).isEmpty());
        }
    }
}
