package io.github.motcua.kernel;

/**
 * A pack file could not be read as asked: it leaves the pack through a link, is too large, is not
 * UTF-8, or does not parse. Carries the {@link Problem} with the file and, where known, the line and
 * column. Unchecked.
 *
 * <p>Immutable and thread-safe.
 */
public class PackReadException extends RuntimeException implements ProblemCarrier {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public PackReadException(Problem problem) {
        super(problem.format(java.util.Locale.ENGLISH));
        this.problem = problem;
    }

    /** What went wrong, and where. */
    public Problem problem() {
        return problem;
    }

    @Override
    public java.util.List<Problem> toProblems() {
        return java.util.List.of(problem);
    }
}
