package io.github.motcua.calendar;

import io.github.motcua.law.LegalBasis;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The working-day calendar of a one-stop shop (lịch làm việc): Monday–Friday, minus public holidays
 * and compensatory days, plus swapped working Saturdays, in the explicit zone
 * {@code Asia/Ho_Chi_Minh}, with the pack's office hours. Years that have an official schedule in
 * the pack use it as given; other years are computed from the Labour Code list (Art. 112(1), with
 * Art. 111(3)'s compensatory day) and the pack's dated holiday-list changes.
 *
 * <p>Get one from {@link Calendars}. Supports 1900-01-01 .. 2199-12-31; every method throws
 * {@link DateOutOfRangeException} outside. Nothing here reads the JVM's default zone, locale or
 * clock: "today" comes from a {@link Clock} you pass.
 *
 * <p>Immutable and thread-safe; each year's days are computed once, lazily, and shared.
 */
public final class WorkingCalendar {
    /** The zone of every Vietnamese one-stop shop. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final int FIRST = 1900;
    private static final int LAST = 2199;
    private static final long[] YEAR_START = new long[LAST - FIRST + 2];

    static {
        for (int y = FIRST; y <= LAST + 1; y++) {
            YEAR_START[y - FIRST] = LocalDate.of(y, 1, 1).toEpochDay();
        }
    }

    private final List<HolidayRule> rules;
    private final Map<Integer, YearSchedule> schedules;
    private final Map<String, Boolean> switches;
    private final LegalBasis compensatoryBasis;
    private final OfficeHours officeHours;
    private final AtomicReferenceArray<YearData> years;
    private final int earliestRuleYear;

    /** One computed year: working flag and special day per day of year. */
    private static final class YearData {
        final boolean[] working;
        final CalendarDay[] special;
        final List<CalendarDay> list;

        YearData(boolean[] working, CalendarDay[] special, List<CalendarDay> list) {
            this.working = working;
            this.special = special;
            this.list = list;
        }
    }

    WorkingCalendar(List<HolidayRule> rules, Map<Integer, YearSchedule> schedules, Map<String, Boolean> switches,
            LegalBasis compensatoryBasis, OfficeHours officeHours) {
        this.rules = List.copyOf(rules);
        this.schedules = Map.copyOf(schedules);
        this.switches = Map.copyOf(switches);
        this.compensatoryBasis = Objects.requireNonNull(compensatoryBasis, "compensatoryBasis");
        this.officeHours = Objects.requireNonNull(officeHours, "officeHours");
        this.years = new AtomicReferenceArray<>(LAST - FIRST + 1);
        int earliest = LAST;
        for (HolidayRule r : this.rules) {
            earliest = Math.min(earliest, r.validFrom() == null ? FIRST : r.validFrom().getYear());
        }
        this.earliestRuleYear = this.rules.isEmpty() ? FIRST : earliest;
    }

    /** The same calendar with other office hours (the computed years are not shared). */
    public WorkingCalendar withOfficeHours(OfficeHours hours) {
        return new WorkingCalendar(rules, schedules, switches, compensatoryBasis, hours);
    }

    /** Always {@link #VIETNAM}. */
    public ZoneId zone() {
        return VIETNAM;
    }

    /** The pack's office hours (giờ làm việc). */
    public OfficeHours officeHours() {
        return officeHours;
    }

    /** The holiday-list switches in effect (absent ids are on). */
    public Map<String, Boolean> switches() {
        return switches;
    }

    /**
     * Whether {@code year} is computed from the lunar calendar and the holiday rules in force that
     * year, because the pack has no official schedule for it (năm chưa có lịch nghỉ chính thức).
     * Everything shown for such a year should say so: the Prime Minister fixes the Tết and National
     * Day days each year, and swaps of working days are published only in official schedules.
     */
    public boolean isComputed(int year) {
        return !schedules.containsKey(year);
    }

    /**
     * The years from {@code fromYear} to {@code toYear} (inclusive, ascending) that are
     * {@linkplain #isComputed(int) computed}: what a deadline or a guide spanning them must name.
     */
    public List<Integer> computedYears(int fromYear, int toYear) {
        List<Integer> out = new ArrayList<>();
        for (int y = fromYear; y <= toYear; y++) {
            if (isComputed(y)) {
                out.add(y);
            }
        }
        return List.copyOf(out);
    }

    /**
     * The first year the holiday rules cover: the earliest {@code validFrom} among them (1995 for the
     * built-in list, Bộ luật Lao động 1994). An earlier year without an official schedule is refused.
     */
    public int earliestRuleYear() {
        return earliestRuleYear;
    }

    /** Years that follow an official schedule of the pack rather than the computed list. */
    public List<Integer> scheduledYears() {
        List<Integer> ys = new ArrayList<>(schedules.keySet());
        ys.sort(null);
        return List.copyOf(ys);
    }

    /** The Vietnam date of the clock's instant. */
    public LocalDate today(Clock clock) {
        return clock.instant().atZone(VIETNAM).toLocalDate();
    }

    /** The Vietnam local date-time of an instant. */
    public ZonedDateTime local(Instant instant) {
        ZonedDateTime z = instant.atZone(VIETNAM);
        check(z.toLocalDate());
        return z;
    }

    // ---- days -------------------------------------------------------------------------------

    /** Whether the date is a working day (ngày làm việc). */
    public boolean isWorkingDay(LocalDate date) {
        return isWorking(date.toEpochDay());
    }

    /** The holiday, compensatory or swapped day on this date, if any. */
    public Optional<CalendarDay> specialDay(LocalDate date) {
        long e = date.toEpochDay();
        int y = yearOf(e);
        return Optional.ofNullable(year(y).special[(int) (e - YEAR_START[y - FIRST])]);
    }

    /**
     * Every special day of a year in date order: holidays (also those on weekends), compensatory
     * and swapped-off weekdays, and swapped working weekend days.
     */
    public List<CalendarDay> specialDays(int year) {
        if (year < FIRST || year > LAST) {
            throw new DateOutOfRangeException(CalendarMessages.problem("YEAR_OUT_OF_RANGE", "min", FIRST, "max", LAST, "year", year));
        }
        return year(year).list;
    }

    /** The first working day strictly after {@code date}. */
    public LocalDate nextWorkingDay(LocalDate date) {
        return LocalDate.ofEpochDay(addWorkingDays(date.toEpochDay(), 1, null));
    }

    /** {@code date} itself when it is a working day, else the next one. */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        long e = date.toEpochDay();
        return isWorking(e) ? date : LocalDate.ofEpochDay(addWorkingDays(e, 1, null));
    }

    /**
     * The N-th working day after {@code date} ({@code date} itself not counted; N = 0 gives
     * {@code date}).
     */
    public LocalDate plusWorkingDays(LocalDate date, long n) {
        if (n < 0) {
            throw new InvalidDeadlineException(CalendarMessages.problem("NEGATIVE_WORKING_DAYS", "days", n));
        }
        return LocalDate.ofEpochDay(addWorkingDays(date.toEpochDay(), n, null));
    }

    /** Working days d with {@code from < d <= to}; 0 when {@code to <= from}. */
    public long workingDaysBetween(LocalDate from, LocalDate to) {
        return countWorkingDays(from.toEpochDay(), to.toEpochDay(), null);
    }

    /** Working days whose Vietnam date d satisfies {@code date(from) < d <= date(to)}. */
    public long workingDaysBetween(Instant from, Instant to) {
        return workingDaysBetween(local(from).toLocalDate(), local(to).toLocalDate());
    }

    // ---- hours -------------------------------------------------------------------------------

    /** Whether the instant lies on a working day inside an office session (ends included). */
    public boolean isWithinOfficeHours(Instant instant) {
        ZonedDateTime z = local(instant);
        return isWorkingDay(z.toLocalDate()) && officeHours.contains(z.toLocalTime());
    }

    /**
     * Adds working time: the clock runs only inside office sessions on working days. Starting
     * outside office hours, it starts at the next session.
     */
    public ZonedDateTime plusWorkingHours(Instant start, Duration duration) {
        if (duration.isNegative() || duration.toDays() > 3650) {
            throw new InvalidDeadlineException(CalendarMessages.problem("WORKING_TIME_OUT_OF_RANGE", "duration", duration));
        }
        LocalDateTime t = addWorkingMinutes(local(start).toLocalDateTime(), duration.toMinutes(), List.of());
        return t.atZone(VIETNAM);
    }

    // ---- package internals used by the deadline engine ------------------------------------------

    static void check(LocalDate d) {
        if (d.getYear() < FIRST || d.getYear() > LAST) {
            throw new DateOutOfRangeException(CalendarMessages.problem("DATE_OUTSIDE_YEARS", "first", FIRST, "last", LAST, "date", d));
        }
    }

    private static int yearOf(long epochDay) {
        int i = (int) ((epochDay - YEAR_START[0]) / 366);
        if (epochDay < YEAR_START[0] || epochDay >= YEAR_START[YEAR_START.length - 1]) {
            throw new DateOutOfRangeException(CalendarMessages.problem("DATE_OUTSIDE_YEARS", "first", FIRST, "last", LAST,
                    "date", LocalDate.ofEpochDay(epochDay)));
        }
        while (YEAR_START[i + 1] <= epochDay) {
            i++;
        }
        return FIRST + i;
    }

    boolean isWorking(long epochDay) {
        int y = yearOf(epochDay);
        return year(y).working[(int) (epochDay - YEAR_START[y - FIRST])];
    }

    /** The n-th working day after {@code epochDay} that is not excluded. */
    long addWorkingDays(long epochDay, long n, DaySet excluded) {
        long d = epochDay;
        long count = 0;
        boolean[] working = null;
        long yearStart = 0;
        long yearEnd = 0;
        while (count < n) {
            d++;
            if (d >= yearEnd || d < yearStart) {
                int y = yearOf(d);
                working = year(y).working;
                yearStart = YEAR_START[y - FIRST];
                yearEnd = YEAR_START[y - FIRST + 1];
            }
            if (working[(int) (d - yearStart)] && (excluded == null || !excluded.contains(d))) {
                count++;
            }
        }
        return d;
    }

    /** Working, non-excluded days d with from < d <= to. */
    long countWorkingDays(long from, long to, DaySet excluded) {
        long c = 0;
        boolean[] working = null;
        long yearStart = 0;
        long yearEnd = 0;
        for (long d = from + 1; d <= to; d++) {
            if (d >= yearEnd || d < yearStart) {
                int y = yearOf(d);
                working = year(y).working;
                yearStart = YEAR_START[y - FIRST];
                yearEnd = YEAR_START[y - FIRST + 1];
            }
            if (working[(int) (d - yearStart)] && (excluded == null || !excluded.contains(d))) {
                c++;
            }
        }
        return c;
    }

    /** The first working moment at or after {@code t} (a session start or {@code t} itself). */
    LocalDateTime normalise(LocalDateTime t) {
        LocalDateTime c = t;
        while (true) {
            if (isWorking(c.toLocalDate().toEpochDay())) {
                LocalTime time = c.toLocalTime();
                for (OfficeHours.Session s : officeHours.sessions()) {
                    if (time.isBefore(s.from())) {
                        return c.toLocalDate().atTime(s.from());
                    }
                    if (time.isBefore(s.to())) {
                        return c;
                    }
                }
            }
            c = c.toLocalDate().plusDays(1).atStartOfDay();
        }
    }

    /**
     * Adds working minutes from {@code start}, skipping local intervals [from, to) in
     * {@code excluded} (sorted, not overlapping).
     */
    LocalDateTime addWorkingMinutes(LocalDateTime start, long minutes, List<LocalDateTime[]> excluded) {
        LocalDateTime t = start;
        long left = minutes;
        if (left == 0) {
            // zero working time: the instant itself if it is a working moment, else the next session start
            LocalDateTime n = skipExcluded(normalise(t), excluded);
            return n;
        }
        while (true) {
            t = skipExcluded(normalise(t), excluded);
            LocalTime time = t.toLocalTime();
            LocalDateTime end = null;
            for (OfficeHours.Session s : officeHours.sessions()) {
                if (!time.isBefore(s.from()) && time.isBefore(s.to())) {
                    end = t.toLocalDate().atTime(s.to());
                    break;
                }
            }
            for (LocalDateTime[] iv : excluded) {
                if (iv[0].isAfter(t) && iv[0].isBefore(end)) {
                    end = iv[0];
                    break;
                }
            }
            long avail = Duration.between(t, end).toMinutes();
            if (avail >= left) {
                return t.plusMinutes(left);
            }
            left -= avail;
            t = end;
            check(t.toLocalDate());
        }
    }

    private LocalDateTime skipExcluded(LocalDateTime t, List<LocalDateTime[]> excluded) {
        LocalDateTime c = t;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (LocalDateTime[] iv : excluded) {
                if (!c.isBefore(iv[0]) && c.isBefore(iv[1])) {
                    c = normalise(iv[1]);
                    moved = true;
                }
            }
        }
        return c;
    }

    /** A set of excluded epoch days (clock stopped). */
    static final class DaySet {
        private final long[] days;

        DaySet(long[] sorted) {
            this.days = sorted;
        }

        boolean contains(long d) {
            return days.length > 0 && Arrays.binarySearch(days, d) >= 0;
        }

        boolean isEmpty() {
            return days.length == 0;
        }
    }

    // ---- year computation -----------------------------------------------------------------------

    private YearData year(int y) {
        YearData yd = years.get(y - FIRST);
        if (yd == null) {
            yd = compute(y);
            if (!years.compareAndSet(y - FIRST, null, yd)) {
                yd = years.get(y - FIRST);
            }
        }
        return yd;
    }

    private boolean on(String switchId) {
        return switchId == null || switches.getOrDefault(switchId, Boolean.TRUE);
    }

    private static boolean weekend(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }

    private YearData compute(int y) {
        TreeMap<LocalDate, CalendarDay> days = new TreeMap<>();
        YearSchedule schedule = schedules.get(y);
        if (schedule == null && y < earliestRuleYear) {
            throw new DateOutOfRangeException(CalendarMessages.problem("YEAR_BEFORE_RULES", "year", y, "earliest", earliestRuleYear));
        }
        if (schedule != null) {
            schedule.entries().forEach((date, e) -> {
                if (on(e.switchId())) {
                    days.put(date, new CalendarDay(date, e.kind(), e.nameVi(), e.basis()));
                }
            });
        } else {
            TreeMap<LocalDate, CalendarDay> holidays = new TreeMap<>();
            for (int gy = Math.max(FIRST, y - 1); gy <= Math.min(LAST, y + 1); gy++) {
                for (HolidayRule r : rules) {
                    if (!on(r.switchId())) {
                        continue;
                    }
                    LocalDate anchor;
                    try {
                        anchor = r.lunar() ? LunarCalendar.toSolar(gy, r.month(), r.day(), false)
                                : LocalDate.of(gy, r.month(), r.day());
                    } catch (DateOutOfRangeException | java.time.DateTimeException e) {
                        continue; // e.g. lunar day 30 in a 29-day month, or 29 February: no holiday that year
                    }
                    for (int k = -r.before(); k <= r.after(); k++) {
                        LocalDate d = anchor.plusDays(k);
                        if (r.inForce(d)) {
                            holidays.putIfAbsent(d, new CalendarDay(d, DayKind.HOLIDAY, r.nameVi(), r.basis()));
                        }
                    }
                }
            }
            // Art. 111(3): a holiday on a weekly rest day gives a compensatory day on the next working day
            TreeMap<LocalDate, CalendarDay> comp = new TreeMap<>();
            for (CalendarDay h : holidays.values()) {
                if (weekend(h.date())) {
                    LocalDate c = h.date().plusDays(1);
                    while (weekend(c) || holidays.containsKey(c) || comp.containsKey(c)) {
                        c = c.plusDays(1);
                    }
                    comp.put(c, new CalendarDay(c, DayKind.COMPENSATORY, CalendarMessages.vi("label.compensatory", "holiday", h.nameVi()),
                            compensatoryBasis));
                }
            }
            holidays.putAll(comp);
            holidays.forEach((d, cd) -> {
                if (d.getYear() == y) {
                    days.put(d, cd);
                }
            });
        }
        int len = LocalDate.of(y, 1, 1).lengthOfYear();
        boolean[] working = new boolean[len];
        CalendarDay[] special = new CalendarDay[len];
        LocalDate d = LocalDate.of(y, 1, 1);
        for (int i = 0; i < len; i++, d = d.plusDays(1)) {
            CalendarDay cd = days.get(d);
            special[i] = cd;
            working[i] = cd == null ? !weekend(d) : cd.kind().working();
        }
        return new YearData(working, special, List.copyOf(days.values()));
    }

}
