package io.github.motcua.calendar;

import io.github.motcua.dossier.Channel;
import io.github.motcua.law.LegalBasis;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Computes a dossier's deadline (thời hạn giải quyết): the effective start after the cut-off hour
 * and days off, the due instant, the working days counted, every extension and pause with its
 * legal basis, and each internal step's own due instant. Also judges a returned result (early, on
 * time, late) and reschedules after an apology-and-new-date letter.
 *
 * <p>Counting, in short (details and the law in {@code docs/calendar.md}):
 * <ol>
 *   <li>A dossier received on a working day up to the cut-off hour is received that day; received
 *       after it, or on a day off, it is deemed received at the opening of the next working day
 *       (online dossiers on a day off: see {@link OnlineOutOfHours}).</li>
 *   <li>N working days: the N-th working day after the receipt day (the receipt day is day 1 when
 *       {@link DeadlineSettings#countReceiptDay()}); N calendar days: the same in calendar days,
 *       moved to the next working day when it ends on a day off; same day: the receipt day; N
 *       working hours: inside office sessions from the effective start.</li>
 *   <li>Due at the close of office of the due day, or at the same time of day ({@link DueAt}).</li>
 *   <li>REPLACE swaps the base limit (the last one wins); EXTEND and pauses of known length are
 *       added to the due instant in their own unit, in order; excluded intervals stop the clock:
 *       in day units the days after the pause starts up to the day it ends (that day too when the
 *       receipt day is not counted), in working hours exactly.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe: build one per pack and share it.
 */
public final class DeadlineEngine {
    private static final long MAX_PAUSE_DAYS = 3650;

    private final WorkingCalendar cal;
    private final DeadlineSettings settings;
    private final OfficeHours hours;
    private final Map<String, LegalBasis> bases;

    private DeadlineEngine(WorkingCalendar cal, DeadlineSettings settings) {
        this.settings = settings;
        this.hours = settings.officeHours();
        this.cal = cal.officeHours().equals(hours) ? cal : cal.withOfficeHours(hours);
        this.bases = Calendars.builtInBases();
    }

    /** An engine over a calendar with a pack's settings (the settings' office hours win). */
    public static DeadlineEngine of(WorkingCalendar calendar, DeadlineSettings settings) {
        return new DeadlineEngine(Objects.requireNonNull(calendar, "calendar"),
                Objects.requireNonNull(settings, "settings"));
    }

    /** The calendar used (with the settings' office hours). */
    public WorkingCalendar calendar() {
        return cal;
    }

    /** The settings used. */
    public DeadlineSettings settings() {
        return settings;
    }

    private void addBasis(List<LegalBasis> list, String id) {
        LegalBasis b = bases.get(id);
        if (b != null && !list.contains(b)) {
            list.add(b);
        }
    }

    /**
     * Computes the deadline of one dossier.
     *
     * @throws InvalidDeadlineException  for overlapping or absurd pause intervals, a cut-off outside
     *                                   office hours
     * @throws StepBudgetException       when the internal steps do not fit in the total
     * @throws DateOutOfRangeException   when an instant, or the due date, lies outside 1900..2199
     */
    public DeadlineResult compute(DeadlineRequest req) {
        Objects.requireNonNull(req, "req");
        ZonedDateTime zr = cal.local(req.receivedAt());
        LocalTime cutOff = req.cutOff() != null ? req.cutOff() : settings.cutOff();
        DeadlineSettings.checkCutOff(hours, cutOff);
        List<LegalBasis> counting = new ArrayList<>(4);

        // 1. the receipt day and the effective start
        LocalDate date = zr.toLocalDate();
        LocalDate receiptDay;
        LocalDateTime start;
        boolean receiptOnDayOff = false;
        if (!cal.isWorkingDay(date)) {
            LocalDate next = cal.nextWorkingDay(date);
            if (req.channel() == Channel.ONLINE) {
                addBasis(counting, "MOTCUA-ONLINE-OUT-OF-HOURS");
                receiptOnDayOff = settings.onlineOutOfHours() == OnlineOutOfHours.AS_RECEIVED;
            }
            receiptDay = receiptOnDayOff ? date : next;
            start = next.atTime(hours.opening());
        } else if (zr.toLocalTime().isAfter(cutOff)) {
            receiptDay = cal.nextWorkingDay(date);
            start = receiptDay.atTime(hours.opening());
            addBasis(counting, "LHT-2014-D5-3");
            addBasis(counting, "ND-23-2015-D7");
        } else {
            receiptDay = date;
            start = cal.normalise(zr.toLocalDateTime());
        }
        boolean counted = settings.countReceiptDay() && !receiptOnDayOff;
        long a = receiptDay.toEpochDay();
        long anchor = counted ? a - 1 : a;

        // 2. the limit, and the excluded intervals
        TimeLimit limit = req.base();
        List<DeadlineAdjustment> intervals = new ArrayList<>();
        for (DeadlineAdjustment adj : req.adjustments()) {
            if (adj.kind() == DeadlineAdjustment.Kind.REPLACE) {
                limit = adj.limit();
            } else if (adj.isInterval()) {
                intervals.add(adj);
            }
        }
        intervals.sort(Comparator.comparing(DeadlineAdjustment::from));
        List<LocalDateTime[]> localIntervals = new ArrayList<>(intervals.size());
        List<Long> excludedDays = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            DeadlineAdjustment p = intervals.get(i);
            if (i > 0 && p.from().isBefore(intervals.get(i - 1).to())) {
                throw new InvalidDeadlineException(String.format(Locale.ROOT,
                        "pause intervals overlap: [%s..%s] and [%s..%s]", intervals.get(i - 1).from(),
                        intervals.get(i - 1).to(), p.from(), p.to()));
            }
            LocalDateTime f = cal.local(p.from()).toLocalDateTime();
            LocalDateTime t = cal.local(p.to()).toLocalDateTime();
            long fd = f.toLocalDate().toEpochDay();
            long td = t.toLocalDate().toEpochDay();
            if (td - fd > MAX_PAUSE_DAYS) {
                throw new InvalidDeadlineException(String.format(Locale.ROOT,
                        "pause interval longer than %d days: [%s..%s]", MAX_PAUSE_DAYS, p.from(), p.to()));
            }
            localIntervals.add(new LocalDateTime[] {f, t});
            long last = settings.countReceiptDay() ? td - 1 : td;
            for (long d = fd + 1; d <= last; d++) {
                excludedDays.add(d);
            }
        }
        long[] ex = new long[excludedDays.size()];
        for (int i = 0; i < ex.length; i++) {
            ex[i] = excludedDays.get(i);
        }
        Arrays.sort(ex);
        WorkingCalendar.DaySet excl = ex.length == 0 ? null : new WorkingCalendar.DaySet(ex);

        // 3. the due instant of the (possibly replaced) limit
        boolean sameTime = settings.dueAt() == DueAt.SAME_TIME;
        long n = limit.amount();
        LocalDateTime due;
        switch (limit.unit()) {
            case WORKING_DAYS: {
                long d = sameTime ? cal.addWorkingDays(a, n, excl) : cal.addWorkingDays(anchor, n, excl);
                due = LocalDate.ofEpochDay(d).atTime(sameTime ? start.toLocalTime() : hours.closing());
                if (!counted && !sameTime) {
                    addBasis(counting, "BLDS-2015-D147-2");
                }
                break;
            }
            case CALENDAR_DAYS: {
                long d = anchor;
                for (long c = 0; c < n; ) {
                    d++;
                    if (excl == null || !excl.contains(d)) {
                        c++;
                    }
                }
                if (!cal.isWorking(d) || (excl != null && excl.contains(d))) {
                    d = cal.addWorkingDays(d, 1, excl);
                    addBasis(counting, "BLDS-2015-D148");
                }
                due = LocalDate.ofEpochDay(d).atTime(sameTime ? start.toLocalTime() : hours.closing());
                if (!counted) {
                    addBasis(counting, "BLDS-2015-D147-2");
                }
                break;
            }
            case SAME_DAY:
                due = start.toLocalDate().atTime(hours.closing());
                break;
            default:
                due = cal.addWorkingMinutes(start, n * 60, localIntervals);
        }

        // 4. extensions and pauses of known length, in order
        List<DeadlineAdjustment> applied = new ArrayList<>(req.adjustments().size());
        long pausedAdded = 0;
        for (DeadlineAdjustment adj : req.adjustments()) {
            applied.add(adj);
            if (adj.kind() == DeadlineAdjustment.Kind.REPLACE || adj.isInterval()) {
                continue;
            }
            LocalDateTime before = due;
            long m = adj.limit().amount();
            switch (adj.limit().unit()) {
                case WORKING_DAYS:
                    due = LocalDate.ofEpochDay(cal.addWorkingDays(due.toLocalDate().toEpochDay(), m, excl))
                            .atTime(due.toLocalTime());
                    break;
                case CALENDAR_DAYS: {
                    long d = due.toLocalDate().toEpochDay() + m;
                    if (!cal.isWorking(d) || (excl != null && excl.contains(d))) {
                        d = cal.addWorkingDays(d, 1, excl);
                    }
                    due = LocalDate.ofEpochDay(d).atTime(due.toLocalTime());
                    break;
                }
                default:
                    due = cal.addWorkingMinutes(due, m * 60, localIntervals);
            }
            if (adj.kind() == DeadlineAdjustment.Kind.PAUSE) {
                pausedAdded += cal.countWorkingDays(before.toLocalDate().toEpochDay(),
                        due.toLocalDate().toEpochDay(), excl);
                addBasis(counting, "ND-101-2024-PL1-V-II-10");
            }
        }

        // 5. what was counted
        long dueDay = due.toLocalDate().toEpochDay();
        boolean dayUnit = limit.unit() == DeadlineUnit.WORKING_DAYS || limit.unit() == DeadlineUnit.CALENDAR_DAYS;
        long from = dayUnit ? anchor : start.toLocalDate().toEpochDay() - 1;
        long ran = cal.countWorkingDays(from, dueDay, excl);
        long excludedWorking = excl == null ? 0 : cal.countWorkingDays(from, dueDay, null) - ran;
        long workingDaysCounted = ran - pausedAdded;

        // 6. internal steps, one after another, each within the total
        List<StepDue> steps = new ArrayList<>(req.steps().size());
        LocalDateTime cursor = start;
        boolean first = true;
        for (InternalStep step : req.steps()) {
            TimeLimit b = step.budget();
            long k = b.amount();
            LocalDateTime sd;
            long base = first ? anchor : cursor.toLocalDate().toEpochDay();
            switch (b.unit()) {
                case WORKING_DAYS: {
                    long d = sameTime ? cal.addWorkingDays(cursor.toLocalDate().toEpochDay(), k, excl)
                            : cal.addWorkingDays(base, k, excl);
                    sd = LocalDate.ofEpochDay(d).atTime(sameTime ? cal.normalise(cursor).toLocalTime() : hours.closing());
                    break;
                }
                case CALENDAR_DAYS: {
                    long d = base + k;
                    if (!cal.isWorking(d)) {
                        d = cal.addWorkingDays(d, 1, excl);
                    }
                    sd = LocalDate.ofEpochDay(d).atTime(hours.closing());
                    break;
                }
                case SAME_DAY:
                    sd = cal.normalise(cursor).toLocalDate().atTime(hours.closing());
                    break;
                default:
                    sd = cal.addWorkingMinutes(cursor, k * 60, localIntervals);
            }
            if (sd.isAfter(due)) {
                throw new StepBudgetException(step.id(), String.format(Locale.ROOT,
                        "internal step [%s] (%s) would be due [%s], after the dossier's due instant [%s]: "
                                + "the steps' budgets do not fit in the total [%s]",
                        step.id(), b.labelVi(), sd, due, limit.labelVi()));
            }
            steps.add(new StepDue(step, cursor.atZone(WorkingCalendar.VIETNAM), sd.atZone(WorkingCalendar.VIETNAM)));
            cursor = sd;
            first = false;
        }

        return new DeadlineResult(start.atZone(WorkingCalendar.VIETNAM), due.atZone(WorkingCalendar.VIETNAM),
                applied, limit, receiptDay, workingDaysCounted, excludedWorking + pausedAdded, steps, counting, null);
    }

    /**
     * Early, on time or late: LATE after the due instant; ON_TIME on the due date up to the due
     * instant; EARLY on an earlier date (Vietnam time).
     */
    public static ReturnStatus status(ZonedDateTime due, Instant returnedAt) {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(returnedAt, "returnedAt");
        if (returnedAt.isAfter(due.toInstant())) {
            return ReturnStatus.LATE;
        }
        LocalDate r = returnedAt.atZone(WorkingCalendar.VIETNAM).toLocalDate();
        return r.isBefore(due.withZoneSameInstant(WorkingCalendar.VIETNAM).toLocalDate())
                ? ReturnStatus.EARLY : ReturnStatus.ON_TIME;
    }

    /** The status of a result returned at {@code returnedAt} against the result's current due instant. */
    public ReturnStatus status(DeadlineResult result, Instant returnedAt) {
        return status(result.due(), returnedAt);
    }

    /**
     * Applies an apology-and-new-date letter (văn bản xin lỗi và hẹn lại ngày trả kết quả): the due
     * instant moves to {@code newDue}.
     *
     * @param result   the current deadline
     * @param issuedAt when the letter was issued
     * @param newDue   the new appointment: after the current due instant, inside office hours of a
     *                 working day
     * @param reasonVi the reason for the delay
     * @param basis    the letter's legal basis, or {@code null}
     * @throws InvalidDeadlineException when the new appointment is not later, or falls outside office hours
     */
    public DeadlineResult reschedule(DeadlineResult result, Instant issuedAt, Instant newDue, String reasonVi,
            LegalBasis basis) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(newDue, "newDue");
        if (reasonVi == null || reasonVi.isBlank()) {
            throw new InvalidDeadlineException("an apology letter must give the reason for the delay: [" + reasonVi + "]");
        }
        ZonedDateTime nd = cal.local(newDue);
        cal.local(issuedAt);
        if (!newDue.isAfter(result.due().toInstant())) {
            throw new InvalidDeadlineException(String.format(Locale.ROOT,
                    "new appointment [%s] must be after the current due instant [%s]", nd, result.due()));
        }
        if (!cal.isWithinOfficeHours(newDue)) {
            throw new InvalidDeadlineException(String.format(Locale.ROOT,
                    "new appointment must fall within office hours on a working day: [%s]", nd));
        }
        LocalDate oldDay = result.due().withZoneSameInstant(WorkingCalendar.VIETNAM).toLocalDate();
        boolean inTime = issuedAt.atZone(WorkingCalendar.VIETNAM).toLocalDate().isBefore(oldDay);
        long more = cal.workingDaysBetween(oldDay, nd.toLocalDate());
        return new DeadlineResult(result.effectiveStart(), nd, result.applied(), result.limit(), result.receiptDay(),
                result.workingDaysCounted() + more, result.pausedWorkingDays(), result.steps(),
                result.countingBases(), new Rescheduling(result.due(), nd, issuedAt, reasonVi, basis, inTime));
    }
}
