package io.github.motcua.calendar;

import java.util.Locale;

/**
 * A date of the Vietnamese lunar calendar (âm lịch), computed at UTC+7.
 *
 * <p>Immutable and thread-safe.
 *
 * @param year  the lunar year, named by the Gregorian year in which its first month begins
 *              (Tết Bính Ngọ 2026 starts lunar year 2026)
 * @param month 1..12 (tháng Giêng .. tháng Chạp)
 * @param day   1..30
 * @param leap  whether the month is the leap month (tháng nhuận)
 */
public record LunarDate(int year, int month, int day, boolean leap) {
    public LunarDate {
        if (month < 1 || month > 12) {
            throw new DateOutOfRangeException(CalendarMessages.problem("LUNAR_MONTH_INVALID", "month", month));
        }
        if (day < 1 || day > 30) {
            throw new DateOutOfRangeException(CalendarMessages.problem("LUNAR_DAY_INVALID", "day", day));
        }
    }

    /** A non-leap lunar date. */
    public static LunarDate of(int year, int month, int day) {
        return new LunarDate(year, month, day, false);
    }

    /** The CLI's JSON shape: {@code {"year":2026,"month":1,"day":1,"leap":false}}. */
    public String toJson() {
        return String.format(Locale.ROOT, "{\"year\":%d,\"month\":%d,\"day\":%d,\"leap\":%s}",
                year, month, day, leap);
    }
}
