package io.github.motcua.rules;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link Engine#load}: the pack now serving, or the problems that kept it out.
 * When problems are present the engine keeps serving whatever it served before.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source   the folder or classpath root loaded
 * @param pack     the pack now serving, empty when loading failed
 * @param problems every problem found (empty on success)
 * @param warnings what the pack now serving should look at without being kept out: a reference to a
 *                 procedure the pack does not have (pack.yaml {@code cutOffs}, digitisation.yaml), with
 *                 the closest codes; empty when loading failed
 */
public record LoadResult(String source, Optional<PackInfo> pack, List<PackProblem> problems, List<PackProblem> warnings) {
    public LoadResult {
        problems = List.copyOf(problems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A result without warnings. */
    public LoadResult(String source, Optional<PackInfo> pack, List<PackProblem> problems) {
        this(source, pack, problems, List.of());
    }

    /** True when the pack loaded without problems. */
    public boolean ok() {
        return pack.isPresent() && problems.isEmpty();
    }

    /**
     * The pack, or an exception listing the problems.
     *
     * @throws UnableToLoadPackException when loading failed
     */
    public PackInfo orThrow() {
        if (!ok()) {
            throw new UnableToLoadPackException(source, problems);
        }
        return pack.orElseThrow();
    }
}
