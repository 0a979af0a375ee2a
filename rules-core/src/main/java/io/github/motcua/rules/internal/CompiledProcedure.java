package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Procedure;
import java.time.LocalDate;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One procedure compiled to its own KieBase (partitioned: decisions never scan other procedures), with
 * the pool of its sessions: a decision takes an idle session (or the pool makes one), and disposing it
 * resets it and puts it back. The pool is lock-free once warm and holds as many sessions as decisions
 * of this procedure ever ran at the same moment. {@code dated}: whether any rule has a validity period
 * ({@code validFrom}/{@code validTo}); only then does a decision need the filter that skips the rules not in
 * force on its date. {@code matched}: which of the facts a decision inserts ({@link #DOSSIER}, {@link #APPLICANT},
 * {@link #UNIT}, {@link #FORM}) some pattern of the procedure's rules can match; a decision inserts only
 * those (docs/performance.md, "Session 8"). {@code evaluator}: when the rules are all data and qualify, what decides
 * them without a session of the pool ({@link DataEvaluator}); null otherwise (and when
 * {@code -Dmotcua.rules.droolsSessions=true} was set when the KieBase was assembled or this procedure was made).
 */
record CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules, KieSessionsPool sessions,
        boolean dated, int matched, DataEvaluator evaluator) {

    /** Bits of {@link #matched}: the vocabulary's dossier, applicant, receiving unit and form facts. */
    static final int DOSSIER = 1;
    static final int APPLICANT = 2;
    static final int UNIT = 4;
    static final int FORM = 8;
    private static final int ALL = DOSSIER | APPLICANT | UNIT | FORM;

    CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules) {
        this(procedure, kieBase, rules, kieBase.newKieSessionsPool(0),
                rules.values().stream().anyMatch(r -> r.validFrom() != null || r.validTo() != null), matched(kieBase),
                DataEvaluator.of(kieBase, rules));
    }

    /** Whether some pattern of the rules can match a fact of the kind {@code bit}: only then is one inserted. */
    boolean matches(int bit) {
        return (matched & bit) != 0;
    }

    /**
     * The kinds of fact some pattern of the KieBase can match: a fact reaches a rule only through an object
     * type node of its class or of a supertype (a pattern, {@code not}, {@code exists}, {@code accumulate}
     * or query on it makes one; verified rule code cannot read the session's facts any other way), so a fact
     * no node accepts is inserted for nothing: the insert looks up its type in the KieBase and propagates
     * nowhere. Every kind when the KieBase is not one whose network can be read.
     */
    static int matched(KieBase kieBase) {
        if (!(kieBase instanceof org.drools.core.impl.InternalRuleBase rb)) {
            return ALL;
        }
        int m = 0;
        for (org.drools.core.reteoo.ObjectTypeNode otn : rb.getRete().getObjectTypeNodes()) {
            org.drools.base.base.ObjectType t = otn.getObjectType();
            m |= (t.isAssignableFrom(io.github.motcua.rules.vocabulary.Dossier.class) ? DOSSIER : 0)
                    | (t.isAssignableFrom(io.github.motcua.rules.vocabulary.Applicant.class) ? APPLICANT : 0)
                    | (t.isAssignableFrom(io.github.motcua.rules.vocabulary.Unit.class) ? UNIT : 0)
                    | (t.isAssignableFrom(io.github.motcua.rules.vocabulary.Form.class) ? FORM : 0);
        }
        return m;
    }

    /** What the trace and the validity filter need to know about a rule. */
    record RuleInfo(String name, String file, int line, LegalBasis basis, LocalDate validFrom, LocalDate validTo,
            io.github.motcua.rules.Decision.TraceStep step) {
        /** With {@code step}, the trace step a firing adds, made once (immutable: every decision shares it). */
        RuleInfo(String name, String file, int line, LegalBasis basis, LocalDate validFrom, LocalDate validTo) {
            this(name, file, line, basis, validFrom, validTo,
                    new io.github.motcua.rules.Decision.TraceStep(name, file, line, basis, null));
        }

        boolean inForceOn(LocalDate d) {
            return (validFrom == null || !d.isBefore(validFrom)) && (validTo == null || !d.isAfter(validTo));
        }
    }
}
