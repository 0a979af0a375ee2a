package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.ZipBombs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11 item 2: an XLSX fee table is checked as a ZIP archive — declared and actual sizes, entry
 * count, compression ratio, overlapping entries, cells — before fastexcel parses it; every breach is a
 * problem naming the file, never an exception or an OutOfMemoryError.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class XlsxArchiveTest {
    static final String SHEET = "xl/worksheets/sheet1.xml";

    static byte[] workbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "motcua-test", "1.0");
        Worksheet ws = wb.newWorksheet("fees");
        String[] head = {"type", "item", "kind", "nameVi", "tariff", "rate", "fromUnit", "unitRate", "cap", "unitPath",
            "copiesPath", "validFrom", "basis"};
        for (int c = 0; c < head.length; c++) {
            ws.value(0, c, head[c]);
        }
        wb.finish();
        return out.toByteArray();
    }

    static FeeTableProblem refused(byte[] xlsx) {
        FeeTableResult r = FeeTables.parseXlsx("procedures/1.001193/fees.xlsx", new ByteArrayInputStream(xlsx),
                FeeTablesTest.BASES, GiaLaiFees.catalog());
        assertFalse(r.ok());
        FeeTableProblem p = r.problems().get(0);
        assertEquals("procedures/1.001193/fees.xlsx", p.file());
        assertEquals(0, p.row());
        return p;
    }

    static String sheet(String cells) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData><row r=\"1\">" + cells + "</row></sheetData></worksheet>";
    }

    @Test
    void check_realWorkbookAndItsRebuild_accepted() throws IOException {
        byte[] wb = workbook();
        assertTrue(XlsxArchive.check(wb).isEmpty());
        byte[] rebuilt = ZipBombs.replace(wb, SHEET, ZipBombs.deflated(SHEET, ZipBombs.entries(wb).get(SHEET)));
        assertTrue(XlsxArchive.check(rebuilt).isEmpty(), () -> XlsxArchive.check(rebuilt).toString());
    }

    /** The case: about 3 MB on disk, 3 GB inflated, declared honestly. */
    @Test
    void parseXlsx_threeGigabyteBomb_refusedByDeclaredSizeBeforeParsing() throws IOException {
        byte[] data = ZipBombs.deflatedRepeat((byte) ' ', 3000);
        byte[] bomb = ZipBombs.replace(workbook(), SHEET, new ZipBombs.Raw(SHEET, 8, data, 3000L * 1024 * 1024));
        assertTrue(bomb.length > 2_000_000 && bomb.length < 8_000_000, "bomb size " + bomb.length);
        FeeTableProblem p = refused(bomb);
        assertTrue(p.messageEn().contains("entry [" + SHEET + "] inflates to 3145728000 bytes (max 33554432)"), p.messageEn());
        assertTrue(p.messageVi().startsWith("Mục [" + SHEET + "]"), p.messageVi());
    }

    @Test
    void parseXlsx_bombLyingAboutItsSize_refusedByActualSize() throws IOException {
        byte[] data = ZipBombs.deflatedRepeat((byte) ' ', 3000);
        FeeTableProblem p = refused(ZipBombs.replace(workbook(), SHEET, new ZipBombs.Raw(SHEET, 8, data, 1000)));
        assertTrue(p.messageEn().startsWith("entry [" + SHEET + "] inflates to "), p.messageEn());
    }

    @Test
    void parseXlsx_declaredSizeDiffersFromActual_refused() throws IOException {
        byte[] content = sheet("<c r=\"A1\" t=\"inlineStr\"><is><t>type</t></is></c>").getBytes(StandardCharsets.UTF_8);
        ZipBombs.Raw honest = ZipBombs.deflated(SHEET, content);
        FeeTableProblem p = refused(ZipBombs.replace(workbook(), SHEET,
                new ZipBombs.Raw(SHEET, 8, honest.data(), content.length + 7)));
        assertTrue(p.messageEn().contains("declares " + (content.length + 7) + " bytes but inflates to " + content.length),
                p.messageEn());
    }

    @Test
    void parseXlsx_highCompressionRatio_refused() throws IOException {
        byte[] data = ZipBombs.deflatedRepeat((byte) ' ', 20); // 20 MiB of spaces in ~20 KB: ratio ~1000
        FeeTableProblem p = refused(ZipBombs.replace(workbook(), SHEET, new ZipBombs.Raw(SHEET, 8, data, 20L * 1024 * 1024)));
        assertTrue(p.messageEn().contains("is compressed") && p.messageEn().contains("(max 200:1)"), p.messageEn());
    }

    @Test
    void parseXlsx_entriesSharingBytes_refused() throws IOException {
        List<ZipBombs.Raw> raws = new ArrayList<>();
        ZipBombs.entries(workbook()).forEach((n, c) -> raws.add(ZipBombs.deflated(n, c)));
        FeeTableProblem p = refused(ZipBombs.zip(raws, 3));
        assertTrue(p.messageEn().contains("two entries share compressed data"), p.messageEn());
    }

    @Test
    void parseXlsx_tooManyEntries_refused() throws IOException {
        List<ZipBombs.Raw> raws = new ArrayList<>();
        ZipBombs.entries(workbook()).forEach((n, c) -> raws.add(ZipBombs.deflated(n, c)));
        for (int i = 0; raws.size() <= XlsxArchive.MAX_ENTRIES; i++) {
            raws.add(new ZipBombs.Raw("xl/media/x" + i + ".bin", 0, new byte[] {1}, 1));
        }
        FeeTableProblem p = refused(ZipBombs.zip(raws, 0));
        assertTrue(p.messageEn().contains("entries (max 1000)"), p.messageEn());
    }

    @Test
    void parseXlsx_tooManyCells_refusedBeforeParsing() throws IOException {
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i <= XlsxArchive.MAX_CELLS; i++) {
            cells.append("<c><v>").append(i * 7919L % 1_000_003).append("</v></c>");
        }
        FeeTableProblem p = refused(ZipBombs.replace(workbook(), SHEET,
                ZipBombs.deflated(SHEET, sheet(cells.toString()).getBytes(StandardCharsets.UTF_8))));
        assertTrue(p.messageEn().contains("more than 200000 cells"), p.messageEn());
    }

    static String sheetOfRows(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><sheetData>" + rows + "</sheetData></worksheet>";
    }

    static byte[] withSheet(String xml) throws IOException {
        return ZipBombs.replace(workbook(), SHEET, ZipBombs.deflated(SHEET, xml.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The reader rewrites a shared formula's text for every cell that uses it: 3,000 uses of one of 8,192 characters
     * (Excel's longest) is refused before it reads any (a 1 MB formula used 200,000 times would have cost it hours).
     */
    @Test
    void parseXlsx_longSharedFormulaUsedByManyCells_refusedBeforeParsing() throws IOException {
        String formula = "A1+".repeat(2731) + "1";
        StringBuilder rows = new StringBuilder("<row r=\"1\"><c r=\"A1\"><f t=\"shared\" ref=\"A1:A3001\" si=\"0\">" + formula
                + "</f><v>1</v></c></row>");
        for (int r = 2; r <= 3001; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><f t=\"shared\" si=\"0\"/><v>1</v></c></row>");
        }
        FeeTableProblem p = refused(withSheet(sheetOfRows(rows.toString())));
        assertEquals("FEES_XLSX_FORMULA_WORK", p.code());
        assertTrue(p.messageEn().startsWith("worksheet [" + SHEET + "] has formulas too costly to read") && p.messageEn().contains("beyond 20000000"),
                p.messageEn());
        assertTrue(p.messageVi().startsWith("Trang tính [" + SHEET + "] có công thức mà việc đọc quá tốn kém"), p.messageVi());
    }

    /** The reader looks every cell up among the array formulas: 1,000 of them over 21,000 cells is refused. */
    @Test
    void parseXlsx_manyArrayFormulasOverManyCells_refusedBeforeParsing() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 1050; r++) {
            rows.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < 20; c++) {
                String ref = (char) ('A' + c) + String.valueOf(r);
                rows.append("<c r=\"").append(ref).append("\">")
                        .append(r <= 50 ? "<f t=\"array\" ref=\"" + ref + "\">1</f>" : "").append("<v>1</v></c>");
            }
            rows.append("</row>");
        }
        assertEquals("FEES_XLSX_FORMULA_WORK", refused(withSheet(sheetOfRows(rows.toString()))).code());
    }

    /** An analyst's fill-down — a 60-character formula over 10,000 rows, and a few array formulas — is read as before. */
    @Test
    void check_ordinaryFormulas_accepted() throws IOException {
        String formula = "IF(B1>0,ROUND(B1*C1/1000,0)*1000,0)+IF(D1>0,D1,0)+0*LEN(E1)";
        StringBuilder rows = new StringBuilder("<row r=\"1\"><c r=\"A1\"><f t=\"shared\" ref=\"A1:A10000\" si=\"0\">" + formula
                + "</f><v>0</v></c><c r=\"B1\"><f t=\"array\" ref=\"B1:B3\">C1:C3*2</f><v>0</v></c></row>");
        for (int r = 2; r <= 10_000; r++) {
            rows.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><f t=\"shared\" si=\"0\"/><v>0</v></c></row>");
        }
        byte[] wb = withSheet(sheetOfRows(rows.toString()));
        assertTrue(XlsxArchive.check(wb).isEmpty(), () -> XlsxArchive.check(wb).toString());
    }

    /** fastexcel would size a row by the column index: {@code AAAAAAA1} is column 321 million. */
    @Test
    void parseXlsx_cellReferenceBeyondXfd_refused() throws IOException {
        for (String ref : new String[] {"AAAAAAA1", "XFE1"}) {
            FeeTableProblem p = refused(ZipBombs.replace(workbook(), SHEET, ZipBombs.deflated(SHEET,
                    sheet("<c r=\"" + ref + "\"><v>1</v></c>").getBytes(StandardCharsets.UTF_8))));
            assertTrue(p.messageEn().contains("has a cell beyond column XFD"), p.messageEn());
        }
    }

    @Test
    void parseXlsx_entityDeclaration_refused() throws IOException {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol2;</t></si></sst>";
        FeeTableProblem p = refused(ZipBombs.replace(workbook(), "xl/sharedStrings.xml",
                ZipBombs.deflated("xl/sharedStrings.xml", laughs.getBytes(StandardCharsets.UTF_8))));
        assertTrue(p.messageEn().contains("declares a DOCTYPE or ENTITY"), p.messageEn());
    }

    @Test
    void parseXlsx_fileOverEightMegabytes_refused() {
        FeeTableProblem p = refused(new byte[XlsxArchive.MAX_FILE_BYTES + 10]);
        assertTrue(p.messageEn().contains("larger than 8388608 bytes"), p.messageEn());
    }

    /** A reader failure HotSpot may throw from compiled code without a message reads the same either way. */
    @Test
    void unreadable_readerDereferencesNull_sameWordsWithOrWithoutTheJdksMessage() {
        XlsxArchive.Refusal cold = XlsxArchive.unreadable(new NullPointerException(
                "Cannot invoke \"String.length()\" because \"s\" is null"), "", 0);
        XlsxArchive.Refusal warm = XlsxArchive.unreadable(new NullPointerException(), "", 0);
        assertEquals(warm, cold);
        assertEquals("Cannot read the XLSX file: it is damaged or not an Excel workbook. Open it in Excel or LibreOffice Calc and"
                + " save it again as Excel (.xlsx) (the reader said: \"NullPointerException\")", cold.messageEn());
    }

    /**
     * A failure the reader words in its own English: a Vietnamese sentence saying what to do, the same in English, and
     * the reader's text only quoted after the English (session 19; it was the only words of both languages).
     */
    @Test
    void unreadable_readersOwnEnglish_isAQuotedDetailAfterTheEnglishOnly() {
        XlsxArchive.Refusal r = XlsxArchive.unreadable(new IllegalStateException("Unexpected workbook relationship rId7"), "", 0);
        assertEquals("FEES_XLSX_UNREADABLE", r.code());
        assertEquals("Không đọc được tệp XLSX: tệp hỏng hoặc không phải bảng tính Excel. Mở tệp bằng Excel hoặc LibreOffice Calc"
                + " rồi lưu lại dưới dạng Excel (.xlsx)", r.messageVi());
        assertEquals("Cannot read the XLSX file: it is damaged or not an Excel workbook. Open it in Excel or LibreOffice Calc and"
                + " save it again as Excel (.xlsx) (the reader said: \"Unexpected workbook relationship rId7\")", r.messageEn());
        assertFalse(r.messageVi().contains("rId7"), r.messageVi());
    }

    /**
     * A text cell pointing to a shared text the file does not have read as a blank cell (the fee table then looked
     * empty): it is a problem naming the cell, in Vietnamese and English, with its own code.
     */
    @Test
    void parseXlsx_sharedTextIndexTheFileDoesNotHave_isAProblemNamingTheCell() throws IOException {
        byte[] wb = ZipBombs.replace(workbook(), SHEET, ZipBombs.deflated(SHEET, sheet(
                "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>99</v></c>")
                .getBytes(StandardCharsets.UTF_8)));
        FeeTableResult r = FeeTables.parseXlsx("procedures/1.001193/fees.xlsx", new ByteArrayInputStream(wb),
                FeeTablesTest.BASES, GiaLaiFees.catalog());
        assertFalse(r.ok());
        assertEquals(1, r.problems().size(), r.problems().toString());
        FeeTableProblem p = r.problems().get(0);
        assertEquals("FEES_XLSX_BAD_SHARED_TEXT", p.code());
        assertEquals(1, p.row());
        assertEquals("Tệp XLSX có một ô văn bản trỏ tới văn bản dùng chung số 99, nhưng tệp chỉ có 13 văn bản dùng chung"
                + " (ô sẽ bị đọc thành ô trống), ở ô C1 dòng 1: nhập lại ô đó trong bảng tính rồi lưu lại tệp", p.messageVi());
        assertTrue(p.messageEn().contains("shared text number 99, but the file has only 13 shared texts")
                && p.messageEn().contains("at cell C1 of row 1"), p.messageEn());
    }

    /** The same sheet with every index in range reads as before: the header row, no problem from the archive check. */
    @Test
    void check_sharedTextIndicesInRange_accepted() throws IOException {
        byte[] wb = ZipBombs.replace(workbook(), SHEET, ZipBombs.deflated(SHEET, sheet(
                "<c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"M1\" t=\"s\"><v>12</v></c>").getBytes(StandardCharsets.UTF_8)));
        assertTrue(XlsxArchive.check(wb).isEmpty(), () -> XlsxArchive.check(wb).toString());
    }

    /** Every refusal of an XLSX fee table has a code of its own, as every other fee-table problem: FEES_XLSX_…. */
    @Test
    void parseXlsx_archiveRefusal_hasTheCodeOfItsMessage() {
        assertEquals("FEES_XLSX_TOO_LARGE", refused(new byte[XlsxArchive.MAX_FILE_BYTES + 10]).code());
        assertEquals("FEES_XLSX_NOT_ZIP", refused("không phải bảng tính".getBytes(StandardCharsets.UTF_8)).code());
    }
}
