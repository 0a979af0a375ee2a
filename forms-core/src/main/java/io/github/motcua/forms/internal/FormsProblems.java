package io.github.motcua.forms.internal;

import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * forms-core's exception messages (thông điệp lỗi), Vietnamese and English, from the bundle
 * {@value #BUNDLE} ({@code problems_vi.properties}, {@code problems_en.properties}) through the
 * kernel's {@link io.github.motcua.kernel.Messages}: one key, the same named arguments in both
 * languages, every key starting with {@code FORMS_}. The exception carrying the problem gives it its
 * code. Stateless, so thread-safe.
 */
final class FormsProblems {
    /** The bundle's base name. */
    static final String BUNDLE = "io/github/motcua/forms/problems";
    private static final ProblemCode UNSET = new ProblemCode("FORMS");

    private FormsProblems() {
    }

    /**
     * The message {@code key} whose one argument {@code name} has a value in each language (e.g. the
     * kernel reader's own problem, rendered in Vietnamese and in English).
     */
    static Problem ofEach(String key, String name, String vi, String en) {
        return Problem.ofText("", 0, 0, UNSET, Severity.ERROR,
                Messages.render(BUNDLE, key, Map.of(name, vi), Locale.forLanguageTag("vi")),
                Messages.render(BUNDLE, key, Map.of(name, en), Locale.ENGLISH));
    }

    /**
     * The message {@code key} at a line and column of its file, with {@code args} the same in both languages and one
     * argument {@code name} whose value differs ({@code vi}, {@code en}: a detail already worded in each).
     */
    static Problem at(String key, int line, int column, Map<String, String> args, String name, String vi, String en) {
        Map<String, String> inVi = new LinkedHashMap<>(args);
        inVi.put(name, vi);
        Map<String, String> inEn = new LinkedHashMap<>(args);
        inEn.put(name, en);
        return Problem.ofText("", Math.max(0, line), Math.max(0, column), UNSET, Severity.ERROR,
                Messages.render(BUNDLE, key, inVi, Locale.forLanguageTag("vi")), Messages.render(BUNDLE, key, inEn, Locale.ENGLISH));
    }

    /**
     * The message {@code key} with its arguments ({@code pairs}: names and values alternating; a value
     * is written with {@link String#valueOf(Object)}).
     */
    static Problem of(String key, Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("argument names and values come in pairs");
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            args.put(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1]));
        }
        return new Problem("", 0, 0, "", UNSET, Severity.ERROR, BUNDLE, key, args);
    }
}
