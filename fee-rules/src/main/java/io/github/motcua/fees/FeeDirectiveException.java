package io.github.motcua.fees;

/**
 * A {@link FeeDirective} emitted by a rule cannot be applied to the fee table: it names an item the
 * table does not know, or adds an item the table already charges. A pack defect. Safe to share.
 */
public final class FeeDirectiveException extends FeeException {
    private static final long serialVersionUID = 1L;

    FeeDirectiveException(String message) {
        super(message);
    }

    FeeDirectiveException(io.github.motcua.kernel.Problem detail) {
        super(detail);
    }
}
