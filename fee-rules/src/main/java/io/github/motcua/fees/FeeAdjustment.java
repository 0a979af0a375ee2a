package io.github.motcua.fees;

import io.github.motcua.law.LegalBasis;
import java.util.Locale;
import java.util.Objects;

/**
 * An exemption (miễn) or reduction (giảm) applied to one fee line, with why and under which law.
 * Every adjustment that was applied appears on its line; see {@link FeeTables} for the stacking
 * policy that decides which ones apply.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind     {@link Kind#EXEMPT} or {@link Kind#REDUCE}
 * @param percent  100 for an exemption, the reduction for a reduction
 * @param amount   the đồng taken off the line by this adjustment
 * @param reasonVi why, in Vietnamese (e.g. "Trẻ em")
 * @param reasonEn why, in English
 * @param basis    its legal basis
 * @param source   where it came from: a table row, or the rule of a {@link FeeDirective}
 * @param verified {@code false} when the table row was marked {@code verified=false} (the exemption
 *                 rests on an unverified source); a line with such an adjustment is itself unverified
 */
public record FeeAdjustment(Kind kind, int percent, Money amount, String reasonVi, String reasonEn, LegalBasis basis,
        FeeSource source, boolean verified) {

    /** A verified adjustment (the shape before rows could be marked unverified). */
    public FeeAdjustment(Kind kind, int percent, Money amount, String reasonVi, String reasonEn, LegalBasis basis,
            FeeSource source) {
        this(kind, percent, amount, reasonVi, reasonEn, basis, source, true);
    }

    /** What the adjustment does. */
    public enum Kind {
        /** Miễn: the line becomes 0 đ. */
        EXEMPT,
        /** Giảm: a percentage of the line is taken off. */
        REDUCE
    }

    public FeeAdjustment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(reasonVi, "reasonVi");
        reasonEn = reasonEn == null ? "" : reasonEn;
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(source, "source");
        if (percent < 0 || percent > 100 || (kind == Kind.EXEMPT && percent != 100)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "adjustment percent must be 0..100 (100 for EXEMPT): [%d]", percent));
        }
    }
}
