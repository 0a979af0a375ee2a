package io.github.motcua.rules;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing wrong with a pack (lỗi trong bộ quy tắc), pointing at the file, line and column an
 * analyst must edit. Lines and columns are 1-based; 0 means "not known" (for example a file that is
 * missing entirely).
 *
 * <p>Immutable and thread-safe.
 *
 * @param file      the pack-relative path with forward slashes, e.g. {@code procedures/1.001193/rules.drl}
 * @param line      1-based line, or 0
 * @param column    1-based column, or 0
 * @param code      a stable machine code, e.g. {@code LINT_NO_BASIS} (listed in docs/rule-authoring.md)
 * @param messageVi the message in Vietnamese
 * @param messageEn the message in English
 */
public record PackProblem(String file, int line, int column, String code, String messageVi, String messageEn) {
    /**
     * The code of a load's last problem when the load lists only its first 10,000 (by file, line and column): it
     * counts the problems not listed, from its place on (docs/pack-format.md, "Problems").
     */
    public static final String MORE = "PROBLEMS_MORE";

    public PackProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageVi, "messageVi");
        Objects.requireNonNull(messageEn, "messageEn");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "line and column must be >= 0: [%d:%d]", line, column));
        }
    }

    /** The same problem as the kernel's {@link Problem}, the one structure every module renders. */
    public Problem toProblem() {
        return Problem.ofText(file, line, column, new ProblemCode(code), Severity.ERROR, messageVi, messageEn);
    }

    /**
     * Whether {@code problems} — a {@link LoadResult}'s, a {@link ReloadResult}'s, an {@link UnableToLoadPackException}'s
     * — lists only the first problems of a load: its last is {@value #MORE}, counting the others. Then the load found
     * more than {@code problems.size() - 1} problems; else it found exactly {@code problems.size()}. The one question
     * the CLI, the exception's message and the service's 422 ask of a list ("10000+").
     */
    public static boolean capped(java.util.List<PackProblem> problems) {
        return !problems.isEmpty() && problems.get(problems.size() - 1).code().equals(MORE);
    }

    /** A kernel problem (from the pack reader) as a pack problem, its message rendered in both languages. */
    public static PackProblem of(Problem problem) {
        return new PackProblem(problem.file(), problem.line(), problem.column(), problem.code().name(),
                problem.messageVi(), problem.messageEn());
    }

    /** {@code file:line:col: messageVi} — the format compilers and editors understand. */
    @Override
    public String toString() {
        return format(Locale.forLanguageTag("vi"));
    }

    /** {@code file:line:col: [code] message} in the given language (Vietnamese unless {@code en}). */
    public String format(Locale locale) {
        String msg = "en".equals(locale.getLanguage()) ? messageEn : messageVi;
        return String.format(Locale.ROOT, "%s:%d:%d: [%s] %s", file, line, column, code, msg);
    }
}
