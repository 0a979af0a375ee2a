package io.github.motcua.fees;

import io.github.motcua.law.LegalBasis;
import java.util.Locale;
import java.util.Objects;

/**
 * A fee action a rule took (the DRL side belongs to the engine): add a line, exempt a line, or
 * reduce it. {@link FeeTable#assess(FeeRequest)} applies directives after the table's own rows,
 * under the same stacking policy (see {@link FeeTables}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind     what to do
 * @param item     the fee item (a row key of the fee table)
 * @param quantity for {@link Kind#ADD}: how many copies/cases to charge ({@code >= 0}); ignored otherwise
 * @param percent  for {@link Kind#REDUCE}: the reduction in percent (0–100; 0 changes nothing); ignored otherwise
 * @param reasonVi why, in Vietnamese
 * @param basis    the legal basis of the rule that took the action
 * @param rule     the rule's name, for the trace
 */
public record FeeDirective(Kind kind, String item, long quantity, int percent, String reasonVi, LegalBasis basis,
        String rule) {

    /** What a directive does to the fee lines. */
    public enum Kind { ADD, EXEMPT, REDUCE }

    public FeeDirective {
        Objects.requireNonNull(kind, "kind");
        if (item == null || item.isBlank()) {
            throw new IllegalArgumentException("fee directive item must not be blank: [" + item + "]");
        }
        Objects.requireNonNull(basis, "basis");
        reasonVi = reasonVi == null ? "" : reasonVi;
        rule = rule == null ? "" : rule;
        if (kind == Kind.ADD && (quantity < 0 || quantity > FeeTables.MAX_QUANTITY)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fee directive [%s] quantity must be 0..%d: [%d]", item, FeeTables.MAX_QUANTITY, quantity));
        }
        if (kind == Kind.REDUCE && (percent < 0 || percent > 100)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fee directive [%s] percent must be 0..100: [%d]", item, percent));
        }
    }

    /** A rule adds {@code quantity} copies/cases of {@code item}. */
    public static FeeDirective add(String item, long quantity, LegalBasis basis, String rule) {
        return new FeeDirective(Kind.ADD, item, quantity, 0, "", basis, rule);
    }

    /** A rule exempts {@code item}. */
    public static FeeDirective exempt(String item, String reasonVi, LegalBasis basis, String rule) {
        return new FeeDirective(Kind.EXEMPT, item, 0, 100, reasonVi, basis, rule);
    }

    /** A rule reduces {@code item} by {@code percent}. */
    public static FeeDirective reduce(String item, int percent, String reasonVi, LegalBasis basis, String rule) {
        return new FeeDirective(Kind.REDUCE, item, 0, percent, reasonVi, basis, rule);
    }
}
