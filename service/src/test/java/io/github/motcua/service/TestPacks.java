package io.github.motcua.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/** The Gia Lai reference pack and dossiers of the repository, and copies of the pack to edit. */
final class TestPacks {
    static final Path GIA_LAI = Path.of("..", "examples", "packs", "gia-lai");
    static final Path DOSSIERS = Path.of("..", "examples", "dossiers");
    /** The service's and the tests' engines share this clock, so their decisions are byte-identical. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);

    private TestPacks() {
    }

    static String dossier(String name) {
        try {
            return Files.readString(DOSSIERS.resolve(name + ".json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The procedures the service's tests decide: birth, marriage, certified copies (with fees). */
    static final java.util.Set<String> SMALL = java.util.Set.of("1.001193", "1.000894", "2.000815");

    /**
     * A copy of the Gia Lai pack under {@code dir} with only the {@link #SMALL} procedures: the real
     * calendar, forms, fees, units and bases, loaded in a few seconds instead of half a minute.
     */
    static Path small(Path dir) {
        Path pack = copy(dir);
        try (Stream<Path> procs = Files.list(pack.resolve("procedures"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!SMALL.contains(p.getFileName().toString())) {
                    delete(p);
                }
            }
            // its lists name procedures this copy no longer has (a load problem): the service's tests do not need them
            Files.deleteIfExists(pack.resolve("digitisation.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pack;
    }

    static void delete(Path p) throws IOException {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path x : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(x);
            }
        }
    }

    /** A copy of the Gia Lai pack under {@code dir}. */
    static Path copy(Path dir) {
        Path target = dir.resolve("gia-lai");
        try (Stream<Path> files = Files.walk(GIA_LAI)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = target.resolve(GIA_LAI.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
