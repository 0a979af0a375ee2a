package io.github.motcua.rules;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A pack could not be loaded (không nạp được bộ quy tắc); carries every {@link PackProblem} with
 * its file, line and column. Thrown by {@link LoadResult#orThrow()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnableToLoadPackException extends RulesException {
    private final transient List<PackProblem> problems;

    public UnableToLoadPackException(String source, List<PackProblem> problems) {
        super(String.format(Locale.ROOT, "unable to load pack [%s]: %d problem(s)%n%s", source, problems.size(),
                problems.stream().map(PackProblem::toString).collect(Collectors.joining(System.lineSeparator()))));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in file order. */
    public List<PackProblem> problems() {
        return problems;
    }
}
