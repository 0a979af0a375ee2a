package io.github.motcua.rules;

import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dossier input (hồ sơ) is malformed: not JSON, or not matching the published dossier schema
 * ({@code io/github/motcua/rules/schema/dossier.schema.json}).
 *
 * <p>{@link #toProblems()} gives one kernel {@link Problem} per bad value, in the order the values
 * appear in the text: a stable code (e.g. {@code DOSSIER_SCHEMA}, {@code DOSSIER_NO_OFFSET},
 * {@code DOSSIER_NOT_JSON}, {@code UNKNOWN_UNIT}; listed in docs/integration.md), the JSON pointer of
 * the value ({@link Problem#pointer()}), its line and column in the JSON text (0 for a dossier built in
 * Java), and one message rendered in Vietnamese or English ({@link Problem#message(Locale)}, from the
 * bundle {@link #BUNDLE}) that says what is wrong and how to write it. {@link #messages(Locale)} gives
 * them in one language; {@link #violations()} keeps the earlier one-line {@code pointer: vi / en} form.
 * {@link #getMessage()} is every problem in Vietnamese, then in English, each where it is (its pointer, or
 * {@code line:column} when its words do not say it already), e.g.
 * {@code "hồ sơ không hợp lệ: hồ sơ trống / invalid dossier: empty dossier"} or
 * {@code "hồ sơ không hợp lệ: không phải JSON hợp lệ ở dòng 3, cột 1: Thừa dấu phẩy … / invalid dossier: not valid JSON at
 * line 3, column 1: a comma too many …"}.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidDossierException extends RulesException {
    private static final long serialVersionUID = 1L;
    /** The code of a violation given without one ({@link #InvalidDossierException(List)}). */
    public static final ProblemCode INVALID_DOSSIER = new ProblemCode("INVALID_DOSSIER");
    /** The bundle the dossier messages come from ({@link Messages}): {@code dossier-messages_vi|en}. */
    public static final String BUNDLE = "io/github/motcua/rules/dossier-messages";
    private static final Pattern AT = Pattern.compile("^(\\d+):(\\d+)$");

    /**
     * @param violations each {@code "pointer: messageVi / messageEn"} (or {@code "line:column: ..."});
     *                   the code of each problem is {@link #INVALID_DOSSIER}. Prefer {@link #of(List)}.
     */
    public InvalidDossierException(List<String> violations) {
        this(INVALID_DOSSIER, violations);
    }

    /**
     * @param code       the stable code of every violation, e.g. {@code DOSSIER_SCHEMA}
     * @param violations each {@code "pointer: messageVi / messageEn"} (or {@code "line:column: ..."}; a
     *                   message with no {@code " / "} is the same in both languages). Prefer {@link #of(List)}.
     */
    public InvalidDossierException(ProblemCode code, List<String> violations) {
        this(problems(code, violations), true);
    }

    private InvalidDossierException(List<Problem> problems, boolean checked) {
        super(text(problems), problems, null);
    }

    /**
     * {@code "hồ sơ không hợp lệ: <each problem in Vietnamese> / invalid dossier: <each in English>"}; a
     * problem with neither pointer nor position is its message alone (no stray {@code ": "}).
     */
    private static String text(List<Problem> problems) {
        return side(problems, Messages.VI) + " / " + side(problems, Locale.ENGLISH);
    }

    private static String side(List<Problem> problems, Locale locale) {
        String head = Messages.render(BUNDLE, "INVALID_DOSSIER", Map.of(), locale);
        List<String> parts = new ArrayList<>();
        for (Problem p : problems) {
            String m = p.message(locale);
            // each thing once: a text that is not JSON says its line and column in words ("ở dòng 3, cột 1: …"), so it
            // is not also put after "3:1: " (until session 20 "hồ sơ không hợp lệ: 3:1: không phải JSON hợp lệ ở dòng 3, cột 1")
            String t = saysWhere(p, m, locale) ? m : prefix(p) + m;
            if (!t.equals(head)) {
                parts.add(t);
            }
        }
        return parts.isEmpty() ? head : head + ": " + String.join("; ", parts);
    }

    /** Whether {@code message} already names {@code p}'s line and column: the bundle's not-JSON words at that place. */
    private static boolean saysWhere(Problem p, String message, Locale locale) {
        if (!p.pointer().isEmpty() || p.line() == 0) {
            return false;
        }
        String at = Messages.render(BUNDLE, "DOSSIER_NOT_JSON", Map.of("line", Integer.toString(p.line()),
                "column", Integer.toString(p.column()), "detail", ""), locale);
        return message.startsWith(at);
    }

    /**
     * {@code p}'s message in the language of {@code locale} (Vietnamese unless English) without the line and column its
     * own words say, for a caller that writes them before it — the CLI's {@code FILE:line:col: [CODE] message} lines: a
     * text that is not JSON reads {@code "không phải JSON hợp lệ: Thừa dấu phẩy …"} there, not {@code "… ở dòng 4, cột 1:
     * …"} after {@code 4:1}. Every other message is {@link Problem#message(Locale)} as it is (a message shown alone, as a
     * portal shows it, keeps its place).
     */
    public static String messageWithoutPlace(Problem p, Locale locale) {
        String m = p.message(locale);
        if (!saysWhere(p, m, locale)) {
            return m;
        }
        String at = Messages.render(BUNDLE, "DOSSIER_NOT_JSON", Map.of("line", Integer.toString(p.line()),
                "column", Integer.toString(p.column()), "detail", ""), locale);
        return Messages.render(BUNDLE, "DOSSIER_NOT_JSON_NO_PLACE", Map.of("detail", ""), locale) + m.substring(at.length());
    }

    /**
     * A dossier refused for these problems, in the order given.
     *
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public static InvalidDossierException of(List<Problem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid dossier has at least one problem: [0]");
        }
        return new InvalidDossierException(problems, true);
    }

    /** Every problem, one per bad value, in the order they appear in the text (same as {@link #toProblems()}). */
    public List<Problem> problems() {
        return toProblems();
    }

    /**
     * Each problem as {@code "pointer: message"} in the language of {@code locale} only (Vietnamese
     * unless English); a problem without a pointer (the text is not JSON) starts with {@code line:column}.
     */
    public List<String> messages(Locale locale) {
        return texts(toProblems(), locale);
    }

    /**
     * Each violation as {@code "pointer: vi / en"} (one language when both are the same), e.g.
     * {@code "/channel: giá trị [FAX] không được chấp nhận; … / value [FAX] is not accepted; …"}.
     * {@link #messages(Locale)} gives one language.
     */
    public List<String> violations() {
        List<String> out = new ArrayList<>();
        for (Problem p : toProblems()) {
            String vi = p.messageVi();
            String en = p.messageEn();
            out.add(prefix(p) + (vi.equals(en) ? vi : vi + " / " + en));
        }
        return List.copyOf(out);
    }

    private static List<String> texts(List<Problem> problems, Locale locale) {
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            out.add(prefix(p) + p.message(locale));
        }
        return List.copyOf(out);
    }

    /** {@code "where: "}, or nothing when the problem has neither pointer nor position. */
    private static String prefix(Problem p) {
        String where = where(p);
        return where.isEmpty() ? "" : where + ": ";
    }

    private static String where(Problem p) {
        if (!p.pointer().isEmpty() || p.line() == 0) {
            return p.pointer();
        }
        return p.line() + ":" + p.column();
    }

    private static List<Problem> problems(ProblemCode code, List<String> violations) {
        List<Problem> out = new ArrayList<>();
        for (String v : violations) {
            out.add(problem(code, v));
        }
        if (out.isEmpty()) {
            out.add(new Problem("", 0, 0, "", code, Severity.ERROR, BUNDLE, "INVALID_DOSSIER", null));
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
        } else if (colon > 0) {
            Matcher m = AT.matcher(violation.substring(0, colon));
            if (m.matches()) {
                return text(code, violation.substring(colon + 2), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
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
