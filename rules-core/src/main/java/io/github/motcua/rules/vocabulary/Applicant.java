package io.github.motcua.rules.vocabulary;

import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

/**
 * Fact: the applicant (người yêu cầu). Always inserted; fields the dossier did not give are null.
 *
 * <p>Immutable and thread-safe.
 */
public final class Applicant {
    private final String personalId;
    private final String fullName;
    private final LocalDate birthDate;
    private final String sex;
    private final Set<String> categories;
    private final Unit residence;
    private final LocalDate asOf;
    private final Integer childUnder;
    private final Integer elderlyFrom;

    /**
     * An applicant with the ages of the built-in dated parameters
     * ({@link io.github.motcua.law.DefaultParameters}) in force on {@code asOf}.
     *
     * @deprecated the engine passes the pack's ages; use the nine-argument constructor
     */
    @Deprecated
    public Applicant(String personalId, String fullName, LocalDate birthDate, String sex, Set<String> categories,
            Unit residence, LocalDate asOf) {
        this(personalId, fullName, birthDate, sex, categories, residence, asOf,
                io.github.motcua.law.DefaultParameters.CHILD_UNDER_DEFAULT.find(asOf).map(d -> d.value()).orElse(null),
                io.github.motcua.law.DefaultParameters.ELDERLY_FROM_DEFAULT.find(asOf).map(d -> d.value()).orElse(null));
    }

    /**
     * @param childUnder  the age under which the applicant is a child on {@code asOf} (the pack's dated
     *                    parameter {@code applicant.childUnder}), or {@code null} when none is in force
     * @param elderlyFrom the age from which the applicant is elderly ({@code applicant.elderlyFrom}), or
     *                    {@code null} when none is in force
     */
    public Applicant(String personalId, String fullName, LocalDate birthDate, String sex, Set<String> categories,
            Unit residence, LocalDate asOf, Integer childUnder, Integer elderlyFrom) {
        this.childUnder = childUnder;
        this.elderlyFrom = elderlyFrom;
        this.personalId = personalId;
        this.fullName = fullName;
        this.birthDate = birthDate;
        this.sex = sex;
        this.categories = Set.copyOf(categories);
        this.residence = residence;
        this.asOf = asOf;
    }

    public String getPersonalId() {
        return personalId;
    }

    public String getFullName() {
        return fullName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    /**
     * Full years of age on the dossier's as-of date (tuổi tròn), or -1 when the birth date is not
     * known. See {@link #fullYears} for 29 February.
     */
    public int getAge() {
        return birthDate == null ? -1 : fullYears(birthDate, asOf);
    }

    /**
     * Full years from {@code birth} to {@code on}. Someone born on 29 February completes a year on
     * 28 February of a common year: a period in years whose end month lacks the day ends on that
     * month's last day (Bộ luật Dân sự 2015 Art. 148 — from memory, unverified: FACTS.md §2.1b).
     */
    static int fullYears(LocalDate birth, LocalDate on) {
        int years = Period.between(birth, on).getYears();
        if (birth.getMonthValue() == 2 && birth.getDayOfMonth() == 29 && on.getMonthValue() == 2
                && on.getDayOfMonth() == 28 && !on.isLeapYear() && on.getYear() > birth.getYear()) {
            years = on.getYear() - birth.getYear();
        }
        return years;
    }

    /** {@code "MALE"} or {@code "FEMALE"}, or null. */
    public String getSex() {
        return sex;
    }

    /**
     * Whether the applicant belongs to a category, e.g. {@code hasCategory("POOR_HOUSEHOLD")}.
     * {@code CHILD} and {@code ELDERLY} are also derived from the birth date, with the ages of the
     * pack's dated parameters {@code applicant.childUnder} (16) and {@code applicant.elderlyFrom} (60)
     * in force on the as-of date.
     *
     * @throws VocabularyException when the birth date is known and no such age is in force on that date
     */
    public boolean hasCategory(String category) {
        if (categories.contains(category)) {
            return true;
        }
        int age = getAge();
        if (age < 0 || !("CHILD".equals(category) || "ELDERLY".equals(category))) {
            return false;
        }
        Integer limit = "CHILD".equals(category) ? childUnder : elderlyFrom;
        if (limit == null) {
            String id = "CHILD".equals(category) ? "applicant.childUnder" : "applicant.elderlyFrom";
            throw VocabularyTexts.exception("vocabulary.parameterNoValue", "id", id, "date", String.valueOf(asOf));
        }
        return "CHILD".equals(category) ? age < limit : age >= limit;
    }

    /** The unit of residence, or null. */
    public Unit getResidence() {
        return residence;
    }

    /** Whether the residence unit has this flag (false when unknown). */
    public boolean residenceHasFlag(String flag) {
        return residence != null && residence.hasFlag(flag);
    }

    @Override
    public String toString() {
        return "Applicant[" + fullName + "]";
    }
}
