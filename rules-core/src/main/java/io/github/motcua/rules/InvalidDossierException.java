package io.github.motcua.rules;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dossier input (hồ sơ) is malformed: not JSON, or not matching the published dossier schema
 * ({@code io/github/motcua/rules/schema/dossier.schema.json}). Each violation names the JSON
 * pointer of the bad value, or the line and column of a JSON syntax error.
 *
 * <p>{@link #toProblems()} gives one kernel {@link Problem} per violation: its code (e.g.
 * {@code DOSSIER_SCHEMA}, {@code DOSSIER_NOT_JSON}, {@code UNKNOWN_UNIT}; listed in
 * docs/integration.md), the JSON pointer ({@link Problem#pointer()}) or line and column, and the
 * message in Vietnamese and English. {@link #violations()} keeps the earlier one-line form.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidDossierException extends RulesException {
    private static final long serialVersionUID = 1L;
    /** The code of a violation given without one ({@link #InvalidDossierException(List)}). */
    public static final ProblemCode INVALID_DOSSIER = new ProblemCode("INVALID_DOSSIER");
    private static final Pattern AT = Pattern.compile("^(\\d+):(\\d+)$");
    private final transient List<String> violations;

    /**
     * @param violations each {@code "pointer: messageVi / messageEn"} (or {@code "line:column: ..."});
     *                   the code of each problem is {@link #INVALID_DOSSIER}
     */
    public InvalidDossierException(List<String> violations) {
        this(INVALID_DOSSIER, violations);
    }

    /**
     * @param code       the stable code of every violation, e.g. {@code DOSSIER_SCHEMA}
     * @param violations each {@code "pointer: messageVi / messageEn"} (or {@code "line:column: ..."}; a
     *                   message with no {@code " / "} is the same in both languages)
     */
    public InvalidDossierException(ProblemCode code, List<String> violations) {
        super(String.format(Locale.ROOT, "invalid dossier: %s", String.join("; ", violations)),
                problems(code, violations), null);
        this.violations = List.copyOf(violations);
    }

    /** Each violation, e.g. {@code "/receivedAt: không phải date-time [abc] / does not match the date-time pattern"}. */
    public List<String> violations() {
        return violations;
    }

    private static List<Problem> problems(ProblemCode code, List<String> violations) {
        List<Problem> out = new ArrayList<>();
        for (String v : violations) {
            out.add(problem(code, v));
        }
        if (out.isEmpty()) {
            out.add(problem(code, ": hồ sơ không hợp lệ / invalid dossier"));
        }
        return out;
    }

    /** {@code "where: vi / en"} as a problem; where is a JSON pointer, {@code line:column} or nothing. */
    static Problem problem(ProblemCode code, String violation) {
        String where = "";
        String message = violation;
        int colon = violation.indexOf(": ");
        if (colon == 0) {
            message = violation.substring(2);
        } else if (colon > 0 && violation.startsWith("/") && violation.substring(0, colon).indexOf(' ') < 0) {
            where = violation.substring(0, colon);
            message = violation.substring(colon + 2);
        } else {
            int second = colon < 0 ? -1 : violation.indexOf(": ", 0);
            Matcher m = second > 0 ? AT.matcher(violation.substring(0, second)) : null;
            if (m != null && m.matches()) {
                String rest = violation.substring(second + 2);
                Problem p = text(code, rest, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return p;
            }
        }
        return text(code, message, 0, 0).at(where);
    }

    private static Problem text(ProblemCode code, String message, int line, int column) {
        int slash = message.indexOf(" / ");
        String vi = slash < 0 ? message : message.substring(0, slash);
        String en = slash < 0 ? message : message.substring(slash + 3);
        return Problem.ofText("", line, column, code, Severity.ERROR, vi, en);
    }
}
