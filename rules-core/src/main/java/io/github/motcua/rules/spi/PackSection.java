package io.github.motcua.rules.spi;

import io.github.motcua.rules.PackProblem;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loader for a part of a pack owned by another module: the calendar folder, fee tables
 * ({@code fees.csv}/{@code fees.xlsx}), {@code exemptions.yaml}, form schemas. The pack loader hands
 * each section the files it {@link #claims claims} and reports the section's problems with its own.
 * Register one with {@code Motcua.engine().section(...)}.
 *
 * <p>Implementations must be thread-safe: a reload may call {@link #load} while decisions run.
 */
public interface PackSection {

    /** A short name, e.g. {@code calendar}, {@code fees}, {@code forms}. */
    String name();

    /** Whether this section owns the file at this pack-relative path (forward slashes). */
    boolean claims(String path);

    /**
     * Loads the claimed files.
     *
     * @param files pack-relative path to content, in path order
     * @return what was built (kept with the pack, swapped with it on reload) and the problems found
     */
    Result load(Map<String, byte[]> files);

    /**
     * What a section built.
     *
     * @param value    the section's compiled data (opaque to the engine), or {@code null}
     * @param problems problems with file, line and column
     */
    record Result(Object value, List<PackProblem> problems) {
        public Result {
            problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
        }
    }
}
