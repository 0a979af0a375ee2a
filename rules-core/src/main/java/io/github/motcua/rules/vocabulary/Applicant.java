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

    public Applicant(String personalId, String fullName, LocalDate birthDate, String sex, Set<String> categories,
            Unit residence, LocalDate asOf) {
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
     * {@code CHILD} (under 16) and {@code ELDERLY} (60 or over) are also derived from the birth date.
     */
    public boolean hasCategory(String category) {
        if (categories.contains(category)) {
            return true;
        }
        int age = getAge();
        return age >= 0 && (("CHILD".equals(category) && age < 16) || ("ELDERLY".equals(category) && age >= 60));
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
