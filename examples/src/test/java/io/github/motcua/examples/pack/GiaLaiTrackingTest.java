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
        assertEquals("Chi nhánh Văn phòng đăng ký đất đai", steps.get(1).step().role());
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
        assertEquals(List.of("Chi nhánh Văn phòng đăng ký đất đai"), r.lateRoles());
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
}
