package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code table-xlsx}: a decision table's XLSX gets drop-down lists from the form's options (issue 17 item 1). */
class TableXlsxCommandTest {
    @TempDir
    Path dir;

    static final String TABLE = "name,basis,\"when Form( text(\"\"giayChungSinh\"\") == \"\"$1\"\" )\",\"then decision.require(\"\"$1\"\")\","
            + "\"when Applicant( hasCategory(\"\"$1\"\") )\"\n"
            + "Trẻ bị bỏ rơi thì nộp biên bản xác nhận (bảng),LHT-2014-D16,TRE_BI_BO_ROI,bien-ban-tre-bi-bo-roi,\n";

    private static String entry(Path xlsx, String name) throws IOException {
        try (ZipFile z = new ZipFile(xlsx.toFile())) {
            ZipEntry e = z.getEntry(name);
            if (e == null) {
                throw new AssertionError("no " + name + " in " + xlsx);
            }
            try (InputStream in = z.getInputStream(e)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void tableXlsx_listsTheFormsOptionsTheCategoriesAndTheComponents_andTheEngineReadsIt() throws IOException {
        Path pack = Cli.copyOfGiaLai(dir);
        Path folder = pack.resolve("procedures/1.001193");
        Files.writeString(folder.resolve("giay-chung-sinh.rules.csv"), TABLE, StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("table-xlsx", pack.toString(), "1.001193", "giay-chung-sinh.rules.csv");
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        Path xlsx = folder.resolve("giay-chung-sinh.rules.xlsx");
        assertTrue(r.out().contains("3 danh sách thả xuống"), r.out());
        // the lists: the form's four options of giayChungSinh, the components of procedure.yaml, the categories
        List<List<String>> lists = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertEquals(List.of("bang-quyet-dinh", "danh-muc"), sheets.stream().map(Sheet::getName).toList());
            for (Row row : sheets.get(0).read()) {
                if (row.getRowNum() == 2) {
                    assertEquals("TRE_BI_BO_ROI", row.getCellText(2), "the table's rows are copied unchanged");
                }
            }
            for (Row row : sheets.get(1).read()) {
                for (int c = 0; c < row.getCellCount(); c++) {
                    while (lists.size() <= c) {
                        lists.add(new ArrayList<>());
                    }
                    if (row.getRowNum() > 1 && !row.getCellText(c).isEmpty()) {
                        lists.get(c).add(row.getCellText(c));
                    }
                }
            }
        }
        assertEquals(List.of("CO", "KHONG_CO", "TRE_BI_BO_ROI", "MANG_THAI_HO"), lists.get(0));
        assertTrue(lists.get(1).contains("bien-ban-tre-bi-bo-roi") && lists.get(1).contains("to-khai"), lists.toString());
        assertTrue(lists.get(2).contains("POOR_HOUSEHOLD"), lists.toString());
        // Excel's data validation on the rule rows (and spare rows below) of each listed column
        String sheet = entry(xlsx, "xl/worksheets/sheet1.xml");
        assertTrue(sheet.contains("<dataValidation sqref=\"C2:C202\" type=\"list\""), sheet);
        assertTrue(sheet.contains("errorStyle=\"stop\"") && !sheet.contains("\u0131"), "valid under any default locale: " + sheet);
        assertTrue(sheet.contains("'danh-muc'!$A$2:$A$5"), sheet);
        assertTrue(sheet.contains("'danh-muc'!$C$2:"), sheet);
        // the engine reads the XLSX as it read the CSV: the pack still passes check with the XLSX alone
        Files.delete(folder.resolve("giay-chung-sinh.rules.csv"));
        Cli.Run check = Cli.run("check", pack.toString());
        assertEquals(ExitCodes.OK, check.code(), check.out() + check.err());
    }

    @Test
    void tableXlsx_notARulesCsv_isABadArgument() {
        Cli.Run r = Cli.run("table-xlsx", Cli.GIA_LAI.toString(), "1.001193", "../../pack.yaml", "--lang", "en");
        assertEquals(ExitCodes.BAD_ARGUMENT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(".rules.csv"), r.err());
    }

    /**
     * The XLSX is written beside the CSV, inside the pack: a link in its place — a dangling one loads without a
     * problem — would take the write wherever it leads (a file outside the pack was created or overwritten).
     */
    @Test
    void tableXlsx_targetIsALink_refusedAndNothingWrittenWhereItLeads() throws IOException {
        Path pack = Cli.copyOfGiaLai(dir);
        Path folder = pack.resolve("procedures/1.001193");
        Files.writeString(folder.resolve("giay-chung-sinh.rules.csv"), TABLE, StandardCharsets.UTF_8);
        Path outside = dir.resolve("outside.xlsx");
        Files.createSymbolicLink(folder.resolve("giay-chung-sinh.rules.xlsx"), outside);
        Cli.Run r = Cli.run("table-xlsx", pack.toString(), "1.001193", "giay-chung-sinh.rules.csv");
        assertEquals(ExitCodes.IO, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("không ghi procedures/1.001193/giay-chung-sinh.rules.xlsx: tệp đó là một liên kết"), r.err());
        assertTrue(!Files.exists(outside), "written through the link");
        assertTrue(Files.isSymbolicLink(folder.resolve("giay-chung-sinh.rules.xlsx")));
        Cli.Run en = Cli.run("table-xlsx", pack.toString(), "1.001193", "giay-chung-sinh.rules.csv", "--lang", "en");
        assertTrue(en.err().contains("it is a symbolic link"), en.err());
    }
}
