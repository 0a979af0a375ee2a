package io.github.motcua.calendar;

/**
 * A date or instant lies outside the supported range 1900-01-01 .. 2199-12-31 (Vietnam time), or a
 * lunar date does not exist (e.g. a leap month in a year without one, or day 30 of a 29-day month).
 *
 * <p>Immutable and thread-safe.
 */
public final class DateOutOfRangeException extends CalendarException {
    private static final long serialVersionUID = 1L;

    /** @param message names the offending value in brackets */
    public DateOutOfRangeException(String message) {
        super(message);
    }

    /** A message of the calendar's bundle, in Vietnamese and English. */
    DateOutOfRangeException(io.github.motcua.kernel.Problem detail) {
        super(detail, null);
    }
}
