package io.github.motcua.fees;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A fee table or an exemption catalogue could not be built. Carries every problem found (not only
 * the first), each with file, row, column and value. Safe to share.
 */
public final class InvalidFeeTableException extends FeeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FeeTableProblem> problems;

    InvalidFeeTableException(List<FeeTableProblem> problems) {
        super(problems.stream().map(FeeTableProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file order. */
    public List<FeeTableProblem> problems() {
        return problems;
    }
}
