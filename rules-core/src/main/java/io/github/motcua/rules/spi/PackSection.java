package io.github.motcua.rules.spi;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.ReceivingUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loader for a part of a pack owned by another module: the calendar folder, fee tables
 * ({@code fees.csv}/{@code fees.xlsx}), {@code exemptions.yaml}, form schemas. The pack loader hands
 * each section the files it {@link #claims claims} and reports the section's problems with its own.
 * Register one with {@code Motcua.engine().section(...)}; a section that also contributes to every
 * decision is a {@link DecisionSection}. Two sections with the same name, or claiming the same file,
 * make the load fail ({@code DUPLICATE_SECTION}, {@code SECTION_CLAIM_CONFLICT}) — a section never
 * silently replaces another.
 *
 * <p>Implementations must be thread-safe: a reload may call {@link #load} while decisions run, and the sections
 * of one load or reload are loaded at the same time as each other (each on the calling thread or one of the
 * engine's load threads); their problems and warnings are still reported in the sections' order.
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
     * Loads the claimed files knowing the rest of the pack (its legal bases, units and pack.yaml),
     * which a fee table or a calendar needs to resolve basis ids and unit codes. The engine calls
     * this method; the default ignores the context and calls {@link #load(Map)}.
     *
     * @param files   pack-relative path to content, in path order
     * @param context the pack around the claimed files
     */
    default Result load(Map<String, byte[]> files, Context context) {
        return load(files);
    }

    /**
     * Whether what {@link #load(Map, Context)} builds depends only on the claimed files and the
     * pack-wide files (everything outside {@code procedures/}): then a reload that finds all of them
     * byte-identical keeps the value already built instead of loading again. Default false.
     */
    default boolean reusable() {
        return false;
    }

    /**
     * Loads the claimed files on a reload whose pack-wide files (everything outside
     * {@code procedures/}) are byte-identical to those {@code previous} was built from, so a section
     * may keep what belongs to the procedure folders in {@code unchanged} (byte-identical too). The
     * default loads everything again.
     *
     * @param previous  what this section built for the serving pack
     * @param unchanged codes of the procedure folders whose files are all byte-identical
     */
    default Result reload(Map<String, byte[]> files, Context context, Object previous, java.util.Set<String> unchanged) {
        return load(files, context);
    }

    /**
     * The pack around a section's files, parsed by the engine before any section loads.
     *
     * @param info  the pack's identity and defaults, or {@code null} when pack.yaml is broken (its
     *              problems are reported by the engine)
     * @param bases every legal basis of {@code legal-bases/*.yaml}, by id
     * @param units every receiving unit of {@code units.yaml}, by code
     * @param files every file of the pack (pack-relative path to content), e.g. to read pack.yaml
     */
    record Context(PackInfo info, Map<String, LegalBasis> bases, Map<String, ReceivingUnit> units,
            Map<String, byte[]> files) {
        public Context {
            bases = Map.copyOf(Objects.requireNonNull(bases, "bases"));
            units = Map.copyOf(Objects.requireNonNull(units, "units"));
            files = java.util.Collections.unmodifiableMap(Objects.requireNonNull(files, "files"));
        }
    }

    /**
     * What a section built.
     *
     * @param value    the section's compiled data (opaque to the engine), or {@code null}
     * @param problems problems with file, line and column: any keeps the pack out
     * @param warnings things worth an analyst's look that do not keep the pack out (e.g. a reference to a
     *                 procedure the pack does not have: a pack copied in part still loads), reported in
     *                 {@code LoadResult.warnings()}
     */
    record Result(Object value, List<PackProblem> problems, List<PackProblem> warnings) {
        public Result {
            problems = List.copyOf(Objects.requireNonNull(problems, "problems"));
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** A result without warnings. */
        public Result(Object value, List<PackProblem> problems) {
            this(value, problems, List.of());
        }
    }
}
