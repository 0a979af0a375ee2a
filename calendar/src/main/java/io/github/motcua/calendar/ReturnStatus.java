package io.github.motcua.calendar;

/**
 * When a result was returned compared with its due instant, as on the process control sheet
 * (phiếu kiểm soát quá trình giải quyết hồ sơ).
 *
 * <p>Thread-safe (an enum).
 */
public enum ReturnStatus {
    /** Returned on a date before the due date (trước hạn). */
    EARLY("Trước hạn", "Early"),
    /** Returned on the due date, not after the due instant (đúng hạn). */
    ON_TIME("Đúng hạn", "On time"),
    /** Returned after the due instant (quá hạn). */
    LATE("Quá hạn", "Late");

    private final String labelVi;
    private final String labelEn;

    ReturnStatus(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    /** Vietnamese label. */
    public String labelVi() {
        return labelVi;
    }

    /** English label. */
    public String labelEn() {
        return labelEn;
    }
}
