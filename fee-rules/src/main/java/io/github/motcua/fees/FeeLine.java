package io.github.motcua.fees;

import io.github.motcua.law.LegalBasis;

/**
 * One fee line. CONTRACT STUB: owned by the fee-rules work; it may grow components.
 */
public record FeeLine(String item, String descriptionVi, String descriptionEn, long quantity, Money amount,
        LegalBasis basis) {
}
