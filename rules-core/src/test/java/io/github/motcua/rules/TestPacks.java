package io.github.motcua.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Copies test packs to a temporary folder so a test can break one file (also used by the hardening tests). */
public final class TestPacks {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);

    private TestPacks() {
    }

    public static Path source(String name) {
        try {
            return Path.of(TestPacks.class.getClassLoader().getResource("packs/" + name + "/pack.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path copy(String name, Path target) {
        return copyTree(source(name), target);
    }

    /** Copies the folder {@code from} (files and sub-folders) to {@code to}, which must not exist yet; returns {@code to}. */
    public static Path copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    public static void edit(Path file, UnaryOperator<String> change) {
        try {
            String s = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            Files.createDirectories(file.getParent());
            Files.writeString(file, change.apply(s), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        edit(file, s -> text);
    }

    static Engine engine() {
        return Motcua.engine().clock(CLOCK).firingLimit(200).build();
    }

    static Engine loaded(Path pack) {
        Engine e = engine();
        e.load(pack).orThrow();
        return e;
    }

    static String birth(String form) {
        return "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\",\"form\":"
                + form + "}";
    }

    static String marriage(String form) {
        return "{\"procedure\":\"1.000894\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\",\"form\":"
                + form + "}";
    }
}
