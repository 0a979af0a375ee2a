package io.github.motcua.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scratch folders of the benchmark programs: each one made here is deleted when the JVM exits (a program stopped by an
 * exception or a JMH fork included), so repeated runs do not fill the temporary folder (a 2,000-procedure catalogue
 * is ≈ 26 MB; a session's runs had left ≈ 29 GB behind). Deletion happens after the program's measurements, in a
 * shutdown hook, so it is never inside a measured window.
 */
final class Scratch {

    private static final List<Path> MADE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Scratch::deleteAll, "motcua-scratch-cleanup"));
    }

    private Scratch() {
    }

    /** A new empty folder under the system's temporary folder, deleted with its content when the JVM exits. */
    static Path directory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        synchronized (MADE) {
            MADE.add(dir);
        }
        return dir;
    }

    /** Deletes {@code root} and everything under it, now; a tree already gone is no error. */
    static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll() {
        List<Path> dirs;
        synchronized (MADE) {
            dirs = List.copyOf(MADE);
        }
        for (Path dir : dirs) {
            try {
                delete(dir);
            } catch (RuntimeException e) {
                System.err.println("could not delete scratch folder " + dir + ": " + e);
            }
        }
    }
}
