package io.github.motcua.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Vietnamese lunar calendar (âm lịch) for Gregorian dates 1900-01-01 .. 2199-12-31, computed
 * from the astronomy at UTC+7 (meridian 105° E), the zone Vietnam has used since 1967/1975.
 *
 * <p>The rules (FACTS.md §3): a month starts on the local day that contains the true new moon
 * (sóc); the month containing the winter solstice (Đông chí) is month 11; when 13 months fall
 * between two months 11, the first month after the solstice without a principal solar term
 * (trung khí, a multiple of 30° of solar longitude) is the leap month and repeats the previous
 * month's number. New moons and solar longitudes are evaluated from Meeus' published series (see
 * {@code Astronomy}); all month starts are computed once when the class is first used (≈ 3,700
 * lunations), so a conversion is a binary search.
 *
 * <p>Stateless and thread-safe.
 */
public final class LunarCalendar {
    /** First supported Gregorian date. */
    public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
    /** Last supported Gregorian date. */
    public static final LocalDate MAX = LocalDate.of(2199, 12, 31);

    private static final int FIRST_YEAR = 1899;
    private static final int LAST_YEAR = 2200;
    /** Epoch day of each month start, ascending; the last entry is an end sentinel. */
    private static final int[] START;
    /** Packed lunar year * 32 + month * 2 + leap for each month. */
    private static final int[] INFO;
    /** Index in START of month 1 of lunar year (FIRST_YEAR + i); -1 when outside the table. */
    private static final int[] NEW_YEAR_INDEX;

    static {
        int years = LAST_YEAR - FIRST_YEAR;
        long[] month11 = new long[years + 1];
        long[] k11 = new long[years + 1];
        for (int i = 0; i <= years; i++) {
            long[] found = month11Of(FIRST_YEAR + i);
            k11[i] = found[0];
            month11[i] = found[1];
        }
        int total = (int) (k11[years] - k11[0]);
        int[] start = new int[total + 1];
        int[] info = new int[total];
        int[] newYear = new int[years + 2];
        Arrays.fill(newYear, -1);
        int idx = 0;
        for (int i = 0; i < years; i++) {
            int year = FIRST_YEAR + i;
            long ka = k11[i];
            int count = (int) (k11[i + 1] - ka);
            long[] days = new long[count + 1];
            for (int j = 0; j <= count; j++) {
                days[j] = j == 0 ? month11[i] : j == count ? month11[i + 1] : Astronomy.newMoonDay(ka + j);
            }
            int leapAt = -1;
            if (count == 13) {
                for (int j = 1; j < count; j++) {
                    if (Astronomy.sunSectorAtLocalMidnight(days[j])
                            == Astronomy.sunSectorAtLocalMidnight(days[j + 1])) {
                        leapAt = j;
                        break;
                    }
                }
            }
            int month = 11;
            int lunarYear = year;
            for (int j = 0; j < count; j++) {
                boolean leap = j == leapAt;
                if (j > 0 && !leap) {
                    month = month == 12 ? 1 : month + 1;
                    if (month == 1) {
                        lunarYear = year + 1;
                        newYear[lunarYear - FIRST_YEAR] = idx;
                    }
                }
                start[idx] = (int) days[j];
                info[idx] = lunarYear * 32 + month * 2 + (leap ? 1 : 0);
                idx++;
            }
        }
        start[total] = (int) month11[years];
        START = start;
        INFO = info;
        NEW_YEAR_INDEX = newYear;
    }

    private LunarCalendar() {
    }

    /** {lunation k, local epoch day} of month 11 of the lunar year named by Gregorian {@code year}. */
    private static long[] month11Of(int year) {
        long solstice = solsticeDay(year);
        double jd = solstice + 2440587.5;
        long k = Astronomy.lunationNear(jd) + 1;
        while (Astronomy.newMoonDay(k) > solstice) {
            k--;
        }
        while (Astronomy.newMoonDay(k + 1) <= solstice) {
            k++;
        }
        return new long[] {k, Astronomy.newMoonDay(k)};
    }

    /** Local epoch day on which the Sun reaches 270° (the sector changes from 8 to 9 during it). */
    private static long solsticeDay(int year) {
        long day = LocalDate.of(year, 12, 18).toEpochDay();
        while (Astronomy.sunSectorAtLocalMidnight(day + 1) < 9) {
            day++;
        }
        return day;
    }

    private static void checkRange(LocalDate date) {
        if (date.isBefore(MIN) || date.isAfter(MAX)) {
            throw new DateOutOfRangeException(CalendarMessages.problem("DATE_OUT_OF_RANGE", "min", MIN, "max", MAX, "date", date));
        }
    }

    private static int indexOf(long epochDay) {
        int i = Arrays.binarySearch(START, (int) epochDay);
        return i >= 0 ? i : -i - 2;
    }

    /**
     * The lunar date of a Gregorian date.
     *
     * @throws DateOutOfRangeException outside 1900-01-01 .. 2199-12-31
     */
    public static LunarDate toLunar(LocalDate date) {
        Objects.requireNonNull(date, "date");
        checkRange(date);
        long epochDay = date.toEpochDay();
        int i = indexOf(epochDay);
        int packed = INFO[i];
        return new LunarDate(packed >> 5, (packed >> 1) & 15, (int) (epochDay - START[i]) + 1, (packed & 1) == 1);
    }

    /**
     * The Gregorian date of a lunar date.
     *
     * @throws DateOutOfRangeException when the lunar date does not exist (no such leap month, day 30
     *                                 of a 29-day month) or lies outside the supported range
     */
    public static LocalDate toSolar(LunarDate lunar) {
        Objects.requireNonNull(lunar, "lunar");
        int i = monthIndex(lunar.year(), lunar.month(), lunar.leap());
        int length = START[i + 1] - START[i];
        if (lunar.day() > length) {
            throw new DateOutOfRangeException(CalendarMessages.problem(lunar.leap() ? "LUNAR_LEAP_MONTH_LENGTH" : "LUNAR_MONTH_LENGTH",
                    "month", lunar.month(), "year", lunar.year(), "length", length, "date", lunar));
        }
        LocalDate date = LocalDate.ofEpochDay(START[i] + lunar.day() - 1L);
        checkRange(date);
        return date;
    }

    /** Convenience for {@link #toSolar(LunarDate)}. */
    public static LocalDate toSolar(int year, int month, int day, boolean leap) {
        return toSolar(new LunarDate(year, month, day, leap));
    }

    private static int monthIndex(int year, int month, boolean leap) {
        int y = year - FIRST_YEAR;
        // lunar year 1899 has no Tết in the table: only its last months, which start the table
        if (y < 0 || y >= NEW_YEAR_INDEX.length || (NEW_YEAR_INDEX[y] < 0 && year != FIRST_YEAR)) {
            throw new DateOutOfRangeException(CalendarMessages.problem("LUNAR_YEAR_OUT_OF_RANGE", "min", MIN.getYear() - 1, "max", MAX.getYear(), "year", year));
        }
        int from = NEW_YEAR_INDEX[y] < 0 ? 0 : Math.max(0, NEW_YEAR_INDEX[y] - 3);
        int wanted = year * 32 + month * 2 + (leap ? 1 : 0);
        for (int i = from; i < INFO.length && i < from + 18; i++) {
            if (INFO[i] == wanted) {
                return i;
            }
        }
        throw new DateOutOfRangeException(CalendarMessages.problem(leap ? "LUNAR_NO_LEAP_MONTH" : "LUNAR_NO_MONTH",
                "year", year, "month", month, "mm", String.format(Locale.ROOT, "%02d", month)));
    }

    /** Tết Nguyên đán: the Gregorian date of day 1 of month 1 of a lunar year (1900..2199). */
    public static LocalDate newYear(int lunarYear) {
        return toSolar(lunarYear, 1, 1, false);
    }

    /** The leap month of a lunar year (1..12), or 0 when the year has none. */
    public static int leapMonth(int lunarYear) {
        int i = monthIndex(lunarYear, 1, false);
        for (int j = i; j < INFO.length && (INFO[j] >> 5) == lunarYear; j++) {
            if ((INFO[j] & 1) == 1) {
                return (INFO[j] >> 1) & 15;
            }
        }
        return 0;
    }

    /** Number of days (29 or 30) in the lunar month that contains {@code date}. */
    public static int monthLength(LocalDate date) {
        checkRange(date);
        int i = indexOf(date.toEpochDay());
        return START[i + 1] - START[i];
    }

    /**
     * Every lunar month start with {@code from <= date <= to}, in order.
     *
     * @throws DateOutOfRangeException when a bound lies outside 1900..2199 or {@code to} is before {@code from}
     */
    public static List<LunarMonthStart> monthStarts(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        checkRange(from);
        checkRange(to);
        if (to.isBefore(from)) {
            throw new DateOutOfRangeException(CalendarMessages.problem("RANGE_REVERSED", "to", to, "from", from));
        }
        List<LunarMonthStart> out = new ArrayList<>();
        int i = indexOf(from.toEpochDay());
        if (START[i] < from.toEpochDay()) {
            i++;
        }
        for (; i < INFO.length && START[i] <= to.toEpochDay(); i++) {
            int packed = INFO[i];
            out.add(new LunarMonthStart(LocalDate.ofEpochDay(START[i]), packed >> 5, (packed >> 1) & 15,
                    (packed & 1) == 1));
        }
        return List.copyOf(out);
    }
}
