package io.github.motcua.calendar;

import io.github.motcua.law.LegalBasis;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The deadline section of a decision (thời hạn giải quyết), in Vietnam time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param effectiveStart     when the clock is deemed to start: the receipt instant, or the opening
 *                           of the next working day when received after the cut-off hour or on a
 *                           day off
 * @param due                when the result is due (ngày hẹn trả kết quả)
 * @param applied            every adjustment applied, in order, each with its legal basis
 * @param limit              the limit counted: the procedure's base, or the last REPLACE
 * @param receiptDay         the day deemed the receipt day (day 0 unless the pack counts it)
 * @param workingDaysCounted working days on which the clock ran: from the day after the receipt day
 *                           (or the receipt day itself when counted) to the due day, without paused
 *                           days; for SAME_DAY and WORKING_HOURS limits, the working days touched
 * @param pausedWorkingDays  working days on which the clock stood still (excluded intervals and
 *                           pauses of known length)
 * @param steps              each internal step with its own due instant, in order
 * @param countingBases      the legal bases of how the count was made (cut-off, first day not counted,
 *                           end on a day off, online filing out of hours), some unverified
 * @param rescheduling       the apology-and-new-date that moved {@code due}, or {@code null}
 */
public record DeadlineResult(ZonedDateTime effectiveStart, ZonedDateTime due, List<DeadlineAdjustment> applied,
        TimeLimit limit, LocalDate receiptDay, long workingDaysCounted, long pausedWorkingDays, List<StepDue> steps,
        List<LegalBasis> countingBases, Rescheduling rescheduling) {
    public DeadlineResult {
        Objects.requireNonNull(effectiveStart, "effectiveStart");
        Objects.requireNonNull(due, "due");
        applied = List.copyOf(applied);
        steps = List.copyOf(steps == null ? List.of() : steps);
        countingBases = List.copyOf(countingBases == null ? List.of() : countingBases);
    }

    /** The contract's original three-part form; the other parts are empty or unknown. */
    public DeadlineResult(ZonedDateTime effectiveStart, ZonedDateTime due, List<DeadlineAdjustment> applied) {
        this(effectiveStart, due, applied, null, effectiveStart.toLocalDate(), 0, 0, List.of(), List.of(), null);
    }

    /** The status of a result returned at {@code returnedAt}, against {@link #due()}. */
    public ReturnStatus statusAt(java.time.Instant returnedAt) {
        return DeadlineEngine.status(due, returnedAt);
    }
}
