package io.github.motcua.calendar;

/**
 * Why a day differs from the plain Monday–Friday working week.
 *
 * <p>Thread-safe (an enum).
 */
public enum DayKind {
    /** A public holiday (ngày nghỉ lễ, tết), Labour Code Art. 112. CSV name {@code holiday}. */
    HOLIDAY("holiday"),
    /** A compensatory day off (nghỉ bù) for a holiday on a weekly rest day, Art. 111(3). */
    COMPENSATORY("compensatory"),
    /** A working weekday given off in exchange for a worked Saturday (nghỉ hoán đổi). */
    SWAPPED_OFF("swapped-off"),
    /** A weekend day worked in exchange (làm bù): a working day. */
    SWAPPED_WORKING("swapped-working");

    private final String csv;

    DayKind(String csv) {
        this.csv = csv;
    }

    /** The CLI's CSV spelling, e.g. {@code swapped-off}. */
    public String csvName() {
        return csv;
    }

    /** Whether a day of this kind is a working day. */
    public boolean working() {
        return this == SWAPPED_WORKING;
    }
}
