package io.github.motcua.rules;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a background {@link Engine#reload}: whether the new pack replaced the old one.
 * A failed reload leaves the old pack serving.
 *
 * <p>Immutable and thread-safe.
 *
 * @param swapped  true when the new pack is now serving
 * @param serving  the pack serving after the reload (the old one when it failed), if any
 * @param problems the problems of the new pack (empty when swapped)
 * @param warnings the new pack's warnings when swapped ({@link LoadResult#warnings()}), else empty
 */
public record ReloadResult(boolean swapped, Optional<PackInfo> serving, List<PackProblem> problems,
        List<PackProblem> warnings) {
    public ReloadResult {
        problems = List.copyOf(problems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A result without warnings. */
    public ReloadResult(boolean swapped, Optional<PackInfo> serving, List<PackProblem> problems) {
        this(swapped, serving, problems, List.of());
    }
}
