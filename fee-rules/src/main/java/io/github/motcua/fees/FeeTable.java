package io.github.motcua.fees;

import java.util.Set;

/**
 * A procedure's compiled fee table (biểu phí): prices one dossier as of its date. Built by
 * {@link FeeTables}; never changes once built, so a table already serving is never touched by
 * parsing another one.
 *
 * <p>Implementations are immutable and thread-safe: build once, share freely.
 */
public interface FeeTable {

    /**
     * Prices one dossier: every charged line, every exemption and reduction with its basis, and the
     * total. Never returns {@code null}.
     *
     * @throws FeeQuantityException   a quantity in the form is negative, fractional or absurd
     * @throws NoRateInForceException an item that must be charged has no rate on {@code request.asOf()}
     * @throws FeeDirectiveException  a rule's directive names an unknown item or re-adds a charged one
     * @throws NullPointerException   when {@code request} is {@code null}
     */
    FeeAssessment assess(FeeRequest request);

    /** The file the table was read from, as given to the parser. */
    String source();

    /** The fee item keys, in table order. */
    Set<String> items();

    /** Every form path the table reads (quantities and dates); other form fields cannot change the fee. */
    Set<String> formPaths();

    /** The form paths the table reads as quantities (units or copies); a subset of {@link #formPaths()}. */
    Set<String> quantityPaths();
}
