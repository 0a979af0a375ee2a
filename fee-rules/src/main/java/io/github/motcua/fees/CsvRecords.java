package io.github.motcua.fees;

import io.github.motcua.kernel.CsvTable;
import io.github.motcua.kernel.PackReadException;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.ProblemSink;
import java.util.ArrayList;
import java.util.List;

/**
 * A fee table's CSV through the kernel's one pack reader: strict UTF-8, BOM dropped, NFC, RFC 4180
 * records each with the line where it starts.
 */
final class CsvRecords {

    /**
     * The most cells a CSV fee table file may hold, as an XLSX one ({@link XlsxArchive#MAX_CELLS}): a real table has a
     * few dozen cells a row and at most {@link FeeTables#MAX_ROWS} rows. Past it the file is refused with
     * {@code FEES_CSV_TOO_MANY_CELLS}: the kernel's CSV reading is given this limit ({@link PackReader#csv(String,
     * String, int)}) and stops at the record holding the first cell past it, so at most this many cells are made
     * (session 21's hostile 5 MB header of 2.6 million unknown columns made 2.6 million strings).
     */
    static final int MAX_CELLS = XlsxArchive.MAX_CELLS;

    private CsvRecords() {
    }

    static RawTable read(String file, byte[] bytes) {
        String text;
        try {
            text = PackReader.decode(file, bytes);
        } catch (PackReadException e) {
            // the kernel's problem as every other pack file gets it: NOT_UTF8 at the first malformed byte
            Problem p = e.problem();
            return new RawTable(List.of(), List.of(new FeeTableProblem(file, p.line(), "", p.column(), "",
                    p.messageVi(), p.messageEn(), p.code().name())));
        }
        CsvTable table = PackReader.csv(file, text, MAX_CELLS);
        List<Problem> read = table.problems();
        if (!read.isEmpty() && read.get(read.size() - 1).code().equals(ProblemCode.CSV_TOO_MANY_CELLS)) {
            // the kernel stopped at the record holding cell MAX_CELLS + 1 (issue 15 sessions 23–24): the file is
            // refused with one problem at that record's line, no rows
            return new RawTable(List.of(), List.of(FeeMessages.table(file, read.get(read.size() - 1).line(), "", 0, "",
                    "FEES_CSV_TOO_MANY_CELLS", "max", MAX_CELLS, "rows", FeeTables.MAX_ROWS)));
        }
        List<RawTable.RawRow> rows = new ArrayList<>(table.rows().size());
        for (CsvTable.Row r : table.rows()) {
            rows.add(new RawTable.RawRow(r.line(), r.cells()));
        }
        // at most FeeTables.MAX_PROBLEMS rendered (a stray quote in each of a million cells), the rest counted
        TableProblems problems = new TableProblems(file);
        for (Problem p : read) {
            long stands = ProblemSink.KERNEL.stands(p);
            if (stands > 0) {
                problems.fold(stands, p.line(), p.column()); // the CSV reading's own count of what it did not keep
                continue;
            }
            if (problems.full()) {
                problems.count(p.line(), p.column());
                continue;
            }
            // the kernel's CSV problem (its code, e.g. CSV_UNCLOSED_QUOTE, and its bundle message)
            problems.add(new FeeTableProblem(file, p.line(), "", p.column(), p.args().getOrDefault("value", ""),
                    p.messageVi(), p.messageEn(), p.code().name()));
        }
        return new RawTable(rows, problems.closed());
    }
}
