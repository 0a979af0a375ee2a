package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.calendar.StepDue;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.Tracking;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 4 on the Gia Lai land procedures: step budgets rescaled to the extended limit, and
 * tracking from step events. The dossier is the sample transfer of a plot in Ia Mơ received Monday
 * 02/3/2026 09:00: 05 working days (NĐ 226/2025) + 10 for a disadvantaged commune = 15, due Monday 23/3.
 * Steps 1-2-1-1 (5 days) are rescaled to 3-6-3-3: due 05/3, 13/3, 18/3 and 23/3 at 17:00.
 */
public class GiaLaiTrackingTest {
    static Engine engine;
    static Decision decision;

    @BeforeAll
    static void load() {
        engine = Motcua.engine().clock(Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC)).build();
        engine.load(GiaLaiCasesTest.PACK).orThrow();
        decision = engine.decide(GiaLaiDecisionsTest.dossier("dat-dai-xa-kho-khan"));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static String at(String local) {
        return local + "+07:00";
    }

    static List<Tracking.StepEvent> events(String... lines) {
        return Tracking.parse("[" + String.join(",", lines) + "]");
    }

    public static String ev(String step, String event, String at, String by) {
        return "{\"step\":\"" + step + "\",\"event\":\"" + event + "\",\"at\":\"" + at(at) + "\",\"by\":\"" + by + "\"}";
    }

    public static final String[] SUPPLEMENT = {
        ev("tiep-nhan", "STARTED", "2026-03-02T09:05:00", "Bộ phận Một cửa"),
        ev("tiep-nhan", "FINISHED", "2026-03-02T15:00:00", "Bộ phận Một cửa"),
        ev("xu-ly", "STARTED", "2026-03-03T08:00:00", "Chi nhánh Văn phòng đăng ký đất đai"),
        ev("xu-ly", "SUPPLEMENT_REQUESTED", "2026-03-04T09:00:00", "Chi nhánh Văn phòng đăng ký đất đai"),
        ev("xu-ly", "SUPPLEMENT_RECEIVED", "2026-03-06T09:00:00", "Bộ phận Một cửa"),
    };

    static Instant instant(String local) {
        return OffsetDateTime.parse(at(local)).toInstant();
    }

    @Test
    void steps_areRescaledToTheExtendedLimit_andTheLastStepEndsAtTheAppointment() {
        List<StepDue> steps = decision.deadline().steps();
        assertEquals(List.of(3L, 6L, 3L, 3L), steps.stream().map(s -> s.step().budget().amount()).toList());
        assertEquals("2026-03-13T17:00+07:00", steps.get(1).due().toOffsetDateTime().toString());
        assertEquals(decision.deadline().due(), steps.get(steps.size() - 1).due());
        assertEquals("Chi nhánh Văn phòng đăng ký đất đai", steps.get(1).step().unit());
        assertEquals("Viên chức Chi nhánh Văn phòng đăng ký đất đai", steps.get(1).step().role());
        // no financial obligations on this dossier: the tax authority's step does not apply
        assertEquals(List.of("tiep-nhan", "xu-ly", "ky-duyet", "tra-ket-qua"), steps.stream().map(s -> s.step().id()).toList());
    }

    @Test
    void supplement_movesEveryLaterDueByTheWorkingDaysItTook_andTheStepIsOnTimeBeforeItsNewDue() {
        Tracking.Report r = Tracking.track(decision, engine.deadlineEngine().orElseThrow(), events(SUPPLEMENT),
                instant("2026-03-16T10:00:00"));
        // paused Wednesday 04/3 09:00 to Friday 06/3 09:00: Thursday 5 and Friday 6 are not counted
        assertEquals(2, r.pausedWorkingDays());
        assertEquals("2026-03-25T17:00+07:00", r.due().toOffsetDateTime().toString());
        Tracking.StepTrack xuLy = r.steps().get(1);
        assertEquals("2026-03-17T17:00+07:00", xuLy.due().toOffsetDateTime().toString());
        assertEquals(Tracking.StepStatus.IN_PROGRESS, xuLy.status());
        assertFalse(xuLy.late());
        assertEquals(Tracking.StepStatus.FINISHED_ON_TIME, r.steps().get(0).status());
        assertEquals(Tracking.DossierState.PROCESSING_ON_TIME, r.state());
        assertTrue(r.lateRoles().isEmpty());
        assertFalse(r.apologyNeeded());
    }

    @Test
    void lateStep_namesWhoIsLate_andAsksForTheApologyLetterWithANewDate() {
        Tracking.Report r = Tracking.track(decision, engine.deadlineEngine().orElseThrow(), events(SUPPLEMENT),
                instant("2026-03-18T09:00:00"));
        assertTrue(r.steps().get(1).late());
        assertEquals(List.of("Viên chức Chi nhánh Văn phòng đăng ký đất đai"), r.lateRoles());
        assertEquals(Tracking.DossierState.PROCESSING_LATE, r.state());
        assertTrue(r.apologyNeeded());
        // the late step by the end of the next working day (19/3), then 3 + 3 working days: Friday 27/3
        assertEquals("2026-03-27T17:00+07:00", r.projectedReturn().toOffsetDateTime().toString());
        // the letter's new date is one the deadline engine accepts
        assertEquals(r.projectedReturn().toInstant(), engine.deadlineEngine().orElseThrow()
                .reschedule(decision.deadline(), instant("2026-03-18T09:00:00"), r.projectedReturn().toInstant(),
                        "Chi nhánh Văn phòng đăng ký đất đai chậm kiểm tra hồ sơ", null).due().toInstant());
    }

    @Test
    void returnedBeforeTheMovedAppointment_isOnTime_andAfterItLate() {
        String[] done = {
            ev("xu-ly", "FINISHED", "2026-03-17T16:00:00", "Chi nhánh Văn phòng đăng ký đất đai"),
            ev("ky-duyet", "STARTED", "2026-03-18T08:00:00", "Chi nhánh Văn phòng đăng ký đất đai"),
            ev("ky-duyet", "FINISHED", "2026-03-20T10:00:00", "Chi nhánh Văn phòng đăng ký đất đai"),
            ev("tra-ket-qua", "STARTED", "2026-03-24T08:00:00", "Bộ phận Một cửa"),
        };
        List<String> all = new java.util.ArrayList<>(List.of(SUPPLEMENT));
        all.addAll(List.of(done));
        List<String> onTime = new java.util.ArrayList<>(all);
        onTime.add(ev("tra-ket-qua", "FINISHED", "2026-03-24T09:00:00", "Bộ phận Một cửa"));
        Tracking.Report r = Tracking.track(decision, engine.deadlineEngine().orElseThrow(),
                events(onTime.toArray(String[]::new)), instant("2026-03-30T09:00:00"));
        assertEquals(Tracking.DossierState.RETURNED_ON_TIME, r.state());
        assertNull(r.projectedReturn());
        List<String> late = new java.util.ArrayList<>(all);
        late.add(ev("tra-ket-qua", "FINISHED", "2026-03-26T09:00:00", "Bộ phận Một cửa"));
        Tracking.Report l = Tracking.track(decision, engine.deadlineEngine().orElseThrow(),
                events(late.toArray(String[]::new)), instant("2026-03-30T09:00:00"));
        assertEquals(Tracking.DossierState.RETURNED_LATE, l.state());
        assertTrue(l.steps().get(3).late());
    }

    @Test
    void citizenPaying_isAPauseWhileOpen() {
        Tracking.Report r = Tracking.track(decision, engine.deadlineEngine().orElseThrow(), events(
                ev("tiep-nhan", "FINISHED", "2026-03-02T15:00:00", "Bộ phận Một cửa"),
                ev("xu-ly", "PAUSED", "2026-03-09T10:00:00", "Cơ quan thuế: thông báo nộp nghĩa vụ tài chính")),
                instant("2026-03-12T10:00:00"));
        assertEquals(Tracking.DossierState.WAITING_FOR_CITIZEN, r.state());
        assertEquals(3, r.pausedWorkingDays()); // 10, 11 and 12/3 so far
        assertFalse(r.apologyNeeded());
    }

    @Test
    void parse_rejectsAnUnknownEventKind_andTrackRejectsAnUnknownStep() {
        InvalidDossierException e = assertThrows(InvalidDossierException.class,
                () -> Tracking.parse("[{\"step\":\"xu-ly\",\"event\":\"DONE\",\"at\":\"2026-03-02T09:00:00+07:00\"}]"));
        assertTrue(e.violations().stream().anyMatch(v -> v.startsWith("/0/event")), e.violations().toString());
        assertThrows(InvalidDossierException.class,
                () -> Tracking.parse("[{\"step\":\"xu-ly\",\"event\":\"STARTED\",\"at\":\"2026-03-02 09:00\"}]"));
        assertThrows(IllegalArgumentException.class, () -> Tracking.track(decision, engine.deadlineEngine().orElseThrow(),
                events(ev("tham-dinh", "STARTED", "2026-03-02T09:00:00", "x")), instant("2026-03-03T09:00:00")));
    }

    // ---- issue 14 item 4 on every Gia Lai land procedure: named units, the tax authority and the commune

    static final List<String> LAND = List.of("1.013978", "1.013831", "1.012784", "1.012786");

    @Test
    void everyLandProcedure_namesTheUnitAndRoleOfEachStep_andItsCountedBudgetsAddUpToTheMaximum() {
        for (String code : LAND) {
            io.github.motcua.rules.Procedure p = engine.catalog().stream().filter(x -> x.code().equals(code)).findFirst()
                    .orElseThrow();
            assertFalse(p.steps().isEmpty(), code);
            long counted = 0;
            for (io.github.motcua.calendar.InternalStep s : p.steps()) {
                assertTrue(s.unit() != null && !s.unit().isBlank(), code + " " + s.id() + " has no unit");
                assertFalse(s.role().isBlank(), code + " " + s.id());
                assertTrue(s.basis() != null, code + " " + s.id() + " has no basis");
                // no split of the law's total is sourced: every step says so
                assertTrue(s.verified() || (s.note() != null && !s.note().isBlank()), code + " " + s.id());
                if (s.counted()) {
                    assertEquals(io.github.motcua.calendar.DeadlineUnit.WORKING_DAYS, s.budget().unit(), code);
                    counted += s.budget().amount();
                }
            }
            // no commitment of the province was found: the counted steps fill the law's maximum (transfer: 05 of 08)
            assertEquals(code.equals("1.013831") ? 5 : p.deadline().limit().amount(), counted, code);
            assertTrue(p.commitment() == null, code);
        }
        List<String> units = LAND.stream().flatMap(c -> engine.catalog().stream().filter(x -> x.code().equals(c)))
                .flatMap(p -> p.steps().stream()).map(io.github.motcua.calendar.InternalStep::unit).distinct().toList();
        assertTrue(units.contains("Cơ quan thuế"), units.toString());
        assertTrue(units.contains("Ủy ban nhân dân cấp xã nơi có đất"), units.toString());
        assertTrue(units.contains("Chi nhánh Văn phòng đăng ký đất đai"), units.toString());
        assertTrue(units.contains("Bộ phận Một cửa (Trung tâm Phục vụ hành chính công nơi tiếp nhận hồ sơ)"), units.toString());
    }

    static String withTax() {
        return GiaLaiDecisionsTest.dossier("dat-dai-xa-kho-khan")
                .replace("\"canXacDinhNghiaVuTaiChinh\": false", "\"canXacDinhNghiaVuTaiChinh\": true");
    }

    @Test
    void taxAuthority_isAStepNotCounted_rescalingLeavesIt_andTheAppointmentMovesByItsFiveDays() {
        Decision d = engine.decide(withTax());
        List<StepDue> steps = d.deadline().steps();
        assertEquals(List.of("tiep-nhan", "xu-ly", "thue", "ky-duyet", "tra-ket-qua"),
                steps.stream().map(s -> s.step().id()).toList());
        StepDue thue = steps.get(2);
        assertEquals("Cơ quan thuế", thue.step().unit());
        assertFalse(thue.step().counted());
        // 5 + 10 = 15 counted days rescaled 3-6-3-3; the tax authority keeps its own 5 working days
        assertEquals(List.of(3L, 6L, 5L, 3L, 3L), steps.stream().map(s -> s.step().budget().amount()).toList());
        assertEquals("2026-03-20T17:00+07:00", thue.due().toOffsetDateTime().toString());
        assertEquals("2026-03-30T17:00+07:00", d.deadline().due().toOffsetDateTime().toString());
        assertEquals(15, d.deadline().workingDaysCounted());
        assertEquals(5, d.deadline().pausedWorkingDays());
        // the excluded period cites clause 10 and says whose it is
        assertTrue(d.deadline().applied().stream().anyMatch(a -> a.isInterval() && a.basis() != null
                && a.basis().id().equals("ND101-2024-KHONG-TINH") && a.reasonVi().contains("Cơ quan thuế")),
                d.deadline().applied().toString());
    }

    static final String[] TAX_EVENTS = {
        ev("tiep-nhan", "FINISHED", "2026-03-02T15:00:00", "Bộ phận Một cửa"),
        ev("xu-ly", "FINISHED", "2026-03-12T16:00:00", "Chi nhánh Văn phòng đăng ký đất đai"),
        ev("thue", "STARTED", "2026-03-13T08:00:00", "Cơ quan thuế"),
        // the tax notice is out; the citizen pays from Wednesday 18/3 10:00 to Friday 20/3 09:00
        ev("thue", "PAUSED", "2026-03-18T10:00:00", "Người sử dụng đất nộp nghĩa vụ tài chính"),
    };

    @Test
    void citizenPaying_stopsTheClockOfTheTaxStepAndOfTheDossier_andTheDossierWaitsForTheCitizen() {
        Decision d = engine.decide(withTax());
        Tracking.Report r = Tracking.track(d, engine.deadlineEngine().orElseThrow(), events(TAX_EVENTS),
                instant("2026-03-19T10:00:00"));
        assertEquals(Tracking.DossierState.WAITING_FOR_CITIZEN, r.state());
        assertEquals(1, r.pausedWorkingDays()); // Thursday 19/3 so far
        assertFalse(r.apologyNeeded());
        List<String> all = new java.util.ArrayList<>(List.of(TAX_EVENTS));
        all.add(ev("thue", "RESUMED", "2026-03-20T09:00:00", "Cơ quan thuế"));
        Tracking.Report paid = Tracking.track(d, engine.deadlineEngine().orElseThrow(), events(all.toArray(String[]::new)),
                instant("2026-03-20T10:00:00"));
        // paused 19 and 20/3: the tax step is due Tuesday 24/3, the appointment Wednesday 01/4
        assertEquals(2, paid.pausedWorkingDays());
        assertEquals("2026-03-24T17:00+07:00", paid.steps().get(2).due().toOffsetDateTime().toString());
        assertEquals("2026-04-01T17:00+07:00", paid.due().toOffsetDateTime().toString());
        assertEquals(Tracking.DossierState.PROCESSING_ON_TIME, paid.state());
    }

    @Test
    void taxAuthorityLate_isNamed_butItsOverrunIsNotTheDossiers_untilACountedStepIsLate_thenTheApologyLetter() {
        Decision d = engine.decide(withTax());
        List<String> all = new java.util.ArrayList<>(List.of(TAX_EVENTS));
        all.add(ev("thue", "RESUMED", "2026-03-20T09:00:00", "Cơ quan thuế"));
        all.add(ev("thue", "FINISHED", "2026-03-27T10:00:00", "Cơ quan thuế"));
        Tracking.Report r = Tracking.track(d, engine.deadlineEngine().orElseThrow(), events(all.toArray(String[]::new)),
                instant("2026-03-30T09:00:00"));
        Tracking.StepTrack thue = r.steps().get(2);
        assertEquals(Tracking.StepStatus.FINISHED_LATE, thue.status());
        assertEquals(List.of("Cơ quan thuế — Công chức thuế quản lý khoản thu từ đất"), r.lateRoles());
        // 3 working days over (25, 26, 27/3) are not counted: signing is due Wednesday 01/4, the appointment Monday 06/4
        assertEquals("2026-04-01T17:00+07:00", r.steps().get(3).due().toOffsetDateTime().toString());
        assertEquals("2026-04-06T17:00+07:00", r.due().toOffsetDateTime().toString());
        assertEquals(Tracking.DossierState.PROCESSING_ON_TIME, r.state());
        assertFalse(r.apologyNeeded());
        // the branch has not signed by Thursday 02/4: it is late too, and the result cannot be ready by 06/4
        Tracking.Report late = Tracking.track(d, engine.deadlineEngine().orElseThrow(),
                events(all.toArray(String[]::new)), instant("2026-04-02T09:00:00"));
        assertEquals(List.of("Cơ quan thuế — Công chức thuế quản lý khoản thu từ đất",
                "Giám đốc Chi nhánh Văn phòng đăng ký đất đai"), late.lateRoles());
        assertEquals(Tracking.DossierState.PROCESSING_LATE, late.state());
        assertTrue(late.apologyNeeded());
        // signed by the end of Friday 03/4, then 3 working days to return: Wednesday 08/4
        assertEquals("2026-04-08T17:00+07:00", late.projectedReturn().toOffsetDateTime().toString());
        io.github.motcua.forms.document.DocumentHeader h = new io.github.motcua.forms.document.DocumentHeader(
                "UBND TỈNH GIA LAI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", null, "Gia Lai", java.time.LocalDate.of(2026, 4, 2),
                "HS-2026-0302", "Đăng ký biến động", io.github.motcua.forms.document.Addressee.named("Kpă Long"));
        io.github.motcua.rules.DecisionDocuments.Rescheduled letter = io.github.motcua.rules.DecisionDocuments.apology(d,
                engine.deadlineEngine().orElseThrow(), h, instant("2026-04-02T09:00:00"), late.projectedReturn().toInstant(),
                "Chi nhánh Văn phòng đăng ký đất đai chậm xác nhận biến động", null, "Giám đốc Trung tâm");
        assertEquals(java.time.LocalDateTime.of(2026, 4, 8, 17, 0), letter.letter().newDueAt());
        String html = engine.forms().orElseThrow().documents().render(letter.letter(), java.util.Locale.forLanguageTag("vi-VN"));
        assertTrue(html.contains("Chi nhánh Văn phòng đăng ký đất đai chậm xác nhận biến động"), html);
    }

    static String split() {
        return "{\"procedure\":\"1.012784\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
                + "\"unit\":\"52-tthcc-quy-nhon\",\"applicant\":{\"personalId\":\"052182004567\",\"fullName\":\"Đỗ Thị Nga\","
                + "\"birthDate\":\"1982-09-09\",\"sex\":\"FEMALE\",\"categories\":[],\"residenceUnit\":\"52-phuong-quy-nhon\"},"
                + "\"form\":{\"nguoiSuDungDat\":{\"hoTen\":\"Đỗ Thị Nga\",\"soDinhDanh\":\"052182004567\",\"ngaySinh\":\"1982-09-09\","
                + "\"gioiTinh\":\"FEMALE\",\"soDienThoai\":\"0914888999\"},\"thuaDat\":{\"maXa\":\"52-phuong-quy-nhon\","
                + "\"soThua\":\"57\",\"soToBanDo\":\"9\",\"dienTich\":450.0,\"mucDichSuDung\":\"Đất ở tại đô thị\","
                + "\"diaChi\":\"Quy Nhơn\"},\"soThuaSauTach\":2,\"loaiDeNghi\":\"TACH_THUA\",\"datDienTichToiThieu\":true,"
                + "\"cungMucDichVaThoiHan\":true,\"dangTranhChapHoacKeBien\":false}}";
    }

    @Test
    void plotSplit_supplementStopsTheClock_theLateBranchIsNamed_andTheNewDateIsComputed() {
        Decision d = engine.decide(split());
        assertEquals("2026-03-18T17:00+07:00", d.deadline().due().toOffsetDateTime().toString());
        String[] ev = {
            ev("tiep-nhan", "FINISHED", "2026-03-02T11:00:00", "Bộ phận Một cửa"),
            ev("xu-ly", "STARTED", "2026-03-03T08:00:00", "Chi nhánh Văn phòng đăng ký đất đai"),
            ev("xu-ly", "SUPPLEMENT_REQUESTED", "2026-03-05T10:00:00", "Chi nhánh Văn phòng đăng ký đất đai"),
            ev("xu-ly", "SUPPLEMENT_RECEIVED", "2026-03-10T09:00:00", "Bộ phận Một cửa"),
        };
        Tracking.Report onTime = Tracking.track(d, engine.deadlineEngine().orElseThrow(), events(ev),
                instant("2026-03-18T10:00:00"));
        // 6, 9 and 10/3 not counted: the branch is due Thursday 19/3, the appointment Monday 23/3
        assertEquals(3, onTime.pausedWorkingDays());
        assertEquals("2026-03-19T17:00+07:00", onTime.steps().get(1).due().toOffsetDateTime().toString());
        assertEquals("2026-03-23T17:00+07:00", onTime.due().toOffsetDateTime().toString());
        assertEquals(Tracking.DossierState.PROCESSING_ON_TIME, onTime.state());
        Tracking.Report late = Tracking.track(d, engine.deadlineEngine().orElseThrow(), events(ev),
                instant("2026-03-20T09:00:00"));
        assertEquals(List.of("Viên chức Chi nhánh Văn phòng đăng ký đất đai"), late.lateRoles());
        assertEquals(Tracking.DossierState.PROCESSING_LATE, late.state());
        assertTrue(late.apologyNeeded());
        // the branch by the end of Monday 23/3, then 1 + 1 working days: Wednesday 25/3
        assertEquals("2026-03-25T17:00+07:00", late.projectedReturn().toOffsetDateTime().toString());
    }

    @Test
    void lostCertificate_notYetPosted_theCommunePostsFifteenDaysNotCounted_andItsOverrunMovesTheAppointment() {
        String dossier = split().replace("\"procedure\":\"1.012784\"", "\"procedure\":\"1.012786\"")
                .replace("\"unit\":\"52-tthcc-quy-nhon\"", "\"unit\":\"52-tthcc-pleiku\"")
                .replace("\"nguoiSuDungDat\"", "\"nguoiDeNghi\"")
                .replace("\"maXa\":\"52-phuong-quy-nhon\"", "\"maXa\":\"52-phuong-pleiku\"")
                .replace(",\"soThuaSauTach\":2,\"loaiDeNghi\":\"TACH_THUA\",\"datDienTichToiThieu\":true,"
                        + "\"cungMucDichVaThoiHan\":true,\"dangTranhChapHoacKeBien\":false",
                        ",\"quanHe\":\"NGUOI_SU_DUNG_DAT\",\"soPhatHanhGiayChungNhan\":\"CS 123456\",\"ngayMat\":\"2026-01-10\","
                                + "\"ngayNop\":\"2026-03-02\",\"daNiemYetThongBaoMat\":false");
        Decision d = engine.decide(dossier);
        assertEquals(io.github.motcua.rules.Eligibility.ELIGIBLE, d.eligibility(), d.toTextVi());
        StepDue posting = d.deadline().steps().get(1);
        assertEquals("niem-yet", posting.step().id());
        assertEquals("Ủy ban nhân dân cấp xã nơi có đất", posting.step().unit());
        assertEquals("2026-03-18T17:00+07:00", posting.due().toOffsetDateTime().toString());
        assertEquals("2026-03-31T17:00+07:00", d.deadline().due().toOffsetDateTime().toString());
        // the commune takes the posting down two working days late (20/3): the commune is late, the appointment moves to 02/4
        Tracking.Report r = Tracking.track(d, engine.deadlineEngine().orElseThrow(), events(
                ev("tiep-nhan", "FINISHED", "2026-03-02T16:00:00", "Bộ phận Một cửa"),
                ev("niem-yet", "STARTED", "2026-03-03T08:00:00", "Ủy ban nhân dân xã"),
                ev("niem-yet", "FINISHED", "2026-03-20T10:00:00", "Ủy ban nhân dân xã")),
                instant("2026-03-20T11:00:00"));
        assertEquals(List.of("Ủy ban nhân dân cấp xã nơi có đất — Công chức địa chính cấp xã"), r.lateRoles());
        assertEquals("2026-04-02T17:00+07:00", r.due().toOffsetDateTime().toString());
        assertEquals(Tracking.DossierState.PROCESSING_ON_TIME, r.state());
        assertFalse(r.apologyNeeded());
    }

    /** The analysts' case 1.013978/cases/thoi-gian-khong-tinh.yaml (Ia Mơ, posting and financial obligations) as a dossier. */
    static String firstRegistrationWithPostingAndTax() throws java.io.IOException {
        tools.jackson.databind.JsonNode base = GiaLaiRoutingTest.YAML.readTree(java.nio.file.Files.readString(
                GiaLaiCasesTest.PACK.resolve("procedures/1.013978/cases/_base.yaml"))).get("dossier").deepCopy();
        tools.jackson.databind.JsonNode c = GiaLaiRoutingTest.YAML.readTree(java.nio.file.Files.readString(
                GiaLaiCasesTest.PACK.resolve("procedures/1.013978/cases/thoi-gian-khong-tinh.yaml"))).get(0).get("dossier");
        GiaLaiRoutingTest.merge((tools.jackson.databind.node.ObjectNode) base, c);
        return GiaLaiRoutingTest.JSON.writeValueAsString(base);
    }

    @Test
    void firstRegistration_theCommunePostsLate_itIsNamed_andTheAppointmentMovesByTheOverrun() throws java.io.IOException {
        Decision d = engine.decide(firstRegistrationWithPostingAndTax());
        assertEquals("2026-05-08T17:00+07:00", d.deadline().due().toOffsetDateTime().toString());
        StepDue posting = d.deadline().steps().get(2);
        assertEquals("niem-yet", posting.step().id());
        assertEquals("2026-03-26T17:00+07:00", posting.due().toOffsetDateTime().toString());
        Tracking.Report r = Tracking.track(d, engine.deadlineEngine().orElseThrow(), events(
                ev("tiep-nhan", "FINISHED", "2026-03-03T10:00:00", "Bộ phận Một cửa"),
                ev("xac-nhan-xa", "FINISHED", "2026-03-10T16:00:00", "Ủy ban nhân dân xã Ia Mơ"),
                ev("niem-yet", "STARTED", "2026-03-11T08:00:00", "Ủy ban nhân dân xã Ia Mơ"),
                ev("niem-yet", "FINISHED", "2026-03-30T10:00:00", "Ủy ban nhân dân xã Ia Mơ")),
                instant("2026-03-31T09:00:00"));
        // two working days over (27 and 30/3): the commune is late, the dossier is not; everything after moves by two days
        assertEquals(Tracking.StepStatus.FINISHED_LATE, r.steps().get(2).status());
        assertEquals(List.of("Ủy ban nhân dân cấp xã nơi có đất — Công chức địa chính cấp xã"), r.lateRoles());
        assertEquals("2026-04-24T17:00+07:00", r.steps().get(3).due().toOffsetDateTime().toString());
        assertEquals("2026-05-12T17:00+07:00", r.due().toOffsetDateTime().toString());
        assertEquals(Tracking.DossierState.PROCESSING_ON_TIME, r.state());
        assertFalse(r.apologyNeeded());
    }
}
