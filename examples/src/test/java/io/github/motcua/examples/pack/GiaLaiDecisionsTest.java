package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.fees.FeeLine;
import io.github.motcua.forms.document.Addressee;
import io.github.motcua.forms.document.DocumentHeader;
import io.github.motcua.forms.document.ReceiptSlip;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.DecisionDocuments;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.RequiredComponent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole decisions on the Gia Lai pack: form first, then rules, deadline and fees. Expected dates come
 * from the pack's 2026 calendar (Tết 14–22/02/2026) and the procedures' time limits; expected fees
 * from the pack's fee tables and Luật Hộ tịch Art. 11.
 */
class GiaLaiDecisionsTest {
    static final Path DOSSIERS = Path.of("..", "examples", "dossiers");
    static Engine engine;

    @BeforeAll
    static void load() {
        engine = Motcua.engine().clock(Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC)).build();
        engine.load(GiaLaiCasesTest.PACK).orThrow();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static String dossier(String name) {
        try {
            return Files.readString(DOSSIERS.resolve(name + ".json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Nested
    class WholeDecision {
        @Test
        void decide_birthAfterCutOffBeforeTet_dueMondayAfterTetAndFreeWithOneExemption() {
            // Friday 13/02/2026 15:30, after the 15:00 cut-off; Tết 14–22/02: same day = Monday 23/02 at 17:00.
            // Born 20/01/2026, registered within 60 days: exempt (Luật Hộ tịch Art. 11(1)(b)).
            Decision d = engine.decide(dossier("khai-sinh-sau-15-gio"));
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            assertTrue(d.form().valid(), () -> d.form().violations().toString());
            assertEquals("2026-02-23T17:00+07:00", d.deadline().due().toOffsetDateTime().toString());
            assertEquals(0, d.fees().total().dong());
            FeeLine line = d.fees().line("le-phi-khai-sinh").orElseThrow();
            assertEquals(1, line.adjustments().size(), () -> line.adjustments().toString());
            assertEquals(1, d.trace().stream().filter(t -> t.kind().equals(Decision.TraceStep.FEE_ADJUSTMENT)).count());
        }

        @Test
        void decide_certifiedCopyOf300Pages_isCappedAt200000PerCopy() {
            // TT 226/2016 Art. 4: 2,000 đ/page for pages 1–2, 1,000 đ from page 3, at most 200,000 đ per copy
            Decision d = engine.decide(dossier("chung-thuc-ban-sao-300-trang"));
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            assertEquals(200_000, d.fees().total().dong());
        }

        @Test
        void decide_landTransferInDisadvantagedCommune_15WorkingDays() {
            // Transfer: 5 working days (NĐ 151/2025 as amended by NĐ 226/2025; it was 8 before issue 14)
            // + 10 for a disadvantaged commune, from Tuesday 03/3/2026: Monday 23/3
            Decision d = engine.decide(dossier("dat-dai-xa-kho-khan"));
            assertEquals("2026-03-23T17:00+07:00", d.deadline().due().toOffsetDateTime().toString());
            assertEquals(15, d.deadline().workingDaysCounted());
            assertTrue(d.trace().stream().anyMatch(t -> t.kind().equals(Decision.TraceStep.DEADLINE) && t.basis() != null
                    && t.rule().contains("10")), () -> d.trace().toString());
        }

        @Test
        void decide_excludedSupplementPeriod_movesTheDueDateAndCitesItsBasis() {
            // paused from Wednesday 04/3 09:00 to Friday 06/3 09:00: Thursday 5 and Friday 6 are not counted,
            // so 15 working days end two working days later: Wednesday 25/3
            String json = dossier("dat-dai-xa-kho-khan").replaceFirst("\\{", "{\"excludedPeriods\":[{\"kind\":\"SUPPLEMENT\","
                    + "\"from\":\"2026-03-04T02:00:00Z\",\"to\":\"2026-03-06T02:00:00Z\",\"reason\":\"Bổ sung trích lục bản đồ\"}],");
            Decision d = engine.decide(json);
            assertEquals("2026-03-25T17:00+07:00", d.deadline().due().toOffsetDateTime().toString());
            assertEquals(2, d.deadline().pausedWorkingDays());
            assertTrue(d.toTextVi().contains("Không tính thời gian từ 09 giờ 00 ngày 04/03/2026 đến 09 giờ 00 ngày 06/03/2026"),
                    d.toTextVi());
            assertTrue(d.trace().stream().anyMatch(t -> t.kind().equals(Decision.TraceStep.DEADLINE)
                    && t.rule().contains("Thời gian bổ sung, hoàn thiện hồ sơ") && t.basis() != null), () -> d.trace().toString());
        }

        @Test
        void decide_ineligibleMarriage_isNeitherScheduledNorCharged() {
            Decision d = engine.decide(dossier("ket-hon-chu-re-chua-du-20-tuoi"));
            assertEquals(Eligibility.INELIGIBLE, d.eligibility());
            assertNull(d.deadline());
            assertNull(d.fees());
        }
    }

    @Nested
    class InvalidForm {
        @Test
        // 20/01/2026 is now read as 2026-01-20 (issue 19: dates as people type them); 31/02 is no day at all
        void decide_formWithBadDateAndPhone_isIndeterminateWithoutRunningTheRules() {
            String json = dossier("khai-sinh-sau-15-gio").replace("\"soDienThoai\": \"0912345678\"", "\"soDienThoai\": \"12345\"")
                    .replace("\"ngaySinh\": \"2026-01-20\"", "\"ngaySinh\": \"31/02/2026\"");
            Decision d = engine.decide(json);
            assertEquals(Eligibility.INDETERMINATE, d.eligibility());
            assertEquals(Decision.Cause.Code.FORM_INVALID, d.cause().code());
            int n = d.form().violations().size();
            assertTrue(n >= 2, () -> d.form().violations().toString());
            assertTrue(d.cause().messageVi().startsWith("Tờ khai có " + n + " lỗi cần sửa: "), d.cause().messageVi());
            assertTrue(d.cause().messageVi().contains("[soDienThoai]") && d.cause().messageVi().contains("[treEm.ngaySinh]"),
                    d.cause().messageVi());
            assertTrue(d.form().violations().stream().anyMatch(v -> v.path().equals("/soDienThoai")), () -> d.form().violations().toString());
            assertTrue(d.form().violations().stream().anyMatch(v -> v.path().equals("/treEm/ngaySinh")), () -> d.form().violations().toString());
            assertNull(d.deadline());
            assertNull(d.fees());
            assertTrue(d.trace().isEmpty(), "the rules did not run");
            assertTrue(d.components().stream().allMatch(c -> c.status() == RequiredComponent.ComponentStatus.REQUIRED
                    && c.condition().equals("procedure.yaml")));
        }

        @Test
        void decide_decomposedVietnamese_rulesSeeNfcData() {
            // "Nguyễn" typed with combining marks (NFD) is valid and decided like its NFC form
            String json = dossier("khai-sinh-sau-15-gio").replace("Trần Minh Khang",
                    java.text.Normalizer.normalize("Trần Minh Khang", java.text.Normalizer.Form.NFD));
            Decision d = engine.decide(json);
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            assertTrue(d.form().valid());
        }
    }

    @Nested
    class Text {
        @Test
        void toTextVi_showsAppointmentWorkingDaysFeesAndTotalInDong() {
            String t = engine.decide(dossier("chung-thuc-ban-sao-300-trang")).toTextVi();
            assertTrue(t.contains("Ngày hẹn trả kết quả: ngày "), t);
            assertTrue(t.contains("lúc 17 giờ 00"), t);
            assertTrue(t.contains("Số ngày làm việc đã tính: "), t);
            assertTrue(t.contains("Tổng cộng: 200.000 đ"), t);
        }

        @Test
        void toTextVi_exemptLine_showsTheExemptionAndItsBasis() {
            String t = engine.decide(dossier("khai-sinh-sau-15-gio")).toTextVi();
            assertTrue(t.contains("Ngày hẹn trả kết quả: ngày 23/02/2026, lúc 17 giờ 00 (Thứ Hai)"), t);
            assertTrue(t.contains("Miễn (Đăng ký khai sinh đúng hạn"), t);
            assertTrue(t.contains("Điểm b khoản 1 Điều 11 Luật Hộ tịch"), t);
            assertTrue(t.contains("Tổng cộng: 0 đ"), t);
        }
    }

    @Nested
    class Documents {
        @Test
        void receiptSlip_printedWithThePackForms_showsAppointmentAndFee() {
            Dossier dossier = Dossier.fromJson(dossier("chung-thuc-ban-sao-300-trang"));
            Decision d = engine.decide(dossier);
            Procedure p = engine.catalog().stream().filter(x -> x.code().equals(d.procedure())).findFirst().orElseThrow();
            DocumentHeader h = new DocumentHeader("UBND TỈNH GIA LAI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", null, "Gia Lai",
                    LocalDate.of(2027, 3, 8), "HS-2027-0001", p.name().vi(), Addressee.named("Lê Văn Bình"));
            ReceiptSlip slip = DecisionDocuments.receiptSlip(d, p, DecisionDocuments.ReceiptDetails.of(h, dossier, "Trần Thị C"));
            assertEquals(200_000, slip.feeTotalDong());
            String html = engine.forms().orElseThrow().documents().render(slip, Locale.forLanguageTag("vi-VN"));
            assertTrue(html.contains("Lê Văn Bình"), html);
            assertTrue(html.contains("200.000"), html);
            assertFalse(slip.components().isEmpty());
        }
    }

    @Nested
    class Golden {
        @ParameterizedTest
        @ValueSource(strings = {"khai-sinh-sau-15-gio", "chung-thuc-ban-sao-300-trang", "dat-dai-xa-kho-khan",
                "ket-hon-chu-re-chua-du-20-tuoi"})
        void toJson_giaLaiDossier_matchesGoldenFile(String name) {
            // the one golden-file harness (rules-testing), shared with rules-core's own golden files
            io.github.motcua.rules.testing.GoldenFiles.assertMatches(engine.decide(dossier(name)),
                    Path.of("src", "test", "resources", "golden", name + ".json"));
        }
    }

    @Test
    void forms_servingPack_hasAFormForEveryHandWrittenProcedure() {
        // procedures imported from national records (source != null) have no e-form and no fee table yet
        List<String> codes = engine.catalog().stream().filter(p -> p.source() == null).map(Procedure::code).toList();
        assertEquals(new java.util.TreeSet<>(codes), engine.forms().orElseThrow().formIds());
        assertTrue(codes.stream().allMatch(c -> engine.feeTable(c).isPresent()));
    }
}
