package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Procedure;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One procedure compiled to its own KieBase (partitioned: decisions never scan other procedures), with
 * the pool of its sessions: a decision takes an idle session (or the pool makes one), and disposing it
 * resets it and puts it back. The pool is lock-free once warm and holds as many sessions as decisions
 * of this procedure ever ran at the same moment. {@code dated}: whether any rule has a validity period
 * ({@code validFrom}/{@code validTo}); only then does a decision need the filter that skips the rules not in
 * force on its date. {@code handles}: what the built-in sections resolved for this procedure ({@link #handle}).
 */
record CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules, KieSessionsPool sessions,
        boolean dated, AtomicReferenceArray<Object> handles) {

    /** {@link #handles} slot: whether the pack's form registry has this procedure's form. */
    static final int FORM = 0;
    /** {@link #handles} slot: the procedure's fee table. */
    static final int FEE_TABLE = 1;
    /** {@link #handles} slot: the procedure's digitisation entry. */
    static final int DIGITISATION = 2;
    /** A handle resolved to nothing (no fee table ...). */
    static final Object NONE = new Object();

    CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules) {
        this(procedure, kieBase, rules, kieBase.newKieSessionsPool(0),
                rules.values().stream().anyMatch(r -> r.validFrom() != null || r.validTo() != null),
                new AtomicReferenceArray<>(3));
    }

    /**
     * What a built-in section of the pipeline looked up by procedure code in its pack data (a map of as many
     * entries as procedures), resolved at this procedure's first decision and kept here, so later decisions
     * read it from the procedure's own object instead of searching the map: the fee table, the digitisation
     * entry, whether there is a form. Null until resolved, {@link #NONE} for nothing. A compiled procedure
     * belongs to one pack version, as the sections' data do; two threads resolving at once store the same thing.
     */
    static Object handle(io.github.motcua.rules.spi.DecisionContext ctx, int slot) {
        CompiledProcedure cp = DecisionPipeline.compiled(ctx);
        return cp == null ? null : cp.handles.get(slot);
    }

    /** Keeps {@code value} (null: {@link #NONE}) as this procedure's handle in {@code slot}; returns it. */
    static <V> V keep(io.github.motcua.rules.spi.DecisionContext ctx, int slot, V value) {
        CompiledProcedure cp = DecisionPipeline.compiled(ctx);
        if (cp != null) {
            cp.handles.lazySet(slot, value == null ? NONE : value);
        }
        return value;
    }

    /** What the trace and the validity filter need to know about a rule. */
    record RuleInfo(String name, String file, int line, LegalBasis basis, LocalDate validFrom, LocalDate validTo) {
        boolean inForceOn(LocalDate d) {
            return (validFrom == null || !d.isBefore(validFrom)) && (validTo == null || !d.isAfter(validTo));
        }
    }
}
