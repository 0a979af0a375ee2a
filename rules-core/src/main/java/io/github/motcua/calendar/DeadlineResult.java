package io.github.motcua.calendar;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The deadline section of a decision. CONTRACT STUB: owned by the calendar work, which adds
 * components (working days counted, per-step due instants, adjustments applied ...).
 *
 * @param effectiveStart when the clock starts (after the cut-off hour and days off)
 * @param due            when the result is due
 */
public record DeadlineResult(ZonedDateTime effectiveStart, ZonedDateTime due, List<DeadlineAdjustment> applied) {
    public DeadlineResult {
        applied = List.copyOf(applied);
    }
}
