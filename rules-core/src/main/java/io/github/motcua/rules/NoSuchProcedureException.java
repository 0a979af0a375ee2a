package io.github.motcua.rules;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dossier names a procedure code the serving pack does not hold (không có thủ tục). Its problem
 * has the code {@link #CODE} and the pointer {@code /procedure}.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchProcedureException extends RulesException {
    private static final long serialVersionUID = 1L;
    /** {@code UNKNOWN_PROCEDURE}. */
    public static final ProblemCode CODE = new ProblemCode("UNKNOWN_PROCEDURE");
    private final String code;

    public NoSuchProcedureException(String code, String packId) {
        super(String.format(Locale.ROOT, "no procedure [%s] in pack [%s]", code, packId), List.of(new Problem("", 0, 0, "/procedure", CODE, Severity.ERROR, RulesMessages.BUNDLE, CODE.name(),
                Map.of("code", String.valueOf(code), "pack", String.valueOf(packId)))), null);
        this.code = code;
    }

    /** The unknown code. */
    public String code() {
        return code;
    }
}
