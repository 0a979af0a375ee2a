package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/**
 * Session 17: what a province's spreadsheet hides — the sheet read (the first), rows, columns — is read like the rest
 * (dropping it silently would lose a rate as surely as reading it silently adds one), and each is a warning naming the
 * sheet and the row or column, Vietnamese first; the table is still built. Every workbook here is a real XLSX written
 * by a spreadsheet library, with the spreadsheet program's own hidden flags.
 */
class XlsxHiddenTest {
    static final Object[] HEAD = {"item", "kind", "nameVi", "rate", "basis"};
    static final Object[] CERT = {"ban-sao", "PHI", "Phí chứng thực bản sao", 2000, "PHI-TT226-2016-D4"};
    static final Object[] OLD = {"ban-sao-cu", "PHI", "Phí chứng thực bản sao (mức cũ)", 1000, "PHI-TT226-2016-D4"};

    static byte[] workbook(Consumer<Workbook> sheets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "motcua-test", "1.0");
        sheets.accept(wb);
        wb.finish();
        return out.toByteArray();
    }

    static void rows(Worksheet ws, Object[]... rows) {
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Number n) {
                    ws.value(r, c, n);
                } else if (v != null) {
                    ws.value(r, c, (String) v);
                }
            }
        }
    }

    static FeeTableResult parse(byte[] xlsx) {
        return FeeTables.parseXlsx("procedures/2.000815/fees.xlsx", new ByteArrayInputStream(xlsx), FeeTablesTest.BASES,
                GiaLaiFees.catalog());
    }

    static long total(FeeTable t) {
        return t.assess(FeeRequest.of("2.000815", LocalDate.of(2026, 5, 4))).total().dong();
    }

    @Test
    void nothingHidden_noWarning() throws IOException {
        FeeTableResult r = parse(workbook(wb -> rows(wb.newWorksheet("bieu-phi"), HEAD, CERT)));
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void hiddenRow_isRead_andEachIsAWarningNamingSheetAndRow() throws IOException {
        FeeTableResult r = parse(workbook(wb -> {
            Worksheet ws = wb.newWorksheet("bieu-phi");
            rows(ws, HEAD, CERT, OLD, new Object[] {"# ghi chú ẩn"});
            ws.hideRow(2); // row 3 (0-based 2): last year's rate, hidden rather than deleted
            ws.hideRow(3); // a hidden comment: not named
            ws.hideRow(7); // a hidden blank row: not named
        }));
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals(3_000, total(r.table()), "the hidden row's fee is read like the visible one");
        assertEquals(1, r.warnings().size(), r.warnings()::toString);
        FeeTableProblem w = r.warnings().get(0);
        assertEquals("XLSX_HIDDEN_ROW", w.code());
        assertEquals("procedures/2.000815/fees.xlsx", w.file());
        assertEquals(3, w.row());
        assertEquals("Dòng 3 của trang tính [bieu-phi] đang bị ẩn nhưng vẫn được đọc như mọi dòng khác: hãy hiện dòng "
                + "đó; nếu nó không còn hiệu lực, hãy xóa nó hoặc bắt đầu ô đầu tiên bằng #", w.messageVi());
        assertEquals("Row 3 of sheet [bieu-phi] is hidden but is read like every other row: unhide it; if it is no "
                + "longer in force, delete it or start its first cell with #", w.messageEn());
        assertEquals("XLSX_HIDDEN_ROW", w.toProblem().code().name());
    }

    @Test
    void hiddenFirstSheet_isTheTableRead_warningNamesItAndTheVisibleOne() throws IOException {
        FeeTableResult r = parse(workbook(wb -> {
            Worksheet old = wb.newWorksheet("nam-2025");
            rows(old, HEAD, OLD);
            old.setVisibilityState(VisibilityState.HIDDEN);
            rows(wb.newWorksheet("nam-2026"), HEAD, CERT);
        }));
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals(1_000, total(r.table()), "the first sheet is the table, hidden or not");
        FeeTableProblem w = r.warnings().get(0);
        assertEquals("XLSX_HIDDEN_SHEET_BEFORE", w.code());
        assertEquals(0, w.row());
        assertTrue(w.messageVi().startsWith("Trang tính [nam-2025] đang bị ẩn nhưng vẫn được đọc làm bảng"), w.messageVi());
        assertTrue(w.messageVi().contains("không phải trang tính đang hiện [nam-2026]"), w.messageVi());
        assertTrue(w.messageEn().contains("not the visible sheet [nam-2026]"), w.messageEn());
        assertEquals(1, r.warnings().size(), r.warnings()::toString);
    }

    @Test
    void hiddenColumnWithValues_isRead_oneWarningNamingItsFirstCell() throws IOException {
        FeeTableResult r = parse(workbook(wb -> {
            Worksheet ws = wb.newWorksheet("bieu-phi");
            rows(ws, HEAD, CERT);
            ws.hideColumn(3); // D, the rate: read, 2,000 đ
            ws.hideColumn(9); // J: empty, so nothing to say
        }));
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals(2_000, total(r.table()));
        assertEquals(1, r.warnings().size(), r.warnings()::toString);
        FeeTableProblem w = r.warnings().get(0);
        assertEquals("XLSX_HIDDEN_COLUMN", w.code());
        assertEquals(4, w.columnNumber());
        assertEquals("Cột D của trang tính [bieu-phi] đang bị ẩn nhưng vẫn được đọc (ô D1 có nội dung): hãy hiện cột đó",
                w.messageVi());
        assertEquals("Column D of sheet [bieu-phi] is hidden but is read (cell D1 has content): unhide it", w.messageEn());
    }

    /** A sheet filtered in the spreadsheet program hides thousands of rows: 20 named, the rest counted in one more. */
    @Test
    void manyHiddenRows_twentyNamed_theRestCounted() throws IOException {
        FeeTableResult r = parse(workbook(wb -> {
            Worksheet ws = wb.newWorksheet("bieu-phi");
            Object[][] all = new Object[31][];
            all[0] = HEAD;
            for (int i = 1; i <= 30; i++) {
                all[i] = new Object[] {"ban-sao-" + i, "PHI", "Phí " + i, 1000, "PHI-TT226-2016-D4"};
                ws.hideRow(i);
            }
            rows(ws, all);
        }));
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals(21, r.warnings().size());
        assertEquals(21, r.warnings().get(19).row());
        FeeTableProblem more = r.warnings().get(20);
        assertEquals("XLSX_HIDDEN_ROWS_MORE", more.code());
        assertTrue(more.messageVi().startsWith("Trang tính [bieu-phi] còn 10 dòng bị ẩn khác có nội dung (ngoài 20 dòng đã nêu)"),
                more.messageVi());
    }

    /** A table refused for a problem keeps its warnings: the analyst fixing the file sees both. */
    @Test
    void refusedTable_stillWarns() throws IOException {
        FeeTableResult r = parse(workbook(wb -> {
            Worksheet ws = wb.newWorksheet("bieu-phi");
            rows(ws, HEAD, new Object[] {"ban-sao", "PHI", "Phí", "hai nghìn", "PHI-TT226-2016-D4"});
            ws.hideRow(1);
        }));
        assertTrue(!r.ok());
        assertEquals("XLSX_HIDDEN_ROW", r.warnings().get(0).code());
    }
}
