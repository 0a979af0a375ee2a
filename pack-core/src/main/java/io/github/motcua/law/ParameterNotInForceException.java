package io.github.motcua.law;

import java.time.LocalDate;
import java.util.Locale;

/** A {@link Parameter} has no value on a date: before its first value, or after a repeal. */
public final class ParameterNotInForceException extends RuntimeException
        implements io.github.motcua.kernel.ProblemCarrier {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final transient LocalDate date;

    public ParameterNotInForceException(String id, LocalDate date, LocalDate firstFrom) {
        super(String.format(Locale.ROOT, "parameter [%s] has no value in force on [%s] (first value from [%s])",
                id, date, firstFrom));
        this.id = id;
        this.date = date;
    }

    /** The parameter's id. */
    public String id() {
        return id;
    }

    /** The date asked. */
    public LocalDate date() {
        return date;
    }

    /** The same in Vietnamese. */
    public String messageVi() {
        return String.format(Locale.ROOT, "Tham số [%s] không có giá trị hiệu lực vào ngày [%s]", id, date);
    }

    /** Code {@code PARAMETER_NOT_IN_FORCE}, with {@link #messageVi()} and the English message. */
    @Override
    public java.util.List<io.github.motcua.kernel.Problem> toProblems() {
        return java.util.List.of(io.github.motcua.kernel.Problem.ofText("", 0, 0,
                new io.github.motcua.kernel.ProblemCode("PARAMETER_NOT_IN_FORCE"), io.github.motcua.kernel.Severity.ERROR,
                messageVi(), getMessage()));
    }
}
