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

    /** E.g. "03 ngày làm việc" (the amount in two digits, as Vietnamese procedure texts write it). */
    public String labelVi() {
        return label(io.github.motcua.kernel.Messages.VI);
    }

    /** E.g. "3 working days", "1 working day", "the same day". */
    public String labelEn() {
        return label(Locale.ENGLISH);
    }

    /**
     * The limit in words in the reader's language (the calendar bundle's {@code label.limit.*}):
     * Vietnamese "03 ngày làm việc", English "3 working days".
     */
    public String label(Locale locale) {
        Objects.requireNonNull(unit);
        boolean en = io.github.motcua.kernel.Messages.english(locale);
        int k;
        switch (unit) {
            case SAME_DAY:
                k = 0;
                break;
            case WORKING_DAYS:
                k = 1;
                break;
            case WORKING_HOURS:
                k = 3;
                break;
            default:
                k = 5;
        }
        if (en && amount == 1 && k > 0) {
            k++; // the ".one" key of the unit
        }
        // the bundle's patterns are read once: a decision's trace, JSON and text name its limit every time
        String pattern = Words.PATTERNS[en ? 1 : 0][k];
        int at = pattern.indexOf(AMOUNT);
        return at < 0 ? pattern
                : pattern.substring(0, at) + (en ? Long.toString(amount) : twoDigits(amount)) + pattern.substring(at + AMOUNT.length());
    }

    private static final String AMOUNT = "{amount}";

    /** The calendar bundle's limit labels, {Vietnamese, English} × {@link #KEYS}. */
    private static final class Words {
        static final String[] KEYS = {"label.limit.SAME_DAY", "label.limit.WORKING_DAYS", "label.limit.WORKING_DAYS.one",
            "label.limit.WORKING_HOURS", "label.limit.WORKING_HOURS.one", "label.limit.CALENDAR_DAYS",
            "label.limit.CALENDAR_DAYS.one"};
        static final String[][] PATTERNS = {patterns(io.github.motcua.kernel.Messages.VI), patterns(Locale.ENGLISH)};

        private static String[] patterns(Locale locale) {
            String[] out = new String[KEYS.length];
            for (int i = 0; i < KEYS.length; i++) {
                out[i] = io.github.motcua.kernel.Messages.render(CalendarMessages.BUNDLE, KEYS[i], java.util.Map.of(), locale);
            }
            return out;
        }
    }

    /** {@code String.format("%02d", n)} without the formatter (a decision's trace names its limit every time). */
    private static String twoDigits(long n) {
        return n >= 0 && n < 10 ? "0" + n : Long.toString(n);
    }
}
