package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.concurrent.TimeUnit;
import io.github.motcua.kernel.ZipBombs;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The archive check reads a part as the reader (fastexcel-reader 0.20.2 on a StAX parser) reads it, not as its author
 * meant it: whatever text the reader turns into a shared-text index is the index the check bounds, and the parts the
 * check validates are the parts the reader opens.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class XlsxReaderViewTest {
    static final String SHEET = XlsxNamespacesTest.SHEET;
    /** Cell C1 of {@link XlsxNamespacesTest#feeTable()}: the shared text 2, "kind". */
    static final String C1 = "<c r=\"C1\" t=\"s\"><v>2</v></c>";

    static byte[] withC1(String cell) throws IOException {
        byte[] plain = XlsxNamespacesTest.feeTable();
        assertTrue(XlsxNamespacesTest.part(plain, SHEET).contains(C1), XlsxNamespacesTest.part(plain, SHEET));
        return XlsxNamespacesTest.rewrite(plain, Map.of(SHEET, s -> s.replace(C1, cell)));
    }

    /** Cell C1's text as the reader alone gives it (no check before it). */
    static String readerC1(byte[] xlsx) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Row first = wb.getFirstSheet().read().get(0);
            return first.getCell(2).getText();
        }
    }

    /** Spellings of one index in a {@code <v>} that the reader's text and Integer.parseInt take for that index. */
    static Map<String, String> spellings(String n) {
        String a = n.substring(0, 1);
        String b = n.substring(1);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("a CDATA section", "<![CDATA[" + n + "]]>");
        m.put("text then a CDATA section", a + "<![CDATA[" + b + "]]>");
        m.put("a plus sign", "+" + n);
        m.put("leading zeros", "000" + n);
        m.put("a comment inside", a + "<!-- ô -->" + b);
        m.put("a processing instruction inside", a + "<?pi x?>" + b);
        m.put("an element inside", a + "<x>" + b + "</x>");
        m.put("Arabic-Indic digits", arabicIndic(n));
        m.put("Arabic-Indic digits as character references", arabicIndic(n).chars()
                .mapToObj(c -> "&#x" + Integer.toHexString(c) + ";").reduce("", String::concat));
        m.put("full-width digits", n.chars().mapToObj(c -> String.valueOf((char) (c - '0' + 0xFF10))).reduce("", String::concat));
        return m;
    }

    static String arabicIndic(String n) {
        return n.chars().mapToObj(c -> String.valueOf((char) (c - '0' + 0x0660))).reduce("", String::concat);
    }

    @Nested
    class SharedTextIndex {
        /** The control: each spelling of an index that exists reads as that item, and the check lets it through. */
        @Test
        void check_indexThatExistsSpelledAnyWayTheReaderReads_acceptedAndReadAsTheItem() throws IOException {
            for (Map.Entry<String, String> s : spellings("02").entrySet()) {
                byte[] x = withC1("<c r=\"C1\" t=\"s\"><v>" + s.getValue() + "</v></c>");
                assertEquals("kind", readerC1(x), s.getKey());
                assertTrue(XlsxArchive.check(x).isEmpty(), () -> s.getKey() + ": " + XlsxArchive.check(x));
            }
        }

        /**
         * The reader reads each of these as index 99 of 22 items — a blank cell, or past 2^31 a reader appending empty
         * items for minutes — and the check took none of them for an index (it ended the value at the first markup and
         * knew ASCII digits only): each is refused as {@code <v>99</v>} is.
         */
        @Test
        void check_indexPastTheItemsSpelledAnyWayTheReaderReads_refusedNamingTheCell() throws IOException {
            for (Map.Entry<String, String> s : spellings("99").entrySet()) {
                byte[] x = withC1("<c r=\"C1\" t=\"s\"><v>" + s.getValue() + "</v></c>");
                assertEquals("", readerC1(x), s.getKey());
                XlsxArchive.Refusal r = XlsxArchive.check(x).orElseThrow(() -> new AssertionError(s.getKey() + ": accepted"));
                assertEquals("FEES_XLSX_BAD_SHARED_TEXT", r.code(), s.getKey());
                assertEquals(1, r.row(), s.getKey());
                assertTrue(r.messageEn().contains("shared text number 99, but the file has only 22 shared texts")
                        && r.messageEn().contains("at cell C1 of row 1"), s.getKey() + ": " + r.messageEn());
                assertTrue(r.messageVi().contains("văn bản dùng chung số 99") && r.messageVi().contains("ở ô C1 dòng 1"),
                        s.getKey() + ": " + r.messageVi());
            }
            XlsxArchive.Refusal huge = XlsxArchive.check(withC1("<c r=\"C1\" t=\"s\"><v><![CDATA[+2147483647]]></v></c>"))
                    .orElseThrow();
            assertTrue(huge.messageEn().contains("shared text number 2147483647"), huge.messageEn());
        }

        /**
     * A value the reader cannot parse as a whole number (a ']' left by "]]]>", a space, a sign alone, a negative index)
     * it refuses itself, as before — a bad cell, named when the reader got that far: the check leaves it.
     */
        @Test
        void parseXlsx_valueThatIsNoWholeNumber_refusedByTheReaderAsABadCell() throws IOException {
            for (String v : new String[] {"<![CDATA[9]]]>9", "9 9", "+", "-5", "<![CDATA[9]]>x"}) {
                byte[] x = withC1("<c r=\"C1\" t=\"s\"><v>" + v + "</v></c>");
                assertTrue(XlsxArchive.check(x).isEmpty(), () -> v + ": " + XlsxArchive.check(x));
                String code = XlsxNamespacesTest.refusalCode(x);
                assertTrue(code.equals("FEES_XLSX_BAD_CELL") || code.equals("FEES_XLSX_BAD_CELL_SOMEWHERE"), v + ": " + code);
            }
        }

        /**
         * The reader asks for the type attribute of no namespace: {@code x:t} is another attribute to it. A cell typed
         * shared text beside an {@code x:t="n"} is a shared-text cell (before, the check took the later {@code x:t}).
         */
        @Test
        void check_prefixedTypeAttribute_readAsTheReaderReadsIt() throws IOException {
            byte[] shared = withC1("<c r=\"C1\" t=\"s\" x:t=\"n\" xmlns:x=\"urn:example:x\"><v>99</v></c>");
            assertEquals("", readerC1(shared));
            assertEquals("FEES_XLSX_BAD_SHARED_TEXT", XlsxArchive.check(shared).orElseThrow().code());

            byte[] number = withC1("<c r=\"C1\" t=\"n\" x:t=\"s\" xmlns:x=\"urn:example:x\"><v>99</v></c>");
            assertEquals("99", readerC1(number));
            assertTrue(XlsxArchive.check(number).isEmpty(), () -> XlsxArchive.check(number).toString());
        }
    }
    /**
     * The parts the check validates are the parts the reader opens: the shared-texts part of {@code [Content_Types].xml}
     * read with an XML parser (not a pattern over its text), one shared-texts part only, and every sheet the workbook
     * names, wherever it lies in the archive.
     */
    @Nested
    class Parts {
        static final String TYPES = "[Content_Types].xml";
        static final String RELS = "xl/_rels/workbook.xml.rels";
        static final String SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
        static final String SST_OVERRIDE = "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + SST_TYPE + "\"/>";

        /** {@code xlsx} with the entries renamed, rewritten or added as {@code edit} says (null content: dropped). */
        static byte[] edit(byte[] xlsx, Map<String, String> renames, Map<String, UnaryOperator<String>> rewrites,
                Map<String, String> added) {
            List<ZipBombs.Raw> raws = new ArrayList<>();
            ZipBombs.entries(xlsx).forEach((name, content) -> {
                String text = new String(content, StandardCharsets.UTF_8);
                String out = rewrites.containsKey(name) ? rewrites.get(name).apply(text) : text;
                raws.add(ZipBombs.deflated(renames.getOrDefault(name, name), out.getBytes(StandardCharsets.UTF_8)));
            });
            added.forEach((name, text) -> raws.add(ZipBombs.deflated(name, text.getBytes(StandardCharsets.UTF_8))));
            return ZipBombs.zip(raws, 0);
        }

        /** A shared-texts part of {@code n} items, {@code n} at most 22 (the fee table's own texts, in order). */
        static String texts(byte[] plain, int n) {
            String body = XlsxNamespacesTest.items(plain);
            int end = 0;
            for (int i = 0; i < n; i++) {
                end = body.indexOf("</si>", end) + "</si>".length();
            }
            return "<sst xmlns=\"" + XlsxNamespacesTest.MAIN + "\">" + body.substring(0, end) + "</sst>";
        }

        @Test
        void fixture_isTheWorkbookTheseTestsRewrite() throws IOException {
            byte[] plain = XlsxNamespacesTest.feeTable();
            assertTrue(XlsxNamespacesTest.part(plain, TYPES).contains(SST_OVERRIDE), XlsxNamespacesTest.part(plain, TYPES));
            assertTrue(XlsxNamespacesTest.part(plain, RELS).contains("Target=\"worksheets/sheet1.xml\""));
            assertTrue(XlsxNamespacesTest.part(plain, RELS).contains("Target=\"sharedStrings.xml\""));
        }

        /**
         * Two overrides name shared-texts parts: the reader reads the later one (it keeps overwriting until it has the
         * workbook, the styles and the texts), the check read the first — a full part — and the cells pointed past the
         * one the reader read, which gave them blank. Now refused, naming both parts; so is a workbook relationship
         * naming another part than the override (what a spreadsheet program shows is not what the reader reads).
         */
        @Test
        void check_moreThanOneSharedTextsPart_refusedNamingThem() throws IOException {
            byte[] plain = XlsxNamespacesTest.feeTable();
            String full = XlsxNamespacesTest.part(plain, XlsxNamespacesTest.TEXTS);
            byte[] two = edit(plain, Map.of(), Map.of(TYPES, t -> t.replaceFirst("<Override ",
                    "<Override PartName=\"/xl/texts2.xml\" ContentType=\"" + SST_TYPE + "\"/><Override "),
                    XlsxNamespacesTest.TEXTS, t -> texts(plain, 1)), Map.of("xl/texts2.xml", full));
            assertEquals("type", XlsxRecords.read("f", new ByteArrayInputStream(plain)).rows().get(0).cells().get(0));
            assertEquals("", readerC1(two), "the reader reads the one-item part");
            XlsxArchive.Refusal r = XlsxArchive.check(two).orElseThrow();
            assertEquals("FEES_XLSX_SHARED_TEXTS_TWICE", r.code());
            assertEquals(0, r.row());
            assertTrue(r.messageVi().startsWith("Tệp XLSX chỉ tới nhiều hơn một phần văn bản dùng chung (xl/texts2.xml,"
                    + " xl/sharedStrings.xml)"), r.messageVi());
            assertTrue(r.messageEn().startsWith("The XLSX file names more than one shared-texts part (xl/texts2.xml,"
                    + " xl/sharedStrings.xml)"), r.messageEn());
            assertEquals("FEES_XLSX_SHARED_TEXTS_TWICE", XlsxNamespacesTest.refusalCode(two));

            byte[] related = edit(plain, Map.of(), Map.of(RELS, t -> t.replace("Target=\"sharedStrings.xml\"",
                    "Target=\"texts2.xml\"")), Map.of("xl/texts2.xml", full));
            XlsxArchive.Refusal rel = XlsxArchive.check(related).orElseThrow();
            assertEquals("FEES_XLSX_SHARED_TEXTS_TWICE", rel.code());
            assertTrue(rel.messageEn().contains("(xl/sharedStrings.xml, xl/texts2.xml)"), rel.messageEn());
        }

        /**
         * Disguises a pattern over the text took for the shared-texts override, and a parser does not: one in a comment,
         * one in another attribute's value, one in a CDATA section. The reader reads the real, one-item part; the check
         * validated the decoy's full part. Now the real part is validated and the cell past its one item refused.
         */
        @Test
        void check_decoyOverridesAParserSkips_theRealPartValidated() throws IOException {
            byte[] plain = XlsxNamespacesTest.feeTable();
            String decoy = "<Override PartName=\"/xl/texts2.xml\" ContentType=\"" + SST_TYPE + "\"/>";
            Map<String, UnaryOperator<String>> disguises = new LinkedHashMap<>();
            disguises.put("in a comment", t -> t.replace("<Default ", "<!-- " + decoy + " --><Default "));
            disguises.put("in a CDATA section", t -> t.replace("<Default ", "<![CDATA[" + decoy + "]]><Default "));
            disguises.put("in another attribute's value", t -> t.replace(SST_OVERRIDE,
                    "<Override Note=\"PartName='/xl/texts2.xml'\"" + SST_OVERRIDE.substring("<Override".length())));
            for (Map.Entry<String, UnaryOperator<String>> d : disguises.entrySet()) {
                byte[] x = edit(plain, Map.of(), Map.of(TYPES, d.getValue(), XlsxNamespacesTest.TEXTS, t -> texts(plain, 1)),
                        Map.of("xl/texts2.xml", XlsxNamespacesTest.part(plain, XlsxNamespacesTest.TEXTS)));
                assertTrue(!XlsxNamespacesTest.part(x, TYPES).equals(XlsxNamespacesTest.part(plain, TYPES)), d.getKey());
                assertEquals("", readerC1(x), d.getKey());
                XlsxArchive.Refusal r = XlsxArchive.check(x).orElseThrow(() -> new AssertionError(d.getKey() + ": accepted"));
                assertEquals("FEES_XLSX_BAD_SHARED_TEXT", r.code(), d.getKey() + ": " + r.messageEn());
                assertTrue(r.messageEn().contains("has only 1 shared texts"), d.getKey() + ": " + r.messageEn());
            }
        }

        /**
         * A {@code [Content_Types].xml} over 1 MB (a long comment) was not read at all: no shared-texts part, no index
         * checked. It is read now, however long (within the entry limits).
         */
        @Test
        void check_contentTypesOverAMegabyte_stillRead() throws IOException {
            byte[] plain = XlsxNamespacesTest.feeTable();
            StringBuilder pad = new StringBuilder("<!-- ");
            java.util.Random random = new java.util.Random(15);
            while (pad.length() < 1_200_000) {
                pad.append((char) ('a' + random.nextInt(26)));
            }
            pad.append(" -->");
            byte[] x = edit(plain, Map.of(), Map.of(TYPES, t -> t.replace("<Default ", pad + "<Default "),
                    SHEET, t -> t.replace(C1, "<c r=\"C1\" t=\"s\"><v>99</v></c>")), Map.of());
            assertEquals("", readerC1(x));
            assertEquals("FEES_XLSX_BAD_SHARED_TEXT", XlsxArchive.check(x).orElseThrow().code());
        }

        /** The reader finds a part ignoring case when the name as written is missing: so does the check (no false refusal). */
        @Test
        void check_partNamedInAnotherCase_foundAsTheReaderFindsIt() throws IOException {
            byte[] plain = XlsxNamespacesTest.feeTable();
            byte[] x = edit(plain, Map.of(), Map.of(TYPES, t -> t.replace("/xl/sharedStrings.xml", "/XL/SHAREDSTRINGS.XML"),
                    RELS, t -> t.replace("Target=\"sharedStrings.xml\"", "Target=\"SHAREDSTRINGS.XML\"")), Map.of());
            assertEquals("kind", readerC1(x));
            assertTrue(XlsxArchive.check(x).isEmpty(), () -> XlsxArchive.check(x).toString());
            assertEquals(XlsxRecords.read("f", new ByteArrayInputStream(plain)).rows(),
                    XlsxRecords.read("f", new ByteArrayInputStream(x)).rows());
        }

        /**
         * The workbook may keep its sheet anywhere in the archive: the reader follows the relationship. The check knew
         * worksheets by the folder {@code xl/worksheets/} only, so a sheet at {@code xl/data/sheet1.xml} passed every
         * sheet limit unchecked; now every sheet the workbook names is checked, and a well-formed one reads as before.
         */
        @Test
        void check_sheetOutsideTheWorksheetsFolder_checkedAsASheet() throws IOException {
            byte[] plain = XlsxNamespacesTest.feeTable();
            Map<String, String> move = Map.of(SHEET, "xl/data/sheet1.xml");
            Map<String, UnaryOperator<String>> rel = Map.of(RELS, t -> t.replace("worksheets/sheet1.xml", "data/sheet1.xml"));
            byte[] moved = edit(plain, move, rel, Map.of());
            assertTrue(XlsxArchive.check(moved).isEmpty(), () -> XlsxArchive.check(moved).toString());
            assertEquals(XlsxRecords.read("f", new ByteArrayInputStream(plain)).rows(),
                    XlsxRecords.read("f", new ByteArrayInputStream(moved)).rows());

            Map<String, UnaryOperator<String>> wide = new LinkedHashMap<>(rel);
            wide.put(SHEET, t -> t.replace("r=\"A1\"", "r=\"AAAAAAA1\""));
            XlsxArchive.Refusal r = XlsxArchive.check(edit(plain, move, wide, Map.of())).orElseThrow();
            assertEquals("FEES_XLSX_WIDE_CELL", r.code());
            assertTrue(r.messageEn().contains("xl/data/sheet1.xml"), r.messageEn());

            Map<String, UnaryOperator<String>> past = new LinkedHashMap<>(rel);
            past.put(SHEET, t -> t.replace(C1, "<c r=\"C1\" t=\"s\"><v>99</v></c>"));
            byte[] pastItems = edit(plain, move, past, Map.of());
            assertEquals("", readerC1(pastItems));
            assertEquals("FEES_XLSX_BAD_SHARED_TEXT", XlsxArchive.check(pastItems).orElseThrow().code());

            StringBuilder cells = new StringBuilder();
            for (int i = 0; i <= XlsxArchive.MAX_CELLS; i++) {
                cells.append("<c><v>").append(i % 997).append("</v></c>");
            }
            Map<String, UnaryOperator<String>> many = new LinkedHashMap<>(rel);
            many.put(SHEET, t -> "<worksheet xmlns=\"" + XlsxNamespacesTest.MAIN + "\"><sheetData><row r=\"1\">" + cells
                    + "</row></sheetData></worksheet>");
            assertEquals("FEES_XLSX_TOO_MANY_CELLS", XlsxArchive.check(edit(plain, move, many, Map.of())).orElseThrow().code());
        }

        /** Without {@code [Content_Types].xml} the reader opens no part: the file is no workbook, as before. */
        @Test
        void parseXlsx_noContentTypes_noWorkbook() throws IOException {
            byte[] plain = XlsxNamespacesTest.feeTable();
            List<ZipBombs.Raw> raws = new ArrayList<>();
            ZipBombs.entries(plain).forEach((name, content) -> {
                if (!name.equals(TYPES)) {
                    raws.add(ZipBombs.deflated(name, content));
                }
            });
            byte[] x = ZipBombs.zip(raws, 0);
            assertTrue(XlsxArchive.check(x).isEmpty(), () -> XlsxArchive.check(x).toString());
            assertEquals("FEES_XLSX_NOT_WORKBOOK", XlsxNamespacesTest.refusalCode(x));
        }

        /** A part the reader finds the others by that is no well-formed XML: refused naming it, as a parser would fail. */
        @Test
        void check_brokenContentTypesOrRelationships_refusedNamingTheEntry() throws IOException {
            byte[] plain = XlsxNamespacesTest.feeTable();
            for (String name : List.of(TYPES, RELS)) {
                byte[] x = edit(plain, Map.of(), Map.of(name, t -> t.replace("/>", ">")), Map.of());
                XlsxArchive.Refusal r = XlsxArchive.check(x).orElseThrow();
                assertEquals("FEES_XLSX_BROKEN_PART", r.code(), name);
                assertEquals("Tệp XLSX bị hỏng: XML của mục [" + name + "], nơi trình đọc tìm các phần khác của bảng tính, sai"
                        + " cấu trúc (lưu lại từ phần mềm bảng tính)", r.messageVi());
                assertFalse(r.messageEn().contains("Exception"), r.messageEn());
            }
        }

        /**
         * A ZIP entry may carry a second name (the Info-ZIP Unicode Path field): the reader's ZIP library names the entry
         * by it when the entry's UTF-8 flag is clear. Here the sheet's bytes are stored as {@code xl/a.xml} — no sheet to
         * the check — and named {@code xl/worksheets/sheet1.xml} to the reader, which reads them (C1 past the texts, a
         * blank cell). Refused, naming the entry.
         */
        @Test
        void check_entryWithASecondName_refused() throws IOException {
            byte[] plain = XlsxNamespacesTest.feeTable();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : ZipBombs.entries(plain).entrySet()) {
                    byte[] content = e.getValue();
                    java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(e.getKey());
                    if (e.getKey().equals(SHEET)) {
                        content = new String(content, StandardCharsets.UTF_8).replace(C1, "<c r=\"C1\" t=\"s\"><v>99</v></c>")
                                .getBytes(StandardCharsets.UTF_8);
                        byte[] raw = "xl/a.xml".getBytes(StandardCharsets.US_ASCII);
                        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                        crc.update(raw);
                        byte[] second = SHEET.getBytes(StandardCharsets.US_ASCII);
                        java.nio.ByteBuffer field = java.nio.ByteBuffer.allocate(9 + second.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                        field.putShort((short) 0x7075).putShort((short) (5 + second.length)).put((byte) 1).putInt((int) crc.getValue())
                                .put(second);
                        entry = new java.util.zip.ZipEntry("xl/a.xml");
                        entry.setExtra(field.array());
                    }
                    z.putNextEntry(entry);
                    z.write(content);
                    z.closeEntry();
                }
            }
            byte[] x = out.toByteArray();
            // clear the UTF-8 flag (general purpose bit 11) the JDK's writer sets, in the local headers and the directory
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(x).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i + 10 < x.length; i++) {
                if (b.getInt(i) == 0x04034b50) {
                    b.putShort(i + 6, (short) (b.getShort(i + 6) & ~0x800));
                } else if (b.getInt(i) == 0x02014b50) {
                    b.putShort(i + 8, (short) (b.getShort(i + 8) & ~0x800));
                }
            }
            assertTrue(ZipBombs.entries(x).containsKey("xl/a.xml") && !ZipBombs.entries(x).containsKey(SHEET));
            assertEquals("", readerC1(x), "the reader reads xl/a.xml as the sheet");
            XlsxArchive.Refusal r = XlsxArchive.check(x).orElseThrow();
            assertEquals("FEES_XLSX_SECOND_NAME", r.code());
            assertTrue(r.messageVi().startsWith("Mục [xl/a.xml] của tệp XLSX mang thêm một tên thứ hai"), r.messageVi());
            assertTrue(r.messageEn().startsWith("Entry [xl/a.xml] of the XLSX file carries a second name"), r.messageEn());
        }
    }
}
