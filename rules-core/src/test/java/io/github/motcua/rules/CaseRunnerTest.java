package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.cases.CaseResult;
import io.github.motcua.rules.cases.CaseRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case runner compares only named parts, reports mismatches readably, and never passes silently. */
class CaseRunnerTest {
    @TempDir
    Path dir;

    @Test
    void run_wrongExpectation_reportsExpectedVersusActualWithTrace() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                s -> s.replace("required: [to-khai, giay-chung-sinh]", "required: [to-khai]"));
        try (Engine e = TestPacks.loaded(p)) {
            CaseResult r = CaseRunner.runAll(e).stream().filter(x -> !x.passed()).findFirst().orElseThrow();
            // Vietnamese first (session 20; until then mismatches() was the English half alone), as report() prints it
            String m = "components.required: ca kiểm thử ghi [to-khai], kết quả là [giay-chung-sinh, to-khai]"
                    + " / expected [to-khai], actual [giay-chung-sinh, to-khai]";
            assertEquals(List.of(m), r.mismatches());
            assertTrue(r.report().contains("procedures/1.001193/rules.drl:2 Có giấy chứng sinh thì nộp giấy chứng sinh"), r.report());
            assertTrue(r.report().contains("  ✗ " + m + System.lineSeparator()), r.report());
        }
    }

    @Test
    void run_deadlineExpected_isComparedWithTheComputedDueInstant() {
        // same-day birth registration received Monday 02/3/2026 09:00, before the 15:00 cut-off:
        // due at the close of that day's office hours, 17:00 (Luật Hộ tịch Art. 5(3))
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                s -> s.replaceFirst("eligibility: ELIGIBLE", "eligibility: ELIGIBLE\n    deadline: { due: \"2026-03-02T17:00:00+07:00\" }"));
        try (Engine e = TestPacks.loaded(p)) {
            CaseResult r = CaseRunner.runAll(e).stream().filter(x -> x.packCase().file().endsWith("giay-chung-sinh.yaml")).findFirst().orElseThrow();
            assertTrue(r.passed(), r.report());
            assertEquals(List.of(), r.notChecked());
        }
    }

    @Test
    void run_wrongDeadlineExpected_isAMismatchNamingBothInstants() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                s -> s.replaceFirst("eligibility: ELIGIBLE", "eligibility: ELIGIBLE\n    deadline: { due: \"2026-03-03T17:00:00+07:00\" }"));
        try (Engine e = TestPacks.loaded(p)) {
            CaseResult r = CaseRunner.runAll(e).stream().filter(x -> x.packCase().file().endsWith("giay-chung-sinh.yaml")).findFirst().orElseThrow();
            assertFalse(r.passed());
            assertEquals(List.of("deadline.due: ca kiểm thử ghi 2026-03-03T17:00+07:00, kết quả là"
                    + " 2026-03-02T17:00+07:00[Asia/Ho_Chi_Minh] / expected 2026-03-03T17:00+07:00, actual"
                    + " 2026-03-02T17:00+07:00[Asia/Ho_Chi_Minh]"), r.mismatches());
        }
    }

    /**
     * What a mismatch says in words is in both languages, each in its own half: the expected reason, the reasons the
     * rules gave (their English in the English half), and a part the decision does not have because the dossier was
     * refused (was English words in the Vietnamese half, or English only from mismatches()).
     */
    @Test
    void run_wrongReasonAndADeadlineOfARefusedDossier_areWordedInEachLanguage() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.000894/cases/dieu-kien-ket-hon.yaml"), s -> s.replaceFirst(
                "reasons: \\[\"chưa đủ 20 tuổi\"\\]", "reasons: [\"chưa đủ 21 tuổi\"]\n    deadline: { workingDays: 3 }"));
        try (Engine e = TestPacks.loaded(p)) {
            CaseResult r = CaseRunner.runAll(e).stream().filter(x -> x.packCase().name().startsWith("Nam còn một ngày"))
                    .findFirst().orElseThrow();
            assertEquals(List.of("reasons: ca kiểm thử ghi một lý do chứa [chưa đủ 21 tuổi], kết quả là [Bên nam chưa đủ 20 tuổi]"
                            + " / expected one containing [chưa đủ 21 tuổi], actual [The man is not yet full 20 years of age]",
                    "deadline.workingDays: ca kiểm thử ghi 3, kết quả là không có (INELIGIBLE) / expected 3, actual none"
                            + " (INELIGIBLE)"), r.mismatches());
            assertTrue(r.report().contains("  ✗ " + r.mismatches().get(0) + System.lineSeparator()), r.report());
        }
    }

    /**
     * A fee expected of a procedure without a fee table, and a form expected valid that is not: the words of each half
     * in its language (the form's violations with their own Vietnamese and English).
     */
    @Test
    void run_feesTheDecisionDoesNotHave_andAnInvalidForm_areWordedInEachLanguage() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.001193/form.schema.json"), FeeQuantityFieldsTest.FORM);
        TestPacks.write(p.resolve("procedures/1.000894/cases/phi.yaml"), """
                - name: "Lệ phí kết hôn"
                  dossier:
                    channel: DESK
                    receivedAt: "2026-03-02T09:00:00+07:00"
                    form: { chong: { ngaySinh: "2000-01-01" }, vo: { ngaySinh: "2001-01-01" }, haiBenCoMat: true }
                  expect:
                    fees: { total: 8000 }
                """);
        TestPacks.write(p.resolve("procedures/1.001193/cases/to-khai.yaml"), """
                - name: "Tờ khai thiếu giấy chứng sinh"
                  dossier:
                    channel: DESK
                    receivedAt: "2026-03-02T09:00:00+07:00"
                    form: { soBan: 2 }
                  expect:
                    formValid: true
                - name: "Lệ phí chưa có mức thu"
                  dossier:
                    channel: DESK
                    receivedAt: "2026-03-02T09:00:00+07:00"
                    form: { giayChungSinh: CO, soBan: 3 }
                  expect:
                    eligibility: ELIGIBLE
                """);
        // a rate in force from 2027 only: the 2026 dossier's fees cannot be worked out (INDETERMINATE, with a cause)
        TestPacks.write(p.resolve("procedures/1.001193/fees.csv"),
                "item,kind,nameVi,rate,validFrom,basis\nle-phi-khai-sinh,LE_PHI,Lệ phí,8000,2027-01-01,LHT-2014-D11\n");
        try (Engine e = TestPacks.loaded(p)) {
            List<CaseResult> all = CaseRunner.runAll(e);
            CaseResult fees = all.stream().filter(x -> x.packCase().file().endsWith("phi.yaml")).findFirst().orElseThrow();
            assertEquals(List.of("fees: ca kiểm thử ghi tổng 8000, kết quả là không có (ELIGIBLE) / expected total 8000,"
                    + " actual none (ELIGIBLE)"), fees.mismatches());
            CaseResult form = all.stream().filter(x -> x.packCase().file().endsWith("to-khai.yaml")).findFirst().orElseThrow();
            assertEquals(1, form.mismatches().size(), form.report());
            String m = form.mismatches().get(0);
            int slash = m.indexOf(" / expected true, actual false [");
            assertTrue(m.startsWith("formValid: ca kiểm thử ghi true, kết quả là false [") && slash > 0, m);
            Decision.FormViolation v = form.decision().form().violations().get(0);
            assertTrue(m.substring(0, slash).contains(v.messageVi()) && m.substring(slash).contains(v.messageEn()), m);
            assertFalse(m.contains("FormViolation["), m);
            CaseResult refused = all.stream().filter(x -> x.packCase().name().equals("Lệ phí chưa có mức thu")).findFirst()
                    .orElseThrow();
            Decision.Cause c = refused.decision().cause();
            assertEquals(List.of("eligibility: ca kiểm thử ghi ELIGIBLE, kết quả là INDETERMINATE (" + c.messageVi() + ")"
                    + " / expected ELIGIBLE, actual INDETERMINATE (" + c.messageEn() + ")"), refused.mismatches());
            assertTrue(refused.report().contains("  nguyên nhân / cause: " + c.messageVi() + " / " + c.messageEn()),
                    refused.report());
        }
    }
}
