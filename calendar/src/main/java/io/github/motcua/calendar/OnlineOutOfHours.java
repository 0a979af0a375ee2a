package io.github.motcua.calendar;

/**
 * How an online dossier (nộp trực tuyến) received on a day off is counted. No legal source was
 * found for either reading (FACTS.md §1.3, §8): this is a pack setting and the default is marked
 * unverified.
 *
 * <p>Thread-safe (an enum).
 */
public enum OnlineOutOfHours {
    /**
     * Default: deemed received at the opening of the next working day, exactly like a paper
     * dossier (what many provincial systems do; no legal citation found).
     */
    NEXT_WORKING_DAY,
    /**
     * The day of filing stays the receipt day even when it is a day off, so (with
     * {@code countReceiptDay = false}) the next working day is already day 1. The cut-off hour
     * still applies on working days.
     */
    AS_RECEIVED
}
