package io.github.motcua.rules;

import io.github.motcua.rules.internal.DefaultEngine;
import io.github.motcua.rules.internal.PackFiles;
import io.github.motcua.rules.internal.PrebuiltPacks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A pack compiled once, at publish time (gói dựng sẵn): {@link #compile} reads a pack folder and
 * compiles every procedure, exactly as an eager {@link Engine#load} does; {@link #write} stores the
 * pack's files and every procedure's generated, verified rule classes in one file whose identity is
 * the pack's content hash (SHA-256, the one decisions cite in their provenance). {@link Engine#load(Path)}
 * and {@link Engine#reload(Path)} given that file make every procedure ready with no rule compilation:
 * the classes are verified again before any is defined. An artifact of another library or Drools
 * version, a damaged or an altered one is refused with one {@link PackProblem} and nothing of it is
 * loaded (docs/prebuilt.md).
 *
 * <pre>{@code
 * try (PrebuiltPack p = PrebuiltPack.compile(Path.of("packs/gia-lai"))) {
 *     p.load().orThrow();                 // every problem an eager load finds
 *     // run the analysts' cases on p.engine() here, as `check` does
 *     p.write(Path.of("gia-lai.motcua"));
 * }
 * engine.load(Path.of("gia-lai.motcua")).orThrow();   // on every node
 * }</pre>
 *
 * <p>Not thread-safe; close it to stop its engine's threads.
 */
public final class PrebuiltPack implements AutoCloseable {
    private final DefaultEngine engine;
    private final PackFiles files;
    private final LoadResult load;

    private PrebuiltPack(DefaultEngine engine, PackFiles files, LoadResult load) {
        this.engine = engine;
        this.files = files;
        this.load = load;
    }

    /** Compiles every procedure of a pack folder with the default engine settings. */
    public static PrebuiltPack compile(Path packDir) {
        return compile(Motcua.engine(), packDir);
    }

    /**
     * Compiles every procedure of a pack folder with the given settings (its clock, firing limit,
     * compile threads and sections; compilation is always eager). The folder is read once: what is
     * compiled is what {@link #write} stores.
     */
    public static PrebuiltPack compile(EngineBuilder settings, Path packDir) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(packDir, "packDir");
        DefaultEngine engine = settings.buildKeepingClasses();
        List<PackProblem> problems = new ArrayList<>();
        PackFiles files = PackFiles.read(packDir, problems);
        LoadResult load = problems.isEmpty() ? engine.load(files)
                : new LoadResult(packDir.toString(), Optional.empty(), problems);
        return new PrebuiltPack(engine, files, new LoadResult(packDir.toString(), load.pack(), load.problems()));
    }

    /** Whether the file is a prebuilt pack (by its first bytes; loading it checks everything). */
    public static boolean isPrebuilt(Path file) {
        return PrebuiltPacks.looksLikeArtifact(Objects.requireNonNull(file, "file"));
    }

    /**
     * The pack files a prebuilt pack holds (pack-relative path to bytes), checked as a load checks
     * them (versions, checksum, content hash, sizes and names), e.g. to publish what the engine does
     * not serve.
     *
     * @throws UnableToLoadPackException naming the problem when the artifact is refused
     */
    public static SortedMap<String, byte[]> packFiles(Path artifact) {
        Objects.requireNonNull(artifact, "artifact");
        List<PackProblem> problems = new ArrayList<>();
        SortedMap<String, byte[]> files = PrebuiltPacks.packFiles(artifact, problems);
        if (files == null) {
            throw new UnableToLoadPackException(artifact.toString(), problems);
        }
        return files;
    }

    /** The eager load of the folder: every problem, or the pack. */
    public LoadResult load() {
        return load;
    }

    /** The engine serving the compiled pack (e.g. to run the analysts' cases before writing). */
    public Engine engine() {
        return engine;
    }

    /**
     * Writes the artifact (atomically: a temporary file, then a move).
     *
     * @throws IllegalStateException when the pack did not load without problems
     * @throws IOException           when the file cannot be written
     */
    public void write(Path out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (!load.ok()) {
            throw new IllegalStateException("the pack has problems; nothing to write: " + load.problems().size());
        }
        PrebuiltPacks.write(engine, files, out);
    }

    @Override
    public void close() {
        engine.close();
    }
}
