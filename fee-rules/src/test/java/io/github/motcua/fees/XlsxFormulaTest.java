package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.ZipBombs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

/**
 * A fee table whose rate is a formula. Saved by a spreadsheet program, the file stores the formula's result beside it,
 * and the rate is that result, as the spreadsheet shows it. Written by a program that does not calculate (a report
 * export, a script), the file stores the formula alone: the reader read the cell as empty and the analyst was told
 * "a required value is missing" for a cell that visibly holds a rate; it is now refused at the cell, naming the formula
 * and what to do.
 */
class XlsxFormulaTest {
    static final String FILE = "procedures/2.000815/fees.xlsx";
    static final String SHEET = "xl/worksheets/sheet1.xml";

    /** The certified-copy table with its rate (F2) written as the formula {@code 1000+1000}, without a stored result. */
    static byte[] withFormulaRate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "motcua-test", "1.0");
        Worksheet ws = wb.newWorksheet("fees");
        Object[][] rows = {XlsxNamespacesTest.HEAD, {"RATE", "ban-sao", "PHI", "Phí chứng thực bản sao", "TIERED", null, 3,
            1000, 200000, "soTrang", "soBan", "2017-01-01", "PHI-TT226-2016-D4"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] instanceof Number n) {
                    ws.value(r, c, n);
                } else if (rows[r][c] != null) {
                    ws.value(r, c, (String) rows[r][c]);
                }
            }
        }
        ws.formula(1, 5, "1000+1000");
        wb.finish();
        return out.toByteArray();
    }

    static FeeTableResult parse(byte[] xlsx) {
        return FeeTables.parseXlsx(FILE, new ByteArrayInputStream(xlsx), FeeTablesTest.BASES, GiaLaiFees.catalog());
    }

    @Test
    void aFormulaWithoutItsResult_refusedAtTheCell_namingTheFormula() throws IOException {
        byte[] x = withFormulaRate();
        assertTrue(XlsxNamespacesTest.part(x, SHEET).contains("<f>1000+1000</f>"), "the writer stores the formula alone");
        FeeTableResult r = parse(x);
        assertFalse(r.ok());
        assertEquals(1, r.problems().size(), r.problems().toString());
        FeeTableProblem p = r.problems().get(0);
        assertEquals("FEES_XLSX_FORMULA_NO_VALUE", p.code());
        assertEquals(2, p.row());
        assertEquals(6, p.columnNumber());
        assertEquals("Ô F2 dòng 2 có công thức [=1000+1000] nhưng tệp không lưu kết quả của nó, nên ô sẽ bị đọc thành ô trống: mở"
                + " tệp trong phần mềm bảng tính, tính lại rồi lưu, hoặc ghi thẳng giá trị vào ô", p.messageVi());
        assertTrue(p.messageEn().startsWith("Cell F2 of row 2 holds the formula [=1000+1000]"), p.messageEn());
    }

    @Test
    void aFormulaWithItsStoredResult_isReadAsTheResult() throws IOException {
        byte[] x = XlsxNamespacesTest.rewrite(withFormulaRate(), Map.of(SHEET, s -> s.replace("<f>1000+1000</f>",
                "<f>1000+1000</f><v>2000</v>")));
        FeeTable t = parse(x).orThrow();
        FeeRequest req = FeeRequest.of("2.000815", LocalDate.of(2026, 5, 4));
        assertEquals(7_000, t.assess(req.withForm(Map.of("soTrang", 5))).total().dong()); // as the CSV of the same rates
    }

    /** A workbook without its styles part (some exporters leave it out): the reader's "null not found" in words. */
    @Test
    void aWorkbookWithoutStyles_saysWhatToDo_notTheReadersNullNotFound() throws IOException {
        byte[] full = XlsxNamespacesTest.feeTable();
        List<ZipBombs.Raw> raws = new ArrayList<>();
        ZipBombs.entries(full).forEach((name, content) -> {
            if (name.equals("xl/styles.xml")) {
                return;
            }
            String text = new String(content, StandardCharsets.UTF_8);
            if (name.equals("[Content_Types].xml") || name.equals("xl/_rels/workbook.xml.rels")) {
                text = text.replaceAll("<(Override|Relationship)[^>]*styles[^>]*/>", "");
                content = text.getBytes(StandardCharsets.UTF_8);
            }
            raws.add(ZipBombs.deflated(name, content));
        });
        FeeTableResult r = parse(ZipBombs.zip(raws, 0));
        assertFalse(r.ok());
        FeeTableProblem p = r.problems().get(0);
        assertEquals("FEES_XLSX_MISSING_PART", p.code(), p.messageEn());
        assertFalse(p.messageVi().contains("null"), p.messageVi());
        assertTrue(p.messageVi().contains("lưu lại dưới dạng .xlsx"), p.messageVi());
    }
}
