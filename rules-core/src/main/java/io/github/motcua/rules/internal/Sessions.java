package io.github.motcua.rules.internal;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.KeepReferenceOption;

/**
 * The Drools sessions of one compiled procedure, and which kind serves a decision (docs/performance.md,
 * "Session 7"): a procedure decided again within {@link #WARM_NANOS} of its previous decision is
 * <em>warm</em> and takes a session of its pool (made once, reset and reused: cheaper than building one
 * while its memory is still in the processor's caches); any other decision is served by a new session,
 * built for it and disposed after it. With 2,000 procedures taking turns, a pooled session of a procedure
 * decided now and then has left the caches by the time it comes back, and resetting and reusing it costs
 * more than building a new one; and a procedure never decided twice in quick succession never keeps a
 * pooled session in the heap.
 *
 * <p>Both kinds run the same rules on the same facts and the session is a decision's own while it runs
 * (a pooled one is reset by Drools before another decision can take it), so the kind never changes a
 * decision. Thread-safe without a lock: the last-use stamp is a volatile long, written only when it has
 * aged by a sixteenth of the window (a procedure many threads decide at once reads it and rarely writes
 * it); two threads racing on the stamp at worst both see the procedure cold or warm, which changes only
 * which kind of session serves them. The pool is made at most once (a racing thread's pool is dropped
 * unused). A new session keeps no reference in its KieBase ({@link KeepReferenceOption#NO}: nothing
 * changes a KieBase once built), so building and disposing it touches nothing another thread holds.
 */
final class Sessions {
    /**
     * A procedure decided within this window of its previous decision is warm: 4 ms by default, which an
     * idle 2-core machine fills with about a hundred decisions (a hot procedure of 10 returns within a few,
     * one of the busiest fifth of 2,000 after about five hundred). {@code motcua.sessions.warmMicros}
     * overrides it for measuring; 0 means every decision gets a new session.
     */
    static final long WARM_NANOS = Long.getLong("motcua.sessions.warmMicros", 4_000) * 1_000L;
    /** Sessions built outside the pool: no reference from their KieBase (none is changed after it is built). */
    private static final KieSessionConfiguration UNREFERENCED = unreferenced();

    private final KieBase kieBase;
    private final long warmNanos;
    /** Made at the first warm decision. */
    private volatile KieSessionsPool pool;
    /** {@link System#nanoTime} of the last decision, give or take a sixteenth of the window. */
    private volatile long lastUse;

    Sessions(KieBase kieBase) {
        this(kieBase, WARM_NANOS);
    }

    Sessions(KieBase kieBase, long warmNanos) {
        this.kieBase = kieBase;
        this.warmNanos = warmNanos;
        long now = System.nanoTime();
        this.lastUse = warmNanos == Long.MAX_VALUE ? now : now - warmNanos - 1; // cold until decided, unless always warm
    }

    private static KieSessionConfiguration unreferenced() {
        KieSessionConfiguration c = KieServices.get().newKieSessionConfiguration();
        c.setOption(KeepReferenceOption.NO);
        return c;
    }

    /**
     * A session for one decision starting at {@code now} ({@link System#nanoTime}); the caller disposes it
     * (a pooled one then goes back to its pool, reset).
     */
    KieSession take(long now) {
        long since = now - lastUse; // negative: another thread decided it after this decision started
        if (since > warmNanos >> 4) {
            lastUse = now;
        }
        if (since > warmNanos) {
            return kieBase.newKieSession(UNREFERENCED, null);
        }
        KieSessionsPool p = pool;
        if (p == null) {
            synchronized (this) { // once per procedure
                p = pool;
                if (p == null) {
                    p = kieBase.newKieSessionsPool(0);
                    pool = p;
                }
            }
        }
        return p.newKieSession();
    }

    /** Whether a decision starting at {@code now} would take a pooled session (for tests). */
    boolean warm(long now) {
        return now - lastUse <= warmNanos;
    }
}
