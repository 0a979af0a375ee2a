package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.TestPacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A procedure's decisions are the same whichever kind of session served them (a new session, or a pooled
 * one reset after an earlier decision, {@link Sessions}), including after a decision the firing limit
 * halted or a rule failed; and a procedure served by new sessions and another served by pooled ones decide correctly
 * when several threads decide both at once.
 */
class SessionKindsTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);
    static final String BIRTH = "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
            + "\"form\":%s}";
    static final String MARRIAGE = "{\"procedure\":\"1.000894\",\"channel\":\"%s\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
            + "%s\"form\":{\"chong\":{\"ngaySinh\":\"2000-01-01\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},\"haiBenCoMat\":true%s}}";
    /** Eligible, ineligible, a component waived by held data, a channel not offered, a failing rule, a halted decision. */
    static final List<String> DOSSIERS = List.of(
            String.format(BIRTH, "{\"giayChungSinh\":\"CO\"}"),
            String.format(BIRTH, "{\"giayChungSinh\":\"KHONG_CO\"}"),
            String.format(BIRTH, "{\"giayChungSinh\":\"CO\",\"treEm\":{\"ngaySinh\":\"2025-12-31\"}}"),
            String.format(BIRTH, "{\"giayChungSinh\":\"CO\"}").replace("\"DESK\"", "\"ONLINE\""),
            String.format(BIRTH, "{\"giayChungSinh\":42}"),
            String.format(MARRIAGE, "DESK", "", ""),
            String.format(MARRIAGE, "DESK", "\"heldData\":[\"CSDL_HO_TICH\"],", ",\"dangKyNgoaiNoiCuTru\":true"),
            String.format(MARRIAGE, "DESK", "", ",\"dangKyNgoaiNoiCuTru\":true"),
            String.format(MARRIAGE, "POST", "", ""));

    @TempDir
    Path dir;

    /** The test pack, with a rule that re-fires on an online birth dossier until the firing limit halts it. */
    Path pack() throws Exception {
        Path p = TestPacks.copy("ho-tich", dir.resolve("pack"));
        Files.writeString(p.resolve("procedures/1.001193/extra.drl"), "rule \"Lặp khi nộp trực tuyến\"\n"
                + "  @basis(\"LHT-2014-D16\")\nwhen\n  $d : Dossier( channel == \"ONLINE\" )\nthen\n"
                + "  decision.note(\"lặp\");\n  update($d);\nend\n", StandardCharsets.UTF_8);
        return p;
    }

    /** An engine whose procedures, compiled from now on, use the given session window. */
    static Engine engine(Path pack, long warmNanos) {
        Engine e = Motcua.engine().clock(CLOCK).firingLimit(50).build();
        ((DefaultEngine) e).warmNanos = warmNanos;
        e.load(pack).orThrow();
        return e;
    }

    @Test
    void decide_newSessionEveryTimeOrPooledSessions_sameDecisionsInEveryOrder() throws Exception {
        Path p = pack();
        try (Engine fresh = engine(p, 0); Engine pooled = engine(p, Long.MAX_VALUE);
                Engine usual = engine(p, Sessions.WARM_NANOS)) {
            List<String> expected = new ArrayList<>();
            for (String d : DOSSIERS) {
                expected.add(fresh.decide(d).toJson());
            }
            assertEquals(Decision.Cause.Code.FIRING_LIMIT, fresh.decide(DOSSIERS.get(3)).cause().code());
            // a rule reads the number as text and fails: the session is reset after an exception inside the rules
            assertEquals(Decision.Cause.Code.RULE_FAILED, fresh.decide(DOSSIERS.get(4)).cause().code());
            assertEquals(Eligibility.INELIGIBLE, fresh.decide(DOSSIERS.get(8)).eligibility());
            // each dossier after every other one, so a pooled session has served every other decision before
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < DOSSIERS.size(); i++) {
                    int k = (i * (round + 2)) % DOSSIERS.size();
                    String d = DOSSIERS.get(k);
                    assertEquals(expected.get(k), pooled.decide(d).toJson(), "pooled: " + d);
                    assertEquals(expected.get(k), usual.decide(d).toJson(), "usual: " + d);
                    assertEquals(expected.get(k), fresh.decide(d).toJson(), "new: " + d);
                }
            }
        }
    }

    @Test
    void decide_coldProcedureAndWarmProcedureFromFourThreadsAtOnce_eachDecisionAsDecidedAlone() throws Exception {
        Path p = pack();
        try (Engine engine = Motcua.engine().clock(CLOCK).firingLimit(50).build()) {
            engine.load(p).orThrow();
            DefaultEngine de = (DefaultEngine) engine;
            // the birth procedure compiles (at its first decision) with pooled sessions only, the marriage one with
            // a new session for every decision
            de.warmNanos = Long.MAX_VALUE;
            List<Decision> expected = new ArrayList<>();
            expected.add(engine.decide(DOSSIERS.get(0)));
            de.warmNanos = 0;
            for (int i = 1; i < DOSSIERS.size(); i++) {
                expected.add(engine.decide(DOSSIERS.get(i)));
            }
            assertNull(expected.get(0).cause());
            assertNotNull(expected.get(3).cause());
            int threads = 4;
            CyclicBarrier together = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int offset = t;
                    done.add(pool.submit(() -> {
                        together.await();
                        for (int i = 0; i < 90; i++) {
                            int k = (i + offset * 2) % DOSSIERS.size();
                            assertEquals(expected.get(k), engine.decide(DOSSIERS.get(k)), DOSSIERS.get(k));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
