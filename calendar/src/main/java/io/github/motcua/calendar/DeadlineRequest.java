package io.github.motcua.calendar;

import io.github.motcua.dossier.Channel;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * What the deadline engine needs to know about one dossier.
 *
 * <p>Immutable and thread-safe.
 *
 * @param receivedAt  when the complete dossier was received (tiếp nhận hồ sơ đầy đủ)
 * @param channel     desk, online or post
 * @param base        the procedure's time limit
 * @param cutOff      the procedure's cut-off hour with its legal basis, {@link CutOff#none()} when no cut-off
 *                    applies to it, or {@code null} for the engine's default
 *                    ({@link DeadlineSettings#cutOff()}, citing the civil-status and certification bases)
 * @param adjustments extensions, replacements, pauses of known length and excluded intervals, in the
 *                    order rules took them
 * @param steps       internal steps in order, may be empty
 */
public record DeadlineRequest(Instant receivedAt, Channel channel, TimeLimit base, CutOff cutOff,
        List<DeadlineAdjustment> adjustments, List<InternalStep> steps) {
    public DeadlineRequest {
        if (receivedAt == null) {
            throw new InvalidDeadlineException(CalendarMessages.problem("NO_RECEIVED_AT"));
        }
        if (channel == null) {
            throw new InvalidDeadlineException(CalendarMessages.problem("NO_CHANNEL"));
        }
        if (base == null) {
            throw new InvalidDeadlineException(CalendarMessages.problem("NO_BASE_LIMIT"));
        }
        adjustments = List.copyOf(Objects.requireNonNullElse(adjustments, List.of()));
        steps = List.copyOf(Objects.requireNonNullElse(steps, List.of()));
    }

    /** A request with the engine's default cut-off, no adjustments or steps. */
    public static DeadlineRequest of(Instant receivedAt, Channel channel, TimeLimit base) {
        return new DeadlineRequest(receivedAt, channel, base, null, List.of(), List.of());
    }

    /**
     * A copy with the procedure's cut-off hour and its legal basis, or {@link CutOff#none()}, or
     * {@code null} for the engine's default.
     */
    public DeadlineRequest withCutOff(CutOff v) {
        return new DeadlineRequest(receivedAt, channel, base, v, adjustments, steps);
    }

    /**
     * A copy with a cut-off hour that cites the engine's default bases (Luật Hộ tịch 2014 Art. 5(3),
     * NĐ 23/2015 Art. 7), or the engine's default for {@code null}.
     *
     * @deprecated the hour's legal basis depends on the procedure: use {@link #withCutOff(CutOff)}
     */
    @Deprecated
    public DeadlineRequest withCutOff(LocalTime v) {
        return withCutOff(v == null ? null : new CutOff(v, DeadlineEngine.defaultCutOffBases()));
    }

    /** A copy with these adjustments. */
    public DeadlineRequest withAdjustments(List<DeadlineAdjustment> v) {
        return new DeadlineRequest(receivedAt, channel, base, cutOff, v, steps);
    }

    /** A copy with these steps. */
    public DeadlineRequest withSteps(List<InternalStep> v) {
        return new DeadlineRequest(receivedAt, channel, base, cutOff, adjustments, v);
    }
}
