/**
 * The Vietnamese working-day calendar and deadline engine: start at {@link
 * io.github.motcua.calendar.Calendars} (the Labour-Code calendar, or a pack's calendar folder) and
 * {@link io.github.motcua.calendar.DeadlineEngine#of}; the lunar calendar is {@link
 * io.github.motcua.calendar.LunarCalendar}, and {@link io.github.motcua.calendar.CalendarReports}
 * produces the command line's texts.
 *
 * <p>Everything runs in the explicit zone {@code Asia/Ho_Chi_Minh} and never reads the JVM's
 * default zone, locale or clock. Every public type here is immutable and thread-safe. Errors are
 * subclasses of {@link io.github.motcua.calendar.CalendarException}.
 */
package io.github.motcua.calendar;
