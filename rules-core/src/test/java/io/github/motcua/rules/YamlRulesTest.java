package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.cases.CaseResult;
import io.github.motcua.rules.cases.CaseRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules written as YAML data (procedures/CODE/rules.yaml), and the check of every rule form and of
 * cases against the procedure's form: a field or option the form does not declare is an error at
 * its line, with the closest declared names.
 */
class YamlRulesTest {
    static final String PROC = "procedures/1.001193/";
    /** The five rules of ho-tich's 1.001193 rules.drl, written as data. */
    static final String RULES = """
            # Đăng ký khai sinh — Luật Hộ tịch 2014, Điều 16 khoản 1
            - quy tắc: Có giấy chứng sinh thì nộp giấy chứng sinh
              căn cứ: LHT-2014-D16
              khi:
                - tờ khai: giayChungSinh
                  không là: KHONG_CO
              thì:
                - nộp: giay-chung-sinh

            - quy tắc: Không có giấy chứng sinh thì nộp văn bản của người làm chứng hoặc giấy cam đoan
              căn cứ: LHT-2014-D16
              khi:
                - tờ khai: giayChungSinh
                  là: KHONG_CO
                - tờ khai: nguoiLamChung
                  có giá trị: false
              thì:
                - nộp một trong:
                    nhóm: thay-giay-chung-sinh
                    gồm: [van-ban-lam-chung, giay-cam-doan]
                - ghi chú:
                    vi: Không có người làm chứng thì nộp giấy cam đoan về việc sinh
                    en: Without a witness, submit a sworn statement about the birth

            - quy tắc: Đăng ký khai sinh đúng hạn thì miễn lệ phí
              căn cứ: LHT-2014-D11
              khi:
                - tờ khai: treEm.ngaySinh
                  tính: số ngày đến nay
                  không quá: 60
              thì:
                - miễn phí: { khoản: le-phi-khai-sinh, lý do: "Đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh)" }

            - quy tắc: Không có giấy chứng sinh mà có người làm chứng thì nộp văn bản của người làm chứng
              căn cứ: LHT-2014-D16
              khi:
                - tờ khai: giayChungSinh
                  là: KHONG_CO
                - tờ khai: nguoiLamChung
                  là: CO
              thì:
                - nộp: van-ban-lam-chung

            - quy tắc: Không có giấy chứng sinh và không có người làm chứng thì nộp giấy cam đoan
              căn cứ: LHT-2014-D16
              khi:
                - tờ khai: giayChungSinh
                  là: KHONG_CO
                - tờ khai: nguoiLamChung
                  là: KHONG_CO
              thì:
                - nộp: giay-cam-doan
            """;
    static final String FORM = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": {
                "giayChungSinh": { "type": "string", "oneOf": [ { "const": "CO" }, { "const": "KHONG_CO" } ] },
                "nguoiLamChung": { "type": "string", "enum": ["CO", "KHONG_CO"] },
                "treEm": { "type": "object", "properties": { "ngaySinh": { "type": "string", "format": "date" } } }
              }
            }
            """;

    @TempDir
    Path dir;

    private Path pack(boolean withForm) throws IOException {
        Path p = TestPacks.copy("ho-tich", dir.resolve("p"));
        Files.delete(p.resolve(PROC + "rules.drl"));
        TestPacks.write(p.resolve(PROC + "rules.yaml"), RULES);
        if (withForm) {
            TestPacks.write(p.resolve(PROC + "form.schema.json"), FORM);
        }
        return p;
    }

    private static String dump(LoadResult r) {
        return r.problems().stream().map(PackProblem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void load_rulesWrittenAsYaml_passEveryCaseTheDrlPassedAndTraceTheYamlLine() throws IOException {
        Path p = pack(true);
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), dump(r));
            List<CaseResult> results = CaseRunner.runAll(e);
            List<CaseResult> birth = results.stream().filter(c -> c.packCase().file().startsWith(PROC)).toList();
            assertFalse(birth.isEmpty());
            for (CaseResult c : results) {
                assertTrue(c.passed(), c.report());
            }
            Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"KHONG_CO\",\"treEm\":{\"ngaySinh\":\"2026-02-20\"}}"));
            Decision.TraceStep t = d.trace().stream()
                    .filter(s -> s.rule().startsWith("Không có giấy chứng sinh thì")).findFirst().orElseThrow();
            assertEquals(PROC + "rules.yaml", t.file());
            assertEquals(10, t.line()); // the line of "quy tắc:"
            assertEquals("LHT-2014-D16", t.basis().id());
        }
    }

    @Test
    void load_misspelledFieldInYaml_isAnErrorAtItsLineNamingTheClosestField() throws IOException {
        Path p = pack(true);
        TestPacks.edit(p.resolve(PROC + "rules.yaml"), s -> s.replace("tờ khai: nguoiLamChung\n      là: CO",
                "tờ khai: nguoiLamChun\n      là: CO"));
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            PackProblem x = only(r, "FORM_UNKNOWN_FIELD");
            assertEquals(PROC + "rules.yaml", x.file());
            assertEquals(39, x.line());
            assertTrue(x.messageVi().contains("[nguoiLamChun]") && x.messageVi().contains("nguoiLamChung"), x.messageVi());
        }
    }

    @Test
    void load_optionTheFormDoesNotDeclareInYaml_isAnErrorAtTheValueListingTheOptions() throws IOException {
        Path p = pack(true);
        TestPacks.edit(p.resolve(PROC + "rules.yaml"), s -> s.replace("không là: KHONG_CO", "không là: KHÔNG_CÓ"));
        try (Engine e = TestPacks.engine()) {
            PackProblem x = only(e.load(p), "FORM_UNKNOWN_OPTION");
            assertEquals(6, x.line());
            assertTrue(x.messageEn().contains("[KHÔNG_CÓ]") && x.messageEn().contains("CO, KHONG_CO"), x.messageEn());
        }
    }

    @Test
    void load_misspelledFieldAndOptionInDrl_areErrorsAtTheirColumn() throws IOException {
        Path p = TestPacks.copy("ho-tich", dir.resolve("p"));
        TestPacks.write(p.resolve(PROC + "form.schema.json"), FORM);
        TestPacks.edit(p.resolve(PROC + "rules.drl"), s -> s
                .replace("text(\"giayChungSinh\") != \"KHONG_CO\"", "text(\"giayChungSinh\") != \"KHONGCO\"")
                .replace("ageInDays(\"treEm.ngaySinh\")", "ageInDays(\"treEm.ngaySinhh\")"));
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            PackProblem option = only(r, "FORM_UNKNOWN_OPTION");
            assertEquals(PROC + "rules.drl:5:34", option.file() + ":" + option.line() + ":" + option.column());
            PackProblem field = only(r, "FORM_UNKNOWN_FIELD");
            assertEquals(23, field.line());
            assertTrue(field.messageVi().contains("treEm.ngaySinh?"), field.messageVi());
        }
    }

    @Test
    void load_misspelledOptionInDecisionTable_isAnErrorAtItsCell() throws IOException {
        Path p = TestPacks.copy("ho-tich", dir.resolve("p"));
        TestPacks.write(p.resolve(PROC + "form.schema.json"), FORM);
        // with != a misspelt option would match every dossier
        TestPacks.write(p.resolve(PROC + "extra.rules.csv"), """
                name,basis,"when Form( text(""giayChungSinh"") != ""$1"" )","then decision.note(""$1"")"
                Ghi chú khi có giấy,LHT-2014-D16,KHONG_CO,có giấy
                Ghi chú sai chính tả,LHT-2014-D16,KHONG_C0,sai
                """);
        try (Engine e = TestPacks.engine()) {
            PackProblem x = only(e.load(p), "FORM_UNKNOWN_OPTION");
            assertEquals(PROC + "extra.rules.csv:3:3", x.file() + ":" + x.line() + ":" + x.column());
        }
    }

    @Test
    void load_misspelledFieldInACaseForm_isAnErrorAtItsKey() throws IOException {
        Path p = pack(true);
        TestPacks.edit(p.resolve(PROC + "cases/giay-chung-sinh.yaml"),
                s -> s.replaceFirst("form: \\{ giayChungSinh: \"CO\"", "form: { giayChungSinh: \"CO\", nguoiLamChungg: \"CO\""));
        try (Engine e = TestPacks.engine()) {
            PackProblem x = only(e.load(p), "CASE_UNKNOWN_FIELD");
            assertEquals(PROC + "cases/giay-chung-sinh.yaml", x.file());
            assertEquals(6, x.line());
            assertTrue(x.messageEn().contains("nguoiLamChung?"), x.messageEn());
        }
    }

    @Test
    void load_valueThatLooksLikeDrl_staysAStringLiteral() throws IOException {
        Path p = pack(false);
        TestPacks.edit(p.resolve(PROC + "rules.yaml"), s -> s.replace("là: CO\n", "là: 'CO\") || true || text(\"x'\n"));
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), dump(r));
            Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"KHONG_CO\",\"nguoiLamChung\":\"KHONG_CO\"}"));
            assertTrue(d.trace().stream().noneMatch(s -> s.rule().contains("mà có người làm chứng")), d.trace().toString());
        }
    }

    @Test
    void load_conditionWithTwoComparisons_isAnErrorAtTheCondition() throws IOException {
        Path p = pack(true);
        TestPacks.edit(p.resolve(PROC + "rules.yaml"), s -> s.replace("không là: KHONG_CO", "không là: KHONG_CO\n      là: CO"));
        try (Engine e = TestPacks.engine()) {
            PackProblem x = only(e.load(p), "RULE_BAD_CONDITION");
            assertEquals(5, x.line());
            assertTrue(x.messageEn().contains("exactly one comparison"), x.messageEn());
        }
    }

    private static PackProblem only(LoadResult r, String code) {
        List<PackProblem> found = r.problems().stream().filter(x -> x.code().equals(code)).toList();
        assertEquals(1, found.size(), dump(r));
        return found.get(0);
    }
}
