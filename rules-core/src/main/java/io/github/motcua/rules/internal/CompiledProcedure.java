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
 * force on its date.
 */
record CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules, KieSessionsPool sessions,
        boolean dated) {

    CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules) {
        this(procedure, kieBase, rules, kieBase.newKieSessionsPool(0),
                rules.values().stream().anyMatch(r -> r.validFrom() != null || r.validTo() != null));
    }

    /** What the trace and the validity filter need to know about a rule. */
    record RuleInfo(String name, String file, int line, LegalBasis basis, LocalDate validFrom, LocalDate validTo) {
        boolean inForceOn(LocalDate d) {
            return (validFrom == null || !d.isBefore(validFrom)) && (validTo == null || !d.isAfter(validTo));
        }
    }
}
