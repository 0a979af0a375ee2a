package io.github.motcua.fees;

import io.github.motcua.kernel.Messages;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a fee line is a charge for a service (phí) or a state fee for an act of administration
 * (lệ phí), as the Law on Fees and Charges (Luật Phí và lệ phí 97/2015/QH13) distinguishes them.
 *
 * <p>Thread-safe (an enum).
 */
public enum FeeKind {
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

    /** The label in the reader's language (fee-rules' bundle; Vietnamese unless English). */
    public String label(Locale locale) {
        return Messages.render(FeeMessages.BUNDLE, key, Map.of(), locale);
    }

    /** The Vietnamese label, e.g. "Lệ phí". */
    public String labelVi() {
        return label(Messages.VI);
    }

    /** The English label, e.g. "Fee". */
    public String labelEn() {
        return label(Locale.ENGLISH);
    }
}
