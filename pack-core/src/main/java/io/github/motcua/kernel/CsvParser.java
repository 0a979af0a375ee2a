package io.github.motcua.kernel;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV with the line where each record starts. Stateless; thread-safe. */
final class CsvParser {
    private CsvParser() {
    }

    static CsvTable parse(String file, String text) {
        List<CsvTable.Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                continue;
            }
            if (c == '"' && cell.length() == 0 && !afterQuote) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
                rows.add(new CsvTable.Row(recordLine, cells));
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else if (afterQuote) {
                problems.add(Problem.of(file, line, cells.size() + 1, ProblemCode.CSV_AFTER_QUOTE,
                        "value", String.valueOf(c)));
                afterQuote = false;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            problems.add(Problem.of(file, recordLine, cells.size() + 1, ProblemCode.CSV_UNCLOSED_QUOTE));
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new CsvTable.Row(recordLine, cells));
        }
        return new CsvTable(file, rows, problems);
    }
}
