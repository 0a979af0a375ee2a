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
    /** The message in both languages, or {@code null} when built from a plain (English) message. */
    private final transient Problem detail;

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
        this.detail = null;
    }

    /**
     * A problem at a place in a calendar file whose message is the calendar bundle's, in Vietnamese and
     * English ({@link #problem()} and {@link #getMessage()} give the English one).
     */
    CalendarFileException(String file, int line, int column, Problem detail) {
        super(String.format(Locale.ROOT, "%s:%d:%d: %s", file, line, column, detail.messageEn()));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = detail.messageEn();
        this.kernel = null;
        this.detail = detail;
    }

    /** A refusal by the kernel's pack reader, keeping its problem (code, bundle message) whole. */
    CalendarFileException(Problem kernel, String problem) {
        super(String.format(Locale.ROOT, "%s:%d:%d: %s", kernel.file(), kernel.line(), kernel.column(), problem));
        this.file = kernel.file();
        this.line = kernel.line();
        this.column = kernel.column();
        this.problem = problem;
        this.kernel = kernel;
        this.detail = null;
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
        Locale vi = io.github.motcua.kernel.Messages.VI;
        return Problem.ofText(file, line, column, CODE, Severity.ERROR,
                io.github.motcua.kernel.Messages.render(CalendarMessages.BUNDLE, "FILE_AT_FAULT", vi, "detail", problem(vi)),
                io.github.motcua.kernel.Messages.render(CalendarMessages.BUNDLE, "FILE_AT_FAULT", Locale.ENGLISH, "detail", problem));
    }

    /** The plain message without the position prefix (English). */
    public String problem() {
        return problem;
    }

    /**
     * The plain message without the position prefix in the reader's language (Vietnamese unless
     * English); a message the calendar's bundle does not have (e.g. the pack reader's) is the same in both.
     */
    public String problem(Locale locale) {
        if (kernel != null) {
            return kernel.message(locale);
        }
        return detail == null ? problem : detail.message(locale);
    }
}
