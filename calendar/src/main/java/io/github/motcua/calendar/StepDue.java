package io.github.motcua.calendar;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * An internal step with its own start and due instant (rõ thời gian).
 *
 * <p>Immutable and thread-safe.
 *
 * @param step  the step
 * @param start when it starts (the previous step's due instant, or the effective start)
 * @param due   when it is due
 */
public record StepDue(InternalStep step, ZonedDateTime start, ZonedDateTime due) {
    public StepDue {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
    }
}
