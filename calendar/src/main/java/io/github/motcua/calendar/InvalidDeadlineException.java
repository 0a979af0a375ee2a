package io.github.motcua.calendar;

/**
 * A deadline request or one of its parts is invalid: a negative or absurd time limit, a reversed or
 * overlapping pause interval, a settings value that makes no sense (cut-off outside office hours).
 *
 * <p>Immutable and thread-safe.
 */
public class InvalidDeadlineException extends CalendarException {
    private static final long serialVersionUID = 1L;

    /** @param message names the offending value in brackets */
    public InvalidDeadlineException(String message) {
        super(message);
    }

    /** A message of the calendar's bundle, in Vietnamese and English. */
    InvalidDeadlineException(io.github.motcua.kernel.Problem detail) {
        super(detail, null);
    }
}
