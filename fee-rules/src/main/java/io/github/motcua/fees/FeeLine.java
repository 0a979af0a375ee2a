package io.github.motcua.fees;

import io.github.motcua.law.LegalBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One fee line of a decision (khoản phí, lệ phí): what is charged, how it was computed, what was
 * taken off and why, and what remains to pay.
 *
 * <p>Immutable and thread-safe. Fifteen parts: build one with {@link #builder()}, which names each part
 * and defaults the optional ones.
 *
 * @param item          the fee item key of the table, e.g. {@code "ban-sao"}
 * @param descriptionVi what the line is, in Vietnamese
 * @param descriptionEn what the line is, in English
 * @param quantity      the units priced per copy (pages, cards; 1 for a flat fee)
 * @param amount        what remains to pay after exemptions and reductions
 * @param basis         the legal basis of the tariff
 * @param kind          phí or lệ phí
 * @param tariffVi      the tariff in words, e.g. "2.000 đ/trang trang 1–2; 1.000 đ/trang từ trang 3; tối đa 200.000 đ/bản"
 * @param tariffEn      the same tariff in English words (fee-rules' bundle, {@code FEES_TARIFF_*}), e.g. "VND 2,000 per
 *                      unit for the first 2 units; …"; {@code ""} when the line has none (a line built by hand with
 *                      the 14-part constructor): {@link #tariff(Locale)} then falls back to the Vietnamese
 * @param copies        how many times the per-copy amount is charged (copies, contracts, cases)
 * @param gross         the amount before any exemption or reduction ({@code perCopy × copies})
 * @param capPerCopy    the ceiling per copy, or {@code null} when the tariff has none
 * @param adjustments   the exemptions and reductions applied, in the order applied
 * @param source        where the tariff came from: the fee table's row, and the rule when a rule added
 *                      the line (the JSON writes its text, {@code "fees.csv:4 + rule: <name>"}); {@code null}
 *                      for a line built by hand
 * @param verified      {@code false} when the rate is a placeholder or rests on an unverified source
 */
public record FeeLine(String item, String descriptionVi, String descriptionEn, long quantity, Money amount,
        LegalBasis basis, FeeKind kind, String tariffVi, String tariffEn, long copies, Money gross, Money capPerCopy,
        List<FeeAdjustment> adjustments, FeeSource source, boolean verified) {

    public FeeLine {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(descriptionVi, "descriptionVi");
        descriptionEn = descriptionEn == null ? "" : descriptionEn;
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(kind, "kind");
        tariffVi = tariffVi == null ? "" : tariffVi;
        tariffEn = tariffEn == null ? "" : tariffEn;
        gross = gross == null ? amount : gross;
        adjustments = List.copyOf(adjustments == null ? List.of() : adjustments);
        if (quantity < 0 || copies < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fee line [%s]: quantity [%d] and copies [%d] must be >= 0", item, quantity, copies));
        }
        if (amount.compareTo(gross) > 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fee line [%s]: amount [%d] exceeds gross [%d]", item, amount.dong(), gross.dong()));
        }
    }

    /**
     * The shape before the English tariff: a line with its tariff in Vietnamese only ({@link #tariffEn()} is
     * {@code ""}, and English renderings fall back to the Vietnamese words, marked as such).
     */
    public FeeLine(String item, String descriptionVi, String descriptionEn, long quantity, Money amount,
            LegalBasis basis, FeeKind kind, String tariffVi, long copies, Money gross, Money capPerCopy,
            List<FeeAdjustment> adjustments, FeeSource source, boolean verified) {
        this(item, descriptionVi, descriptionEn, quantity, amount, basis, kind, tariffVi, "", copies, gross, capPerCopy,
                adjustments, source, verified);
    }

    /** The original contract shape: a plain, verified lệ phí line with no adjustments. */
    public FeeLine(String item, String descriptionVi, String descriptionEn, long quantity, Money amount,
            LegalBasis basis) {
        this(item, descriptionVi, descriptionEn, quantity, amount, basis, FeeKind.LE_PHI, "", "", 1, amount, null,
                List.of(), null, true);
    }

    /**
     * The tariff in words for a reader of {@code locale}: English ({@link #tariffEn()}) for English when the
     * line has it, else the Vietnamese words ({@link #tariffVi()}, also for any other language).
     * {@link #hasTariff(Locale)} says which one a renderer got, so it can mark a Vietnamese fallback.
     */
    public String tariff(Locale locale) {
        return hasTariff(locale) && "en".equals(locale.getLanguage()) ? tariffEn : tariffVi;
    }

    /**
     * Whether the line has its tariff in the language of {@code locale}: Vietnamese when {@link #tariffVi()}
     * is not blank; English when {@link #tariffEn()} is not blank (a line built without one has only the
     * Vietnamese words, and English renderings say so).
     */
    public boolean hasTariff(Locale locale) {
        return "en".equals(locale.getLanguage()) ? !tariffEn.isBlank() : !tariffVi.isBlank();
    }

    /** Whether a full exemption applied to this line. */
    public boolean exempted() {
        return adjustments.stream().anyMatch(a -> a.kind() == FeeAdjustment.Kind.EXEMPT);
    }

    /**
     * A builder naming each part: {@code FeeLine.builder().item("ban-sao").descriptionVi("Bản sao")
     * .descriptionEn("Copy").amount(Money.of(2_000)).basis(basis).build()}. Required: {@code item},
     * {@code descriptionVi}, {@code amount} and {@code basis}; the rest defaults to a plain, verified lệ phí
     * line of one unit and one copy with no adjustments ({@code gross} = {@code amount}).
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link FeeLine}; {@link #build()} names every required part not given, then applies the record's
     * checks. Not thread-safe; each {@code build()} returns a new line that later calls do not change.
     */
    public static final class Builder {
        private String item;
        private String descriptionVi;
        private String descriptionEn = "";
        private long quantity = 1;
        private Money amount;
        private LegalBasis basis;
        private FeeKind kind = FeeKind.LE_PHI;
        private String tariffVi = "";
        private String tariffEn = "";
        private long copies = 1;
        private Money gross;
        private Money capPerCopy;
        private final List<FeeAdjustment> adjustments = new ArrayList<>();
        private FeeSource source;
        private boolean verified = true;

        private Builder() {
        }

        /** The fee item key of the table, e.g. {@code "ban-sao"} (required). */
        public Builder item(String item) {
            this.item = item;
            return this;
        }

        /** What the line is, in Vietnamese (required). */
        public Builder descriptionVi(String descriptionVi) {
            this.descriptionVi = descriptionVi;
            return this;
        }

        /** What the line is, in English (default {@code ""}). */
        public Builder descriptionEn(String descriptionEn) {
            this.descriptionEn = descriptionEn;
            return this;
        }

        /** The units priced per copy: pages, cards; 1 for a flat fee (default 1). */
        public Builder quantity(long quantity) {
            this.quantity = quantity;
            return this;
        }

        /** What remains to pay after exemptions and reductions (required). */
        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        /** The legal basis of the tariff (required). */
        public Builder basis(LegalBasis basis) {
            this.basis = basis;
            return this;
        }

        /** Phí or lệ phí (default {@link FeeKind#LE_PHI}). */
        public Builder kind(FeeKind kind) {
            this.kind = kind;
            return this;
        }

        /** The tariff in Vietnamese words (default {@code ""}). */
        public Builder tariffVi(String tariffVi) {
            this.tariffVi = tariffVi;
            return this;
        }

        /** The tariff in English words (default {@code ""}: English renderings fall back to the Vietnamese, marked). */
        public Builder tariffEn(String tariffEn) {
            this.tariffEn = tariffEn;
            return this;
        }

        /** How many times the per-copy amount is charged (default 1). */
        public Builder copies(long copies) {
            this.copies = copies;
            return this;
        }

        /** The amount before any exemption or reduction (default: the {@link #amount}). */
        public Builder gross(Money gross) {
            this.gross = gross;
            return this;
        }

        /** The ceiling per copy (default none). */
        public Builder capPerCopy(Money capPerCopy) {
            this.capPerCopy = capPerCopy;
            return this;
        }

        /** The exemptions and reductions applied, in the order applied: replaces those given before (default none). */
        public Builder adjustments(List<FeeAdjustment> adjustments) {
            this.adjustments.clear();
            this.adjustments.addAll(Objects.requireNonNull(adjustments, "adjustments"));
            return this;
        }

        /** One more exemption or reduction, applied after those given before. */
        public Builder adjustment(FeeAdjustment adjustment) {
            this.adjustments.add(Objects.requireNonNull(adjustment, "adjustment"));
            return this;
        }

        /** Where the tariff came from (default none: a line built by hand). */
        public Builder source(FeeSource source) {
            this.source = source;
            return this;
        }

        /** {@code false} when the rate is a placeholder or rests on an unverified source (default {@code true}). */
        public Builder verified(boolean verified) {
            this.verified = verified;
            return this;
        }

        /**
         * The line.
         *
         * @throws NullPointerException     naming every required part not given ({@code item}, {@code descriptionVi},
         *                                  {@code amount}, {@code basis})
         * @throws IllegalArgumentException when the record refuses the parts (a negative quantity or copies, an
         *                                  amount above the gross)
         */
        public FeeLine build() {
            List<String> missing = new ArrayList<>();
            if (item == null) {
                missing.add("item");
            }
            if (descriptionVi == null) {
                missing.add("descriptionVi");
            }
            if (amount == null) {
                missing.add("amount");
            }
            if (basis == null) {
                missing.add("basis");
            }
            if (!missing.isEmpty()) {
                throw new NullPointerException(String.format(Locale.ROOT,
                        "fee line [%s]: required part(s) not given: %s", item, missing));
            }
            return new FeeLine(item, descriptionVi, descriptionEn, quantity, amount, basis, kind, tariffVi, tariffEn,
                    copies, gross, capPerCopy, adjustments, source, verified);
        }
    }
}
