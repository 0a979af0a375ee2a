package io.github.motcua.calendar;

import java.util.Locale;
import java.util.Objects;

/**
 * A time limit such as "03 ngày làm việc" (thời hạn).
 *
 * <p>Immutable and thread-safe.
 *
 * <p>The constructor throws {@link InvalidDeadlineException} for a negative, zero (except SAME_DAY) or
 * absurd amount.
 *
 * @param amount how many units: 0 with {@link DeadlineUnit#SAME_DAY} (and only then); at most
 *               {@value #MAX_WORKING_DAYS} working days, {@value #MAX_WORKING_HOURS} working hours or
 *               {@value #MAX_CALENDAR_DAYS} calendar days
 * @param unit   the unit
 */
public record TimeLimit(long amount, DeadlineUnit unit) {
    /** Largest accepted number of working days (about 4 years). */
    public static final long MAX_WORKING_DAYS = 1000;
    /** Largest accepted number of working hours. */
    public static final long MAX_WORKING_HOURS = 8000;
    /** Largest accepted number of calendar days (10 years). */
    public static final long MAX_CALENDAR_DAYS = 3650;

    public TimeLimit {
        if (unit == null) {
            throw new InvalidDeadlineException(CalendarMessages.problem("LIMIT_NO_UNIT"));
        }
        long max;
        switch (unit) {
            case SAME_DAY:
                max = 0;
                break;
            case WORKING_DAYS:
                max = MAX_WORKING_DAYS;
                break;
            case WORKING_HOURS:
                max = MAX_WORKING_HOURS;
                break;
            default:
                max = MAX_CALENDAR_DAYS;
        }
        long min = unit == DeadlineUnit.SAME_DAY ? 0 : 1;
        if (amount < min || amount > max) {
            throw new InvalidDeadlineException(CalendarMessages.problem("LIMIT_OUT_OF_RANGE", "unit", unit, "min", min, "max", max, "amount", amount));
        }
    }

    /** N working days (ngày làm việc). */
    public static TimeLimit workingDays(long n) {
        return new TimeLimit(n, DeadlineUnit.WORKING_DAYS);
    }

    /** N working hours (giờ làm việc). */
    public static TimeLimit workingHours(long n) {
        return new TimeLimit(n, DeadlineUnit.WORKING_HOURS);
    }

    /** N calendar days (ngày). */
    public static TimeLimit calendarDays(long n) {
        return new TimeLimit(n, DeadlineUnit.CALENDAR_DAYS);
    }

    /** Within the day of receipt (trong ngày). */
    public static TimeLimit sameDay() {
        return new TimeLimit(0, DeadlineUnit.SAME_DAY);
    }

    /** E.g. "03 ngày làm việc". */
    public String labelVi() {
        Objects.requireNonNull(unit);
        switch (unit) {
            case SAME_DAY:
                return "trong ngày";
            case WORKING_DAYS:
                return twoDigits(amount) + " ngày làm việc";
            case WORKING_HOURS:
                return twoDigits(amount) + " giờ làm việc";
            default:
                return twoDigits(amount) + " ngày";
        }
    }

    /** {@code String.format("%02d", n)} without the formatter (a decision's trace names its limit every time). */
    private static String twoDigits(long n) {
        return n >= 0 && n < 10 ? "0" + n : Long.toString(n);
    }
}
