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
 */
public record FeeTableResult(FeeTable table, List<FeeTableProblem> problems) {

    public FeeTableResult {
        problems = List.copyOf(problems);
        if ((table == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a fee table result holds a table or problems, not both or neither");
        }
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
