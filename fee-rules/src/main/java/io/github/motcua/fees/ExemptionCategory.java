package io.github.motcua.fees;

import io.github.motcua.law.LegalBasis;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A named group a fee row can be conditioned on (đối tượng miễn, giảm): an applicant category such
 * as {@code CHILD}, a flag of the applicant's residence commune such as {@code BORDER}, or a date
 * condition such as "birth registered within 60 days". Declared in the pack's {@code exemptions.yaml}
 * with the law that defines it, and referred to by code in the fee table's {@code categories} column.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code       the code the fee table uses
 * @param match      how a dossier is tested for membership
 * @param nameVi     name in Vietnamese
 * @param nameEn     name in English
 * @param dateField  for {@link Match#FORM_DATE_WITHIN}: the form path of the date; else {@code null}
 * @param withinDays for {@link Match#FORM_DATE_WITHIN}: the dossier is a member when
 *                   {@code asOf <= date + withinDays} (the event's own day is not counted, BLDS 2015
 *                   Art. 147); else 0
 * @param basis      the legal basis defining the category
 */
public record ExemptionCategory(String code, Match match, String nameVi, String nameEn, String dateField,
        int withinDays, LegalBasis basis) {

    /** The applicant categories: the codes of {@link io.github.motcua.dossier.ApplicantCategory}. */
    public static final Set<String> APPLICANT_CODES = Set.copyOf(io.github.motcua.dossier.ApplicantCategory.codes());
    /** The unit flags fixed in docs/pack-format.md "Shared codes". */
    public static final Set<String> UNIT_FLAGS = Set.of("DISADVANTAGED", "BORDER", "MOUNTAINOUS", "ISLAND", "REMOTE",
            "SAFE_ZONE");

    /** How membership is decided. */
    public enum Match {
        /** The applicant has the category ({@link FeeRequest#applicantCategories()}). */
        APPLICANT,
        /** The applicant's residence commune has the flag ({@link FeeRequest#unitFlags()}). */
        RESIDENCE_FLAG,
        /** A date in the form is at most {@code withinDays} days before the as-of date. */
        FORM_DATE_WITHIN
    }

    public ExemptionCategory {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(nameVi, "nameVi");
        nameEn = nameEn == null ? "" : nameEn;
        Objects.requireNonNull(basis, "basis");
        if (match == Match.APPLICANT && !APPLICANT_CODES.contains(code)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "unknown applicant category [%s]; known: %s", code, APPLICANT_CODES));
        }
        if (match == Match.RESIDENCE_FLAG && !UNIT_FLAGS.contains(code)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "unknown unit flag [%s]; known: %s", code, UNIT_FLAGS));
        }
        if (match == Match.FORM_DATE_WITHIN && (dateField == null || dateField.isBlank() || withinDays < 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "date category [%s] needs a dateField and withinDays >= 0: [%s], [%d]", code, dateField,
                    withinDays));
        }
    }
}
