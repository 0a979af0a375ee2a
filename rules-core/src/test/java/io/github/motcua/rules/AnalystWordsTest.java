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

    /** A quote left open in a legal-bases file: one problem, not one more per citation of the file's bases. */
    @Test
    void aQuoteLeftOpenInALegalBasesFile_oneProblem_noCascadeOfUnknownBases() {
        PackProblem p = theOne("legal-bases/procedures.yaml",
                s -> s.replaceFirst("act: \"Luật Hộ tịch 60/2014/QH13\"", "act: \"Luật Hộ tịch 60/2014/QH13"));
        assertEquals("YAML_SYNTAX", p.code());
        // YAML lets a quoted text run over lines: the parser notices at the next quote, on line 3; the problem is at the
        // quote of line 2 that opens it (session 19; it was line 3, worded as wrong indentation)
        assertEquals(2, p.line());
        assertEquals(8, p.column());
        assertTrue(p.messageVi().startsWith("Dấu nháy mở ở đây chưa được đóng"), p.messageVi());
    }

    /** A legal-basis id of 30,000 characters (a decree pasted as its id): refused at the id, quoting only its start. */
    @Test
    void aLegalBasisIdOf30000Characters_refusedAtTheId() {
        PackProblem p = theOne("legal-bases/procedures.yaml", s -> s.replaceFirst("- id: LHT-2014-D5\n",
                "- id: " + "ND".repeat(15_000) + "\n  act: \"Nghị định\"\n- id: LHT-2014-D5\n"));
        assertEquals("SCHEMA", p.code());
        assertEquals(1, p.line());
        assertTrue(p.messageVi().startsWith("Giá trị dài 30.000 ký tự, quá giới hạn 200 ký tự [NDND"), p.messageVi());
        assertTrue(p.messageVi().length() < 200, p.messageVi());
    }

    /** The problems of a copy of the Gia Lai pack after {@code change}, in the loader's order. */
    private List<PackProblem> giaLai(java.util.function.Consumer<Path> change) {
        Path p = TestPacks.copyTree(Path.of("../examples/packs/gia-lai"), dir.resolve("gia-lai"));
        change.accept(p);
        try (Engine e = TestPacks.engine()) {
            return e.load(p).problems();
        }
    }

    private static String all(List<PackProblem> ps) {
        return ps.stream().map(x -> x.format(Locale.ROOT)).collect(Collectors.joining("\n"));
    }

    /**
     * A procedure folder copied under a new code (its cases' base and its form still name the old one): one problem
     * at the base's {@code procedure} line naming how many cases take it and the first, and the form's duplicate
     * {@code $id} at its line naming the first file — not nine {@code CASE_WRONG_PROCEDURE} and a {@code FORMS} at 0:0.
     */
    @Test
    void aCopiedProcedureFolder_oneProblemAtTheBasesProcedureLine_andTheFormsIdAtItsLine() {
        List<PackProblem> ps = giaLai(p -> {
            TestPacks.copyTree(p.resolve("procedures/1.001193"), p.resolve("procedures/1.999999"));
            TestPacks.edit(p.resolve("procedures/1.999999/procedure.yaml"), s -> s.replace("code: \"1.001193\"", "code: \"1.999999\""));
        });
        List<PackProblem> wrong = ps.stream().filter(x -> x.code().equals("CASE_WRONG_PROCEDURE")).toList();
        assertEquals(1, wrong.size(), all(ps));
        PackProblem w = wrong.get(0);
        assertEquals("procedures/1.999999/cases/_base.yaml", w.file(), all(ps));
        assertEquals(4, w.line(), all(ps));
        assertEquals("Hồ sơ gốc ghi thủ tục [1.001193], không phải thủ tục [1.999999] của thư mục này, và 9 ca kiểm thử lấy mã"
                + " này từ đây (ca đầu tiên: [Không có giấy chứng sinh thì phải nộp văn bản của người làm chứng hoặc giấy cam"
                + " đoan]); thư mục chép từ thủ tục khác? Sửa thành [1.999999] ở dòng này", w.messageVi());
        assertTrue(w.messageEn().startsWith("the base dossier names procedure [1.001193], not this folder's procedure"
                + " [1.999999], and 9 cases take the code from here"), w.messageEn());
        PackProblem form = ps.stream().filter(x -> x.code().equals("FORMS")).findFirst().orElseThrow(() -> new AssertionError(all(ps)));
        assertEquals(2, ps.size(), all(ps));
        assertEquals("procedures/1.999999/form.schema.json", form.file(), all(ps));
        assertEquals(3, form.line(), all(ps));
        assertTrue(form.messageVi().contains("dùng lại \"$id\" [urn:motcua:forms:procedure:1.001193] của lược đồ"
                + " [procedures/1.001193/form.schema.json]"), form.messageVi());
    }

    /** Cases that name another code themselves: one problem per code, at the first case, with the count. */
    @Test
    void casesNamingAnotherProcedureThemselves_oneProblemAtTheFirstCase_withTheCount() {
        List<PackProblem> ps = giaLai(p -> TestPacks.edit(p.resolve("procedures/1.001193/cases/qua-han-ho-ngheo.yaml"),
                s -> s.replace("\n  dossier:\n", "\n  dossier:\n    procedure: \"1.001139\"\n")));
        assertEquals(1, ps.size(), all(ps));
        PackProblem w = ps.get(0);
        assertEquals("CASE_WRONG_PROCEDURE", w.code());
        assertEquals("procedures/1.001193/cases/qua-han-ho-ngheo.yaml", w.file());
        assertEquals(3, w.line(), all(ps));
        assertTrue(w.messageVi().startsWith("2 ca kiểm thử ghi thủ tục [1.001139], không phải thủ tục [1.001193] của thư mục"
                + " này (ca đầu tiên ở đây: ["), w.messageVi());
        assertTrue(w.messageEn().endsWith("Replace [1.001139] with [1.001193] in all 2 cases"), w.messageEn());
    }

    /**
     * A quote left open in a block value of a procedure that digitisation.yaml lists: one problem, at the line where
     * the quote opens — not at the next line as wrong indentation, and not also each component digitisation.yaml names
     * as unknown "among: " an empty list.
     */
    @Test
    void aQuoteLeftOpenInAListedProcedure_oneProblemAtTheQuotesLine_noDigitisationEcho() {
        List<PackProblem> ps = giaLai(p -> TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"), s -> s.replace(
                "result: { vi: \"Giấy khai sinh\", en: \"Birth certificate\" }",
                "result:\n  vi: \"Giấy khai sinh\n  en: \"Birth certificate\"")));
        assertEquals(1, ps.size(), all(ps));
        PackProblem q = ps.get(0);
        assertEquals("procedures/1.001193/procedure.yaml", q.file());
        assertEquals("YAML_SYNTAX", q.code());
        assertEquals(14, q.line(), all(ps));
        assertEquals(7, q.column(), all(ps));
        assertTrue(q.messageVi().startsWith("Dấu nháy mở ở đây chưa được đóng"), q.messageVi());
    }
}
