package io.github.motcua.fees;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCarrier;
import java.util.List;
import java.util.Map;

/**
 * The root of every exception the fee-rules module throws on purpose. Unchecked: a fee table that
 * cannot be built or priced is a pack defect or a caller error, not a condition to recover from
 * locally. Subclasses say what failed: {@link InvalidFeeTableException}, {@link FeeQuantityException},
 * {@link NoRateInForceException}, {@link FeeDirectiveException}, {@link MoneyOverflowException}.
 *
 * <p>Messages are Vietnamese first, then English, and name the offending value in [brackets].
 * Immutable once thrown; safe to share.
 */
public class FeeException extends RuntimeException implements ProblemCarrier {
    private static final long serialVersionUID = 1L;

    /** The message from the bundle, or {@code null} for an exception built from a plain message. */
    private final transient Problem detail;

    public FeeException(String message) {
        super(message);
        this.detail = null;
    }

    public FeeException(String message, Throwable cause) {
        super(message, cause);
        this.detail = null;
    }

    /**
     * An exception whose message comes from fee-rules' bundle ({@link FeeMessages}): {@link #getMessage()}
     * is the Vietnamese message, {@code " / "}, the English one.
     */
    FeeException(Problem detail) {
        super(detail.messageVi() + " / " + detail.messageEn());
        this.detail = detail;
    }

    /** The bundle key of each code's kind of problem ({@code "<kind>: {detail}"} in Vietnamese). */
    private static final Map<String, String> TITLES = Map.of(
            "FEE", "FEES_TITLE_FEE",
            "FEE_DIRECTIVE", "FEES_TITLE_FEE_DIRECTIVE",
            "FEE_QUANTITY", "FEES_TITLE_FEE_QUANTITY",
            "INVALID_FEE_TABLE", "FEES_TITLE_INVALID_FEE_TABLE",
            "MONEY_OVERFLOW", "FEES_TITLE_MONEY_OVERFLOW",
            "NO_RATE_IN_FORCE", "FEES_TITLE_NO_RATE_IN_FORCE");

    /**
     * This exception as the kernel's problem: the code is the class name without {@code Exception} in
     * upper snake case (e.g. {@code NO_RATE_IN_FORCE}); the message is the bundle's, in Vietnamese and
     * in English. An exception built from a plain message has the kind of problem in Vietnamese
     * followed by that message.
     */
    @Override
    public Problem toProblem() {
        return detail != null ? ProblemCarrier.recoded(this, detail)
                : ProblemCarrier.ofDetail(this, FeeMessages.BUNDLE, TITLES, "FEES_TITLE_FEE");
    }

    @Override
    public List<Problem> toProblems() {
        return List.of(toProblem());
    }
}
