package io.github.motcua.calendar;

/**
 * When a result was returned compared with its due instant, as on the process control sheet
 * (phiếu kiểm soát quá trình giải quyết hồ sơ).
 *
 * <p>Thread-safe (an enum).
 */
public enum ReturnStatus implements io.github.motcua.kernel.Labelled {
    /** Returned on a date before the due date (trước hạn). */
    EARLY("label.returnStatus.EARLY"),
    /** Returned on the due date, not after the due instant (đúng hạn). */
    ON_TIME("label.returnStatus.ON_TIME"),
    /** Returned after the due instant (quá hạn). */
    LATE("label.returnStatus.LATE");

    private final String key;

    ReturnStatus(String key) {
        this.key = key;
    }

    /** The key of this constant's label. */
    @Override
    public String labelKey() {
        return key;
    }

    /** The calendar's bundle. */
    @Override
    public String labelBundle() {
        return CalendarMessages.BUNDLE;
    }
}
