package io.github.motcua.fees;

import java.util.List;

/**
 * Cells of a CSV or XLSX sheet before interpretation; problems are reading problems (encoding, quoting); warnings what
 * was read but deserves a look (an XLSX sheet, row or column hidden in the spreadsheet program).
 */
record RawTable(List<RawRow> rows, List<FeeTableProblem> problems, List<FeeTableProblem> warnings) {

    RawTable {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    RawTable(List<RawRow> rows, List<FeeTableProblem> problems) {
        this(rows, problems, List.of());
    }

    /** One record: its 1-based line (CSV: where it starts; XLSX: the sheet row) and its cells. */
    record RawRow(int line, List<String> cells) {
        RawRow {
            cells = List.copyOf(cells);
        }
    }
}
