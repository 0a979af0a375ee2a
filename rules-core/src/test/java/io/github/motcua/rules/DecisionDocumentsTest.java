package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.calendar.InvalidDeadlineException;
import io.github.motcua.forms.document.Addressee;
import io.github.motcua.forms.document.ControlSheet;
import io.github.motcua.forms.document.DocumentHeader;
import io.github.motcua.forms.document.ReceiptSlip;
import io.github.motcua.forms.document.RefusalNotice;
import io.github.motcua.forms.document.SupplementRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A decision mapped to the printable documents. The test pack's birth registration is same-day
 * (Luật Hộ tịch Art. 5(3)) with steps of 1 and 2 working hours; office hours 07:30–11:30, 13:30–17:00.
 */
class DecisionDocumentsTest {
    static Engine engine;
    static final DocumentHeader HEADER = new DocumentHeader("UBND TỈNH GIA LAI", "UBND PHƯỜNG PLEIKU", "01/TN",
            "Gia Lai", LocalDate.of(2026, 3, 2), "HS-0001", "Đăng ký khai sinh", Addressee.named("Nguyễn Thị Hoa"));

    @BeforeAll
    static void load() {
        engine = TestPacks.engine();
        engine.load(DecisionDocumentsTest.class.getClassLoader(), "packs/ho-tich").orThrow();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Decision birth() {
        return engine.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
    }

    static Procedure procedure(String code) {
        return engine.catalog().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    @Nested
    class Receipt {
        @Test
        void receiptSlip_eligibleSameDay_listsRequiredComponentsAndTheAppointmentAt17h() {
            Dossier dossier = Dossier.fromJson(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            ReceiptSlip slip = DecisionDocuments.receiptSlip(birth(), procedure("1.001193"),
                    DecisionDocuments.ReceiptDetails.of(HEADER, dossier, "Trần Văn A"));
            assertEquals(LocalDateTime.of(2026, 3, 2, 9, 0), slip.receivedAt());
            assertEquals(LocalDateTime.of(2026, 3, 2, 17, 0), slip.dueAt());
            assertEquals(List.of("Tờ khai đăng ký khai sinh", "Giấy chứng sinh"),
                    slip.components().stream().map(c -> c.name()).toList());
            assertEquals(0, slip.feeTotalDong()); // the test pack has no fee table
            assertEquals("Tại Bộ phận Một cửa", slip.returnPlace());
        }

        @Test
        void receiptSlip_ineligibleDecision_isRefusedNamingTheOutcome() {
            Decision d = engine.decide(TestPacks.marriage(
                    "{\"chong\":{\"ngaySinh\":\"2006-03-03\"},\"vo\":{\"ngaySinh\":\"2008-03-02\"},\"haiBenCoMat\":true}"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecisionDocuments.receiptSlip(d,
                    procedure("1.000894"), DecisionDocuments.ReceiptDetails.of(HEADER,
                            Dossier.fromJson(TestPacks.marriage("{}")), null)));
            assertTrue(e.getMessage().contains("[INELIGIBLE]"), e.getMessage());
        }
    }

    @Nested
    class Refusal {
        @Test
        void refusal_groomUnder20_givesTheReasonWithItsLegalBasis() {
            // born 03/3/2006: not yet 20 on 02/3/2026 (Luật HN&GĐ 2014 Art. 8(1)(a))
            Decision d = engine.decide(TestPacks.marriage(
                    "{\"chong\":{\"ngaySinh\":\"2006-03-03\"},\"vo\":{\"ngaySinh\":\"2008-03-02\"},\"haiBenCoMat\":true}"));
            RefusalNotice n = DecisionDocuments.refusal(d, HEADER, "Trần Văn A");
            assertEquals(1, n.reasons().size());
            assertTrue(n.reasons().get(0).contains("Điều 8"), n.reasons().get(0));
        }
    }

    @Nested
    class Supplement {
        @Test
        void supplementRequest_missingCertificate_asksForItOnce() {
            SupplementRequest r = DecisionDocuments.supplementRequest(birth(), HEADER, List.of("giay-chung-sinh"), "Trần Văn A");
            assertEquals(1, r.items().size());
            assertTrue(r.items().get(0).what().startsWith("Giấy chứng sinh"), r.items().get(0).what());
        }

        @Test
        void supplementRequest_nothingMissing_isRefused() {
            assertThrows(IllegalArgumentException.class, () -> DecisionDocuments.supplementRequest(birth(), HEADER, List.of(), null));
        }
    }

    @Nested
    class ControlAndApology {
        @Test
        void controlSheet_twoSteps_handOverAtTheirDueInstants() {
            ControlSheet s = DecisionDocuments.controlSheet(birth(), HEADER, OffsetDateTime.parse("2026-03-02T09:00:00+07:00"));
            assertEquals(2, s.steps().size());
            // 1 working hour from 09:00 → 10:00; then 2 working hours: 10:00–11:30, lunch, 13:30–14:00
            assertEquals(LocalDateTime.of(2026, 3, 2, 10, 0), s.steps().get(0).dueAt());
            assertNull(s.steps().get(0).handedOverBy());
            assertEquals(LocalDateTime.of(2026, 3, 2, 14, 0), s.steps().get(1).dueAt());
            assertEquals("Bộ phận Một cửa", s.steps().get(1).handedOverBy());
            assertEquals(LocalDateTime.of(2026, 3, 2, 17, 0), s.dueAt());
        }

        @Test
        void apology_newDateNextMorning_movesTheDeadlineAndPrintsBothDates() {
            DeadlineEngine de = engine.deadlineEngine().orElseThrow();
            DecisionDocuments.Rescheduled r = DecisionDocuments.apology(birth(), de, HEADER,
                    Instant.parse("2026-03-02T03:00:00Z"), Instant.parse("2026-03-03T02:00:00Z"),
                    "Hệ thống cơ sở dữ liệu hộ tịch gián đoạn", null, "Chủ tịch UBND phường");
            assertEquals(LocalDateTime.of(2026, 3, 2, 17, 0), r.letter().originalDueAt());
            assertEquals(LocalDateTime.of(2026, 3, 3, 9, 0), r.letter().newDueAt());
            assertEquals(Instant.parse("2026-03-03T02:00:00Z"), r.deadline().due().toInstant());
        }

        @Test
        void apology_newDateAtLunch_isRefusedByTheCalendar() {
            DeadlineEngine de = engine.deadlineEngine().orElseThrow();
            assertThrows(InvalidDeadlineException.class, () -> DecisionDocuments.apology(birth(), de, HEADER,
                    Instant.parse("2026-03-02T03:00:00Z"), Instant.parse("2026-03-03T05:00:00Z"), "Lý do", null, null));
        }
    }
}
