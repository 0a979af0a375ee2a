package io.github.motcua.calendar;

/**
 * At what time of the due day a result is due. The law says "N ngày làm việc" without the hour, so
 * this is a pack setting.
 *
 * <p>Thread-safe (an enum).
 */
public enum DueAt {
    /**
     * Default: at the close of office hours of the due day (hết giờ làm việc). Reads "within N
     * working days" as "by the end of the N-th working day", the same reading as Bộ luật Dân sự
     * 2015 Art. 148 for a period ending on a day off (unverified article number, FACTS.md §2.1b).
     */
    CLOSE_OF_OFFICE,
    /** At the same time of day as the (deemed) receipt, N working days later. */
    SAME_TIME
}
