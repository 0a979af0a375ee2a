package io.github.motcua.kernel;

import java.util.List;
import java.util.Objects;

/**
 * The records of a CSV pack file (RFC 4180), each with the line where it starts, and the problems
 * found while reading it (an unclosed quote, a character after a closing quote).
 *
 * <p>Immutable and thread-safe.
 *
 * @param file     the pack-relative file
 * @param rows     the records in file order
 * @param problems what was wrong, at most {@link ProblemSink#MAX} of them as found, then one
 *                 {@link ProblemCode#PROBLEMS_MORE} counting the others ({@link PackReader#csv}); the records are still
 *                 what could be read
 */
public record CsvTable(String file, List<Row> rows, List<Problem> problems) {
    public CsvTable {
        Objects.requireNonNull(file, "file");
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /**
     * One CSV record.
     *
     * @param line  the 1-based line where the record starts
     * @param cells the cells as written (quotes removed, doubled quotes undone)
     */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }
}
