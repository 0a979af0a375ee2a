package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Procedure;
import java.time.LocalDate;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * One procedure compiled to its own KieBase (partitioned: decisions never scan other procedures), with
 * its {@link Sessions}: a procedure decided often takes pooled sessions (reset and reused), one decided
 * now and then a new session per decision. {@code dated}: whether any rule has a validity period
 * ({@code validFrom}/{@code validTo}); only then does a decision need the filter that skips the rules not in
 * force on its date.
 */
record CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules, Sessions sessions,
        boolean dated) {

    CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules) {
        this(procedure, kieBase, rules, Sessions.WARM_NANOS);
    }

    /** @param warmNanos the window within which a procedure decided again takes a pooled session ({@link Sessions}) */
    CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules, long warmNanos) {
        this(procedure, kieBase, rules, new Sessions(kieBase, warmNanos),
                rules.values().stream().anyMatch(r -> r.validFrom() != null || r.validTo() != null));
    }

    /** What the trace and the validity filter need to know about a rule. */
    record RuleInfo(String name, String file, int line, LegalBasis basis, LocalDate validFrom, LocalDate validTo) {
        boolean inForceOn(LocalDate d) {
            return (validFrom == null || !d.isBefore(validFrom)) && (validTo == null || !d.isAfter(validTo));
        }
    }
}
