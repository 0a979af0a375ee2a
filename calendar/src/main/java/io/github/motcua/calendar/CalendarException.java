package io.github.motcua.calendar;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCarrier;
import java.util.List;
import java.util.Map;

/**
 * Root of every exception thrown by the working-day calendar and deadline engine (lịch làm việc,
 * thời hạn giải quyết). Unchecked: each subclass names what failed, and the message names the
 * offending value in brackets.
 *
 * <p>Immutable and thread-safe once constructed.
 */
public class CalendarException extends RuntimeException implements ProblemCarrier {
    private static final long serialVersionUID = 1L;
    /** The message from the calendar's bundle, or {@code null} for an exception built from a plain message. */
    private final transient Problem detail;

    /** @param message a plain message naming the offending value in brackets */
    public CalendarException(String message) {
        super(message);
        this.detail = null;
    }

    /**
     * @param message a plain message naming the offending value in brackets
     * @param cause   the underlying cause
     */
    public CalendarException(String message, Throwable cause) {
        super(message, cause);
        this.detail = null;
    }

    /**
     * An exception whose message comes from the calendar's bundle ({@link CalendarMessages}), in
     * Vietnamese and English; {@link #getMessage()} is the English one.
     */
    CalendarException(Problem detail, Throwable cause) {
        super(detail.messageEn(), cause);
        this.detail = detail;
    }

    /** The bundle key of each code's kind of problem ({@code "<kind>: {detail}"} in Vietnamese). */
    private static final Map<String, String> TITLES = Map.of(
            "CALENDAR", "TITLE_CALENDAR",
            "INVALID_DEADLINE", "TITLE_INVALID_DEADLINE",
            "DATE_OUT_OF_RANGE", "TITLE_DATE_OUT_OF_RANGE",
            "STEP_BUDGET", "TITLE_STEP_BUDGET",
            "CALENDAR_FILE", "TITLE_CALENDAR_FILE");

    /**
     * This exception as the kernel's problem: the code is the class name without {@code Exception} in
     * upper snake case (e.g. {@code INVALID_DEADLINE}); the message is the calendar bundle's, in
     * Vietnamese and English with the offending value in brackets. An exception built from a plain
     * (English) message has the kind of problem in Vietnamese followed by that message.
     */
    @Override
    public Problem toProblem() {
        return detail != null ? ProblemCarrier.recoded(this, detail)
                : ProblemCarrier.ofDetail(this, CalendarMessages.BUNDLE, TITLES, "TITLE_CALENDAR");
    }

    @Override
    public List<Problem> toProblems() {
        return List.of(toProblem());
    }
}
