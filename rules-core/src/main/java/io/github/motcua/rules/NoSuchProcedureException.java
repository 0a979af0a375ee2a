package io.github.motcua.rules;

import java.util.Locale;

/**
 * The dossier names a procedure code the serving pack does not hold (không có thủ tục).
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchProcedureException extends RulesException {
    private final String code;

    public NoSuchProcedureException(String code, String packId) {
        super(String.format(Locale.ROOT, "no procedure [%s] in pack [%s]", code, packId));
        this.code = code;
    }

    /** The unknown code. */
    public String code() {
        return code;
    }
}
