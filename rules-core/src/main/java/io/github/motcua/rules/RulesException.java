package io.github.motcua.rules;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCarrier;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.List;
import java.util.Locale;

/**
 * Root of every exception rules-core throws (unchecked). Citizen-facing outcomes are never
 * exceptions: they are {@link Decision} values. Exceptions mean a programmer error, input that is not
 * a dossier, or a pack that cannot serve.
 *
 * <p>Every one carries the kernel's {@link Problem} data ({@link #toProblems()}): a stable code, the
 * JSON pointer or pack position at fault, and a message in Vietnamese and in English — the data an
 * HTTP service shows as {@code application/problem+json}. {@link #getMessage()} is the English text
 * ({@link InvalidDossierException}'s and {@link UnableToLoadPackException}'s: Vietnamese, then English).
 *
 * <p>Immutable and thread-safe.
 */
public class RulesException extends RuntimeException implements ProblemCarrier {
    private static final long serialVersionUID = 1L;
    /** The code of a problem built from a plain message by {@link #RulesException(String)}. */
    public static final ProblemCode RULES_ERROR = new ProblemCode("RULES_ERROR");
    private final transient List<Problem> problems;

    /** A problem {@link #RULES_ERROR} whose message is {@code message} in both languages. */
    public RulesException(String message) {
        this(message, null);
    }

    /** A problem {@link #RULES_ERROR} whose message is {@code message} in both languages. */
    public RulesException(String message, Throwable cause) {
        this(List.of(Problem.ofText("", 0, 0, RULES_ERROR, Severity.ERROR, message, message)), cause);
    }

    /**
     * An exception carrying these problems (at least one); the message is their English text.
     *
     * @param problems what went wrong, the main problem first
     * @param cause    the underlying cause, or {@code null}
     */
    protected RulesException(List<Problem> problems, Throwable cause) {
        this(text(problems), problems, cause);
    }

    /**
     * An exception carrying these problems (at least one) with its own English message.
     *
     * @param message  the English message ({@link #getMessage()})
     * @param problems what went wrong, the main problem first
     * @param cause    the underlying cause, or {@code null}
     */
    protected RulesException(String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an exception carries at least one problem: [0]");
        }
        this.problems = List.copyOf(problems);
    }

    @Override
    public List<Problem> toProblems() {
        return problems;
    }

    private static String text(List<Problem> problems) {
        ProblemCarrier carrier = () -> problems;
        return carrier.message(Locale.ENGLISH);
    }
}
