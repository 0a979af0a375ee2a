package io.github.motcua.fees;

import io.github.motcua.law.LegalBasis;

/**
 * A fee action a rule took: add a line, exempt a line, or reduce it. CONTRACT STUB: owned by the
 * fee-rules work.
 *
 * @param kind     what to do
 * @param item     the fee item (a row key of the fee table)
 * @param quantity for {@link Kind#ADD}: how many units
 * @param percent  for {@link Kind#REDUCE}: the reduction in percent (0–100)
 * @param reasonVi why, in Vietnamese
 * @param basis    the legal basis of the rule that took the action
 * @param rule     the rule's name, for the trace
 */
public record FeeDirective(Kind kind, String item, long quantity, int percent, String reasonVi, LegalBasis basis,
        String rule) {
    /** What a directive does to the fee lines. */
    public enum Kind { ADD, EXEMPT, REDUCE }
}
