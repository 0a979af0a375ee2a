package io.github.motcua.fees;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing a fee table: the table, or every problem that prevented it. A table is
 * built only when there is no problem at all, so a half-read table never exists.
 *
 * <p>Immutable and thread-safe.
 *
 * @param table    the table, or {@code null} when {@code problems} is not empty
 * @param problems every problem found, in file order
 * @param warnings what was read but deserves an analyst's look, with or without a table: in an XLSX file, the sheet
 *                 read when it is hidden, each hidden row and hidden column that holds a value (codes
 *                 {@code XLSX_HIDDEN_*}; docs/fees.md); never in the way of the table
 */
public record FeeTableResult(FeeTable table, List<FeeTableProblem> problems, List<FeeTableProblem> warnings) {

    public FeeTableResult {
        problems = List.copyOf(problems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        if ((table == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a fee table result holds a table or problems, not both or neither");
        }
    }

    /** A result without warnings. */
    public FeeTableResult(FeeTable table, List<FeeTableProblem> problems) {
        this(table, problems, List.of());
    }

    /** This result with {@code more} warnings after its own. */
    FeeTableResult withWarnings(List<FeeTableProblem> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<FeeTableProblem> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new FeeTableResult(table, problems, all);
    }

    /** Whether the table was built. */
    public boolean ok() {
        return table != null;
    }

    /** The table if it was built. */
    public Optional<FeeTable> tableIfOk() {
        return Optional.ofNullable(table);
    }

    /** The table, or throws {@link InvalidFeeTableException} listing every problem. */
    public FeeTable orThrow() {
        if (table == null) {
            throw new InvalidFeeTableException(problems);
        }
        return table;
    }
}
