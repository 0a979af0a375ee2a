package io.github.motcua.calendar;

import io.github.motcua.dossier.Channel;
import io.github.motcua.law.LegalBasis;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
    /**
     * The legal bases {@link #compute} cites for its counting choices (deadline-bases.yaml). Each must
     * be there: a missing one stops the engine from being built (a load problem), rather than a
     * deadline silently printed without its basis.
     */
    static final List<String> COUNTING_BASIS_IDS = List.of("BLDS-2015-D147-2", "BLDS-2015-D148", "LHT-2014-D5-3",
            "ND-23-2015-D7", "MOTCUA-ONLINE-OUT-OF-HOURS", "ND-101-2024-PL1-V-II-10");
    /** The bases of the default cut-off ({@link DeadlineSettings#cutOff()}, a request that names none). */
    private static final List<String> DEFAULT_CUT_OFF_BASIS_IDS = List.of("LHT-2014-D5-3", "ND-23-2015-D7");

    private final WorkingCalendar cal;
    private final DeadlineSettings settings;
    private final OfficeHours hours;
    private final Map<String, LegalBasis> bases;
    private final CutOff defaultCutOff;

    private DeadlineEngine(WorkingCalendar cal, DeadlineSettings settings) {
        this.settings = settings;
        this.hours = settings.officeHours();
        this.cal = cal.officeHours().equals(hours) ? cal : cal.withOfficeHours(hours);
        this.bases = checkBases(Calendars.builtInBases());
        this.defaultCutOff = new CutOff(settings.cutOff(), DEFAULT_CUT_OFF_BASIS_IDS.stream().map(bases::get).toList());
    }

    /**
     * {@code bases}, when it holds every id of {@link #COUNTING_BASIS_IDS}.
     *
     * @throws CalendarException naming the missing ids
     */
    static Map<String, LegalBasis> checkBases(Map<String, LegalBasis> bases) {
        List<String> missing = COUNTING_BASIS_IDS.stream().filter(id -> !bases.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new CalendarException(CalendarMessages.problem("BASES_MISSING", "missing", missing), null);
        }
        return bases;
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

    /**
     * The cut-off a request without its own uses: {@link DeadlineSettings#cutOff()} citing Luật Hộ tịch
     * 2014 Art. 5(3) and NĐ 23/2015 Art. 7 (an HTTP caller's hour cites the same bases).
     */
    public CutOff defaultCutOff() {
        return defaultCutOff;
    }

    /** The bases the default cut-off cites: Luật Hộ tịch 2014 Art. 5(3) and NĐ 23/2015 Art. 7. */
    static List<LegalBasis> defaultCutOffBases() {
        Map<String, LegalBasis> all = checkBases(Calendars.builtInBases());
        return DEFAULT_CUT_OFF_BASIS_IDS.stream().map(all::get).toList();
    }

    private static void addBasis(List<LegalBasis> list, LegalBasis b) {
        if (!list.contains(b)) {
            list.add(b);
        }
    }

    private void addBasis(List<LegalBasis> list, String id) {
        LegalBasis b = bases.get(id);
        if (b == null) { // checked when the engine was built: an id not in COUNTING_BASIS_IDS is a bug here
            throw new IllegalStateException("legal basis [" + id + "] is not in COUNTING_BASIS_IDS");
        }
        if (!list.contains(b)) {
            list.add(b);
        }
    }

    /**
     * Computes the deadline of one dossier, in phases: the receipt, the limit and the excluded
     * periods, the base due instant, extensions and pauses, what was counted, the internal steps.
     * Every count goes through the one {@link #advance} per time unit.
     *
     * @throws InvalidDeadlineException  for overlapping or absurd pause intervals, a cut-off outside
     *                                   office hours
     * @throws StepBudgetException       when the internal steps do not fit in the total
     * @throws DateOutOfRangeException   when an instant, or the due date, lies outside 1900..2199
     */
    public DeadlineResult compute(DeadlineRequest req) {
        return compute(req, null);
    }

    /**
     * The same as {@link #compute(DeadlineRequest)}, reading the steps' budgets from {@code plan} when the request's
     * steps are the very list the plan was made of ({@link StepPlan#steps()}); otherwise, or when {@code plan} is
     * {@code null}, the plan is not used. The result is the same either way.
     */
    public DeadlineResult compute(DeadlineRequest req, StepPlan plan) {
        Objects.requireNonNull(req, "req");
        if (plan != null && plan.steps() != req.steps()) {
            plan = null;
        }
        List<LegalBasis> counting = new ArrayList<>(4);
        Receipt receipt = receipt(req, counting);
        TimeLimit limit = limit(req);
        Excluded excluded = excluded(req, new long[0]);
        // steps not counted (the tax authority's days, public posting): the clock stops over them
        List<DeadlineAdjustment> stepPeriods = new ArrayList<>();
        excluded = plan != null && plan.allCounted() ? excluded : uncountedSteps(req, receipt, excluded, stepPeriods);
        LocalDateTime due = baseDue(receipt, limit, excluded, counting);
        long pausedAdded = 0;
        for (DeadlineAdjustment adj : req.adjustments()) {
            if (adj.kind() == DeadlineAdjustment.Kind.REPLACE || adj.isInterval()) {
                continue;
            }
            LocalDateTime before = due;
            // an extension or a pause of known length is added to the due instant in its own unit
            due = advance(adj.limit(), due, due.toLocalDate().toEpochDay(), due.toLocalTime(), excluded, null);
            if (adj.kind() == DeadlineAdjustment.Kind.PAUSE) {
                pausedAdded += cal.countWorkingDays(before.toLocalDate().toEpochDay(), due.toLocalDate().toEpochDay(),
                        excluded.days);
                addBasis(counting, "ND-101-2024-PL1-V-II-10");
            }
        }
        Counted counted = counted(receipt, limit, due, excluded);
        List<StepDue> steps = plan == null ? steps(req, receipt, limit, due, excluded)
                : steps(plan, receipt, limit, due, excluded);
        List<DeadlineAdjustment> applied = new ArrayList<>(req.adjustments());
        applied.addAll(stepPeriods);
        return new DeadlineResult(receipt.start.atZone(WorkingCalendar.VIETNAM), due.atZone(WorkingCalendar.VIETNAM),
                List.copyOf(applied), limit, receipt.day, counted.ran - pausedAdded,
                counted.excludedWorking + pausedAdded, steps, counting, null);
    }

    /**
     * Where counting starts.
     *
     * @param day     the receipt day (ngày tiếp nhận)
     * @param start   the effective start, inside office hours
     * @param counted whether the receipt day is day 1
     * @param anchor  the epoch day before the first counted day
     */
    private record Receipt(LocalDate day, LocalDateTime start, boolean counted, long anchor) {
    }

    /** The clock stops here: whole days for day units, exact intervals for working hours. */
    private record Excluded(WorkingCalendar.DaySet days, List<LocalDateTime[]> intervals) {
        boolean contains(long day) {
            return days != null && days.contains(day);
        }
    }

    /** @param ran working days from the anchor to the due day; @param excludedWorking of those, stopped */
    private record Counted(long ran, long excludedWorking) {
    }

    /**
     * Phase 1: the receipt day and the effective start, after the cut-off hour and days off. The cut-off
     * is the request's, citing the bases it names; without one ({@link CutOff#none()}) a dossier received
     * on a working day is received that day, its clock starting at the next office session.
     */
    private Receipt receipt(DeadlineRequest req, List<LegalBasis> counting) {
        ZonedDateTime zr = cal.local(req.receivedAt());
        CutOff cut = req.cutOff() != null ? req.cutOff() : defaultCutOff;
        LocalTime cutOff = cut.at();
        if (cutOff != null) {
            DeadlineSettings.checkCutOff(hours, cutOff);
        }
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
        } else if (cutOff != null && zr.toLocalTime().isAfter(cutOff)) {
            receiptDay = cal.nextWorkingDay(date);
            start = receiptDay.atTime(hours.opening());
            cut.bases().forEach(b -> addBasis(counting, b));
        } else {
            receiptDay = date;
            start = cal.normalise(zr.toLocalDateTime());
        }
        boolean counted = settings.countReceiptDay() && !receiptOnDayOff;
        long a = receiptDay.toEpochDay();
        return new Receipt(receiptDay, start, counted, counted ? a - 1 : a);
    }

    /** Phase 2a: the limit, the last REPLACE winning. */
    private static TimeLimit limit(DeadlineRequest req) {
        TimeLimit limit = req.base();
        for (DeadlineAdjustment adj : req.adjustments()) {
            if (adj.kind() == DeadlineAdjustment.Kind.REPLACE) {
                limit = adj.limit();
            }
        }
        return limit;
    }

    /**
     * Phase 2b: the excluded periods. In day units the days after a period starts up to the day it
     * ends (that day too when the receipt day is not counted); in working hours exactly.
     */
    private Excluded excluded(DeadlineRequest req, long[] stepDays) {
        List<DeadlineAdjustment> intervals = new ArrayList<>();
        for (DeadlineAdjustment adj : req.adjustments()) {
            if (adj.kind() != DeadlineAdjustment.Kind.REPLACE && adj.isInterval()) {
                intervals.add(adj);
            }
        }
        intervals.sort(Comparator.comparing(DeadlineAdjustment::from));
        List<LocalDateTime[]> local = new ArrayList<>(intervals.size());
        List<Long> excludedDays = new ArrayList<>();
        for (int i = 0; i < intervals.size(); i++) {
            DeadlineAdjustment p = intervals.get(i);
            if (i > 0 && p.from().isBefore(intervals.get(i - 1).to())) {
                throw new InvalidDeadlineException(CalendarMessages.problem("PAUSES_OVERLAP", "from1", intervals.get(i - 1).from(),
                        "to1", intervals.get(i - 1).to(), "from2", p.from(), "to2", p.to()));
            }
            LocalDateTime f = cal.local(p.from()).toLocalDateTime();
            LocalDateTime t = cal.local(p.to()).toLocalDateTime();
            long fd = f.toLocalDate().toEpochDay();
            long td = t.toLocalDate().toEpochDay();
            if (td - fd > MAX_PAUSE_DAYS) {
                throw new InvalidDeadlineException(CalendarMessages.problem("PAUSE_TOO_LONG", "max", MAX_PAUSE_DAYS, "from", p.from(), "to", p.to()));
            }
            local.add(new LocalDateTime[] {f, t});
            long last = settings.countReceiptDay() ? td - 1 : td;
            for (long d = fd + 1; d <= last; d++) {
                excludedDays.add(d);
            }
        }
        for (long d : stepDays) {
            excludedDays.add(d);
        }
        long[] ex = excludedDays.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        return new Excluded(ex.length == 0 ? null : new WorkingCalendar.DaySet(ex), local);
    }

    /** Phase 3: the due instant of the (possibly replaced) limit, with the law of how days are counted. */
    private LocalDateTime baseDue(Receipt r, TimeLimit limit, Excluded excluded, List<LegalBasis> counting) {
        boolean sameTime = settings.dueAt() == DueAt.SAME_TIME;
        LocalTime dayTime = sameTime ? r.start.toLocalTime() : hours.closing();
        // due at the same time of day counts working days from the receipt day itself
        long anchor = sameTime && limit.unit() == DeadlineUnit.WORKING_DAYS ? r.day.toEpochDay() : r.anchor;
        LocalDateTime due = advance(limit, r.start, anchor, dayTime, excluded, counting);
        if (!r.counted && (limit.unit() == DeadlineUnit.CALENDAR_DAYS
                || (limit.unit() == DeadlineUnit.WORKING_DAYS && !sameTime))) {
            addBasis(counting, "BLDS-2015-D147-2");
        }
        return due;
    }

    /** Phase 5: the working days the dossier's clock ran, and those stopped by excluded periods. */
    private Counted counted(Receipt r, TimeLimit limit, LocalDateTime due, Excluded excluded) {
        long dueDay = due.toLocalDate().toEpochDay();
        boolean dayUnit = limit.unit() == DeadlineUnit.WORKING_DAYS || limit.unit() == DeadlineUnit.CALENDAR_DAYS;
        long from = dayUnit ? r.anchor : r.start.toLocalDate().toEpochDay() - 1;
        long ran = cal.countWorkingDays(from, dueDay, excluded.days);
        long excludedWorking = excluded.days == null ? 0 : cal.countWorkingDays(from, dueDay, null) - ran;
        return new Counted(ran, excludedWorking);
    }

    /**
     * Phase 2c: the internal steps that are not counted ({@link InternalStep#counted()} false: the tax
     * authority's determination of financial obligations, public posting). Walking the steps from the
     * effective start, each such step runs its own budget from the end of the step before it, and the
     * days it covers — the days after it starts up to the day it ends — are excluded from the dossier's
     * count, so the appointment moves by them and the counted steps' budgets still add up to the limit.
     * Each becomes an excluded period in {@code applied} with the step's reason and basis.
     */
    private Excluded uncountedSteps(DeadlineRequest req, Receipt r, Excluded excluded, List<DeadlineAdjustment> out) {
        if (req.steps().stream().allMatch(InternalStep::counted)) {
            return excluded;
        }
        Excluded none = new Excluded(null, List.of());
        List<Long> stepDays = new ArrayList<>();
        Excluded ex = excluded;
        LocalDateTime cursor = r.start;
        boolean first = true;
        for (InternalStep step : req.steps()) {
            LocalDateTime sd = stepDue(step, r, cursor, first, step.counted() ? ex : none);
            if (!step.counted() && sd.isAfter(cursor)) {
                long from = cursor.toLocalDate().toEpochDay();
                long to = sd.toLocalDate().toEpochDay();
                if (to - from > MAX_PAUSE_DAYS) {
                    throw new InvalidDeadlineException(CalendarMessages.problem("STEP_NOT_COUNTED_TOO_LONG", "id", step.id(),
                            "max", MAX_PAUSE_DAYS));
                }
                for (long d = from + 1; d <= to; d++) {
                    stepDays.add(d);
                }
                out.add(DeadlineAdjustment.excluded(cursor.atZone(WorkingCalendar.VIETNAM).toInstant(),
                        sd.atZone(WorkingCalendar.VIETNAM).toInstant(),
                        CalendarMessages.vi("label.stepNotCounted", "step", step.nameVi(), "owner", step.owner(),
                                "budget", step.budget().labelVi()),
                        CalendarMessages.en("label.stepNotCounted", "step", step.nameVi(), "owner", step.owner(),
                                "budget", step.budget().labelEn()), step.basis()));
                ex = excluded(req, stepDays.stream().mapToLong(Long::longValue).toArray());
            }
            cursor = sd;
            first = false;
        }
        return ex;
    }

    /** The due instant of one step starting at {@code cursor}. */
    private LocalDateTime stepDue(InternalStep step, Receipt r, LocalDateTime cursor, boolean first, Excluded excluded) {
        TimeLimit b = step.budget();
        return stepDue(b.amount(), b.unit(), r, cursor, first, excluded);
    }

    /** A step's due instant from its budget's amount and unit. */
    private LocalDateTime stepDue(long amount, DeadlineUnit unit, Receipt r, LocalDateTime cursor, boolean first,
            Excluded excluded) {
        boolean sameTime = settings.dueAt() == DueAt.SAME_TIME;
        boolean sameTimeDays = sameTime && unit == DeadlineUnit.WORKING_DAYS;
        long anchor = sameTimeDays ? cursor.toLocalDate().toEpochDay() : first ? r.anchor : cursor.toLocalDate().toEpochDay();
        LocalTime dayTime = sameTimeDays ? cal.normalise(cursor).toLocalTime() : hours.closing();
        return advance(amount, unit, cursor, anchor, dayTime, excluded, null);
    }

    /** Phase 6: internal steps, one after another, each within the total. */
    private List<StepDue> steps(DeadlineRequest req, Receipt r, TimeLimit limit, LocalDateTime due, Excluded excluded) {
        List<StepDue> steps = new ArrayList<>(req.steps().size());
        LocalDateTime cursor = r.start;
        boolean first = true;
        Excluded none = new Excluded(null, List.of());
        for (InternalStep step : req.steps()) {
            TimeLimit b = step.budget();
            LocalDateTime sd = stepDue(step, r, cursor, first, step.counted() ? excluded : none);
            if (sd.isAfter(due)) {
                throw new StepBudgetException(step.id(), CalendarMessages.problem("STEP_OVER_BUDGET", "step", step.id(), "budget", b.labelVi(),
                        "stepDue", sd, "due", due, "limit", limit.labelVi()));
            }
            steps.add(new StepDue(step, cursor.atZone(WorkingCalendar.VIETNAM), sd.atZone(WorkingCalendar.VIETNAM)));
            cursor = sd;
            first = false;
        }
        return steps;
    }

    /**
     * Phase 6 with the steps' plan: the same due instants as {@link #steps(DeadlineRequest, Receipt, TimeLimit,
     * LocalDateTime, Excluded)}, each step's budget read from the plan (a step itself only to name it when it does
     * not fit).
     */
    private List<StepDue> steps(StepPlan plan, Receipt r, TimeLimit limit, LocalDateTime due, Excluded excluded) {
        int n = plan.size();
        List<StepDue> steps = new ArrayList<>(n);
        LocalDateTime cursor = r.start;
        Excluded none = new Excluded(null, List.of());
        for (int i = 0; i < n; i++) {
            LocalDateTime sd = stepDue(plan.amount(i), plan.unit(i), r, cursor, i == 0, plan.counted(i) ? excluded : none);
            if (sd.isAfter(due)) {
                InternalStep step = plan.step(i);
                throw new StepBudgetException(step.id(), CalendarMessages.problem("STEP_OVER_BUDGET", "step", step.id(), "budget",
                        step.budget().labelVi(), "stepDue", sd, "due", due, "limit", limit.labelVi()));
            }
            steps.add(new StepDue(plan.step(i), cursor.atZone(WorkingCalendar.VIETNAM), sd.atZone(WorkingCalendar.VIETNAM)));
            cursor = sd;
        }
        return steps;
    }

    /**
     * The one advance per time unit: the instant {@code limit} after {@code from}.
     * <ul>
     * <li>working days: the N-th working day after {@code anchorDay} that is not excluded, at {@code dayTime};</li>
     * <li>calendar days: the N-th day after {@code anchorDay} that is not excluded, moved to the next
     * working day when it is a day off or excluded (Civil Code 2015 Art. 148; its basis goes to
     * {@code movedBasis} when given), at {@code dayTime};</li>
     * <li>same day: the close of office of the day {@code from} falls in;</li>
     * <li>working hours: inside office sessions from {@code from}, skipping excluded intervals exactly.</li>
     * </ul>
     */
    private LocalDateTime advance(TimeLimit limit, LocalDateTime from, long anchorDay, LocalTime dayTime,
            Excluded excluded, List<LegalBasis> movedBasis) {
        return advance(limit.amount(), limit.unit(), from, anchorDay, dayTime, excluded, movedBasis);
    }

    private LocalDateTime advance(long n, DeadlineUnit unit, LocalDateTime from, long anchorDay, LocalTime dayTime,
            Excluded excluded, List<LegalBasis> movedBasis) {
        switch (unit) {
            case WORKING_DAYS:
                return LocalDate.ofEpochDay(cal.addWorkingDays(anchorDay, n, excluded.days)).atTime(dayTime);
            case CALENDAR_DAYS: {
                long d = anchorDay;
                for (long c = 0; c < n; ) {
                    d++;
                    if (!excluded.contains(d)) {
                        c++;
                    }
                }
                if (!cal.isWorking(d) || excluded.contains(d)) {
                    d = cal.addWorkingDays(d, 1, excluded.days);
                    if (movedBasis != null) {
                        addBasis(movedBasis, "BLDS-2015-D148");
                    }
                }
                return LocalDate.ofEpochDay(d).atTime(dayTime);
            }
            case SAME_DAY:
                return cal.normalise(from).toLocalDate().atTime(hours.closing());
            default:
                return cal.addWorkingMinutes(from, n * 60, excluded.intervals);
        }
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
            throw new InvalidDeadlineException(CalendarMessages.problem("APOLOGY_NO_REASON", "reason", reasonVi));
        }
        ZonedDateTime nd = cal.local(newDue);
        cal.local(issuedAt);
        if (!newDue.isAfter(result.due().toInstant())) {
            throw new InvalidDeadlineException(CalendarMessages.problem("NEW_APPOINTMENT_NOT_LATER", "appointment", nd, "due", result.due()));
        }
        if (!cal.isWithinOfficeHours(newDue)) {
            throw new InvalidDeadlineException(CalendarMessages.problem("NEW_APPOINTMENT_OUT_OF_HOURS", "appointment", nd));
        }
        LocalDate oldDay = result.due().withZoneSameInstant(WorkingCalendar.VIETNAM).toLocalDate();
        boolean inTime = issuedAt.atZone(WorkingCalendar.VIETNAM).toLocalDate().isBefore(oldDay);
        long more = cal.workingDaysBetween(oldDay, nd.toLocalDate());
        return new DeadlineResult(result.effectiveStart(), nd, result.applied(), result.limit(), result.receiptDay(),
                result.workingDaysCounted() + more, result.pausedWorkingDays(), result.steps(),
                result.countingBases(), new Rescheduling(result.due(), nd, issuedAt, reasonVi, basis, inTime));
    }
}
