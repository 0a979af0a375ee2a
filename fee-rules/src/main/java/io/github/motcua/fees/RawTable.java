package io.github.motcua.fees;

import java.util.List;

/** Cells of a CSV or XLSX sheet before interpretation; problems are reading problems (encoding, quoting). */
record RawTable(List<RawRow> rows, List<FeeTableProblem> problems) {

    RawTable {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** One record: its 1-based line (CSV: where it starts; XLSX: the sheet row) and its cells. */
    record RawRow(int line, List<String> cells) {
        RawRow {
            cells = List.copyOf(cells);
        }
    }
}
