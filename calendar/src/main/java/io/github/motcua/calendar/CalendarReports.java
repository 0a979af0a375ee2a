package io.github.motcua.calendar;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The texts printed by the analysts' command line ({@code calendar lunar}, {@code calendar
 * month-starts}, {@code calendar days-off}): one static method per command, each returning the
 * exact output. Lines end with {@code \n}; CSV fields are quoted only when they contain a comma,
 * a quote or a line break.
 *
 * <p>Stateless and thread-safe.
 */
public final class CalendarReports {
    private CalendarReports() {
    }

    /**
     * {@code calendar lunar DATE}: {@code {"year":2026,"month":1,"day":1,"leap":false}} (no newline).
     *
     * @param isoDate a Gregorian date {@code YYYY-MM-DD}
     * @throws DateOutOfRangeException for a malformed date or one outside 1900..2199
     */
    public static String lunar(String isoDate) {
        return LunarCalendar.toLunar(parse(isoDate, "DATE")).toJson();
    }

    /**
     * {@code calendar month-starts FROM TO}: CSV with the header
     * {@code gregorian_date,lunar_year,lunar_month,leap} and one row per lunar month starting
     * within FROM..TO (both included), leap as 0/1, the same shape as the reference file.
     */
    public static String monthStarts(String fromIso, String toIso) {
        StringBuilder sb = new StringBuilder("gregorian_date,lunar_year,lunar_month,leap\n");
        for (LunarMonthStart m : LunarCalendar.monthStarts(parse(fromIso, "FROM"), parse(toIso, "TO"))) {
            sb.append(m.gregorianDate()).append(',').append(m.lunarYear()).append(',').append(m.month())
                    .append(',').append(m.leap() ? '1' : '0').append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code calendar days-off PACK YEAR}: CSV {@code date,kind,name} with every non-working
     * weekday and every swapped working weekend day of the year, in date order; kind is one of
     * {@code holiday}, {@code compensatory}, {@code swapped-off}, {@code swapped-working}.
     *
     * @param packDir the pack folder (see {@link Calendars#loadPack(Path)})
     * @param year    1900..2199
     */
    public static String daysOff(Path packDir, int year) {
        return daysOff(Calendars.loadPack(packDir), year);
    }

    /**
     * The sentence every output that counts working days in computed years shows (decisions, guides):
     * those years have no official schedule in the pack, so their days off are computed from the lunar
     * calendar and the holiday rules in force, not taken from a published schedule. Empty when
     * {@code years} is empty.
     *
     * @param years the computed years, ascending
     */
    public static String computedYearsNote(List<Integer> years, boolean english) {
        if (years.isEmpty()) {
            return "";
        }
        String list = years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        return io.github.motcua.kernel.Messages.render(CalendarMessages.BUNDLE,
                years.size() == 1 ? "label.computedYear" : "label.computedYears", english ? Locale.ENGLISH : io.github.motcua.kernel.Messages.VI, "years", list);
    }

    /** {@code days-off PACK YEAR} with the computed-year note in English when {@code english}. */
    public static String daysOff(Path packDir, int year, boolean english) {
        return daysOff(Calendars.loadPack(packDir), year, english);
    }

    /** {@code days-off} for an already loaded calendar, with its note in Vietnamese. */
    public static String daysOff(WorkingCalendar calendar, int year) {
        return daysOff(calendar, year, false);
    }

    /**
     * {@code days-off}: CSV {@code date,kind,name}. For a year with no official schedule in the pack
     * the CSV starts with one comment line saying that the days are computed (Vietnamese, or English
     * when {@code english}), so nobody takes them for the official schedule.
     */
    public static String daysOff(WorkingCalendar calendar, int year, boolean english) {
        Objects.requireNonNull(calendar, "calendar");
        List<CalendarDay> days = calendar.specialDays(year);
        StringBuilder sb = new StringBuilder();
        if (calendar.isComputed(year)) {
            sb.append("# ").append(io.github.motcua.kernel.Messages.render(CalendarMessages.BUNDLE, "label.daysOffComputed",
                    english ? Locale.ENGLISH : io.github.motcua.kernel.Messages.VI, "year", year)).append('\n');
        }
        sb.append("date,kind,name\n");
        for (CalendarDay d : days) {
            DayOfWeek w = d.date().getDayOfWeek();
            boolean weekend = w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
            if (weekend != d.kind().working()) {
                continue; // a holiday on a weekend is off anyway; a worked weekday is nothing special
            }
            sb.append(d.date()).append(',').append(d.kind().csvName()).append(',').append(csv(d.nameVi())).append('\n');
        }
        return sb.toString();
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static LocalDate parse(String iso, String what) {
        Objects.requireNonNull(iso, what);
        try {
            return LocalDate.parse(iso.trim());
        } catch (DateTimeException e) {
            throw new DateOutOfRangeException(CalendarMessages.problem("NOT_A_DATE", "what", what, "value", iso));
        }
    }
}
