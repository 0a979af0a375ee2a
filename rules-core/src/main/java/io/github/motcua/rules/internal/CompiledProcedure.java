package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Procedure;
import java.time.LocalDate;
import java.util.Map;
import org.kie.api.KieBase;

/** One procedure compiled to its own KieBase (partitioned: decisions never scan other procedures). */
record CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules) {

    /** What the trace and the validity filter need to know about a rule. */
    record RuleInfo(String name, String file, int line, LegalBasis basis, LocalDate validFrom, LocalDate validTo) {
        boolean inForceOn(LocalDate d) {
            return (validFrom == null || !d.isBefore(validFrom)) && (validTo == null || !d.isAfter(validTo));
        }
    }
}
