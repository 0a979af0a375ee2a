package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.cases.CaseResult;
import io.github.motcua.rules.cases.CaseRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases that state only what matters: a base dossier per procedure, cases naming only their changes. */
class CaseBaseTest {
    static final String CASES = "procedures/1.001193/cases/";
    static final String BASE = """
            dossier:
              channel: DESK
              receivedAt: "2026-03-02T09:00:00+07:00"
              unit: "52-phuong-pleiku"
              form: { giayChungSinh: "CO", treEm: { ngaySinh: "2026-02-20" } }
            """;

    @TempDir
    Path dir;

    private Path pack(String cases) throws Exception {
        Path p = TestPacks.copy("ho-tich", dir.resolve("p"));
        try (var files = Files.list(p.resolve(CASES))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        TestPacks.write(p.resolve(CASES + "_base.yaml"), BASE);
        TestPacks.write(p.resolve(CASES + "ca.yaml"), cases);
        return p;
    }

    private static String dump(LoadResult r) {
        return r.problems().stream().map(PackProblem::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void cases_nameOnlyTheirChanges_andRunOnTheMergedDossier() throws Exception {
        Path p = pack("""
                - name: "Hồ sơ gốc: có giấy chứng sinh"
                  dossier: {}
                  expect: { eligibility: ELIGIBLE, components: { required: [to-khai, giay-chung-sinh] } }
                - name: "Chỉ đổi một trường lồng nhau: các trường khác của tờ khai giữ nguyên"
                  dossier: { form: { giayChungSinh: "KHONG_CO", nguoiLamChung: "CO" } }
                  expect: { components: { required: [to-khai, van-ban-lam-chung], oneOf: {} } }
                - name: "Xoá một trường bằng ~: không còn đơn vị tiếp nhận"
                  dossier: { unit: ~, form: { treEm: ~ } }
                  expect: { eligibility: ELIGIBLE }
                """);
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), dump(r));
            List<PackCase> cases = e.cases().stream().filter(c -> c.file().startsWith(CASES)).toList();
            assertEquals(3, cases.size());
            assertEquals("CO", cases.get(0).dossier().form().get("giayChungSinh"));
            // the nested change kept the base's treEm beside the new fields
            assertTrue(cases.get(1).dossier().form().containsKey("treEm"));
            assertEquals("CO", cases.get(1).dossier().form().get("nguoiLamChung"));
            assertEquals(null, cases.get(2).dossier().unit());
            assertFalse(cases.get(2).dossier().form().containsKey("treEm"));
            for (CaseResult c : CaseRunner.runAll(e)) {
                assertTrue(c.passed(), c.report());
            }
        }
    }

    /**
     * A base dossier is copied into every case: before session 18, 1,000 one-line cases under a base of a few MB made
     * a thousand copies of it at load, with no bound but the files'. The cases of a procedure may now make at most
     * 200,000 JSON nodes, each case counted with its base before the base is copied into it; past that the load is
     * refused at the case that passes it and nothing more of the procedure's cases is read.
     */
    @Test
    void casesCopyingALargeBase_refusedAtTheCaseThatPassesTheNodeLimit() throws Exception {
        Path p = pack("- name: \"ca 0\"\n  dossier: { form: { soBan: 0 } }\n  expect: { eligibility: ELIGIBLE }\n");
        String list = java.util.stream.IntStream.range(0, 2000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        TestPacks.write(p.resolve(CASES + "_base.yaml"), BASE.replace("treEm: { ngaySinh: \"2026-02-20\" } }",
                "treEm: { ngaySinh: \"2026-02-20\" }, ghiChu: [" + list + "] }"));
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            cases.append("- name: \"ca ").append(i).append("\"\n  dossier: { form: { soBan: ").append(i)
                    .append(" } }\n  expect: { eligibility: ELIGIBLE }\n");
        }
        TestPacks.write(p.resolve(CASES + "ca.yaml"), cases.toString());
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            List<PackProblem> big = r.problems().stream().filter(x -> x.code().equals("CASES_TOO_LARGE")).toList();
            assertEquals(1, big.size(), dump(r));
            assertEquals(CASES + "ca.yaml", big.get(0).file());
            // the base is 2,009 nodes (2,000 numbers, its objects and fields), each case's own 3: 2,012 a case, so the
            // 100th case (at line 1 + 3 × 99) passes 200,000
            assertEquals(1 + 3 * 99, big.get(0).line(), dump(r));
            assertTrue(big.get(0).messageVi().startsWith("Các ca kiểm thử của thủ tục, tính cả hồ sơ gốc chép vào từng ca, vượt 200000 nút JSON"),
                    big.get(0).messageVi());
        }
    }

    @Test
    void moreCasesThanAProcedureMayHold_refusedAtTheFirstOnePast() throws Exception {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            cases.append("- name: \"ca ").append(i).append("\"\n  dossier: { form: { soBan: ").append(i)
                    .append(" } }\n  expect: { eligibility: ELIGIBLE }\n");
        }
        Path p = pack(cases.toString());
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            List<PackProblem> many = r.problems().stream().filter(x -> x.code().equals("CASES_TOO_MANY")).toList();
            assertEquals(1, many.size(), dump(r));
            assertEquals(1 + 3 * 1000, many.get(0).line(), "the 1,001st case");
            assertTrue(many.get(0).messageVi().startsWith("Thủ tục có quá 1000 ca kiểm thử"), many.get(0).messageVi());
            assertTrue(many.get(0).messageEn().startsWith("the procedure has more than 1000 cases"), many.get(0).messageEn());
        }
    }

    @Test
    void aCaseThatChangesNothingRelativeToAnother_isReportedNamingTheOther() throws Exception {
        Path p = pack("""
                - name: "Một"
                  dossier: { form: { giayChungSinh: "KHONG_CO" } }
                  expect: { eligibility: ELIGIBLE }
                - name: "Hai"
                  dossier: { form: { giayChungSinh: "KHONG_CO" }, channel: DESK }
                  expect: { components: { required: [to-khai] } }
                """);
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            List<PackProblem> same = r.problems().stream().filter(x -> x.code().equals("CASE_SAME_DOSSIER")).toList();
            assertEquals(1, same.size(), dump(r));
            assertEquals(CASES + "ca.yaml", same.get(0).file());
            assertEquals(5, same.get(0).line());
            assertTrue(same.get(0).messageVi().contains("[Hai]") && same.get(0).messageVi().contains("[Một]"), same.get(0).messageVi());
        }
    }

    @Test
    void expectWorkingDays_passesOnTheCountAndFailsOtherwise() throws Exception {
        // ho-tich 1.001193: 1 working day; received Monday 02/03/2026 09:00
        Path p = pack("""
                - name: "Một ngày làm việc"
                  dossier: {}
                  expect: { deadline: { workingDays: 1 } }
                - name: "Sai số ngày"
                  dossier: { receivedAt: "2026-03-03T09:00:00+07:00" }
                  expect: { deadline: { workingDays: 2 } }
                """);
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), dump(r));
            List<CaseResult> results = CaseRunner.runAll(e).stream().filter(c -> c.packCase().file().startsWith(CASES)).toList();
            assertTrue(results.get(0).passed(), results.get(0).report());
            assertFalse(results.get(1).passed());
            assertTrue(results.get(1).mismatches().get(0).startsWith("deadline.workingDays: ca kiểm thử ghi 2, kết quả là 1 (hạn "),
                    results.get(1).mismatches().toString());
        }
    }

    @Test
    void aMisspeltDeadlineKey_isASchemaProblemNotASilentlySkippedCheck() throws Exception {
        Path p = pack("""
                - name: "Gõ sai khóa"
                  dossier: {}
                  expect: { deadline: { workingDay: 1 } }
                """);
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(x -> x.code().equals("SCHEMA") && x.line() == 3), dump(r));
        }
    }
}
