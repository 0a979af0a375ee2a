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
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The archive check reads an XLSX part's names as XML namespaces define them: a workbook whose parts put their
 * elements behind a prefix ({@code <x:sst xmlns:x="…spreadsheetml/2006/main"><x:si><x:t>…}) is the same workbook and
 * reads the same fee table; an {@code si} or {@code t} of another namespace is no shared text, and the reader (which
 * matches local names only) would have read it as one, so it is refused; prefixed cells count toward every limit.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class XlsxNamespacesTest {
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String TEXTS = "xl/sharedStrings.xml";
    static final String FILE = "procedures/2.000815/fees.xlsx";
    static final String[] HEAD = {"type", "item", "kind", "nameVi", "tariff", "rate", "fromUnit", "unitRate", "cap",
        "unitPath", "copiesPath", "validFrom", "basis"};

    /** A certified-copy fee table as an analyst's spreadsheet writes it: every text a shared text. */
    static byte[] feeTable() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "motcua-test", "1.0");
        Worksheet ws = wb.newWorksheet("fees");
        Object[][] rows = {HEAD, {"RATE", "ban-sao", "PHI", "Phí chứng thực bản sao", "TIERED", 2000, 3, 1000, 200000,
            "soTrang", "soBan", "2017-01-01", "PHI-TT226-2016-D4"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] instanceof Number n) {
                    ws.value(r, c, n);
                } else {
                    ws.value(r, c, (String) rows[r][c]);
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    /** {@code xml} with its default namespace {@code ns} replaced by {@code prefix}: every unprefixed element renamed. */
    static String prefixed(String xml, String prefix, String ns) {
        String declared = xml.replace("xmlns=\"" + ns + "\"", "xmlns:" + prefix + "=\"" + ns + "\"");
        assertFalse(declared.equals(xml), "the part declares " + ns + " as its default namespace");
        return declared.replaceAll("<(/?)([A-Za-z_][A-Za-z0-9_.\\-]*)(?=[\\s/>])", "<$1" + prefix + ":$2");
    }

    /** {@code xlsx} with the text of each named part rewritten. */
    static byte[] rewrite(byte[] xlsx, Map<String, UnaryOperator<String>> parts) {
        List<ZipBombs.Raw> raws = new ArrayList<>();
        ZipBombs.entries(xlsx).forEach((name, content) -> raws.add(ZipBombs.deflated(name, parts.containsKey(name)
                ? parts.get(name).apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
                : content)));
        return ZipBombs.zip(raws, 0);
    }

    static String part(byte[] xlsx, String name) {
        return new String(ZipBombs.entries(xlsx).get(name), StandardCharsets.UTF_8);
    }

    static byte[] withTexts(byte[] xlsx, String sst) {
        return rewrite(xlsx, Map.of(TEXTS, s -> sst));
    }

    static FeeTableResult parse(byte[] xlsx) {
        return FeeTables.parseXlsx(FILE, new ByteArrayInputStream(xlsx), FeeTablesTest.BASES, GiaLaiFees.catalog());
    }

    static String refusalCode(byte[] xlsx) {
        FeeTableResult r = parse(xlsx);
        assertFalse(r.ok(), "refused");
        return r.problems().get(0).code();
    }

    /** The shared texts of {@link #feeTable()} (13 head words and 9 texts of the RATE row), as an sst body. */
    static String items(byte[] xlsx) {
        String sst = part(xlsx, TEXTS);
        return sst.substring(sst.indexOf("<si>"), sst.lastIndexOf("</sst>"));
    }

    @Nested
    class Prefixed {
        @Test
        void parseXlsx_everyPartPrefixed_readsTheSameFeeTable() throws IOException {
            byte[] plain = feeTable();
            byte[] x = rewrite(plain, Map.of(
                    SHEET, s -> prefixed(s, "x", MAIN),
                    TEXTS, s -> prefixed(s, "x", MAIN),
                    "xl/workbook.xml", s -> prefixed(s, "x", MAIN),
                    "xl/styles.xml", s -> prefixed(s, "x", MAIN),
                    "[Content_Types].xml", s -> prefixed(s, "ct", TYPES)));
            // the rewrite did what it says: no unprefixed cell, item or text is left in the parts that matter
            assertTrue(part(x, TEXTS).contains("<x:sst xmlns:x=\"" + MAIN + "\"") && part(x, TEXTS).contains("<x:si><x:t xml:space=\"preserve\">type</x:t></x:si>")
                    && !part(x, TEXTS).contains("<si>"), part(x, TEXTS));
            assertTrue(part(x, SHEET).contains("<x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>") && !part(x, SHEET).contains("<c "),
                    part(x, SHEET));
            assertTrue(part(x, "[Content_Types].xml").contains("<ct:Override "), part(x, "[Content_Types].xml"));

            assertTrue(XlsxArchive.check(x).isEmpty(), () -> XlsxArchive.check(x).toString());
            RawTable prefixedRows = XlsxRecords.read(FILE, new ByteArrayInputStream(x));
            RawTable plainRows = XlsxRecords.read(FILE, new ByteArrayInputStream(plain));
            assertEquals(List.of(), prefixedRows.problems());
            assertEquals(plainRows.rows(), prefixedRows.rows());
            assertEquals("Phí chứng thực bản sao", prefixedRows.rows().get(1).cells().get(3));
            FeeTable table = parse(x).orThrow();
            FeeRequest r = FeeRequest.of("2.000815", LocalDate.of(2026, 5, 4));
            assertEquals(parse(plain).orThrow().assess(r.withForm(Map.of("soTrang", 5))), table.assess(r.withForm(Map.of("soTrang", 5))));
            assertEquals(7_000, table.assess(r.withForm(Map.of("soTrang", 5))).total().dong());
        }

        /** A declaration may sit on each item rather than the root, and the strict namespace is SpreadsheetML too. */
        @Test
        void check_prefixDeclaredOnEachItemOrStrictNamespace_accepted() throws IOException {
            byte[] plain = feeTable();
            String each = "<sst xmlns=\"urn:example:elsewhere\">" + items(plain).replace("<si>", "<x:si xmlns:x=\"" + MAIN + "\">")
                    .replace("</si>", "</x:si>").replace("<t ", "<x:t ").replace("</t>", "</x:t>") + "</sst>";
            byte[] x = withTexts(plain, each);
            assertTrue(XlsxArchive.check(x).isEmpty(), () -> XlsxArchive.check(x).toString());
            assertEquals(XlsxRecords.read(FILE, new ByteArrayInputStream(plain)).rows(),
                    XlsxRecords.read(FILE, new ByteArrayInputStream(x)).rows());

            String strict = "<s:sst xmlns:s=\"http://purl.oclc.org/ooxml/spreadsheetml/main\">"
                    + items(plain).replace("<", "<s:").replace("<s:/", "</s:") + "</s:sst>";
            byte[] s = withTexts(plain, strict);
            assertTrue(XlsxArchive.check(s).isEmpty(), () -> XlsxArchive.check(s).toString());
        }

        /** A prefixed cell is a cell: it counts toward the limits the reader's memory depends on. */
        @Test
        void parseXlsx_prefixedCellBeyondXfdOrTooMany_refused() throws IOException {
            byte[] wide = rewrite(feeTable(), Map.of(SHEET, s -> prefixed(s, "x", MAIN).replace("r=\"A1\"", "r=\"AAAAAAA1\"")));
            assertEquals("FEES_XLSX_WIDE_CELL", refusalCode(wide));

            StringBuilder cells = new StringBuilder();
            for (int i = 0; i <= XlsxArchive.MAX_CELLS; i++) {
                cells.append("<x:c><x:v>").append(i % 997).append("</x:v></x:c>");
            }
            String sheet = "<x:worksheet xmlns:x=\"" + MAIN + "\"><x:sheetData><x:row r=\"1\">" + cells
                    + "</x:row></x:sheetData></x:worksheet>";
            assertEquals("FEES_XLSX_TOO_MANY_CELLS", refusalCode(rewrite(feeTable(), Map.of(SHEET, s -> sheet))));
        }

        /** A prefixed shared-text cell pointing past the items is found as an unprefixed one is. */
        @Test
        void parseXlsx_prefixedCellPastTheItems_namesTheCell() throws IOException {
            byte[] x = rewrite(feeTable(), Map.of(SHEET, s -> prefixed(s, "x", MAIN)
                    .replace("<x:c r=\"C1\" t=\"s\"><x:v>2</x:v>", "<x:c r=\"C1\" t=\"s\"><x:v>99</x:v>")));
            FeeTableResult r = parse(x);
            assertFalse(r.ok());
            FeeTableProblem p = r.problems().get(0);
            assertEquals("FEES_XLSX_BAD_SHARED_TEXT", p.code());
            assertTrue(p.messageVi().contains("số 99, nhưng tệp chỉ có 22 văn bản dùng chung") && p.messageVi().contains("ở ô C1 dòng 1"),
                    p.messageVi());
        }
    }

    /** A parser replaces character references before the reader sees a value: so does the check. */
    @Nested
    class CharacterReferences {
        @Test
        void parseXlsx_cellReferenceSpelledWithCharacterReferences_refusedBeyondXfd() throws IOException {
            String aaaaaaa = "&#65;&#x41;&#65;&#65;&#65;&#65;&#65;";
            byte[] x = rewrite(feeTable(), Map.of(SHEET, s -> s.replace("r=\"A1\"", "r=\"" + aaaaaaa + "1\"")));
            assertEquals("FEES_XLSX_WIDE_CELL", refusalCode(x));
        }

        @Test
        void check_sharedTextCellSpelledWithCharacterReferences_indexChecked() throws IOException {
            byte[] type = rewrite(feeTable(), Map.of(SHEET, s -> s.replace("<c r=\"C1\" t=\"s\"><v>2</v>",
                    "<c r=\"C1\" t=\"&#115;\"><v>99</v>")));
            XlsxArchive.Refusal r = XlsxArchive.check(type).orElseThrow();
            assertEquals("FEES_XLSX_BAD_SHARED_TEXT", r.code());
            assertTrue(r.messageEn().contains("shared text number 99") && r.messageEn().contains("at cell C1"), r.messageEn());

            byte[] value = rewrite(feeTable(), Map.of(SHEET, s -> s.replace("<c r=\"C1\" t=\"s\"><v>2</v>",
                    "<c r=\"C1\" t=\"s\"><v>&#57;&#x39;</v>")));
            assertTrue(XlsxArchive.check(value).orElseThrow().messageEn().contains("shared text number 99"));
        }

        @Test
        void check_namespaceNameSpelledWithACharacterReference_stillSpreadsheetMl() throws IOException {
            byte[] plain = feeTable();
            byte[] x = rewrite(plain, Map.of(TEXTS, s -> prefixed(s, "x", MAIN).replace("xmlns:x=\"http:", "xmlns:x=\"&#104;ttp:")));
            assertTrue(part(x, TEXTS).contains("xmlns:x=\"&#104;ttp://schemas"), part(x, TEXTS));
            assertTrue(XlsxArchive.check(x).isEmpty(), () -> XlsxArchive.check(x).toString());
            assertEquals(XlsxRecords.read(FILE, new ByteArrayInputStream(plain)).rows(),
                    XlsxRecords.read(FILE, new ByteArrayInputStream(x)).rows());
        }
    }

    @Nested
    class OtherNamespace {
        static final String OTHER = "urn:example:not-spreadsheetml";

        /** The whole shared-texts part behind a prefix bound elsewhere: none of it is a shared text. */
        @Test
        void parseXlsx_prefixBoundToAnotherNamespace_refusedNotRead() throws IOException {
            byte[] plain = feeTable();
            String sst = "<y:sst xmlns:y=\"" + OTHER + "\">" + items(plain).replace("<", "<y:").replace("<y:/", "</y:") + "</y:sst>";
            byte[] y = withTexts(plain, sst);
            FeeTableResult r = parse(y);
            assertFalse(r.ok());
            assertEquals(1, r.problems().size(), r.problems().toString());
            FeeTableProblem p = r.problems().get(0);
            assertEquals("FEES_XLSX_FOREIGN_SHARED_TEXT", p.code());
            assertEquals(FILE, p.file());
            assertTrue(p.messageVi().startsWith("Tệp XLSX có phần văn bản dùng chung [xl/sharedStrings.xml] chứa phần tử si"
                    + " hoặc t thuộc một không gian tên"), p.messageVi());
            assertTrue(p.messageEn().contains("of a namespace other than SpreadsheetML"), p.messageEn());
        }

        /**
         * One foreign item among real ones would shift every later index by one in the reader (it counts local names):
         * cell A1 would read another cell's text. Refused, as is a foreign {@code t} inside a real item (the reader
         * would glue its text on).
         */
        @Test
        void check_oneForeignItemOrTextAmongRealOnes_refused() throws IOException {
            byte[] plain = feeTable();
            String item = "<si xmlns=\"" + OTHER + "\"><t>EXEMPT</t></si>";
            byte[] shifted = withTexts(plain, "<sst xmlns=\"" + MAIN + "\">" + item + items(plain) + "</sst>");
            assertEquals("FEES_XLSX_FOREIGN_SHARED_TEXT", XlsxArchive.check(shifted).orElseThrow().code());

            String glued = "<sst xmlns=\"" + MAIN + "\" xmlns:y=\"" + OTHER + "\">"
                    + items(plain).replace(">type</t>", ">type</t><y:t>-ngoai</y:t>") + "</sst>";
            assertEquals("FEES_XLSX_FOREIGN_SHARED_TEXT", XlsxArchive.check(withTexts(plain, glued)).orElseThrow().code());

            String unbound = "<sst xmlns=\"" + MAIN + "\">" + items(plain) + "<z:si><z:t>x</z:t></z:si></sst>";
            assertEquals("FEES_XLSX_FOREIGN_SHARED_TEXT", XlsxArchive.check(withTexts(plain, unbound)).orElseThrow().code());
        }

        /** A binding lasts to the end of the element that declares it; a sibling's prefix means what its own scope says. */
        @Test
        void check_foreignBindingEndsWithItsElement_laterItemsAreSpreadsheetMl() throws IOException {
            byte[] plain = feeTable();
            String sst = "<x:sst xmlns:x=\"" + MAIN + "\"><x:extLst xmlns:x=\"" + OTHER + "\"><x:note/></x:extLst>"
                    + items(plain).replace("<", "<x:").replace("<x:/", "</x:") + "</x:sst>";
            byte[] x = withTexts(plain, sst);
            assertTrue(XlsxArchive.check(x).isEmpty(), () -> XlsxArchive.check(x).toString());

            String rebound = "<x:sst xmlns:x=\"" + MAIN + "\">" + items(plain).replace("<", "<x:").replace("<x:/", "</x:")
                    .replaceFirst("<x:si>", "<x:si xmlns:x=\"" + OTHER + "\">") + "</x:sst>";
            assertEquals("FEES_XLSX_FOREIGN_SHARED_TEXT", XlsxArchive.check(withTexts(plain, rebound)).orElseThrow().code());
        }

        /** Items inside a comment or a CDATA section are no items (the reader skips them): a cell naming one is refused. */
        @Test
        void check_itemsInsideACommentOrCdata_notCounted() throws IOException {
            byte[] plain = feeTable();
            String body = items(plain);
            int half = body.indexOf("<si><t xml:space=\"preserve\">rate</t></si>");
            assertTrue(half > 0, body);
            for (String[] wrap : new String[][] {{"<!-- ", " -->"}, {"<![CDATA[", "]]>"}}) {
                String sst = "<sst xmlns=\"" + MAIN + "\">" + body.substring(0, half) + wrap[0] + body.substring(half) + wrap[1]
                        + "</sst>";
                XlsxArchive.Refusal r = XlsxArchive.check(withTexts(plain, sst)).orElseThrow();
                assertEquals("FEES_XLSX_BAD_SHARED_TEXT", r.code());
                assertTrue(r.messageEn().contains("has only 5 shared texts") && r.messageEn().contains("at cell F1 of row 1"),
                        r.messageEn());
            }
        }
    }

    /**
     * XML parts may be UTF-8 or UTF-16 (the package format allows no other): UTF-16 is read as such, and a part in any
     * other encoding a parser reads (UCS-4, EBCDIC, or one an XML declaration switches to) is refused, so no limit is
     * bypassed by bytes the check would not see as markup.
     */
    @Nested
    class Encodings {
        static byte[] utf16(String xml, boolean bigEndian, boolean bom) {
            byte[] b = xml.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                    .getBytes(bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            if (!bom) {
                return b;
            }
            byte[] out = new byte[b.length + 2];
            out[0] = (byte) (bigEndian ? 0xFE : 0xFF);
            out[1] = (byte) (bigEndian ? 0xFF : 0xFE);
            System.arraycopy(b, 0, out, 2, b.length);
            return out;
        }

        static byte[] withPart(byte[] xlsx, String name, byte[] content) {
            return ZipBombs.replace(xlsx, name, ZipBombs.deflated(name, content));
        }

        @Test
        void parseXlsx_utf16Parts_readTheSameFeeTable() throws IOException {
            byte[] plain = feeTable();
            for (boolean bigEndian : new boolean[] {true, false}) {
                byte[] x = withPart(withPart(plain, SHEET, utf16(part(plain, SHEET), bigEndian, true)), TEXTS,
                        utf16(prefixed(part(plain, TEXTS), "x", MAIN), bigEndian, true));
                assertTrue(XlsxArchive.check(x).isEmpty(), () -> XlsxArchive.check(x).toString());
                assertEquals(XlsxRecords.read(FILE, new ByteArrayInputStream(plain)).rows(),
                        XlsxRecords.read(FILE, new ByteArrayInputStream(x)).rows());
            }
        }

        @Test
        void parseXlsx_utf16SheetWithACellBeyondXfd_refused() throws IOException {
            byte[] plain = feeTable();
            String wide = part(plain, SHEET).replace("r=\"A1\"", "r=\"AAAAAAA1\"");
            for (boolean bom : new boolean[] {true, false}) {
                assertEquals("FEES_XLSX_WIDE_CELL", refusalCode(withPart(plain, SHEET, utf16(wide, false, bom))));
                assertEquals("FEES_XLSX_WIDE_CELL", refusalCode(withPart(plain, SHEET, utf16(wide, true, bom))));
            }
        }

        static byte[] concat(byte[] a, byte[] b) {
            byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        /** The JDK's parser reads each of these; before, the check saw no markup in them, and a cell past XFD went by. */
        @Test
        void parseXlsx_sheetInAnotherEncoding_refusedNamingTheEntry() throws IOException {
            byte[] plain = feeTable();
            String wide = part(plain, SHEET).replace("r=\"A1\"", "r=\"AAAAAAA1\"");
            String body = wide.substring(wide.indexOf("?>") + 2);
            java.nio.charset.Charset ebcdic = java.nio.charset.Charset.forName("IBM037");
            Map<String, byte[]> sheets = new java.util.LinkedHashMap<>();
            sheets.put("UCS-4, no declaration", body.getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
            sheets.put("EBCDIC, declared", wide.replace("UTF-8", "IBM037").getBytes(ebcdic));
            sheets.put("ASCII declaration switching to EBCDIC", concat(
                    "<?xml version=\"1.0\" encoding=\"IBM037\"?>".getBytes(StandardCharsets.US_ASCII), body.getBytes(ebcdic)));
            sheets.put("ASCII declaration switching to UTF-16", concat(
                    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>".getBytes(StandardCharsets.US_ASCII),
                    body.getBytes(StandardCharsets.UTF_16BE)));
            sheets.put("UTF-16 declaring UTF-8", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, wide.getBytes(StandardCharsets.UTF_16BE)));
            sheets.put("Latin-1 declared (the package format allows UTF-8 and UTF-16 only)",
                    part(plain, SHEET).replace("UTF-8", "ISO-8859-1").getBytes(StandardCharsets.ISO_8859_1));
            sheets.forEach((name, bytes) -> {
                FeeTableResult r = parse(withPart(plain, SHEET, bytes));
                assertFalse(r.ok(), name);
                FeeTableProblem p = r.problems().get(0);
                assertEquals("FEES_XLSX_ENCODING", p.code(), name + ": " + p.messageEn());
                assertEquals("Mục [" + SHEET + "] của tệp XLSX không được mã hóa bằng UTF-8 hoặc UTF-16, hai mã duy nhất định"
                        + " dạng gói (ECMA-376 phần 2) cho phép: lưu lại tệp từ bảng tính", p.messageVi(), name);
            });
        }

        /** UTF-8 with or without its byte-order mark or a declaration, and lower-case names, read as before. */
        @Test
        void check_utf8Variants_accepted() throws IOException {
            byte[] plain = feeTable();
            String sheet = part(plain, SHEET);
            String body = sheet.substring(sheet.indexOf("?>") + 2);
            for (String variant : List.of("\uFEFF" + sheet, body, sheet.replace("UTF-8", "utf-8"), "\n  " + body)) {
                byte[] x = withPart(plain, SHEET, variant.getBytes(StandardCharsets.UTF_8));
                assertTrue(XlsxArchive.check(x).isEmpty(), () -> XlsxArchive.check(x).toString());
                assertEquals(XlsxRecords.read(FILE, new ByteArrayInputStream(plain)).rows(),
                        XlsxRecords.read(FILE, new ByteArrayInputStream(x)).rows());
            }
        }
    }
}
