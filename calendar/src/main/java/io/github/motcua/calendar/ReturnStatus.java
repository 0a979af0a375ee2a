package io.github.motcua.calendar;

/**
 * When a result was returned compared with its due instant, as on the process control sheet
 * (phiếu kiểm soát quá trình giải quyết hồ sơ).
 *
 * <p>Thread-safe (an enum).
 */
public enum ReturnStatus {
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

    /** The label in the reader's language (the calendar bundle's; Vietnamese unless English). */
    public String label(java.util.Locale locale) {
        return io.github.motcua.kernel.Messages.render(CalendarMessages.BUNDLE, key, java.util.Map.of(), locale);
    }

    /** Vietnamese label, e.g. "Đúng hạn". */
    public String labelVi() {
        return label(io.github.motcua.kernel.Messages.VI);
    }

    /** English label, e.g. "On time". */
    public String labelEn() {
        return label(java.util.Locale.ENGLISH);
    }
}
