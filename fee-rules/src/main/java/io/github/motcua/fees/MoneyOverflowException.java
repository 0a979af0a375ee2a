package io.github.motcua.fees;

/**
 * An amount in đồng left the range of a {@code long} (or went below zero where a fee cannot).
 * Thrown instead of silently wrapping around. Safe to share.
 */
public final class MoneyOverflowException extends FeeException {
    private static final long serialVersionUID = 1L;

    public MoneyOverflowException(String message) {
        super(message);
    }

    /** A message of fee-rules' bundle, in Vietnamese and English. */
    MoneyOverflowException(io.github.motcua.kernel.Problem detail) {
        super(detail);
    }
}
