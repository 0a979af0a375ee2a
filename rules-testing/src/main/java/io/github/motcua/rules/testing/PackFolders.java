package io.github.motcua.rules.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Copies of a pack folder that a test may break one file at a time (bộ quy tắc tạm để kiểm thử):
 * <pre>{@code
 * @TempDir Path dir;
 * Path pack = PackFolders.copy(Path.of("packs/gia-lai"), dir);
 * PackFolders.edit(pack.resolve("pack.yaml"), s -> s.replace("boundaryFree: true", "boundaryFree: false"));
 * }</pre>
 * Files are copied byte for byte, folders recreated, symbolic links not followed (a link is copied as
 * the file it is, so the engine still sees and refuses it). Text is read and written as UTF-8.
 *
 * <p>Thread-safe (stateless).
 */
public final class PackFolders {
    private PackFolders() {
    }

    /**
     * Copies every file and folder under {@code source} into {@code target} (created when missing).
     *
     * @return {@code target}
     * @throws UncheckedIOException when a file cannot be read or written
     */
    public static Path copy(Path source, Path target) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(p, t, LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /**
     * Rewrites {@code file} with {@code change} applied to its text (an absent file reads as empty and is
     * created, with its folders).
     *
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public static void edit(Path file, UnaryOperator<String> change) {
        Objects.requireNonNull(change, "change");
        try {
            String s = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, change.apply(s), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code file} (created with its folders, or replaced). */
    public static void write(Path file, String text) {
        Objects.requireNonNull(text, "text");
        edit(file, s -> text);
    }
}
