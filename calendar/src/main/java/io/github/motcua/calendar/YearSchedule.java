package io.github.motcua.calendar;

import io.github.motcua.law.LegalBasis;
import java.time.LocalDate;
import java.util.Map;

/**
 * An official yearly schedule (lịch nghỉ lễ, tết của cán bộ, công chức, viên chức): for its year it
 * replaces the computed Labour-Code days entirely.
 *
 * @param year    the Gregorian year
 * @param file    the file it came from
 * @param entries every listed day, in date order
 */
record YearSchedule(int year, String file, Map<LocalDate, Entry> entries) {

    /** One listed day; {@code switchId} gates it (null: always). */
    record Entry(DayKind kind, String nameVi, LegalBasis basis, String switchId) {
    }
}
