package io.github.motcua.fees;

/**
 * Whether a fee line is a charge for a service (phí) or a state fee for an act of administration
 * (lệ phí), as the Law on Fees and Charges (Luật Phí và lệ phí 97/2015/QH13) distinguishes them.
 *
 * <p>Thread-safe (an enum).
 */
public enum FeeKind {
    /** Phí: pays for a public service (e.g. certifying a copy, a judicial-record extract). */
    PHI("Phí", "Charge"),
    /** Lệ phí: a state fee for an administrative act (e.g. civil-status registration). */
    LE_PHI("Lệ phí", "Fee"),
    /**
     * The source does not say whether the line is phí or lệ phí: a line imported from a national procedure
     * record, whose {@code fees[].type} is only FEE or SERVICE_FEE (docs/import.md). Such a line is
     * unverified until an analyst writes PHI or LE_PHI.
     */
    UNSTATED("Phí hoặc lệ phí (chưa rõ loại)", "Charge or fee (kind not stated)");

    private final String labelVi;
    private final String labelEn;

    FeeKind(String labelVi, String labelEn) {
        this.labelVi = labelVi;
        this.labelEn = labelEn;
    }

    public String labelVi() {
        return labelVi;
    }

    public String labelEn() {
        return labelEn;
    }
}
