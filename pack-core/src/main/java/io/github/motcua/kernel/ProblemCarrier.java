package io.github.motcua.kernel;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An exception that carries the kernel's {@link Problem} data: a stable code, the file and line or
 * the JSON pointer at fault, and a message in Vietnamese and in English. Every exception that the
 * motcua library throws to a caller implements it, so a portal answers a localised error with the
 * value at fault without parsing a message, and an HTTP service renders the same data as
 * {@code application/problem+json}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ProblemCarrier {
    /** What went wrong as the kernel's problems, the main problem first; never empty. */
    List<Problem> toProblems();

    /** The main problem (the first of {@link #toProblems()}). */
    default Problem toProblem() {
        return toProblems().get(0);
    }

    /** Every problem's message in the reader's language, one per line, {@code [CODE] /pointer: message}. */
    default String message(Locale locale) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : toProblems()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append('[').append(p.code().name()).append("] ");
            if (!p.pointer().isEmpty()) {
                sb.append(p.pointer()).append(": ");
            } else if (!p.file().isEmpty()) {
                sb.append(p.file());
                if (p.line() > 0) {
                    sb.append(':').append(p.line());
                    if (p.column() > 0) {
                        sb.append(':').append(p.column());
                    }
                }
                sb.append(": ");
            }
            sb.append(p.message(locale));
        }
        return sb.toString();
    }

    /**
     * An exception with an English detail as the kernel's problem: the code is its class name without
     * {@code Exception} in upper snake case (e.g. {@code NO_SUCH_FORM}); the Vietnamese message is the
     * kind of problem ({@code titlesVi} by code, else {@code defaultTitleVi}) followed by the detail.
     *
     * @deprecated the titles belong in the module's bundle: use
     *             {@link #ofDetail(Throwable, String, Map, String)} (every module's exceptions do)
     */
    @Deprecated(since = "0.1.0")
    static Problem ofDetail(Throwable e, Map<String, String> titlesVi, String defaultTitleVi) {
        ProblemCode code = codeOf(e);
        String detail = e.getMessage() == null ? "" : e.getMessage();
        return Problem.ofText("", 0, 0, code, Severity.ERROR,
                titlesVi.getOrDefault(code.name(), defaultTitleVi) + ": " + detail, detail);
    }

    /**
     * An exception with an English detail as the kernel's problem, its kind of problem from a bundle:
     * the code is its class name without {@code Exception} in upper snake case; the message is the
     * bundle's key for that code ({@code titleKeys}, else {@code defaultKey}) with the argument
     * {@code detail} (the exception's message). A title key's Vietnamese names the kind of problem,
     * e.g. {@code "Thời hạn không hợp lệ: {detail}"}; its English is {@code "{detail}"} (the detail is
     * already English).
     *
     * @param titleKeys the bundle key of each code the module's exceptions have
     */
    static Problem ofDetail(Throwable e, String bundle, Map<String, String> titleKeys, String defaultKey) {
        ProblemCode code = codeOf(e);
        String detail = e.getMessage() == null ? "" : e.getMessage();
        return new Problem("", 0, 0, "", code, Severity.ERROR, bundle, titleKeys.getOrDefault(code.name(), defaultKey),
                Map.of("detail", detail));
    }

    /**
     * The stable code of an exception: its class name without {@code Exception} in upper snake case,
     * e.g. {@code NoSuchFormException} gives {@code NO_SUCH_FORM}.
     */
    static ProblemCode codeOf(Throwable e) {
        return new ProblemCode(e.getClass().getSimpleName().replaceFirst("Exception$", "")
                .replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
    }

    /**
     * A problem of a module's bundle (a message in Vietnamese and English with the same named
     * arguments) carried by the exception {@code e}: the code is {@link #codeOf(Throwable) e's code},
     * the rest is {@code detail}'s (its key and arguments).
     */
    static Problem recoded(Throwable e, Problem detail) {
        return new Problem(detail.file(), detail.line(), detail.column(), detail.pointer(), codeOf(e), detail.severity(),
                detail.bundle(), detail.key(), detail.args());
    }
}
