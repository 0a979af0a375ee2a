package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
}
