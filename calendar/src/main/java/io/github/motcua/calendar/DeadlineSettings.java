package io.github.motcua.calendar;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;

/**
 * A pack's choices where the law leaves one (pack.yaml {@code defaults}). Each default and its
 * legal ground is documented in {@code docs/calendar.md}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param officeHours      sessions of a working day; default {@link OfficeHours#DEFAULT}
 * @param cutOff           the default cut-off hour: a request that names no {@link CutOff} of its own
 *                         (its {@code cutOff} is {@code null}) counts from the next working day when
 *                         received after it, citing Luật Hộ tịch 2014 Art. 5(3) and NĐ 23/2015 Art. 7;
 *                         default 15:00. A rule pack's engine (rules-core) always names each procedure's
 *                         own cut-off, or none, so in a pack this is only the hour a cut-off rule uses
 *                         when it names none (docs/pack-format.md "Cut-off")
 * @param countReceiptDay  whether the receipt day is day 1; default {@code false} (Bộ luật Dân sự
 *                         2015 Art. 147(2): the first day is not counted; unverified, FACTS.md §2.1b)
 * @param dueAt            the hour of the due day; default {@link DueAt#CLOSE_OF_OFFICE}
 * @param onlineOutOfHours online dossiers filed on a day off; default
 *                         {@link OnlineOutOfHours#NEXT_WORKING_DAY} (no legal source; unverified)
 */
public record DeadlineSettings(OfficeHours officeHours, LocalTime cutOff, boolean countReceiptDay, DueAt dueAt,
        OnlineOutOfHours onlineOutOfHours) {

    /** The default cut-off hour, 15:00. */
    public static final LocalTime DEFAULT_CUT_OFF = LocalTime.of(15, 0);

    public DeadlineSettings {
        Objects.requireNonNull(officeHours, "officeHours");
        Objects.requireNonNull(cutOff, "cutOff");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(onlineOutOfHours, "onlineOutOfHours");
        checkCutOff(officeHours, cutOff);
    }

    static void checkCutOff(OfficeHours hours, LocalTime cutOff) {
        if (cutOff.isBefore(hours.opening()) || cutOff.isAfter(hours.closing())) {
            throw new InvalidDeadlineException(CalendarMessages.problem("CUT_OFF_OUTSIDE_HOURS", "opening", hours.opening(),
                    "closing", hours.closing(), "cutOff", cutOff));
        }
    }

    /** All defaults: 07:30–11:30 / 13:30–17:00, cut-off 15:00, receipt day not counted, close of office. */
    public static DeadlineSettings defaults() {
        return new DeadlineSettings(OfficeHours.DEFAULT, DEFAULT_CUT_OFF, false, DueAt.CLOSE_OF_OFFICE,
                OnlineOutOfHours.NEXT_WORKING_DAY);
    }

    /** A copy with other office hours. */
    public DeadlineSettings withOfficeHours(OfficeHours v) {
        return new DeadlineSettings(v, cutOff, countReceiptDay, dueAt, onlineOutOfHours);
    }

    /** A copy with another cut-off hour. */
    public DeadlineSettings withCutOff(LocalTime v) {
        return new DeadlineSettings(officeHours, v, countReceiptDay, dueAt, onlineOutOfHours);
    }

    /** A copy with another receipt-day choice. */
    public DeadlineSettings withCountReceiptDay(boolean v) {
        return new DeadlineSettings(officeHours, cutOff, v, dueAt, onlineOutOfHours);
    }

    /** A copy with another due hour. */
    public DeadlineSettings withDueAt(DueAt v) {
        return new DeadlineSettings(officeHours, cutOff, countReceiptDay, v, onlineOutOfHours);
    }

    /** A copy with another online rule. */
    public DeadlineSettings withOnlineOutOfHours(OnlineOutOfHours v) {
        return new DeadlineSettings(officeHours, cutOff, countReceiptDay, dueAt, v);
    }
}
