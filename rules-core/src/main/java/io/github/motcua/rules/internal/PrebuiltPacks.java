package io.github.motcua.rules.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** What {@link io.github.motcua.rules.PrebuiltPack} needs of the internals. Stateless and thread-safe. */
public final class PrebuiltPacks {
    private PrebuiltPacks() {
    }

    /** Whether the file starts like a prebuilt pack. */
    public static boolean looksLikeArtifact(Path file) {
        return PrebuiltArchive.looksLikeArtifact(file);
    }

    /** The pack files of an artifact (an unmodifiable view), or null with its one problem added. */
    public static java.util.SortedMap<String, byte[]> packFiles(Path artifact, java.util.List<io.github.motcua.rules.PackProblem> problems) {
        PrebuiltArchive.Contents c = PrebuiltArchive.read(artifact, problems);
        return c == null ? null : c.files().files();
    }

    /**
     * Writes the pack {@code engine} serves, which must have been loaded from exactly {@code files}
     * by an engine keeping its classes.
     *
     * @throws IllegalStateException when the engine serves another pack or lacks a procedure's classes
     */
    public static void write(DefaultEngine engine, PackFiles files, Path out) throws IOException {
        String served = engine.pack().map(p -> p.sha256()).orElse(null);
        if (!files.sha256().equals(served)) {
            throw new IllegalStateException("the engine does not serve these pack files");
        }
        Map<String, RuleClasses.Generated> byKey = engine.generatedByKey();
        if (byKey == null) {
            throw new IllegalStateException("the engine did not keep every procedure's compiled classes");
        }
        PrebuiltArchive.write(out, files, byKey);
    }
}
