package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.fees.FeeDirective;
import io.github.motcua.rules.RequiredComponent.ComponentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Decisions on the civil-status test pack; expected values come from Luật Hộ tịch 2014 and Luật HN&GĐ 2014. */
class DecisionTest {
    static Engine engine;

    @BeforeAll
    static void load() {
        engine = TestPacks.engine();
        engine.load(DecisionTest.class.getClassLoader(), "packs/ho-tich").orThrow();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /**
     * A paused interval (excluded period) in the text summary: both languages write the same local times
     * (the deadline's zone, Asia/Ho_Chi_Minh), each with its own bundle's patterns — never a UTC instant.
     */
    @Test
    void textSummary_pausedInterval_sameLocalTimesInBothLanguages() {
        Decision d = engine.decide("{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                + "\"form\":{\"giayChungSinh\":\"CO\"},\"excludedPeriods\":[{\"kind\":\"SUPPLEMENT\","
                + "\"from\":\"2026-03-02T03:00:00Z\",\"to\":\"2026-03-03T08:30:00Z\"}]}");
        assertEquals(Eligibility.ELIGIBLE, d.eligibility(), String.valueOf(d.cause()));
        String vi = d.toTextVi();
        String en = d.toTextEn();
        assertTrue(vi.contains("Không tính thời gian từ 10 giờ 00 ngày 02/03/2026 đến 15 giờ 30 ngày 03/03/2026"), vi);
        assertTrue(en.contains("Not counted from 10:00 on 2026-03-02 to 15:30 on 2026-03-03"), en);
        assertFalse(en.contains("T03:00:00Z") || en.contains("T08:30:00Z"), en);
    }

    @Nested
    class BirthRegistration {
        @Test
        void decide_withBirthCertificate_requiresFormAndCertificateInCatalogueOrder() {
            Decision d = engine.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            assertEquals(List.of("to-khai", "giay-chung-sinh"), d.components().stream().map(RequiredComponent::id).toList());
            assertEquals(ComponentStatus.REQUIRED, d.component("to-khai").orElseThrow().status());
            assertEquals("procedure.yaml", d.component("to-khai").orElseThrow().condition());
            RequiredComponent cert = d.component("giay-chung-sinh").orElseThrow();
            assertEquals(ComponentStatus.REQUIRED, cert.status());
            assertEquals("Có giấy chứng sinh thì nộp giấy chứng sinh", cert.condition());
            assertEquals("LHT-2014-D16", cert.basis().id());
        }

        @Test
        void decide_withoutBirthCertificate_requiresWitnessOrSwornStatementAsOneGroup() {
            Decision d = engine.decide(TestPacks.birth("{\"giayChungSinh\":\"KHONG_CO\"}"));
            assertEquals(List.of("to-khai", "van-ban-lam-chung", "giay-cam-doan"),
                    d.components().stream().map(RequiredComponent::id).toList());
            for (String id : List.of("van-ban-lam-chung", "giay-cam-doan")) {
                RequiredComponent c = d.component(id).orElseThrow();
                assertEquals(ComponentStatus.ONE_OF, c.status());
                assertEquals("thay-giay-chung-sinh", c.group());
            }
            assertTrue(d.component("giay-chung-sinh").isEmpty());
        }

        @Test
        void decide_trace_namesFileLineAndBasisOfEachFiredRule() {
            Decision d = engine.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            List<Decision.TraceStep> rules = d.trace().stream().filter(t -> t.kind().equals(Decision.TraceStep.RULE)).toList();
            assertEquals(1, rules.size());
            Decision.TraceStep t = rules.get(0);
            assertEquals("procedures/1.001193/rules.drl", t.file());
            assertEquals(2, t.line()); // the line of its `rule` keyword in the file
            assertEquals("LHT-2014-D16", t.basis().id());
        }

        @Test
        void decide_registeredWithin60Days_recordsFeeExemptionWithItsBasis() {
            // born 2026-01-01, decided 2026-03-02: 60 days (Luật Hộ tịch Art. 15, Art. 11(1)(b))
            Decision d = engine.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"ngaySinh\":\"2026-01-01\"}}"));
            assertEquals(1, d.feeDirectives().size());
            FeeDirective f = d.feeDirectives().get(0);
            assertEquals(FeeDirective.Kind.EXEMPT, f.kind());
            assertEquals("le-phi-khai-sinh", f.item());
            assertEquals("LHT-2014-D11", f.basis().id());
            assertEquals("Đăng ký khai sinh đúng hạn thì miễn lệ phí", f.rule());
            Decision late = engine.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\",\"treEm\":{\"ngaySinh\":\"2025-12-31\"}}"));
            assertTrue(late.feeDirectives().isEmpty());
        }
    }

    @Nested
    class MarriageRegistration {
        @Test
        void decide_manExactlyTwentyOnTheDay_isEligible() {
            Decision d = engine.decide(TestPacks.marriage(
                    "{\"chong\":{\"ngaySinh\":\"2006-03-02\"},\"vo\":{\"ngaySinh\":\"2008-03-02\"},\"haiBenCoMat\":true}"));
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            assertTrue(d.reasons().isEmpty());
        }

        @Test
        void decide_manOneDayShortOfTwenty_isIneligibleWithArticle8() {
            Decision d = engine.decide(TestPacks.marriage(
                    "{\"chong\":{\"ngaySinh\":\"2006-03-03\"},\"vo\":{\"ngaySinh\":\"2008-03-02\"},\"haiBenCoMat\":true}"));
            assertEquals(Eligibility.INELIGIBLE, d.eligibility());
            assertEquals(1, d.reasons().size());
            assertEquals("Bên nam chưa đủ 20 tuổi", d.reasons().get(0).messageVi());
            assertEquals("HNGD-2014-D8", d.reasons().get(0).basis().id());
        }

        @Test
        void decide_womanSeventeenAndAbsentParty_givesBothReasons() {
            Decision d = engine.decide(TestPacks.marriage(
                    "{\"chong\":{\"ngaySinh\":\"2000-01-01\"},\"vo\":{\"ngaySinh\":\"2008-03-03\"},\"haiBenCoMat\":false}"));
            assertEquals(Eligibility.INELIGIBLE, d.eligibility());
            assertEquals(2, d.reasons().size());
        }

        @Test
        void decide_conditionsToVerify_recordsFiveWorkingDayDeadlineForTheCalendar() {
            Decision d = engine.decide(TestPacks.marriage(
                    "{\"chong\":{\"ngaySinh\":\"2000-01-01\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},\"haiBenCoMat\":true,\"canXacMinh\":true}"));
            assertEquals(1, d.deadlineAdjustments().size());
            DeadlineAdjustment a = d.deadlineAdjustments().get(0);
            assertEquals(DeadlineAdjustment.Kind.REPLACE, a.kind());
            assertEquals(5, a.limit().amount());
            assertEquals(DeadlineUnit.WORKING_DAYS, a.limit().unit());
            assertEquals("LHT-2014-D18", a.basis().id());
            assertEquals("Cần xác minh điều kiện kết hôn thì giải quyết không quá 05 ngày làm việc", a.rule());
            // received Monday 02/3/2026 09:00; the first day is not counted: Tue 3 … Mon 9 (Sat 7, Sun 8 off)
            assertEquals("2026-03-09T17:00+07:00", d.deadline().due().toOffsetDateTime().toString());
            assertEquals(5, d.deadline().workingDaysCounted());
        }

        @Test
        void decide_heldCivilStatusData_waivesMaritalStatusCertificateNamingTheSource() {
            String json = TestPacks.marriage("{\"chong\":{\"ngaySinh\":\"2000-01-01\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},"
                    + "\"haiBenCoMat\":true,\"dangKyNgoaiNoiCuTru\":true}");
            Decision without = engine.decide(json);
            assertEquals(ComponentStatus.REQUIRED, without.component("xac-nhan-tinh-trang-hon-nhan").orElseThrow().status());
            Decision with = engine.decide(json.replace("\"form\"", "\"heldData\":[\"CSDL_HO_TICH\"],\"form\""));
            RequiredComponent c = with.component("xac-nhan-tinh-trang-hon-nhan").orElseThrow();
            assertEquals(ComponentStatus.WAIVED, c.status());
            assertEquals("CSDL_HO_TICH", c.waivedBy());
        }

        @Test
        void decide_channelNotOffered_isIneligible() {
            Decision d = engine.decide(TestPacks.marriage("{\"chong\":{\"ngaySinh\":\"2000-01-01\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},\"haiBenCoMat\":true}")
                    .replace("\"DESK\"", "\"POST\""));
            assertEquals(Eligibility.INELIGIBLE, d.eligibility());
            assertTrue(d.reasons().get(0).messageVi().contains("bưu chính"), d.reasons().toString());
        }
    }

    @Nested
    class Provenance {
        @Test
        void decide_provenance_carriesPackHashVietnamAsOfAndClockInstant() {
            // 2026-03-01T18:30Z is 01:30 on 2 March in Vietnam: the as-of date is the Vietnam date
            Decision d = engine.decide(TestPacks.birth("{}").replace("2026-03-02T09:00:00+07:00", "2026-03-01T18:30:00Z"));
            assertEquals(LocalDate.of(2026, 3, 2), d.provenance().asOf());
            assertEquals("ho-tich-test", d.provenance().packId());
            assertTrue(d.provenance().packSha256().matches("[0-9a-f]{64}"));
            assertEquals(Instant.parse("2026-03-02T02:00:00Z"), d.provenance().evaluatedAt());
        }
    }

    @Nested
    class BadInput {
        @Test
        void decide_unknownProcedure_throwsNoSuchProcedureNamingIt() {
            NoSuchProcedureException e = assertThrows(NoSuchProcedureException.class,
                    () -> engine.decide(TestPacks.birth("{}").replace("1.001193", "9.999999")));
            assertEquals("9.999999", e.code());
            assertTrue(e.getMessage().contains("[9.999999]"));
        }

        @Test
        void decide_malformedJson_throwsInvalidDossierWithPosition() {
            InvalidDossierException e = assertThrows(InvalidDossierException.class, () -> engine.decide("{\"procedure\": "));
            assertTrue(e.violations().get(0).startsWith("1:"), e.getMessage());
        }

        @Test
        void decide_schemaViolation_namesThePointer() {
            InvalidDossierException e = assertThrows(InvalidDossierException.class,
                    () -> engine.decide(TestPacks.birth("{}").replace("\"DESK\"", "\"FAX\"")));
            assertTrue(e.violations().stream().anyMatch(v -> v.startsWith("/channel")), e.getMessage());
        }

        @Test
        void decide_unknownReceivingUnit_throwsInvalidDossier() {
            assertThrows(InvalidDossierException.class,
                    () -> engine.decide(TestPacks.birth("{}").replace("\"form\"", "\"unit\":\"nowhere\",\"form\"")));
        }

        @Test
        void decide_noPackLoaded_throwsNoPackLoaded() {
            try (Engine empty = Motcua.engine().build()) {
                assertThrows(NoPackLoadedException.class, () -> empty.decide(TestPacks.birth("{}")));
            }
        }
    }
}
