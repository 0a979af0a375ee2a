package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The repository's own files, for differential tests that compare a purpose-built reader or check with the library
 * it stands in for over every real file (pack-core's {@code YamlSubsetTest}, rules-core's {@code ProcedureShapeTest}
 * and {@code RoutingTest}; shared through pack-core's test jar).
 */
public final class SourceTree {
    private SourceTree() {
    }

    /** The repository's root: the nearest folder at or above the working directory holding {@code examples/packs}. */
    public static Path repository() {
        Path p = Paths.get("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/packs"))) {
            p = p.getParent();
        }
        assertNotNull(p, "the repository's root (with examples/packs) above " + Paths.get("").toAbsolutePath());
        return p;
    }

    /** Every YAML file of the repository's sources, packs and test resources (not build output, not dot folders), sorted. */
    public static List<Path> yamlFiles() {
        return files(".yaml", ".yml");
    }

    /** Every JSON file of the repository's sources, packs and test resources (not build output, not dot folders), sorted. */
    public static List<Path> jsonFiles() {
        return files(".json");
    }

    /**
     * Every file of the repository's sources, packs, documents and test resources (not build output, not dot folders),
     * whatever its kind, sorted.
     */
    public static List<Path> allFiles() {
        return files("");
    }

    /** The files, as {@link #yamlFiles()} walks for them, whose name ends with one of {@code suffixes}. */
    private static List<Path> files(String... suffixes) {
        Path root = repository();
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    return !d.equals(root) && (name.equals("target") || name.startsWith("."))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String name = f.getFileName().toString();
                    if (attrs.isRegularFile()) {
                        for (String suffix : suffixes) {
                            if (name.endsWith(suffix)) {
                                found.add(f);
                                break;
                            }
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(found);
        return found;
    }
}
