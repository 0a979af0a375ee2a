package io.github.motcua.fees;

import io.github.motcua.kernel.CsvTable;
import io.github.motcua.kernel.PackReadException;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.kernel.Problem;
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
     * {@code FEES_CSV_TOO_MANY_CELLS} before the kernel's CSV reading, which keeps a string a cell of every record
     * whatever the problems (session 21's hostile 5 MB header of 2.6 million unknown columns kept 2.6 million).
     */
    static final int MAX_CELLS = XlsxArchive.MAX_CELLS;

    private CsvRecords() {
    }

    /**
     * The line where the record holding cell {@code max + 1} of {@code text} starts (as the kernel's rows give their
     * line), or 0 when it has at most {@code max} cells, counted
     * as the kernel's CSV reading ({@code PackReader.csv}) splits them — a quote opens a quoted cell only at the cell's
     * start, two quotes inside one are a quote, a comma or line end outside one ends a cell, {@code \r\n} is one line
     * end, a last record without a line end counts — in one pass, nothing allocated.
     */
    static int lineOfCellPast(String text, int max) {
        long cells = 0;
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean cellHasChars = false;
        boolean recordHasCells = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cellHasChars = true;
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    cellHasChars = true;
                    if (c == '\n') {
                        line++;
                    }
                }
                continue;
            }
            if (c == '"' && !cellHasChars && !afterQuote) {
                quoted = true;
            } else if (c == ',' || c == '\r' || c == '\n') {
                if (++cells > max) {
                    return recordLine;
                }
                cellHasChars = false;
                afterQuote = false;
                recordHasCells = c == ',';
                if (c != ',') {
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    line++;
                    recordLine = line;
                }
            } else if (afterQuote) {
                afterQuote = false; // the kernel reports it and drops the character
            } else {
                cellHasChars = true;
            }
        }
        if ((cellHasChars || recordHasCells) && ++cells > max) {
            return recordLine;
        }
        return 0;
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
        int over = lineOfCellPast(text, MAX_CELLS);
        if (over > 0) {
            // refused before the kernel's reading keeps a string a cell (issue 15 session 23): one problem, no rows
            return new RawTable(List.of(), List.of(FeeMessages.table(file, over, "", 0, "", "FEES_CSV_TOO_MANY_CELLS",
                    "max", MAX_CELLS, "rows", FeeTables.MAX_ROWS)));
        }
        CsvTable table = PackReader.csv(file, text);
        List<RawTable.RawRow> rows = new ArrayList<>(table.rows().size());
        for (CsvTable.Row r : table.rows()) {
            rows.add(new RawTable.RawRow(r.line(), r.cells()));
        }
        // at most FeeTables.MAX_PROBLEMS rendered (a stray quote in each of a million cells), the rest counted
        TableProblems problems = new TableProblems(file);
        for (Problem p : table.problems()) {
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
