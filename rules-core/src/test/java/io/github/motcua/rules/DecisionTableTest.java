package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.fees.FeeDirective;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule decision tables (*.rules.csv / *.rules.xlsx): rules per row, problems at the table's row and column. */
class DecisionTableTest {
    static final String TABLE = "procedures/GL.LLTP.01/fee.rules.csv";
    static final String LLTP = "{\"procedure\":\"GL.LLTP.01\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
            + "\"applicant\":%s,\"form\":{}}";

    @TempDir
    Path dir;

    static String dump(LoadResult r) {
        return r.problems().stream().map(PackProblem::toString).collect(Collectors.joining("\n"));
    }

    @Nested
    class Rows {
        @Test
        void decide_studentRow_reducesFeeByHalfAndTracesTheTableRow() {
            try (Engine e = TestPacks.engine()) {
                e.load(DecisionTableTest.class.getClassLoader(), "packs/guide").orThrow();
                Decision d = e.decide(String.format(LLTP, "{\"categories\":[\"STUDENT\"]}"));
                FeeDirective f = d.feeDirectives().get(0);
                assertEquals(FeeDirective.Kind.REDUCE, f.kind());
                assertEquals(50, f.percent()); // TT 244/2016 Art. 4: 100,000 of 200,000 đ
                assertEquals("TT-244-2016-D4", f.basis().id());
                Decision.TraceStep t = d.trace().stream().filter(s -> s.file().equals(TABLE)).findFirst().orElseThrow();
                assertEquals("Học sinh, sinh viên được giảm 50%", t.rule());
                assertEquals(6, t.line()); // the sixth line of the CSV
            }
        }

        @Test
        void decide_elderlyDerivedFromBirthDate_isExempt() {
            try (Engine e = TestPacks.engine()) {
                e.load(DecisionTableTest.class.getClassLoader(), "packs/guide").orThrow();
                // born 1966-03-02: full 60 on 2026-03-02 (Luật Người cao tuổi Art. 2)
                Decision d = e.decide(String.format(LLTP, "{\"birthDate\":\"1966-03-02\"}"));
                assertEquals(FeeDirective.Kind.EXEMPT, d.feeDirectives().get(0).kind());
                Decision younger = e.decide(String.format(LLTP, "{\"birthDate\":\"1966-03-03\"}"));
                assertTrue(younger.feeDirectives().isEmpty());
            }
        }
    }

    @Nested
    class BadCells {
        LoadResult loadWithTable(String csv) {
            Path p = TestPacks.copy("guide", dir);
            TestPacks.write(p.resolve(TABLE), csv);
            try (Engine e = TestPacks.engine()) {
                return e.load(p);
            }
        }

        static final String HEADER = "name,basis,\"when Applicant( hasCategory(\"\"$1\"\") )\",\"then decision.reduce(\"\"phi-lltp\"\", $1, \"\"giảm\"\")\",\"then decision.optional(\"\"$1\"\")\"\n";

        @Test
        void load_textInANumericCell_isReportedAtItsRowAndColumn() {
            LoadResult r = loadWithTable(HEADER + "a,TT-244-2016-D4,STUDENT,50,giay-to-mien-giam\n"
                    + "b,TT-244-2016-D4,MERITORIOUS,50); System.exit(1,giay-to-mien-giam\n");
            assertFalse(r.ok());
            PackProblem p = r.problems().get(0);
            assertEquals(TABLE, p.file(), dump(r));
            assertEquals("TABLE_BAD_CELL", p.code());
            assertEquals(3, p.line());
            assertEquals(4, p.column());
        }

        @Test
        void load_unknownBasisInARow_isReportedAtTheBasisCell() {
            LoadResult r = loadWithTable(HEADER + "a,TT-244-2016-D4,STUDENT,50,giay-to-mien-giam\nb,TT-999,MERITORIOUS,50,\n");
            PackProblem p = r.problems().stream().filter(x -> x.code().equals("LINT_UNKNOWN_BASIS")).findFirst().orElseThrow(() -> new AssertionError(dump(r)));
            assertEquals(3, p.line());
            assertEquals(2, p.column());
        }

        @Test
        void load_unknownComponentInARow_isReportedAtItsCell() {
            LoadResult r = loadWithTable(HEADER + "a,TT-244-2016-D4,STUDENT,50,so-ho-khau\n");
            PackProblem p = r.problems().stream().filter(x -> x.code().equals("LINT_UNKNOWN_COMPONENT")).findFirst().orElseThrow(() -> new AssertionError(dump(r)));
            assertEquals(2, p.line());
            assertEquals(5, p.column());
        }

        @Test
        void load_quoteInATextCell_isEscapedNotInjected() {
            LoadResult r = loadWithTable(HEADER + "a,TT-244-2016-D4,\"STUDENT\"\") || true || hasCategory(\"\"x\",50,\n");
            assertTrue(r.ok(), dump(r));
        }
    }

    @Test
    void load_xlsxTable_compilesLikeTheCsv() throws IOException {
        Path p = TestPacks.copy("guide", dir);
        Files.delete(p.resolve(TABLE));
        try (OutputStream out = Files.newOutputStream(p.resolve("procedures/GL.LLTP.01/fee.rules.xlsx"));
                Workbook wb = new Workbook(out, "motcua-test", "1.0")) {
            Worksheet ws = wb.newWorksheet("rules");
            String[] header = {"name", "basis", "when Applicant( hasCategory(\"$1\") )", "then decision.reduce(\"phi-lltp\", $1, \"giảm\")"};
            String[] row = {"Sinh viên được giảm 50%", "TT-244-2016-D4", "STUDENT", "50"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
                ws.value(1, c, row[c]);
            }
            ws.value(2, 0, "Hàng lỗi");
            ws.value(2, 1, "TT-244-2016-D4");
            ws.value(2, 2, "MERITORIOUS");
            ws.value(2, 3, "năm mươi");
        }
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            PackProblem bad = r.problems().stream().filter(x -> x.code().equals("TABLE_BAD_CELL")).findFirst().orElseThrow(() -> new AssertionError(dump(r)));
            assertEquals("procedures/GL.LLTP.01/fee.rules.xlsx", bad.file());
            assertEquals(3, bad.line());
            assertEquals(4, bad.column());
        }
    }

    /**
     * Session 17: a decision table's hidden row is a rule like any other (the spreadsheet program hides it, the engine
     * does not): it is compiled and decides, and the load names it as a warning at its sheet and row, Vietnamese first;
     * a hidden first sheet too. The pack loads; the same warnings come back from a reload that reuses the folder.
     */
    @Test
    void load_xlsxTableWithHiddenRowAndSheet_readsThem_andWarnsAtEach() throws IOException {
        Path p = TestPacks.copy("guide", dir);
        Files.delete(p.resolve(TABLE));
        try (OutputStream out = Files.newOutputStream(p.resolve("procedures/GL.LLTP.01/fee.rules.xlsx"));
                Workbook wb = new Workbook(out, "motcua-test", "1.0")) {
            Worksheet ws = wb.newWorksheet("bang-cu");
            String[] header = {"name", "basis", "when Applicant( hasCategory(\"$1\") )", "then decision.reduce(\"phi-lltp\", $1, \"giảm\")"};
            String[] row = {"Sinh viên được giảm 50%", "TT-244-2016-D4", "STUDENT", "50"};
            for (int c = 0; c < header.length; c++) {
                ws.value(0, c, header[c]);
                ws.value(1, c, row[c]);
            }
            ws.hideRow(1);
            ws.setVisibilityState(org.dhatim.fastexcel.VisibilityState.HIDDEN);
            wb.newWorksheet("bang-moi").value(0, 0, "name");
        }
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), dump(r));
            List<String> codes = r.warnings().stream().filter(w -> w.file().endsWith("fee.rules.xlsx")).map(PackProblem::code).toList();
            assertEquals(List.of("XLSX_HIDDEN_SHEET_BEFORE", "XLSX_HIDDEN_ROW"), codes, r.warnings()::toString);
            PackProblem row = r.warnings().stream().filter(w -> w.code().equals("XLSX_HIDDEN_ROW")).findFirst().orElseThrow();
            assertEquals(2, row.line());
            assertTrue(row.messageVi().startsWith("Dòng 2 của trang tính [bang-cu] đang bị ẩn nhưng vẫn được đọc"), row.messageVi());
            assertTrue(row.messageEn().startsWith("Row 2 of sheet [bang-cu] is hidden but is read"), row.messageEn());
            // the hidden row is a rule: a student's fee is halved
            Decision d = e.decide(String.format(LLTP, "{\"categories\":[\"STUDENT\"]}"));
            assertEquals(50, d.feeDirectives().get(0).percent());
            assertEquals("Sinh viên được giảm 50%", d.trace().stream().filter(t -> t.file().endsWith("fee.rules.xlsx"))
                    .findFirst().orElseThrow().rule());
            ReloadResult again = e.reload(p).join();
            assertEquals(codes, again.warnings().stream().filter(w -> w.file().endsWith("fee.rules.xlsx"))
                    .map(PackProblem::code).toList());
        }
    }

    /** The same for a procedure's fee table {@code fees.xlsx}: the hidden rate row is a fee line, and a warning. */
    @Test
    void load_feesXlsxWithHiddenRow_readsIt_andWarns() throws IOException {
        Path p = TestPacks.copy("guide", dir);
        try (OutputStream out = Files.newOutputStream(p.resolve("procedures/GL.LLTP.01/fees.xlsx"));
                Workbook wb = new Workbook(out, "motcua-test", "1.0")) {
            Worksheet ws = wb.newWorksheet("bieu-phi");
            String[][] rows = {{"item", "kind", "nameVi", "rate", "basis"},
                {"phi-lltp", "PHI", "Phí cấp Phiếu lý lịch tư pháp", "200000", "TT-244-2016-D4"},
                {"phi-lltp-cu", "PHI", "Phí cấp Phiếu lý lịch tư pháp (mức cũ)", "100000", "TT-244-2016-D4"}};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
            ws.hideRow(2);
        }
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), dump(r));
            PackProblem w = r.warnings().stream().filter(x -> x.code().equals("XLSX_HIDDEN_ROW")).findFirst()
                    .orElseThrow(() -> new AssertionError(r.warnings().toString()));
            assertEquals("procedures/GL.LLTP.01/fees.xlsx", w.file());
            assertEquals(3, w.line());
            assertTrue(e.feeTable("GL.LLTP.01").orElseThrow().items().contains("phi-lltp-cu"), "the hidden row is read");
        }
    }
}
