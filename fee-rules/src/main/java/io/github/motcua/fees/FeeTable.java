package io.github.motcua.fees;

/**
 * A procedure's compiled fee table. CONTRACT STUB: owned by the fee-rules work, which adds the
 * loader ({@code FeeTables.parse(...)}) and the real implementation.
 */
public interface FeeTable {
    /** Prices one dossier. Never returns {@code null}. */
    FeeAssessment assess(FeeRequest request);
}
