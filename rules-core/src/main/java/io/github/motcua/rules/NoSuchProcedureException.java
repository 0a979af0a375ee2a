package io.github.motcua.rules;

import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dossier names a procedure code the serving pack does not hold (không có thủ tục). Its problem
 * has the code {@link #CODE}, the pointer {@code /procedure}, the line and column of that value when
 * the dossier was JSON text, and a message that names the pack's closest codes with their names
 * ({@link #closest()}), e.g. {@code no procedure [1.001194] in pack [gia-lai]; closest codes: 1.001193 (Birth
 * registration)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoSuchProcedureException extends RulesException {
    private static final long serialVersionUID = 1L;
    /** {@code UNKNOWN_PROCEDURE}. */
    public static final ProblemCode CODE = new ProblemCode("UNKNOWN_PROCEDURE");
    private final String code;
    private final transient List<Procedure> closest;

    public NoSuchProcedureException(String code, String packId) {
        this(code, packId, List.of(), 0, 0);
    }

    /**
     * @param code    the unknown code
     * @param packId  the serving pack
     * @param closest the pack's procedures whose codes are closest to {@code code}, closest first (may be empty)
     * @param line    1-based line of the {@code procedure} value in the dossier text, or 0
     * @param column  1-based column of that value, or 0
     */
    public NoSuchProcedureException(String code, String packId, List<Procedure> closest, int line, int column) {
        super(String.format(Locale.ROOT, "no procedure [%s] in pack [%s]", code, packId),
                List.of(problem(code, packId, closest, line, column)), null);
        this.code = code;
        this.closest = List.copyOf(closest);
    }

    /** The unknown code. */
    public String code() {
        return code;
    }

    /** The pack's procedures whose codes are closest to {@link #code()}, closest first; may be empty. */
    public List<Procedure> closest() {
        return closest;
    }

    private static Problem problem(String code, String packId, List<Procedure> closest, int line, int column) {
        Map<String, String> args = Map.of("code", String.valueOf(code), "pack", String.valueOf(packId));
        if (closest.isEmpty()) {
            return new Problem("", line, column, "/procedure", CODE, Severity.ERROR, RulesMessages.BUNDLE, CODE.name(), args);
        }
        // the names differ by language: each text is rendered from the bundle with its own names
        String vi = Messages.render(RulesMessages.BUNDLE, "UNKNOWN_PROCEDURE_CLOSEST",
                withClosest(args, closest, Locale.forLanguageTag("vi")), Locale.forLanguageTag("vi"));
        String en = Messages.render(RulesMessages.BUNDLE, "UNKNOWN_PROCEDURE_CLOSEST",
                withClosest(args, closest, Locale.ENGLISH), Locale.ENGLISH);
        return Problem.ofText("", line, column, CODE, Severity.ERROR, vi, en).at("/procedure");
    }

    private static Map<String, String> withClosest(Map<String, String> args, List<Procedure> closest, Locale locale) {
        StringBuilder b = new StringBuilder();
        for (Procedure p : closest) {
            b.append(b.length() == 0 ? "" : ", ").append(p.code()).append(" (").append(Messages.english(locale) ? p.name().enOrVi() : p.name().vi()).append(')');
        }
        Map<String, String> out = new java.util.LinkedHashMap<>(args);
        out.put("closest", b.toString());
        return out;
    }
}
