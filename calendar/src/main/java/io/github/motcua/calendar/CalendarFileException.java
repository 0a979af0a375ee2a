package io.github.motcua.calendar;

import java.util.Locale;

/**
 * A calendar file of a pack (lịch nghỉ lễ, lịch hoán đổi ngày làm việc) could not be read: malformed
 * YAML, an unknown key, a bad date, a date outside 1900–2199, a reversed range, or a schedule that
 * contradicts itself (a day both off and a swapped working day). Carries the file name, the
 * 1-based line and column (0 when unknown) and a plain message.
 *
 * <p>Immutable and thread-safe.
 */
public final class CalendarFileException extends CalendarException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param file    the file name as given to the loader
     * @param line    1-based line, 0 when unknown
     * @param column  1-based column, 0 when unknown
     * @param problem the plain message, naming the offending value in brackets
     */
    public CalendarFileException(String file, int line, int column, String problem) {
        super(String.format(Locale.ROOT, "%s:%d:%d: %s", file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /** The file name as given to the loader. */
    public String file() {
        return file;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The plain message without the position prefix. */
    public String problem() {
        return problem;
    }
}
