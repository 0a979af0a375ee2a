package io.github.motcua.calendar;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a pack's {@code calendar/} folder, given to {@link Calendars#load} by name and
 * content (so packs can come from a folder, the classpath or a database).
 *
 * <p>Immutable and thread-safe: the content is copied in and out.
 *
 * @param name    the name used in error messages, e.g. {@code calendar/2026.yaml}
 * @param content the UTF-8 YAML bytes
 */
public record CalendarFile(String name, byte[] content) {
    public CalendarFile {
        Objects.requireNonNull(name, "name");
        content = Objects.requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /**
     * Reads a file through the kernel's pack reader: a link leaving the file's folder, a file over the
     * reader's size limit or text that is not UTF-8 is refused as it is everywhere else in a pack. The
     * name in messages is the file's own name.
     *
     * @throws CalendarFileException when the file is missing, too large, unreadable or a link out of its folder
     */
    public static CalendarFile of(Path path) {
        String name = path.getFileName().toString();
        Path folder = path.toAbsolutePath().getParent();
        try {
            byte[] bytes = io.github.motcua.kernel.PackReader.of(folder).bytes(name)
                    .orElseThrow(() -> new CalendarFileException(path.toString(), 0, 0, CalendarMessages.file("FILE_NO_SUCH_FILE")));
            return new CalendarFile(name, bytes);
        } catch (io.github.motcua.kernel.PackReadException e) {
            throw new CalendarFileException(path.toString(), 0, 0, CalendarMessages.fileEach("FILE_CANNOT_READ", "detail",
                    e.problem().format(io.github.motcua.kernel.Messages.VI), e.getMessage()));
        }
    }

    /** A file from a name and text. */
    public static CalendarFile of(String name, String yaml) {
        return new CalendarFile(name, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalendarFile && ((CalendarFile) o).name.equals(name)
                && java.util.Arrays.equals(((CalendarFile) o).content, content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "CalendarFile[" + name + ", " + content.length + " bytes]";
    }

}
