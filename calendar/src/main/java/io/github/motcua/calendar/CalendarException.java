package io.github.motcua.calendar;

/**
 * Root of every exception thrown by the working-day calendar and deadline engine (lịch làm việc,
 * thời hạn giải quyết). Unchecked: each subclass names what failed, and the message names the
 * offending value in brackets.
 *
 * <p>Immutable and thread-safe once constructed.
 */
public class CalendarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message a plain message naming the offending value in brackets */
    public CalendarException(String message) {
        super(message);
    }

    /**
     * @param message a plain message naming the offending value in brackets
     * @param cause   the underlying cause
     */
    public CalendarException(String message, Throwable cause) {
        super(message, cause);
    }
}
