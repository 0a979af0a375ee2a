package io.github.motcua.rules;

import io.github.motcua.kernel.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A pack could not be loaded (không nạp được bộ quy tắc); carries every {@link PackProblem} with
 * its file, line and column. Thrown by {@link LoadResult#orThrow()}, and by a decision whose
 * procedure failed lazy compilation. {@link #toProblems()} gives the same problems as the kernel's
 * {@link Problem}, each with its own code ({@code LINT_NO_BASIS}, {@code DRL_SYNTAX}, ...).
 *
 * <p>Immutable and thread-safe.
 */
public final class UnableToLoadPackException extends RulesException {
    private static final long serialVersionUID = 1L;
    private final transient List<PackProblem> packProblems;

    public UnableToLoadPackException(String source, List<PackProblem> problems) {
        super(String.format(Locale.ROOT, "unable to load pack [%s]: %d problem(s)%n%s", source, problems.size(),
                problems.stream().map(PackProblem::toString).collect(Collectors.joining(System.lineSeparator()))),
                kernel(source, problems), null);
        this.packProblems = List.copyOf(problems);
    }

    /** The problems, in file order. */
    public List<PackProblem> problems() {
        return packProblems;
    }

    private static List<Problem> kernel(String source, List<PackProblem> problems) {
        List<Problem> out = new ArrayList<>();
        for (PackProblem p : problems) {
            out.add(p.toProblem());
        }
        if (out.isEmpty()) {
            out.add(new Problem("", 0, 0, "", new io.github.motcua.kernel.ProblemCode("PACK_NOT_LOADED"),
                    io.github.motcua.kernel.Severity.ERROR, RulesMessages.BUNDLE, "PACK_NOT_LOADED",
                    java.util.Map.of("source", String.valueOf(source))));
        }
        return out;
    }
}
