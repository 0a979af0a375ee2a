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
    INDETERMINATE,
    /**
     * Chưa đánh giá: the procedure has no eligibility rules (typically imported from the national
     * database and not yet reviewed), so nobody checked the conditions. The decision still lists the
     * components, the deadline and the fees; never read it as ELIGIBLE.
     */
    NOT_ASSESSED,
    /**
     * Không tiếp nhận tại đơn vị này (nộp sai nơi): the procedure is not received regardless of
     * administrative boundaries and this unit is not competent. Nothing says the citizen may not do
     * it: {@link Decision#routing()} names the unit to file at ({@code fileAt}) with its address.
     */
    WRONG_UNIT
}
