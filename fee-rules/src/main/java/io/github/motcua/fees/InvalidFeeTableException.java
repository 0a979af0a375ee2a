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

    /**
     * Every problem as the kernel's {@link io.github.motcua.kernel.Problem}, in file order, each with this
     * exception's code {@code INVALID_FEE_TABLE}, the file, row and column at fault and the problem's
     * message in Vietnamese and English (each {@link FeeTableProblem#toProblem()} keeps its own code).
     */
    @Override
    public List<io.github.motcua.kernel.Problem> toProblems() {
        if (problems.isEmpty()) {
            return List.of(super.toProblem());
        }
        return problems.stream().map(p -> io.github.motcua.kernel.ProblemCarrier.recoded(this, p.toProblem())).toList();
    }

    /** The first problem of {@link #toProblems()}. */
    @Override
    public io.github.motcua.kernel.Problem toProblem() {
        return toProblems().get(0);
    }
}
