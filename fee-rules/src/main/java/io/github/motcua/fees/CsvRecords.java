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
