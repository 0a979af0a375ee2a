package io.github.motcua.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The first day (mùng 1) of a lunar month.
 *
 * <p>Immutable and thread-safe.
 *
 * @param gregorianDate the Gregorian date of day 1
 * @param lunarYear     the lunar year
 * @param month         1..12
 * @param leap          whether it is the leap month (tháng nhuận)
 */
public record LunarMonthStart(LocalDate gregorianDate, int lunarYear, int month, boolean leap) {
    public LunarMonthStart {
        Objects.requireNonNull(gregorianDate, "gregorianDate");
    }
}
