package io.github.motcua.calendar;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
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

    /** The code of {@link #toProblem()}. */
    public static final ProblemCode CODE = new ProblemCode("CALENDAR_FILE");

    private final String file;
    private final int line;
    private final int column;
    private final String problem;
    /** The kernel reader's own problem, when the pack reader refused the file. */
    private final transient Problem kernel;

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
        this.kernel = null;
    }

    /** A refusal by the kernel's pack reader, keeping its problem (code, bundle message) whole. */
    CalendarFileException(Problem kernel, String problem) {
        super(String.format(Locale.ROOT, "%s:%d:%d: %s", kernel.file(), kernel.line(), kernel.column(), problem));
        this.file = kernel.file();
        this.line = kernel.line();
        this.column = kernel.column();
        this.problem = problem;
        this.kernel = kernel;
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

    /**
     * This failure as the kernel's {@link Problem} (code {@code CALENDAR_FILE}), the one structure the
     * CLI, the desk and a service render. The calendar's messages are English with the value in
     * brackets; the Vietnamese text says which file is wrong and carries the same detail.
     */
    public Problem toProblem() {
        if (kernel != null) {
            return kernel;
        }
        return Problem.ofText(file, line, column, CODE, Severity.ERROR, "Lỗi trong tệp lịch: " + problem, problem);
    }

    /** The plain message without the position prefix. */
    public String problem() {
        return problem;
    }
}
