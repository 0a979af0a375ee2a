package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.calendar.DeadlineAdjustment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * English texts of a decision give a deadline adjustment's reason in English where the pack or the bundle has it,
 * and say so when only the Vietnamese exists (issue 15, loose end: they printed the Vietnamese silently).
 */
class EnglishDeadlineReasonsTest {
    static final String COPIES = "{\"procedure\":\"2.000815\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:30:00+07:00\","
            + "\"form\":{\"banChinh\":{\"danhSach\":[\"a\",\"b\",\"c\"],\"soTrang\":3},\"soBan\":2}}";
    static final String MARRIAGE = "{\"procedure\":\"1.000894\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
            + "\"form\":{\"chong\":{\"ngaySinh\":\"1990-03-03\"},\"vo\":{\"ngaySinh\":\"1992-01-01\"},\"haiBenCoMat\":true,"
            + "\"canXacMinh\":true}%s}";

    @TempDir
    Path dir;

    @Test
    void toTextEn_ruleGaveTheEnglishReason_printsTheEnglish() {
        try (Engine e = TestPacks.engine()) {
            e.load(EnglishDeadlineReasonsTest.class.getClassLoader(), "packs/guide").orThrow();
            Decision d = e.decide(COPIES);
            DeadlineAdjustment a = d.deadline().applied().get(0);
            assertEquals("Several originals or an original of many pages", a.reasonEn());
            // the adjustment's line is English; the rule's name under "Basis" stays the analyst's Vietnamese
            assertTrue(d.toTextEn().contains("\n  - Extended by 2 working days: Several originals or an original of many pages ["),
                    d.toTextEn());
            assertFalse(d.toTextEn().contains(": Nhiều bản chính hoặc bản chính nhiều trang"), d.toTextEn());
            assertTrue(d.toTextVi().contains(": Nhiều bản chính hoặc bản chính nhiều trang"), d.toTextVi());
        }
    }

    @Test
    void toTextEn_ruleGaveOnlyTheVietnamese_printsItSayingItIsVietnamese() {
        try (Engine e = TestPacks.engine()) {
            e.load(EnglishDeadlineReasonsTest.class.getClassLoader(), "packs/ho-tich").orThrow();
            Decision d = e.decide(String.format(Locale.ROOT, MARRIAGE, ""));
            assertEquals(Eligibility.ELIGIBLE, d.eligibility(), d.toTextEn());
            DeadlineAdjustment a = d.deadline().applied().get(0);
            assertEquals("", a.reasonEn());
            assertFalse(a.hasReason(Locale.ENGLISH));
            assertEquals("Cần xác minh điều kiện kết hôn", a.reason(Locale.ENGLISH));
            assertTrue(d.toTextEn().contains(": in Vietnamese only: Cần xác minh điều kiện kết hôn"), d.toTextEn());
            assertTrue(d.toTextVi().contains(": Cần xác minh điều kiện kết hôn ["), d.toTextVi());
        }
    }

    @Test
    void toTextEn_adjustmentOfADossierNotScheduled_saysItsReasonIsVietnamese() {
        try (Engine e = TestPacks.engine()) {
            e.load(EnglishDeadlineReasonsTest.class.getClassLoader(), "packs/ho-tich").orThrow();
            // both parties absent: ineligible, so no deadline is computed and the rules' adjustments are listed as taken
            Decision d = e.decide(String.format(Locale.ROOT, MARRIAGE, "").replace("\"haiBenCoMat\":true", "\"haiBenCoMat\":false"));
            assertEquals(Eligibility.INELIGIBLE, d.eligibility(), d.toTextEn());
            assertTrue(d.toTextEn().contains(" — in Vietnamese only: Cần xác minh điều kiện kết hôn"), d.toTextEn());
            assertTrue(d.toTextVi().contains(" — Cần xác minh điều kiện kết hôn"), d.toTextVi());
        }
    }

    @Test
    void toTextEn_excludedPeriodOfTheDossier_kindInEnglishFromTheBundle() {
        try (Engine e = TestPacks.engine()) {
            e.load(EnglishDeadlineReasonsTest.class.getClassLoader(), "packs/ho-tich").orThrow();
            Decision d = e.decide(String.format(Locale.ROOT, MARRIAGE, ",\"excludedPeriods\":[{\"kind\":\"SUPPLEMENT\","
                    + "\"from\":\"2026-03-03T08:00:00+07:00\",\"to\":\"2026-03-05T08:00:00+07:00\",\"reason\":\"BS-12\"}]"));
            assertTrue(d.toTextEn().contains(": Time to supplement and complete the dossier: BS-12"), d.toTextEn());
            assertTrue(d.toTextVi().contains(": Thời gian bổ sung, hoàn thiện hồ sơ: BS-12"), d.toTextVi());
        }
    }

    @Test
    void rulesYaml_reasonInBothLanguages_englishReachesTheText() throws Exception {
        Path p = TestPacks.copy("ho-tich", dir.resolve("p"));
        Files.delete(p.resolve("procedures/1.000894/rules.drl"));
        Files.deleteIfExists(p.resolve("procedures/1.000894/cases/dieu-kien-ket-hon.yaml"));
        TestPacks.write(p.resolve("procedures/1.000894/rules.yaml"), """
                - quy tắc: Cần xác minh điều kiện kết hôn thì giải quyết không quá 05 ngày làm việc
                  căn cứ: LHT-2014-D18
                  khi:
                    - tờ khai: canXacMinh
                      có giá trị: true
                  thì:
                    - thời hạn:
                        số lượng: 5
                        đơn vị: ngày làm việc
                        lý do: { vi: Cần xác minh điều kiện kết hôn, en: The conditions for marriage must be verified }
                """);
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.problems().stream().noneMatch(x -> x.file().contains("rules.yaml")), r.problems().toString());
            Decision d = e.decide(String.format(Locale.ROOT, MARRIAGE, ""));
            List<DeadlineAdjustment> applied = d.deadline().applied();
            assertEquals("The conditions for marriage must be verified", applied.get(0).reasonEn(), applied.toString());
            assertTrue(d.toTextEn().contains(": The conditions for marriage must be verified"), d.toTextEn());
        }
    }
}
