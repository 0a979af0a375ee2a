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

    /*
     * What failed ({@link #reason()}): a pack loader reports a calendar file's problem under one of these, so an
     * embedder or a tool can tell them apart (before session 12 every one was CALENDAR).
     */
    /** The file cannot be read: too large, missing, an I/O error, not UTF-8, malformed YAML, empty, a key twice, too deep. */
    public static final ProblemCode UNREADABLE = new ProblemCode("CALENDAR_UNREADABLE");
    /** A value of the wrong shape: not a mapping, list, text, date, time, number or boolean; an unknown or missing key or kind. */
    public static final ProblemCode MALFORMED = new ProblemCode("CALENDAR_MALFORMED");
    /** A date or number outside what the calendar covers: 1900–2199, a schedule's own year, a range over 31 days. */
    public static final ProblemCode OUT_OF_RANGE = new ProblemCode("CALENDAR_OUT_OF_RANGE");
    /** A lunar anchor that no lunar year has: a month outside 1..12 or a day outside 1..30. */
    public static final ProblemCode NO_SUCH_LUNAR_DATE = new ProblemCode("CALENDAR_NO_SUCH_LUNAR_DATE");
    /** A range or a rule's validity that ends before it starts. */
    public static final ProblemCode RANGE_REVERSED = new ProblemCode("CALENDAR_RANGE_REVERSED");
    /**
     * The calendar contradicts itself: a day listed twice, a year's schedule given twice, a legal basis declared twice, a
     * weekday made a swapped working day, a weekend day made a day off.
     */
    public static final ProblemCode CONFLICT = new ProblemCode("CALENDAR_CONFLICT");
    /** A legal basis the calendar files cite is not declared, or its declaration is wrong. */
    public static final ProblemCode UNKNOWN_BASIS = new ProblemCode("CALENDAR_UNKNOWN_BASIS");

    /** The {@link #reason()} of each message key of the calendar bundle a file problem is worded with. */
    private static final java.util.Map<String, ProblemCode> REASONS = reasons();

    private static java.util.Map<String, ProblemCode> reasons() {
        java.util.Map<String, ProblemCode> m = new java.util.HashMap<>();
        for (String k : new String[] {"FILE_TOO_LARGE", "FILE_NO_SUCH_FILE", "FILE_CANNOT_READ"}) {
            m.put(k, UNREADABLE);
        }
        for (String k : new String[] {"FILE_OUT_OF_RANGE", "FILE_DATE_OUTSIDE_YEAR", "FILE_RANGE_TOO_LONG"}) {
            m.put(k, OUT_OF_RANGE);
        }
        for (String k : new String[] {"FILE_LUNAR_DAY", "FILE_LUNAR_MONTH"}) {
            m.put(k, NO_SUCH_LUNAR_DATE);
        }
        for (String k : new String[] {"FILE_RULE_REVERSED", "FILE_RANGE_REVERSED"}) {
            m.put(k, RANGE_REVERSED);
        }
        for (String k : new String[] {"FILE_DAY_TWICE", "FILE_YEAR_TWICE", "FILE_BASIS_TWICE", "FILE_SWAPPED_WORKING_WEEKDAY",
            "FILE_OFF_ON_WEEKEND"}) {
            m.put(k, CONFLICT);
        }
        for (String k : new String[] {"FILE_UNKNOWN_BASIS", "FILE_BAD_BASIS"}) {
            m.put(k, UNKNOWN_BASIS);
        }
        return java.util.Map.copyOf(m);
    }

    /** The reason a file problem worded with the bundle's {@code key} is reported under (malformed unless listed). */
    static ProblemCode reasonOf(String key) {
        return REASONS.getOrDefault(key, MALFORMED);
    }

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

    /**
     * What failed, as a code a pack loader reports it under: {@link #UNREADABLE}, {@link #MALFORMED},
     * {@link #OUT_OF_RANGE}, {@link #NO_SUCH_LUNAR_DATE}, {@link #RANGE_REVERSED}, {@link #CONFLICT} or
     * {@link #UNKNOWN_BASIS}; {@link #CODE} for an exception built from a plain message. ({@link #toProblem()} keeps
     * the code {@code CALENDAR_FILE}, which its callers match on.)
     */
    public ProblemCode reason() {
        if (kernel != null) {
            return UNREADABLE;
        }
        if (detail == null) {
            return CODE;
        }
        ProblemCode c = detail.code();
        return c.name().startsWith("CALENDAR_") ? c : MALFORMED;
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
