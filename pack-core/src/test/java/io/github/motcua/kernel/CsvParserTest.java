package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvParser} reads runs of plain characters at once; {@link #reference} is the character-at-a-time reading it
 * replaced (session 18's code, kept here as the specification): both give the same rows, lines, cells and problems on
 * every text, here tens of thousands of random texts over the characters that matter (quotes, commas, line ends,
 * Vietnamese letters) and the fee tables of the example packs.
 */
class CsvParserTest {
    static CsvTable reference(String file, String text) {
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

    private static void same(String text) {
        assertEquals(reference("fees.csv", text), CsvParser.parse("fees.csv", text), () -> "for: " + text.replace("\n", "\\n")
                .replace("\r", "\\r"));
    }

    @Test
    void randomTexts_readAsTheCharacterAtATimeReading() {
        Random r = new Random(4180);
        String[] pieces = {"\"", "\"\"", ",", "\n", "\r", "\r\n", "a", "Lệ phí", " ", "1.000", "x\"y", "đ", ",,", "\"a,b\""};
        for (int k = 0; k < 30_000; k++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(14);
            for (int i = 0; i < len; i++) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            same(b.toString());
        }
    }

    @Test
    void theExampleFeeTables_readAsTheCharacterAtATimeReading() throws Exception {
        int n = 0;
        try (var walk = java.nio.file.Files.walk(SourceTree.repository().resolve("examples"))) {
            for (java.nio.file.Path f : walk.filter(p -> p.toString().endsWith(".csv")).toList()) {
                same(java.nio.file.Files.readString(f));
                n++;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(n >= 10, "example CSV files: " + n);
    }
}
