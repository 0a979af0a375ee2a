package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.drools.modelcompiler.KieBaseBuilder;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;

/**
 * Which kind of session serves a decision ({@link Sessions}): pooled sessions only for a procedure decided
 * again within the window, so one decided now and then keeps none in the heap; never one session for two
 * decisions at once. Times are given, not read from the clock: nothing here depends on the machine's speed.
 */
class SessionsTest {
    private static final long MS = 1_000_000L;
    /** A start in the future of every Sessions made so far (a new one is cold from the clock's now on). */
    private static long later() {
        return System.nanoTime() + 1_000 * MS;
    }

    private static KieBase kieBase() {
        return KieBaseBuilder.createKieBaseFromModel(List.of(), KieServices.get().newKieBaseConfiguration());
    }

    @Test
    void take_procedureDecidedAgainWithinTheWindow_reusesOnePooledSession() {
        Sessions sessions = new Sessions(kieBase(), 4 * MS);
        long t0 = later();
        KieSession first = sessions.take(t0); // never decided before: cold
        first.dispose();
        KieSession second = sessions.take(t0 + MS); // within the window: the pool makes its first session
        second.dispose();
        KieSession third = sessions.take(t0 + 2 * MS);
        third.dispose();
        assertNotSame(first, second, "a cold decision's session is its own, never put in the pool");
        assertSame(second, third, "a warm procedure's session goes back to its pool, reset, and serves again");
    }

    @Test
    void take_procedureNotDecidedForLongerThanTheWindow_getsANewSessionEveryTime() {
        Sessions sessions = new Sessions(kieBase(), 4 * MS);
        long t0 = later();
        List<KieSession> seen = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long now = t0 + i * 10 * MS; // a decision every 10 ms: never within the 4 ms window
            assertFalse(sessions.warm(now));
            KieSession s = sessions.take(now);
            s.dispose();
            for (KieSession before : seen) {
                assertNotSame(before, s);
            }
            seen.add(s);
        }
    }

    @Test
    void take_warmThenIdle_goesBackToNewSessions() {
        Sessions sessions = new Sessions(kieBase(), 4 * MS);
        long t0 = later();
        sessions.take(t0).dispose();
        KieSession pooled = sessions.take(t0 + MS);
        pooled.dispose();
        assertTrue(sessions.warm(t0 + 2 * MS));
        assertFalse(sessions.warm(t0 + 20 * MS), "idle for 19 ms: cold again");
        KieSession afterIdle = sessions.take(t0 + 20 * MS);
        afterIdle.dispose();
        assertNotSame(pooled, afterIdle);
        // decided again at once: warm, and the pooled session is still there
        KieSession again = sessions.take(t0 + 21 * MS);
        again.dispose();
        assertSame(pooled, again);
    }

    @Test
    void take_windowZero_neverPools_windowUnbounded_alwaysPools() {
        Sessions never = new Sessions(kieBase(), 0);
        long t0 = later();
        KieSession a = never.take(t0);
        a.dispose();
        KieSession b = never.take(t0 + 1);
        b.dispose();
        assertNotSame(a, b);

        Sessions always = new Sessions(kieBase(), Long.MAX_VALUE);
        KieSession c = always.take(t0);
        c.dispose();
        KieSession d = always.take(t0 + 365L * 24 * 3600 * 1000 * MS);
        d.dispose();
        assertSame(c, d);
    }

    @Test
    void take_manyThreadsAtOnceOnAWarmProcedure_eachHoldsItsOwnSession() throws Exception {
        Sessions sessions = new Sessions(kieBase(), Long.MAX_VALUE);
        int threads = 4;
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<KieSession, Boolean> inUse = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    int clashes = 0;
                    for (int i = 0; i < 200; i++) {
                        if (i % 50 == 0) {
                            together.await();
                        }
                        KieSession s = sessions.take(System.nanoTime());
                        if (inUse.put(s, Boolean.TRUE) != null) {
                            clashes++; // another thread holds this session right now
                        }
                        s.insert(Integer.valueOf(i));
                        if (s.getFactCount() != 1) {
                            clashes++; // facts of another decision in this one
                        }
                        inUse.remove(s);
                        s.dispose();
                    }
                    return clashes;
                }));
            }
            for (Future<Integer> f : done) {
                assertEquals(0, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
