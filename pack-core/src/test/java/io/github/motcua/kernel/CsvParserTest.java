package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    /**
     * The cell limit (issue 15 session 24: the one CSV grammar, fee-rules' own counting pass removed): on random texts
     * and every limit from 0 to a cell past the text's, a limited reading is the unlimited one when the text has at
     * most that many cells; otherwise it is the records before the one holding the first cell past the limit, the
     * unlimited reading's problems found before the cut, and one {@code CSV_TOO_MANY_CELLS} at that record's line.
     */
    @Test
    void aCellLimit_stopsAtTheRecordHoldingTheFirstCellPastIt() {
        Random r = new Random(24);
        String[] pieces = {"\"", "\"\"", ",", "\n", "\r", "\r\n", "a", "Lệ phí", " ", "x\"y", ",,", "\"a,b\"", "\"p\nq\""};
        int cut = 0;
        for (int k = 0; k < 6_000; k++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(14);
            for (int i = 0; i < len; i++) {
                b.append(pieces[r.nextInt(pieces.length)]);
            }
            String text = b.toString();
            CsvTable all = PackReader.csv("f.csv", text);
            long cells = all.rows().stream().mapToLong(row -> row.cells().size()).sum();
            for (int max = 0; max <= cells + 1; max++) {
                CsvTable limited = PackReader.csv("f.csv", text, max);
                String at = "[" + text.replace("\n", "\\n").replace("\r", "\\r") + "] max " + max;
                if (cells <= max) {
                    assertEquals(all, limited, at);
                    continue;
                }
                cut++;
                int kept = 0;
                long sum = 0;
                while (sum + all.rows().get(kept).cells().size() <= max) {
                    sum += all.rows().get(kept).cells().size();
                    kept++;
                }
                CsvTable.Row over = all.rows().get(kept);
                assertEquals(all.rows().subList(0, kept), limited.rows(), at);
                List<Problem> ps = limited.problems();
                Problem last = ps.get(ps.size() - 1);
                assertEquals(ProblemCode.CSV_TOO_MANY_CELLS, last.code(), at);
                assertEquals(over.line(), last.line(), at);
                assertEquals(String.valueOf(max), last.args().get("max"), at);
                // the problems found before the cut: every one of the records read, and any of the cut record's own
                // found before its cell past the limit
                List<Problem> before = ps.subList(0, ps.size() - 1);
                assertEquals(all.problems().subList(0, before.size()), before, at);
                assertTrue(before.containsAll(all.problems().stream().filter(p -> p.line() < over.line()).toList()), at);
            }
        }
        assertTrue(cut > 10_000, "cut readings: " + cut);
    }

    @Test
    void aCellLimit_saysSoInBothLanguages_andIsListedPastTheProblemCap() {
        CsvTable t = PackReader.csv("fees.csv", "a,b\nc,d\n\"e,\nf\",g\n", 5);
        Problem p = t.problems().get(t.problems().size() - 1);
        assertEquals("fees.csv:3:0: [CSV_TOO_MANY_CELLS] Tệp CSV có hơn 5 ô: không đọc tiếp từ dòng này", p.format(java.util.Locale.forLanguageTag("vi")));
        assertEquals("The CSV file has more than 5 cells: not read on from this line", p.messageEn());
        assertEquals(2, t.rows().size());

        // 20,000 stray characters after a quote, then more cells than the limit: the kernel's 10,000, its count, and the cut
        String text = "\"a\"b,".repeat(20_000) + "\n" + "x,".repeat(30_000) + "\n";
        CsvTable capped = PackReader.csv("fees.csv", text, 25_000);
        List<ProblemCode> codes = capped.problems().stream().map(Problem::code).toList();
        assertEquals(ProblemSink.MAX + 2, codes.size());
        assertEquals(ProblemCode.PROBLEMS_MORE, codes.get(ProblemSink.MAX));
        assertEquals(ProblemCode.CSV_TOO_MANY_CELLS, codes.get(ProblemSink.MAX + 1));
        assertEquals(2, capped.problems().get(ProblemSink.MAX + 1).line());
        assertEquals(1, capped.rows().size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PackReader.csv("f.csv", "a", -1));
    }
}
