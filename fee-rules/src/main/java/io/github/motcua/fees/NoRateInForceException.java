package io.github.motcua.fees;

/**
 * A fee item that must be charged has no rate row in force on the dossier's date: the date is
 * before the first or after the last effective window the table gives for it. The table never
 * silently charges zero in that case; a pack that means "free" writes a 0 đ row. Safe to share.
 */
public final class NoRateInForceException extends FeeException {
    private static final long serialVersionUID = 1L;

    NoRateInForceException(String message) {
        super(message);
    }

    NoRateInForceException(io.github.motcua.kernel.Problem detail) {
        super(detail);
    }
}
