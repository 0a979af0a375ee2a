package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Law out of Java: ages and default bases are the pack's dated parameters (parameters.yaml, else the
 * engine's defaults), each value with its legal basis, strict before its first date.
 */
class ParametersTest {
    private static final String BASES = """
            - id: TEST-TUOI-TRE-EM
              act: "Văn bản thử nghiệm về độ tuổi trẻ em"
              verified: false
            - id: TEST-KHONG-TINH
              act: "Văn bản thử nghiệm về thời gian không tính"
              verified: false
            """;
    /** A rule that notes a child; the applicant is 17 on 02/3/2026. */
    private static final String RULE = """

            rule "Người yêu cầu là trẻ em"
              @basis("LHT-2014-D16")
            when
              Applicant( hasCategory("CHILD") )
            then
              decision.note("trẻ em");
            end
            """;

    @TempDir
    Path dir;

    private Path pack(String parameters) {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("legal-bases/test.yaml"), BASES);
        TestPacks.edit(p.resolve("procedures/1.001193/rules.drl"), s -> s + RULE);
        if (parameters != null) {
            TestPacks.write(p.resolve("parameters.yaml"), parameters);
        }
        return p;
    }

    private static String seventeen() {
        return "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                + "\"applicant\":{\"birthDate\":\"2009-01-10\"},\"form\":{\"giayChungSinh\":\"CO\"}}";
    }

    @Test
    void noParametersFile_theDefaultAgesApply_aSeventeenYearOldIsNoChild() {
        try (Engine e = TestPacks.loaded(pack(null))) {
            Decision d = e.decide(seventeen());
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            assertTrue(d.notes().stream().noneMatch(n -> n.messageVi().equals("trẻ em")), d.notes().toString());
        }
    }

    @Test
    void packRaisesTheChildAgeFromADate_rulesUseItFromThatDateOnly() {
        String params = """
                - id: applicant.childUnder
                  description: { vi: "Trẻ em là người dưới 16 tuổi; từ 01/3/2026 dưới 18 tuổi (thử nghiệm)" }
                  values:
                    - { from: 2017-06-01, value: 16, basis: TEST-TUOI-TRE-EM }
                    - { from: 2026-03-01, value: 18, basis: TEST-TUOI-TRE-EM }
                """;
        try (Engine e = TestPacks.loaded(pack(params))) {
            Decision after = e.decide(seventeen());
            assertTrue(after.notes().stream().anyMatch(n -> n.messageVi().equals("trẻ em")), after.notes().toString());
            Decision before = e.decide(seventeen().replace("\"receivedAt\"", "\"asOf\":\"2026-02-27\",\"receivedAt\""));
            assertTrue(before.notes().stream().noneMatch(n -> n.messageVi().equals("trẻ em")), before.notes().toString());
        }
    }

    @Test
    void beforeTheFirstDate_theAgeIsNotInForce_andTheDecisionSaysSoInsteadOfGuessing() {
        String params = """
                - id: applicant.childUnder
                  values:
                    - { from: 2026-06-01, value: 16, basis: TEST-TUOI-TRE-EM }
                """;
        try (Engine e = TestPacks.loaded(pack(params))) {
            Decision d = e.decide(seventeen());
            assertEquals(Eligibility.INDETERMINATE, d.eligibility());
            assertEquals(Decision.Cause.Code.RULE_FAILED, d.cause().code());
            assertTrue(d.cause().messageEn().contains("parameter [applicant.childUnder] has no value in force on [2026-03-02]"),
                    d.cause().messageEn());
        }
    }

    @Test
    void excludedPeriodBasis_isTheParameterInForce() {
        String params = """
                - id: deadline.excludedPeriodBasis
                  values:
                    - { from: 2025-07-01, value: TEST-KHONG-TINH, basis: TEST-KHONG-TINH }
                """;
        try (Engine e = TestPacks.loaded(pack(params))) {
            Decision d = e.decide("{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                    + "\"form\":{\"giayChungSinh\":\"CO\"},\"excludedPeriods\":[{\"kind\":\"SUPPLEMENT\","
                    + "\"from\":\"2026-03-02T10:00:00+07:00\",\"to\":\"2026-03-03T10:00:00+07:00\"}]}");
            assertEquals(Eligibility.ELIGIBLE, d.eligibility(), String.valueOf(d.cause()));
            assertEquals("TEST-KHONG-TINH", d.deadline().applied().get(0).basis().id());
        }
    }

    @Test
    void badParameters_areProblemsAtTheirLine() {
        String params = """
                - id: applicant.childUnder
                  values:
                    - { from: 2026-06-01, value: 0, basis: TEST-TUOI-TRE-EM }
                - id: applicant.elderlyFrom
                  values:
                    - { from: 2010-07-01, value: 60, basis: KHONG-CO }
                - id: deadline.excludedPeriodBasis
                  values:
                    - { from: 2026-01-01, value: KHONG-CO, basis: TEST-KHONG-TINH }
                    - { from: 2025-01-01, value: TEST-KHONG-TINH, basis: TEST-KHONG-TINH }
                """;
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(pack(params));
            assertFalse(r.ok());
            String all = r.problems().toString();
            assertTrue(all.contains("parameters.yaml:3:"), all);
            assertTrue(r.problems().stream().anyMatch(x -> x.file().equals("parameters.yaml") && x.line() == 3
                    && x.code().equals("BAD_VALUE")), all);
            assertTrue(r.problems().stream().anyMatch(x -> x.file().equals("parameters.yaml") && x.line() == 6
                    && x.code().equals("UNKNOWN_BASIS")), all);
            assertTrue(r.problems().stream().anyMatch(x -> x.file().equals("parameters.yaml") && x.line() == 9
                    && x.code().equals("UNKNOWN_BASIS")), all);
            assertTrue(r.problems().stream().anyMatch(x -> x.file().equals("parameters.yaml") && x.line() == 10
                    && x.code().equals("BAD_VALUE") && x.messageEn().contains("dates must increase")), all);
        }
    }

    /** A dated series whose periods overlap, or whose period ends before it starts: problems at the line, in both languages. */
    @Test
    void overlappingOrBackwardPeriods_areProblemsAtTheirLine_inBothLanguages() {
        String params = """
                - id: applicant.childUnder
                  values:
                    - { from: 2020-01-01, to: 2026-06-30, value: 16, basis: TEST-TUOI-TRE-EM }
                    - { from: 2026-06-01, value: 18, basis: TEST-TUOI-TRE-EM }
                - id: applicant.elderlyFrom
                  values:
                    - { from: 2020-01-01, to: 2019-12-31, value: 60, basis: TEST-TUOI-TRE-EM }
                """;
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(pack(params));
            assertFalse(r.ok());
            String all = r.problems().toString();
            PackProblem overlap = r.problems().stream().filter(x -> x.code().equals("PARAMETER_OVERLAP")).findFirst()
                    .orElseThrow(() -> new AssertionError(all));
            assertEquals("parameters.yaml", overlap.file());
            assertEquals(4, overlap.line(), all);
            assertEquals("Khoảng hiệu lực chồng nhau: giá trị trước áp dụng đến hết [2026-06-30], giá trị này từ [2026-06-01]",
                    overlap.messageVi());
            assertEquals("periods overlap: the previous value is in force until [2026-06-30], this one from [2026-06-01]",
                    overlap.messageEn());
            PackProblem backward = r.problems().stream().filter(x -> x.line() == 7 && x.code().equals("BAD_VALUE")).findFirst()
                    .orElseThrow(() -> new AssertionError(all));
            assertEquals("Ngày kết thúc [2019-12-31] trước ngày bắt đầu [2020-01-01]", backward.messageVi());
            assertEquals("end date [2019-12-31] is before the start [2020-01-01]", backward.messageEn());
        }
    }

    @Test
    void baseDeadlineEffectiveDate_aDossierUnderEarlierLawGetsNoDeadlineButACause() {
        Path p = pack(null);
        TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"),
                s -> s.replace("cutOff: \"15:00\" }", "cutOff: \"15:00\", validFrom: \"2026-03-01\" }"));
        try (Engine e = TestPacks.loaded(p)) {
            assertEquals(Eligibility.ELIGIBLE, e.decide(seventeen()).eligibility());
            Decision old = e.decide(seventeen().replace("\"receivedAt\"", "\"asOf\":\"2026-02-27\",\"receivedAt\""));
            assertEquals(Eligibility.INDETERMINATE, old.eligibility());
            assertEquals(Decision.Cause.Code.DEADLINE_FAILED, old.cause().code());
            assertTrue(old.cause().messageEn().contains("in force from 2026-03-01"), old.cause().messageEn());
        }
    }
}
