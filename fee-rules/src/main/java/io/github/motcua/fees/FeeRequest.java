package io.github.motcua.fees;

import io.github.motcua.dossier.Channel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fee table needs to price one dossier. CONTRACT STUB: owned by the fee-rules work.
 *
 * @param procedureCode       national procedure code
 * @param asOf                the date whose rates apply
 * @param channel             how the dossier was filed (online reductions)
 * @param applicantCategories exemption/reduction categories the applicant belongs to, e.g. {@code CHILD}
 * @param unitFlags           flags of the receiving unit or residence commune, e.g. {@code BORDER}
 * @param quantities          named quantities read from the form, e.g. {@code pages=5, copies=2}
 * @param directives          fee actions emitted by the procedure's rules
 */
public record FeeRequest(String procedureCode, LocalDate asOf, Channel channel, Set<String> applicantCategories,
        Set<String> unitFlags, Map<String, Long> quantities, List<FeeDirective> directives) {
}
