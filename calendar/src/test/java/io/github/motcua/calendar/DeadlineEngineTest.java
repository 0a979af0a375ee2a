package io.github.motcua.calendar;

import static io.github.motcua.calendar.TestPacks.vn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import io.github.motcua.law.LegalBasis;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Expected values are counted by hand on the 2026 calendar of FACTS.md §2.2. */
class DeadlineEngineTest {
    static final LegalBasis LAND = LegalBasis.of("ND-101-2024", "Nghị định 101/2024/NĐ-CP");
    static final DeadlineEngine ENGINE = DeadlineEngine.of(TestPacks.giaLaiCalendar(), DeadlineSettings.defaults());

    static DeadlineResult desk(Instant at, TimeLimit limit) {
        return ENGINE.compute(DeadlineRequest.of(at, Channel.DESK, limit));
    }

    @Nested
    class WorkedExamples {
        @Test
        void compute_threeWorkingDaysFromMonday9_isDueThursdayCloseOfOffice() {
            DeadlineResult r = desk(vn(2026, 3, 2, 9, 0), TimeLimit.workingDays(3));
            assertEquals(vn(2026, 3, 5, 17, 0), r.due().toInstant());
            assertEquals(vn(2026, 3, 2, 9, 0), r.effectiveStart().toInstant());
            assertEquals(3, r.workingDaysCounted());
            assertEquals(LocalDate.of(2026, 3, 2), r.receiptDay());
            assertTrue(r.countingBases().stream().anyMatch(b -> b.id().equals("BLDS-2015-D147-2") && !b.verified()));
        }

        @Test
        void compute_sameDayAt1530OnFridayBeforeTet2026_isDueMonday23February() {
            DeadlineResult r = desk(vn(2026, 2, 13, 15, 30), TimeLimit.sameDay());
            assertEquals(vn(2026, 2, 23, 7, 30), r.effectiveStart().toInstant());
            assertEquals(vn(2026, 2, 23, 17, 0), r.due().toInstant());
            assertTrue(r.countingBases().stream().anyMatch(b -> b.id().equals("LHT-2014-D5-3")));
        }

        @Test
        void compute_receivedOnSwappedWorkingSaturday_countsThatSaturday() {
            DeadlineResult same = desk(vn(2026, 1, 10, 9, 0), TimeLimit.sameDay());
            assertEquals(vn(2026, 1, 10, 17, 0), same.due().toInstant());
            DeadlineResult one = desk(vn(2026, 1, 10, 9, 0), TimeLimit.workingDays(1));
            assertEquals(vn(2026, 1, 12, 17, 0), one.due().toInstant());
        }

        @Test
        void compute_twentyWorkingDaysAcrossTet2026_skipsTheBreak() {
            // Feb 3-6 (4), 9-13 (9), 23-27 (14), Mar 2-6 (19), Mar 9 (20)
            DeadlineResult r = desk(vn(2026, 2, 2, 9, 0), TimeLimit.workingDays(20));
            assertEquals(vn(2026, 3, 9, 17, 0), r.due().toInstant());
            assertEquals(20, r.workingDaysCounted());
        }
    }

    @Nested
    class CutOffAndReceipt {
        @Test
        void compute_exactlyAtCutOff_isStillThatDay() {
            assertEquals(vn(2026, 3, 3, 17, 0), desk(vn(2026, 3, 3, 15, 0), TimeLimit.sameDay()).due().toInstant());
            assertEquals(vn(2026, 3, 4, 17, 0), desk(vn(2026, 3, 3, 15, 1), TimeLimit.sameDay()).due().toInstant());
        }

        @Test
        void compute_afterCutOffWithWorkingDays_countsFromTheDeemedReceiptDay() {
            // received Mon after 15:00: deemed received Tue, day 1 = Wed: Wed, Thu, Fri
            assertEquals(vn(2026, 3, 6, 17, 0), desk(vn(2026, 3, 2, 15, 30), TimeLimit.workingDays(3)).due().toInstant());
        }

        @Test
        void compute_procedureCutOff16_overridesThePackDefault() {
            DeadlineRequest req = DeadlineRequest.of(vn(2026, 3, 3, 15, 30), Channel.DESK, TimeLimit.sameDay())
                    .withCutOff(LocalTime.of(16, 0));
            assertEquals(vn(2026, 3, 3, 17, 0), ENGINE.compute(req).due().toInstant());
        }

        @Test
        void compute_procedureCutOff_citesOnlyTheBasisItNames() {
            LegalBasis own = LegalBasis.of("QD-TINH-GIO-TIEP-NHAN", "Quyết định của tỉnh về giờ tiếp nhận");
            DeadlineRequest req = DeadlineRequest.of(vn(2026, 3, 2, 16, 30), Channel.DESK, TimeLimit.workingDays(3))
                    .withCutOff(CutOff.of(LocalTime.of(16, 0), own));
            DeadlineResult r = ENGINE.compute(req);
            assertEquals(LocalDate.of(2026, 3, 3), r.receiptDay());
            assertTrue(r.countingBases().contains(own), r.countingBases().toString());
            assertTrue(r.countingBases().stream().noneMatch(b -> b.id().equals("LHT-2014-D5-3") || b.id().equals("ND-23-2015-D7")),
                    r.countingBases().toString());
        }

        @Test
        void compute_noCutOff_receivedLateOnAWorkingDay_countsThatDay() {
            // Monday 16:30, 3 working days: Tue, Wed, Thu (with the default 15:00 it would be Friday)
            DeadlineRequest req = DeadlineRequest.of(vn(2026, 3, 2, 16, 30), Channel.DESK, TimeLimit.workingDays(3))
                    .withCutOff(CutOff.none());
            DeadlineResult r = ENGINE.compute(req);
            assertEquals(LocalDate.of(2026, 3, 2), r.receiptDay());
            assertEquals(vn(2026, 3, 5, 17, 0), r.due().toInstant());
            assertTrue(r.countingBases().stream().noneMatch(b -> b.id().equals("LHT-2014-D5-3") || b.id().equals("ND-23-2015-D7")),
                    r.countingBases().toString());
            assertEquals(vn(2026, 3, 6, 17, 0), desk(vn(2026, 3, 2, 16, 30), TimeLimit.workingDays(3)).due().toInstant());
        }

        @Test
        void cutOff_anHourWithoutBasis_isRefused() {
            assertThrows(InvalidDeadlineException.class, () -> new CutOff(LocalTime.of(15, 0), List.of()));
        }

        @Test
        void compute_cutOffOutsideOfficeHours_isRejected() {
            DeadlineRequest req = DeadlineRequest.of(vn(2026, 3, 3, 9, 0), Channel.DESK, TimeLimit.sameDay())
                    .withCutOff(LocalTime.of(6, 0));
            InvalidDeadlineException e = assertThrows(InvalidDeadlineException.class, () -> ENGINE.compute(req));
            assertTrue(e.getMessage().contains("[06:00]"), e.getMessage());
        }

        @Test
        void compute_onlineOnSunday_dependsOnThePackSetting() {
            DeadlineRequest req = DeadlineRequest.of(vn(2026, 3, 8, 20, 0), Channel.ONLINE, TimeLimit.workingDays(3));
            DeadlineResult next = ENGINE.compute(req);
            assertEquals(vn(2026, 3, 12, 17, 0), next.due().toInstant());
            assertTrue(next.countingBases().stream().anyMatch(b -> b.id().equals("MOTCUA-ONLINE-OUT-OF-HOURS") && !b.verified()));
            DeadlineEngine asReceived = DeadlineEngine.of(TestPacks.giaLaiCalendar(),
                    DeadlineSettings.defaults().withOnlineOutOfHours(OnlineOutOfHours.AS_RECEIVED));
            DeadlineResult r = asReceived.compute(req);
            assertEquals(vn(2026, 3, 11, 17, 0), r.due().toInstant());
            assertEquals(LocalDate.of(2026, 3, 8), r.receiptDay());
            assertEquals(vn(2026, 3, 9, 7, 30), r.effectiveStart().toInstant());
        }

        @Test
        void compute_countReceiptDay_makesMondayDayOne() {
            DeadlineEngine e = DeadlineEngine.of(TestPacks.giaLaiCalendar(), DeadlineSettings.defaults().withCountReceiptDay(true));
            DeadlineResult r = e.compute(DeadlineRequest.of(vn(2026, 3, 2, 9, 0), Channel.DESK, TimeLimit.workingDays(3)));
            assertEquals(vn(2026, 3, 4, 17, 0), r.due().toInstant());
            assertEquals(3, r.workingDaysCounted());
        }

        @Test
        void compute_dueAtSameTime_isTheSameHourNWorkingDaysLater() {
            DeadlineEngine e = DeadlineEngine.of(TestPacks.giaLaiCalendar(), DeadlineSettings.defaults().withDueAt(DueAt.SAME_TIME));
            assertEquals(vn(2026, 3, 5, 9, 0),
                    e.compute(DeadlineRequest.of(vn(2026, 3, 2, 9, 0), Channel.DESK, TimeLimit.workingDays(3))).due().toInstant());
        }

        @Test
        void compute_receivedDuringLunch_startsWithTheAfternoonSession() {
            assertEquals(vn(2026, 3, 2, 13, 30), desk(vn(2026, 3, 2, 12, 10), TimeLimit.workingHours(1)).effectiveStart().toInstant());
            assertEquals(vn(2026, 3, 2, 14, 30), desk(vn(2026, 3, 2, 12, 10), TimeLimit.workingHours(1)).due().toInstant());
        }
    }

    @Nested
    class Units {
        @Test
        void compute_eightWorkingHours_spillsIntoTheNextMorning() {
            // Mon 9:00-11:30 (2.5 h) + 13:30-17:00 (3.5 h), Tue 7:30 + 2 h
            assertEquals(vn(2026, 3, 3, 9, 30), desk(vn(2026, 3, 2, 9, 0), TimeLimit.workingHours(8)).due().toInstant());
        }

        @Test
        void compute_calendarDaysEndingOnSaturday_movesToMonday() {
            // Fri 06/03 + 15 days = Sat 21/03 -> Mon 23/03 (BLDS 2015 Art. 148)
            DeadlineResult r = desk(vn(2026, 3, 6, 9, 0), TimeLimit.calendarDays(15));
            assertEquals(vn(2026, 3, 23, 17, 0), r.due().toInstant());
            assertTrue(r.countingBases().stream().anyMatch(b -> b.id().equals("BLDS-2015-D148")));
            assertEquals(vn(2026, 3, 17, 17, 0), desk(vn(2026, 3, 2, 9, 0), TimeLimit.calendarDays(15)).due().toInstant());
        }
    }

    @Nested
    class Adjustments {
        @Test
        void compute_landTransferInDisadvantagedCommune_addsTenWorkingDays() {
            // FACTS §4 / §7.8: 8 -> 18 working days. Tue 3/3 .. : 3-6 (4), 9-13 (9), 16-20 (14), 23-26 (18)
            DeadlineAdjustment ext = DeadlineAdjustment.extend(TimeLimit.workingDays(10),
                    "Xã có điều kiện kinh tế - xã hội đặc biệt khó khăn", LAND, "gia-han-xa-dbkk");
            DeadlineResult r = ENGINE.compute(DeadlineRequest.of(vn(2026, 3, 2, 10, 0), Channel.DESK, TimeLimit.workingDays(8))
                    .withAdjustments(List.of(ext)));
            assertEquals(vn(2026, 3, 26, 17, 0), r.due().toInstant());
            assertEquals(18, r.workingDaysCounted());
            assertEquals(List.of(ext), r.applied());
            assertEquals(LAND, r.applied().get(0).basis());
        }

        @Test
        void compute_taxDeterminationExcluded_stopsTheClock() {
            // paused Fri 06/03 10:00 -> Wed 11/03 09:00: Mon 9, Tue 10, Wed 11 not counted.
            // 3, 4, 5, 6, 12, 13, 16, 17 -> Tue 17/03; then +10: 18-20, 23-27, 30, 31 -> Tue 31/03
            DeadlineAdjustment tax = DeadlineAdjustment.excluded(vn(2026, 3, 6, 10, 0), vn(2026, 3, 11, 9, 0),
                    "Xác định nghĩa vụ tài chính", LAND);
            DeadlineRequest req = DeadlineRequest.of(vn(2026, 3, 2, 10, 0), Channel.DESK, TimeLimit.workingDays(8));
            DeadlineResult paused = ENGINE.compute(req.withAdjustments(List.of(tax)));
            assertEquals(vn(2026, 3, 17, 17, 0), paused.due().toInstant());
            assertEquals(8, paused.workingDaysCounted());
            assertEquals(3, paused.pausedWorkingDays());
            DeadlineAdjustment ext = DeadlineAdjustment.extend(TimeLimit.workingDays(10), "Xã miền núi", LAND, null);
            assertEquals(vn(2026, 3, 31, 17, 0), ENGINE.compute(req.withAdjustments(List.of(tax, ext))).due().toInstant());
        }

        @Test
        void compute_publicPostingOfFifteenDays_isAddedToTheAppointment() {
            // reissue of a lost GCN, 10 working days: Mon 16/03; + 15 days posting = Tue 31/03
            DeadlineAdjustment post = DeadlineAdjustment.pause(TimeLimit.calendarDays(15), "Niêm yết công khai", LAND, "niem-yet");
            DeadlineResult r = ENGINE.compute(DeadlineRequest.of(vn(2026, 3, 2, 10, 0), Channel.DESK, TimeLimit.workingDays(10))
                    .withAdjustments(List.of(post)));
            assertEquals(vn(2026, 3, 31, 17, 0), r.due().toInstant());
            assertEquals(10, r.workingDaysCounted());
            assertEquals(11, r.pausedWorkingDays());
        }

        @Test
        void compute_marriageNeedingVerification_replacesSameDayWithFiveWorkingDays() {
            DeadlineAdjustment verify = DeadlineAdjustment.replace(TimeLimit.workingDays(5), "Cần xác minh điều kiện kết hôn",
                    LegalBasis.of("LHT-2014-D18", "Luật Hộ tịch 60/2014/QH13"), "xac-minh");
            DeadlineResult r = ENGINE.compute(DeadlineRequest.of(vn(2026, 3, 5, 10, 0), Channel.DESK, TimeLimit.sameDay())
                    .withAdjustments(List.of(verify)));
            assertEquals(vn(2026, 3, 12, 17, 0), r.due().toInstant());
            assertEquals(TimeLimit.workingDays(5), r.limit());
        }

        @Test
        void compute_certificationExtendedByTwoWorkingDays_isDueThursday() {
            DeadlineAdjustment more = DeadlineAdjustment.extend(TimeLimit.workingDays(2), "Nhiều trang, nhiều bản",
                    LegalBasis.of("ND-23-2015-D21", "Nghị định 23/2015/NĐ-CP"), null);
            assertEquals(vn(2026, 3, 5, 17, 0), ENGINE.compute(DeadlineRequest.of(vn(2026, 3, 3, 9, 0), Channel.DESK,
                    TimeLimit.sameDay()).withAdjustments(List.of(more))).due().toInstant());
        }

        @Test
        void compute_workingHoursWithExcludedInterval_skipsItExactly() {
            DeadlineAdjustment p = DeadlineAdjustment.excluded(vn(2026, 3, 3, 7, 0), vn(2026, 3, 3, 8, 30), "Bổ sung", null);
            assertEquals(vn(2026, 3, 3, 10, 30), ENGINE.compute(DeadlineRequest.of(vn(2026, 3, 2, 9, 0), Channel.DESK,
                    TimeLimit.workingHours(8)).withAdjustments(List.of(p))).due().toInstant());
        }

        @Test
        void compute_overlappingPauses_throwsNamingBoth() {
            DeadlineAdjustment a = DeadlineAdjustment.excluded(vn(2026, 3, 3, 8, 0), vn(2026, 3, 5, 8, 0), "a", null);
            DeadlineAdjustment b = DeadlineAdjustment.excluded(vn(2026, 3, 4, 8, 0), vn(2026, 3, 6, 8, 0), "b", null);
            InvalidDeadlineException e = assertThrows(InvalidDeadlineException.class, () -> ENGINE.compute(
                    DeadlineRequest.of(vn(2026, 3, 2, 9, 0), Channel.DESK, TimeLimit.workingDays(8)).withAdjustments(List.of(b, a))));
            assertTrue(e.getMessage().contains("overlap") && e.getMessage().contains("2026-03-04T01:00:00Z"), e.getMessage());
        }

        @Test
        void excluded_reversedInterval_throwsNamingBothEnds() {
            InvalidDeadlineException e = assertThrows(InvalidDeadlineException.class,
                    () -> DeadlineAdjustment.excluded(vn(2026, 3, 5, 8, 0), vn(2026, 3, 3, 8, 0), "ngược", null));
            assertTrue(e.getMessage().contains("[2026-03-03T01:00:00Z]"), e.getMessage());
        }
    }

    @Nested
    class Steps {
        static final InternalStep RECEIVE = new InternalStep("tiep-nhan", "Bộ phận Một cửa", "Tiếp nhận", TimeLimit.workingHours(4));
        static final InternalStep HANDLE = new InternalStep("xu-ly", "Công chức chuyên môn", "Thẩm định", TimeLimit.workingDays(1));
        static final InternalStep SIGN = new InternalStep("ky", "Lãnh đạo UBND xã", "Ký", TimeLimit.workingDays(1));

        @Test
        void compute_stepsWithinTotal_eachGetsItsOwnDueInstant() {
            DeadlineResult r = ENGINE.compute(DeadlineRequest.of(vn(2026, 3, 2, 9, 0), Channel.DESK, TimeLimit.workingDays(3))
                    .withSteps(List.of(RECEIVE, HANDLE, SIGN)));
            assertEquals(3, r.steps().size());
            assertEquals(vn(2026, 3, 2, 15, 0), r.steps().get(0).due().toInstant());
            assertEquals(vn(2026, 3, 3, 17, 0), r.steps().get(1).due().toInstant());
            assertEquals(vn(2026, 3, 4, 17, 0), r.steps().get(2).due().toInstant());
            assertEquals(r.steps().get(0).due(), r.steps().get(1).start());
        }

        @Test
        void compute_calendarDayStepAcrossAnExcludedPeriod_stopsTheStepClockToo() {
            // issue 12: the step budget ignored excluded days. Received Mon 02/03/2026 10:00; excluded
            // Fri 06/03 10:00 -> Wed 11/03 09:00, so 7-11/03 are not counted. A 10-calendar-day step
            // counts 3, 4, 5, 6, 12, 13, 14, 15, 16, 17 -> Tue 17/03 at the close of office (not Thu 12/03).
            DeadlineAdjustment supplement = DeadlineAdjustment.excluded(vn(2026, 3, 6, 10, 0), vn(2026, 3, 11, 9, 0),
                    "Yêu cầu bổ sung hồ sơ", null);
            InternalStep check = new InternalStep("tham-dinh", "Phòng chuyên môn", "Thẩm định", TimeLimit.calendarDays(10));
            DeadlineResult r = ENGINE.compute(DeadlineRequest.of(vn(2026, 3, 2, 10, 0), Channel.DESK, TimeLimit.calendarDays(15))
                    .withAdjustments(List.of(supplement)).withSteps(List.of(check)));
            assertEquals(vn(2026, 3, 23, 17, 0), r.due().toInstant(), "the total: 22/03 is a Sunday, so Mon 23/03");
            assertEquals(vn(2026, 3, 17, 17, 0), r.steps().get(0).due().toInstant());
        }

        @Test
        void compute_calendarDayStepEndingInAnExcludedPeriod_movesPastIt() {
            // a 4-calendar-day step from Mon 02/03 ends Fri 06/03; excluded Thu 05/03 08:00 -> Mon 09/03 08:00
            // (6, 7, 8, 9 not counted): 3, 4, 5, 10 -> Tue 10/03
            DeadlineAdjustment supplement = DeadlineAdjustment.excluded(vn(2026, 3, 5, 8, 0), vn(2026, 3, 9, 8, 0),
                    "Yêu cầu bổ sung hồ sơ", null);
            InternalStep check = new InternalStep("tham-dinh", "Phòng chuyên môn", "Thẩm định", TimeLimit.calendarDays(4));
            DeadlineResult r = ENGINE.compute(DeadlineRequest.of(vn(2026, 3, 2, 10, 0), Channel.DESK, TimeLimit.workingDays(10))
                    .withAdjustments(List.of(supplement)).withSteps(List.of(check)));
            assertEquals(vn(2026, 3, 10, 17, 0), r.steps().get(0).due().toInstant());
        }

        @Test
        void compute_stepsLongerThanTotal_throwsNamingTheStep() {
            InternalStep big = new InternalStep("tham-dinh", "Phòng chuyên môn", "Thẩm định", TimeLimit.workingDays(3));
            StepBudgetException e = assertThrows(StepBudgetException.class, () -> ENGINE.compute(
                    DeadlineRequest.of(vn(2026, 3, 2, 9, 0), Channel.DESK, TimeLimit.workingDays(3)).withSteps(List.of(HANDLE, big))));
            assertEquals("tham-dinh", e.stepId());
            assertTrue(e.getMessage().contains("[tham-dinh]"), e.getMessage());
        }
    }

    @Nested
    class StatusAndRescheduling {
        final DeadlineResult r = desk(vn(2026, 3, 2, 9, 0), TimeLimit.workingDays(3));

        @Test
        void status_aroundTheDueInstant_isEarlyOnTimeOrLate() {
            assertEquals(ReturnStatus.EARLY, ENGINE.status(r, vn(2026, 3, 4, 16, 0)));
            assertEquals(ReturnStatus.ON_TIME, ENGINE.status(r, vn(2026, 3, 5, 8, 0)));
            assertEquals(ReturnStatus.ON_TIME, ENGINE.status(r, vn(2026, 3, 5, 17, 0)));
            assertEquals(ReturnStatus.LATE, ENGINE.status(r, vn(2026, 3, 5, 17, 1)));
            assertEquals(ReturnStatus.LATE, r.statusAt(vn(2026, 3, 6, 8, 0)));
        }

        @Test
        void reschedule_apologyWithNewDate_movesTheDueInstantAndKeepsTheOldOne() {
            DeadlineResult moved = ENGINE.reschedule(r, vn(2026, 3, 4, 10, 0), vn(2026, 3, 9, 10, 0),
                    "Cần xác minh thêm", null);
            assertEquals(vn(2026, 3, 9, 10, 0), moved.due().toInstant());
            assertEquals(r.due(), moved.rescheduling().previousDue());
            assertTrue(moved.rescheduling().noticeInTime());
            assertEquals(ReturnStatus.ON_TIME, ENGINE.status(moved, vn(2026, 3, 9, 9, 0)));
            assertEquals(5, moved.workingDaysCounted(), "3 + Fri 06/03 + Mon 09/03");
            assertNull(r.rescheduling());
        }

        @Test
        void reschedule_onAWeekendOrEarlier_isRejected() {
            InvalidDeadlineException sat = assertThrows(InvalidDeadlineException.class,
                    () -> ENGINE.reschedule(r, vn(2026, 3, 4, 10, 0), vn(2026, 3, 7, 10, 0), "x", null));
            assertTrue(sat.getMessage().contains("2026-03-07T10:00+07:00"), sat.getMessage());
            assertThrows(InvalidDeadlineException.class,
                    () -> ENGINE.reschedule(r, vn(2026, 3, 4, 10, 0), vn(2026, 3, 5, 10, 0), "x", null));
            DeadlineResult late = ENGINE.reschedule(r, vn(2026, 3, 5, 16, 0), vn(2026, 3, 9, 10, 0), "x", null);
            assertFalse(late.rescheduling().noticeInTime());
        }
    }

    @Nested
    class BadInput {
        @Test
        void timeLimit_negativeOrAbsurd_namesTheValue() {
            assertTrue(assertThrows(InvalidDeadlineException.class, () -> TimeLimit.workingDays(-1)).getMessage().contains("[-1]"));
            assertTrue(assertThrows(InvalidDeadlineException.class, () -> TimeLimit.workingDays(5000)).getMessage().contains("[5000]"));
            assertThrows(InvalidDeadlineException.class, () -> new TimeLimit(2, DeadlineUnit.SAME_DAY));
            assertThrows(InvalidDeadlineException.class, () -> TimeLimit.calendarDays(0));
        }

        @Test
        void compute_receivedOutside1900to2199_throwsNamingTheDate() {
            DateOutOfRangeException e = assertThrows(DateOutOfRangeException.class,
                    () -> desk(Instant.parse("1899-06-01T03:00:00Z"), TimeLimit.workingDays(3)));
            assertTrue(e.getMessage().contains("[1899-06-01]"), e.getMessage());
            assertThrows(DateOutOfRangeException.class, () -> desk(vn(2199, 12, 30, 9, 0), TimeLimit.workingDays(30)));
        }

        @Test
        void adjustment_missingParts_isRejected() {
            assertThrows(InvalidDeadlineException.class,
                    () -> new DeadlineAdjustment(DeadlineAdjustment.Kind.EXTEND, null, null, null, "x", null, null));
            assertThrows(InvalidDeadlineException.class,
                    () -> DeadlineAdjustment.pause(TimeLimit.workingDays(1), " ", null, null));
            assertThrows(InvalidDeadlineException.class, () -> new InternalStep("a", "", "x", TimeLimit.workingDays(1)));
            assertThrows(InvalidDeadlineException.class, () -> DeadlineRequest.of(null, Channel.DESK, TimeLimit.sameDay()));
        }
    }
}
