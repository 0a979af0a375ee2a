package io.github.motcua.calendar;

import io.github.motcua.law.LegalBasis;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A day that differs from the plain working week: a holiday, a compensatory day, or one side of a
 * swap, with its name and legal basis.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date   the date
 * @param kind   why it differs
 * @param nameVi its name in Vietnamese, e.g. "Tết Nguyên đán"
 * @param basis  the legal basis (the Labour Code article, or the yearly schedule's instrument)
 */
public record CalendarDay(LocalDate date, DayKind kind, String nameVi, LegalBasis basis) {
    public CalendarDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(nameVi, "nameVi");
        Objects.requireNonNull(basis, "basis");
    }
}
