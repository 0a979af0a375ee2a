package io.github.motcua.rules;

import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.calendar.StepDue;
import io.github.motcua.calendar.WorkingCalendar;
import io.github.motcua.rules.internal.StepEventsJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Tracking a dossier through its internal steps (theo dõi tiến độ xử lý hồ sơ: rõ người, rõ việc, rõ
 * thời gian): given the decision (its deadline and each step's planned due instant) and the step
 * events recorded so far, computes each step's due instant after the pauses, whether it is on time
 * or late and who holds it, the dossier's state, and — when the dossier will be late — the new date to
 * put in the apology letter ({@link DecisionDocuments#apology}).
 *
 * <p>Pauses: the time between SUPPLEMENT_REQUESTED and SUPPLEMENT_RECEIVED, and between PAUSED and
 * RESUMED (e.g. while the citizen pays financial obligations), is not counted: every due instant after
 * the pause starts moves by the working days the pause covered (the days after it started up to the
 * day it ended, as the deadline engine counts excluded periods).
 *
 * <p>Steps not counted in the limit (procedure.yaml {@code counted: false}: the tax authority's
 * determination of financial obligations, public posting at the commune) have their own due from their
 * own budget; the unit that overruns it is late, but its overrun is not the dossier's: every later due
 * and the appointment move by the working days of the overrun. Stateless, so thread-safe.
 */
public final class Tracking {
    private Tracking() {
    }

    /** What happened (sự kiện). */
    public enum Event { STARTED, FINISHED, SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, PAUSED, RESUMED }

    /**
     * One recorded event.
     *
     * @param step  the step id (procedure.yaml {@code steps})
     * @param event what happened
     * @param at    when, with its offset
     * @param by    who recorded it, or {@code null}
     */
    public record StepEvent(String step, Event event, OffsetDateTime at, String by) {
        public StepEvent {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A step's status at the tracking instant. */
    public enum StepStatus {
        NOT_STARTED, IN_PROGRESS, FINISHED_ON_TIME, FINISHED_LATE;

        /** Vietnamese label (rules-core's bundle, {@code label.step.*}). */
        public String labelVi() {
            return switch (this) {
                case NOT_STARTED -> RulesMessages.label(false, "label.step.NOT_STARTED");
                case IN_PROGRESS -> RulesMessages.label(false, "label.step.IN_PROGRESS");
                case FINISHED_ON_TIME -> RulesMessages.label(false, "label.step.FINISHED_ON_TIME");
                case FINISHED_LATE -> RulesMessages.label(false, "label.step.FINISHED_LATE");
            };
        }
    }

    /** The dossier's state (tình trạng hồ sơ). */
    public enum DossierState {
        PROCESSING_ON_TIME, PROCESSING_LATE, WAITING_FOR_CITIZEN, RETURNED_ON_TIME, RETURNED_LATE;

        /** Vietnamese label (rules-core's bundle, {@code label.state.*}). */
        public String labelVi() {
            return switch (this) {
                case PROCESSING_ON_TIME -> RulesMessages.label(false, "label.state.PROCESSING_ON_TIME");
                case PROCESSING_LATE -> RulesMessages.label(false, "label.state.PROCESSING_LATE");
                case WAITING_FOR_CITIZEN -> RulesMessages.label(false, "label.state.WAITING_FOR_CITIZEN");
                case RETURNED_ON_TIME -> RulesMessages.label(false, "label.state.RETURNED_ON_TIME");
                case RETURNED_LATE -> RulesMessages.label(false, "label.state.RETURNED_LATE");
            };
        }
    }

    /**
     * One step as tracked.
     *
     * @param id         step id
     * @param role       who is responsible (procedure.yaml {@code role})
     * @param nameVi     what is done
     * @param plannedDue the due instant the decision planned
     * @param due        the due instant after pauses
     * @param startedAt  when it started, or {@code null}
     * @param finishedAt when it finished, or {@code null}
     * @param status     its status
     * @param late       finished after {@code due}, or unfinished while the tracking instant is past it
     * @param by         who recorded its last event, or {@code null}
     * @param unit       the responsible unit (procedure.yaml {@code unit}), or {@code null}
     * @param counted    {@code false} for a step whose time the law does not count in the dossier's limit
     *                   (the tax authority's determination, public posting)
     */
    public record StepTrack(String id, String role, String nameVi, ZonedDateTime plannedDue, ZonedDateTime due,
            ZonedDateTime startedAt, ZonedDateTime finishedAt, StepStatus status, boolean late, String by, String unit,
            boolean counted) {
        /** A counted step without a unit (the shape before inter-agency steps). */
        public StepTrack(String id, String role, String nameVi, ZonedDateTime plannedDue, ZonedDateTime due,
                ZonedDateTime startedAt, ZonedDateTime finishedAt, StepStatus status, boolean late, String by) {
            this(id, role, nameVi, plannedDue, due, startedAt, finishedAt, status, late, by, null, true);
        }

        /** Who is responsible: "unit — role", or the role when it names the unit. */
        public String owner() {
            return unit == null || unit.isBlank() || role.contains(unit) ? role : unit + " — " + role;
        }
    }

    /**
     * The tracking report.
     *
     * @param procedure         the procedure code
     * @param asOf              the tracking instant
     * @param plannedDue        the appointment of the decision
     * @param due               the appointment after pauses
     * @param pausedWorkingDays working days not counted
     * @param steps             every step, in order
     * @param state             the dossier's state
     * @param lateRoles         who is late: the owner ("unit — role") of each late step, in step order
     * @param projectedReturn   when the result can be returned at the earliest, given the late steps and
     *                          the remaining budgets, or {@code null} once returned
     * @param apologyNeeded     the dossier is or will be late and not yet returned: an apology-and-new-date
     *                          letter is due, with {@code projectedReturn} as the new date
     */
    public record Report(String procedure, Instant asOf, ZonedDateTime plannedDue, ZonedDateTime due,
            long pausedWorkingDays, List<StepTrack> steps, DossierState state, List<String> lateRoles,
            ZonedDateTime projectedReturn, boolean apologyNeeded) {
        public Report {
            steps = List.copyOf(steps);
            lateRoles = List.copyOf(lateRoles);
        }
    }

    /**
     * The longest step-events JSON text {@link #parse(String)} accepts, in characters (UTF-16 units); a
     * longer one is refused as {@code STEP_EVENTS_TOO_LARGE}. A caller reading a file can stop at
     * {@code 3 * MAX_EVENTS_JSON_CHARS} bytes.
     */
    public static final int MAX_EVENTS_JSON_CHARS = 1_000_000;

    /**
     * Parses step events JSON (a list of {@code {step, event, at, by}}), validated against
     * {@code io/github/motcua/rules/schema/step-events.schema.json}.
     *
     * @throws InvalidDossierException naming each bad value by its JSON pointer
     * @throws NullPointerException    when {@code json} is {@code null}
     */
    public static List<StepEvent> parse(String json) {
        return StepEventsJson.parse(json);
    }

    /**
     * Tracks a decision's steps.
     *
     * @param decision an ELIGIBLE decision whose deadline has steps
     * @param engine   the pack's deadline engine ({@link Engine#deadlineEngine()})
     * @param events   the events so far, any order
     * @param now      the tracking instant
     * @throws IllegalArgumentException when the decision has no steps, or an event names an unknown step
     */
    public static Report track(Decision decision, DeadlineEngine engine, List<StepEvent> events, Instant now) {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(events, "events"); // no events yet is List.of()
        Objects.requireNonNull(now, "now");
        if (decision.deadline() == null || decision.deadline().steps().isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "tracking needs a decision with internal steps: [%s]", decision.eligibility()));
        }
        WorkingCalendar cal = engine.calendar();
        List<StepDue> planned = decision.deadline().steps();
        Set<String> ids = new LinkedHashSet<>();
        planned.forEach(s -> ids.add(s.step().id()));
        List<StepEvent> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> a.at().toInstant().compareTo(b.at().toInstant()));
        List<Instant[]> pauses = new ArrayList<>();
        Instant openSince = null;
        for (StepEvent e : sorted) {
            if (!ids.contains(e.step())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "event for an unknown step [%s]; the procedure's steps are %s", e.step(), ids));
            }
            switch (e.event()) {
                case SUPPLEMENT_REQUESTED, PAUSED -> openSince = openSince == null ? e.at().toInstant() : openSince;
                case SUPPLEMENT_RECEIVED, RESUMED -> {
                    if (openSince != null) {
                        pauses.add(new Instant[] {openSince, e.at().toInstant()});
                        openSince = null;
                    }
                }
                default -> { }
            }
        }
        if (openSince != null && now.isAfter(openSince)) {
            pauses.add(new Instant[] {openSince, now});
        }
        long paused = 0;
        for (Instant[] p : pauses) {
            paused += cal.workingDaysBetween(p[0], p[1]);
        }
        List<StepTrack> out = new ArrayList<>();
        List<String> lateRoles = new ArrayList<>();
        StepTrack current = null;
        int currentIndex = -1;
        long overrun = 0; // working days by which steps not counted overran their own budget
        for (int i = 0; i < planned.size(); i++) {
            StepDue s = planned.get(i);
            String id = s.step().id();
            ZonedDateTime due = plus(cal, shift(cal, s.due(), pauses), overrun);
            ZonedDateTime started = null;
            ZonedDateTime finished = null;
            String by = null;
            for (StepEvent e : sorted) {
                if (!e.step().equals(id)) {
                    continue;
                }
                if (e.event() == Event.STARTED && started == null) {
                    started = cal.local(e.at().toInstant());
                } else if (e.event() == Event.FINISHED) {
                    finished = cal.local(e.at().toInstant());
                }
                by = e.by() != null ? e.by() : by;
            }
            StepStatus status;
            boolean late;
            if (finished != null) {
                late = finished.toInstant().isAfter(due.toInstant());
                status = late ? StepStatus.FINISHED_LATE : StepStatus.FINISHED_ON_TIME;
            } else {
                late = now.isAfter(due.toInstant());
                status = started != null ? StepStatus.IN_PROGRESS : StepStatus.NOT_STARTED;
            }
            StepTrack t = new StepTrack(id, s.step().role(), s.step().nameVi(), s.due(), due, started, finished, status,
                    late, by, s.step().unit(), s.step().counted());
            out.add(t);
            if (late && !lateRoles.contains(t.owner())) {
                lateRoles.add(t.owner());
            }
            if (late && !s.step().counted()) {
                // its unit is late, the dossier is not: its clock stays stopped until the step ends
                Instant end = finished != null ? finished.toInstant() : now;
                overrun += cal.workingDaysBetween(due.toInstant(), end);
            }
            if (finished == null && current == null) {
                current = t;
                currentIndex = i;
            }
        }
        ZonedDateTime due = plus(cal, shift(cal, decision.deadline().due(), pauses), overrun);
        StepTrack last = out.get(out.size() - 1);
        DossierState state;
        ZonedDateTime projected = null;
        if (last.finishedAt() != null) {
            state = last.finishedAt().toInstant().isAfter(due.toInstant()) ? DossierState.RETURNED_LATE
                    : DossierState.RETURNED_ON_TIME;
        } else {
            projected = project(engine, planned, currentIndex, current, due, now);
            if (openSince != null) {
                state = DossierState.WAITING_FOR_CITIZEN;
            } else if (now.isAfter(due.toInstant()) || projected.toInstant().isAfter(due.toInstant())) {
                state = DossierState.PROCESSING_LATE;
            } else {
                state = DossierState.PROCESSING_ON_TIME;
            }
        }
        boolean apology = last.finishedAt() == null && openSince == null && projected != null
                && projected.toInstant().isAfter(due.toInstant());
        return new Report(decision.procedure(), now, decision.deadline().due(), due, paused, out, state, lateRoles,
                projected, apology);
    }

    /**
     * The earliest return: from the current step (at the later of now and its due when it is late,
     * else its planned due) add the remaining steps' budgets in working time; on time when no counted
     * step is late.
     */
    private static ZonedDateTime project(DeadlineEngine engine, List<StepDue> planned, int currentIndex,
            StepTrack current, ZonedDateTime due, Instant now) {
        if (current == null || !current.late() || !current.counted()) {
            return due; // a step not counted that overruns moves the appointment with it (see track)
        }
        WorkingCalendar cal = engine.calendar();
        // the late step is assumed to finish by the end of its next working day from now
        ZonedDateTime t = cal.local(now);
        java.time.LocalDate day = cal.isWorkingDay(t.toLocalDate()) ? t.toLocalDate() : cal.nextWorkingDay(t.toLocalDate());
        day = cal.plusWorkingDays(day, 1);
        ZonedDateTime end = day.atTime(cal.officeHours().closing()).atZone(cal.zone());
        for (int i = currentIndex + 1; i < planned.size(); i++) {
            io.github.motcua.calendar.TimeLimit b = planned.get(i).step().budget();
            if (b.unit() == DeadlineUnit.WORKING_DAYS) {
                end = cal.plusWorkingDays(end.toLocalDate(), b.amount()).atTime(end.toLocalTime()).atZone(cal.zone());
            } else if (b.unit() == DeadlineUnit.WORKING_HOURS) {
                end = cal.plusWorkingHours(end.toInstant(), java.time.Duration.ofHours(b.amount()));
            } else if (b.unit() == DeadlineUnit.CALENDAR_DAYS) {
                end = end.plusDays(b.amount());
            }
        }
        return end.isAfter(due) ? end : due;
    }

    /** {@code t} plus {@code days} working days, at the same time of day. */
    private static ZonedDateTime plus(WorkingCalendar cal, ZonedDateTime t, long days) {
        if (days == 0) {
            return t;
        }
        ZonedDateTime local = cal.local(t.toInstant());
        return cal.plusWorkingDays(local.toLocalDate(), days).atTime(local.toLocalTime()).atZone(cal.zone());
    }

    /** Moves {@code t} by the working days of every pause that started before it. */
    private static ZonedDateTime shift(WorkingCalendar cal, ZonedDateTime t, List<Instant[]> pauses) {
        long days = 0;
        for (Instant[] p : pauses) {
            if (p[0].isBefore(t.toInstant())) {
                days += cal.workingDaysBetween(p[0], p[1]);
            }
        }
        if (days == 0) {
            return t;
        }
        ZonedDateTime local = cal.local(t.toInstant());
        return cal.plusWorkingDays(local.toLocalDate(), days).atTime(local.toLocalTime()).atZone(cal.zone());
    }
}
