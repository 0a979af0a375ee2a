package io.github.motcua.calendar;

import io.github.motcua.law.LegalBasis;
import java.time.LocalDate;

/**
 * A dated rule of the holiday list: a solar or lunar anchor day, the days before and after it that
 * are also off, the window in which the rule is law, and the switch a pack may turn it off with.
 *
 * @param id        rule id; a pack rule with the id of a built-in rule replaces it
 * @param nameVi    holiday name in Vietnamese
 * @param lunar     whether month/day are lunar (âm lịch)
 * @param month     anchor month
 * @param day       anchor day
 * @param before    days off before the anchor
 * @param after     days off after the anchor
 * @param validFrom first day the rule applies, or null
 * @param validTo   last day the rule applies, or null
 * @param switchId  the switch a pack can turn off, or null
 * @param basis     legal basis
 */
record HolidayRule(String id, String nameVi, boolean lunar, int month, int day, int before, int after,
        LocalDate validFrom, LocalDate validTo, String switchId, LegalBasis basis) {

    boolean inForce(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
