package io.github.motcua.calendar;

/**
 * The unit a time limit (thời hạn giải quyết) is stated in. CONTRACT: owned by the calendar work.
 */
public enum DeadlineUnit {
    /** Working days (ngày làm việc). */
    WORKING_DAYS,
    /** Working hours within office hours (giờ làm việc). */
    WORKING_HOURS,
    /** Calendar days (ngày), day-offs included. */
    CALENDAR_DAYS,
    /** Within the day of receipt (trong ngày), subject to the cut-off hour. */
    SAME_DAY
}
