package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision reuses a pooled Drools session of its procedure (reset between decisions): nothing of one
 * decision — its facts, its halted agenda, its global, its listener — may reach the next one, whatever
 * way the first ended and however many threads decide the procedure at once.
 */
class PooledSessionTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);
    static final String DESK = HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}");
    /** The same dossier filed online: the extra rule below re-fires until the firing limit stops it. */
    static final String ONLINE = DESK.replace("\"DESK\"", "\"ONLINE\"");

    @TempDir
    Path dir;

    Path pack() {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        HardeningPacks.write(p.resolve("procedures/1.001193/extra.drl"), "rule \"Lặp khi nộp trực tuyến\"\n"
                + "  @basis(\"LHT-2014-D16\")\nwhen\n  $d : Dossier( channel == \"ONLINE\" )\nthen\n"
                + "  decision.note(\"lặp\");\n  update($d);\nend\n");
        return p;
    }

    @Test
    void decide_afterAHaltedDecision_theNextOnTheSameProcedureIsDecidedAsByAFreshEngine() {
        Path p = pack();
        try (Engine used = Motcua.engine().clock(CLOCK).firingLimit(50).build();
                Engine fresh = Motcua.engine().clock(CLOCK).firingLimit(50).build()) {
            used.load(p).orThrow();
            fresh.load(p).orThrow();
            Decision expected = fresh.decide(DESK);
            assertNull(expected.cause(), String.valueOf(expected.cause()));
            for (int i = 0; i < 3; i++) {
                assertEquals(Decision.Cause.Code.FIRING_LIMIT, used.decide(ONLINE).cause().code());
                // the whole decision as JSON (the engines' section objects differ; the clock is fixed)
                assertEquals(expected.toJson(), used.decide(DESK).toJson());
            }
        }
    }

    @Test
    void decide_fourThreadsOnOneProcedure_eachGetsTheDecisionOfItsOwnDossier() throws Exception {
        try (Engine engine = Motcua.engine().clock(CLOCK).firingLimit(50).build()) {
            engine.load(pack()).orThrow();
            Decision desk = engine.decide(DESK);
            Decision online = engine.decide(ONLINE);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int offset = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 60; i++) {
                            boolean isDesk = (i + offset) % 2 == 0;
                            assertEquals(isDesk ? desk : online, engine.decide(isDesk ? DESK : ONLINE));
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
