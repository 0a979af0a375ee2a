package io.github.motcua.rules;

/**
 * The eligibility outcome (điều kiện thực hiện) of a decision.
 *
 * <p>Thread-safe (an enum).
 */
public enum Eligibility {
    /** Đủ điều kiện: no rule marked the dossier ineligible. */
    ELIGIBLE,
    /** Không đủ điều kiện: at least one rule gave a reason with its legal basis. */
    INELIGIBLE,
    /**
     * Chưa xác định được: a rule threw, or the rules hit the firing limit. Never read it as
     * "condition not met": see {@link Decision#cause()}.
     */
    INDETERMINATE
}
