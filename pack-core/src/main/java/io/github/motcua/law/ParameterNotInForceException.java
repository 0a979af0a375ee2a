package io.github.motcua.law;

import java.time.LocalDate;
import java.util.Locale;

/** A {@link Parameter} has no value on a date: before its first value, or after a repeal. */
public final class ParameterNotInForceException extends RuntimeException
        implements io.github.motcua.kernel.ProblemCarrier {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final transient LocalDate date;
    private final transient LocalDate firstFrom;

    public ParameterNotInForceException(String id, LocalDate date, LocalDate firstFrom) {
        super(String.format(Locale.ROOT, "parameter [%s] has no value in force on [%s] (first value from [%s])",
                id, date, firstFrom));
        this.id = id;
        this.date = date;
        this.firstFrom = firstFrom;
    }

    /** The parameter's id. */
    public String id() {
        return id;
    }

    /** The date asked. */
    public LocalDate date() {
        return date;
    }

    /** The message in Vietnamese (the kernel bundle's {@code PARAMETER_NOT_IN_FORCE}). */
    public String messageVi() {
        return toProblem().messageVi();
    }

    /**
     * Code {@code PARAMETER_NOT_IN_FORCE}, the kernel bundle's message of that key in Vietnamese and
     * English (the English is {@link #getMessage()}).
     */
    @Override
    public java.util.List<io.github.motcua.kernel.Problem> toProblems() {
        return java.util.List.of(new io.github.motcua.kernel.Problem("", 0, 0, "",
                new io.github.motcua.kernel.ProblemCode("PARAMETER_NOT_IN_FORCE"), io.github.motcua.kernel.Severity.ERROR,
                io.github.motcua.kernel.Messages.KERNEL, "PARAMETER_NOT_IN_FORCE",
                io.github.motcua.kernel.Messages.pairs("id", id, "date", String.valueOf(date), "first", String.valueOf(firstFrom))));
    }
}
