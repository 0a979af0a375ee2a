package io.github.motcua.fees;

/**
 * The root of every exception the fee-rules module throws on purpose. Unchecked: a fee table that
 * cannot be built or priced is a pack defect or a caller error, not a condition to recover from
 * locally. Subclasses say what failed: {@link InvalidFeeTableException}, {@link FeeQuantityException},
 * {@link NoRateInForceException}, {@link FeeDirectiveException}, {@link MoneyOverflowException}.
 *
 * <p>Messages are Vietnamese first, then English, and name the offending value in [brackets].
 * Immutable once thrown; safe to share.
 */
public class FeeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FeeException(String message) {
        super(message);
    }

    public FeeException(String message, Throwable cause) {
        super(message, cause);
    }
}
