package io.github.motcua.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs the command line in-process and copies the Gia Lai pack, for the command tests. */
public final class Cli {
    static final Path GIA_LAI = Path.of("packs/gia-lai");
    static final Path DOSSIERS = Path.of("dossiers");

    private Cli() {
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** A writable copy of the Gia Lai pack under {@code dir}. */
    static Path copyOfGiaLai(Path dir) {
        return copy(GIA_LAI, dir.resolve("gia-lai"));
    }

    /**
     * A writable copy of the small test pack (two civil-status procedures, all cases passing) with
     * the Gia Lai shared form definitions, under {@code dir}.
     */
    public static Path copyOfSmallPack(Path dir) {
        Path target = copy(Path.of("src/test/resources/packs/ho-tich"), dir.resolve("ho-tich"));
        copy(GIA_LAI.resolve("forms"), target.resolve("forms"));
        return target;
    }

    /**
     * {@link #copyOfSmallPack} with procedure {@code code}'s folder broken (its competence level set to one the schema
     * refuses), for the options that decide what a broken folder does to a start.
     */
    public static Path copyOfSmallPackWithBrokenProcedure(Path dir, String code) throws IOException {
        Path pack = copyOfSmallPack(dir);
        Path yaml = pack.resolve("procedures/" + code + "/procedure.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        if (!text.contains("level: COMMUNE")) {
            throw new IllegalStateException("the test's edit must apply to " + yaml);
        }
        Files.writeString(yaml, text.replace("level: COMMUNE", "level: HAMLET"), StandardCharsets.UTF_8);
        return pack;
    }

    /** Copies the folder tree {@code source} to {@code target} (test set-ups of the CLI and the desk). */
    public static Path copy(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
