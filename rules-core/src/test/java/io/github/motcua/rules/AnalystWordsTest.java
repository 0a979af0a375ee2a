package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mistakes an analyst really makes in a pack's YAML — a key typed with the wrong case or without its diacritics, a
 * value outside the list, a date written 31/12/2026, a quote left open — each reported once, at the line to edit, in
 * Vietnamese with what to write, English second, and none of the schema validator's or the YAML parser's own words
 * ("lược đồ", "RFC 3339", "while parsing").
 */
class AnalystWordsTest {
    private static final String PROC = "procedures/1.001193/procedure.yaml";

    @TempDir
    Path dir;

    private PackProblem theOne(String file, UnaryOperator<String> change) {
        Path p = TestPacks.copy("ho-tich", dir.resolve("pack"));
        TestPacks.edit(p.resolve(file), s -> {
            String t = change.apply(s);
            assertFalse(t.equals(s), "the edit changed nothing in " + file);
            return t;
        });
        try (Engine e = TestPacks.engine()) {
            List<PackProblem> ps = e.load(p).problems();
            String all = ps.stream().map(x -> x.format(Locale.ROOT)).collect(Collectors.joining("\n"));
            assertEquals(1, ps.size(), all);
            PackProblem x = ps.get(0);
            assertEquals(file, x.file(), all);
            for (String foreign : List.of("lược đồ", "RFC 3339", "while ", "thuộc tính bổ sung", "bảng liệt kê")) {
                assertFalse(x.messageVi().contains(foreign), x.messageVi());
            }
            return x;
        }
    }

    @Test
    void aKeyWithTheWrongCase_oneProblemAtTheKey_namingTheKeyMeant() {
        PackProblem p = theOne(PROC, s -> s.replace("onlineLevel: PARTIAL", "onlinelevel: PARTIAL"));
        assertEquals("SCHEMA", p.code());
        assertEquals(7, p.line());
        assertEquals("Khóa [onlinelevel] không có trong procedure; có phải là [onlineLevel]? Ghi đúng tên khóa, kể cả chữ hoa,"
                + " chữ thường và dấu", p.messageVi());
        assertEquals("key [onlinelevel] is not one procedure has; did you mean [onlineLevel]? Write the key exactly, case and"
                + " diacritics included", p.messageEn());
    }

    @Test
    void aRulesYamlKeyTypedWithoutDiacritics_oneProblem_namingTheVietnameseKey() {
        PackProblem p = theOne("procedures/1.001193/extra.rules.yaml", s -> """
                - quy tắc: Có giấy chứng sinh thì ghi chú
                  can cu: LHT-2014-D16
                  khi:
                    - tờ khai: giayChungSinh
                      là: CO
                  thì:
                    - ghi chú: Có giấy chứng sinh
                """);
        assertEquals(2, p.line());
        assertTrue(p.messageVi().startsWith("Khóa [can cu] không có trong rules; có phải là [căn cứ]?"), p.messageVi());
    }

    @Test
    void aValueOutsideTheList_quotesTheValueAndTheList() {
        PackProblem p = theOne(PROC, s -> s.replace("level: COMMUNE", "level: XA"));
        assertEquals(4, p.line());
        assertEquals("Giá trị [XA] không được chấp nhận; chỉ nhận một trong: COMMUNE, PROVINCE", p.messageVi());
    }

    @Test
    void aValueOneLetterOff_namesTheValueMeant() {
        PackProblem p = theOne(PROC, s -> s.replace("level: COMMUNE", "level: COMUNE"));
        assertTrue(p.messageVi().contains("có phải là [COMMUNE]?"), p.messageVi());
    }

    /** One date written the Vietnamese way in a legal-bases file: one problem, not one per rule citing that file. */
    @Test
    void aLegalBasisDateWrittenDayFirst_oneProblem_withTheDateToWrite_noCascadeOfUnknownBases() {
        PackProblem p = theOne("legal-bases/procedures.yaml", s -> s.replaceFirst("validFrom: 2016-01-01", "validFrom: 01/01/2016"));
        assertEquals(5, p.line());
        assertEquals("[01/01/2016] không phải ngày viết theo dạng năm-tháng-ngày (yyyy-MM-dd): hãy ghi 2016-01-01", p.messageVi());
        assertEquals("[01/01/2016] is not a date written year-month-day (yyyy-MM-dd): write 2016-01-01", p.messageEn());
    }

    @Test
    void aCaseTimeWrittenDayFirst_givesTheIsoTimeToWrite() {
        PackProblem p = theOne("procedures/1.001193/cases/giay-chung-sinh.yaml",
                s -> s.replaceFirst("receivedAt: \"2026-03-02T09:00:00\\+07:00\"", "receivedAt: \"02/03/2026 09:00\""));
        assertEquals(4, p.line());
        assertTrue(p.messageVi().endsWith("hãy ghi 2026-03-02T09:00:00+07:00"), p.messageVi());
    }

    @Test
    void aQuoteLeftOpenInBraces_pointsToTheBraces_inPlainWords() {
        PackProblem p = theOne(PROC, s -> s.replace("result: { vi: \"Giấy khai sinh\", en:", "result: { vi: \"Giấy khai sinh, en:"));
        assertEquals("YAML_SYNTAX", p.code());
        assertEquals(9, p.line());
        assertTrue(p.messageVi().startsWith("Dấu { mở ở đây chưa được đóng đúng"), p.messageVi());
    }

    @Test
    void aValueStartingWithAnAt_saysToQuoteIt() {
        PackProblem p = theOne(PROC, s -> s.replace("result: { vi: \"Giấy khai sinh\", en: \"Birth certificate\" }",
                "result: @Giấy khai sinh"));
        assertEquals(9, p.line());
        assertTrue(p.messageVi().startsWith("Giá trị không được bắt đầu bằng ký tự này"), p.messageVi());
    }

    /** A form schema with a comma after its last property: the pack problem is at that line, in plain words. */
    @Test
    void aFormSchemaWithATrailingComma_atItsLine_inPlainWords() {
        PackProblem p = theOne("procedures/1.001193/form.schema.json", s -> {
            String form = YamlRulesTest.FORM.strip();
            return form.substring(0, form.lastIndexOf('}')).stripTrailing() + ",\n}\n";
        });
        assertEquals("FORMS", p.code());
        assertTrue(p.line() > 1, p.toString());
        assertTrue(p.messageVi().contains("Thừa dấu phẩy trước dấu }: xóa dấu phẩy sau mục cuối cùng"), p.messageVi());
        assertFalse(p.messageVi().contains("Unexpected"), p.messageVi());
    }
}
