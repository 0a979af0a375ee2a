package io.github.motcua.fees;

import io.github.motcua.kernel.Labelled;

/**
 * Whether a fee line is a charge for a service (phí) or a state fee for an act of administration
 * (lệ phí), as the Law on Fees and Charges (Luật Phí và lệ phí 97/2015/QH13) distinguishes them.
 *
 * <p>Thread-safe (an enum).
 */
public enum FeeKind implements Labelled {
    /** Phí: pays for a public service (e.g. certifying a copy, a judicial-record extract). */
    PHI("FEES_KIND_PHI"),
    /** Lệ phí: a state fee for an administrative act (e.g. civil-status registration). */
    LE_PHI("FEES_KIND_LE_PHI"),
    /**
     * The source does not say whether the line is phí or lệ phí: a line imported from a national procedure
     * record, whose {@code fees[].type} is only FEE or SERVICE_FEE (docs/import.md). Such a line is
     * unverified until an analyst writes PHI or LE_PHI.
     */
    UNSTATED("FEES_KIND_UNSTATED");

    private final String key;

    FeeKind(String key) {
        this.key = key;
    }

    /** The key of this constant's label. */
    @Override
    public String labelKey() {
        return key;
    }

    /** fee-rules' bundle. */
    @Override
    public String labelBundle() {
        return FeeMessages.BUNDLE;
    }
}
