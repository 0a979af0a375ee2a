package io.github.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static Set<LocalDate> dates(String... iso) {
        return Stream.of(iso).map(LocalDate::parse).collect(Collectors.toSet());
    }

    private static Set<LocalDate> range(String from, String to) {
        return LocalDate.parse(from).datesUntil(LocalDate.parse(to).plusDays(1)).collect(Collectors.toSet());
    }

    /** Checks every day of a year against the weekdays off and weekend days worked given by hand from FACTS §2.2. */
    private static void assertYear(WorkingCalendar cal, int year, Set<LocalDate> offWeekdays, Set<LocalDate> workedWeekend) {
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean expected = weekend ? workedWeekend.contains(d) : !offWeekdays.contains(d);
            assertEquals(expected, cal.isWorkingDay(d), d + " " + d.getDayOfWeek());
        }
        for (LocalDate d : offWeekdays) {
            assertFalse(d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY, "test data: " + d);
        }
    }

    @Nested
    class GiaLaiSchedules {
        @Test
        void isWorkingDay_everyDayOf2025_matchesTheOfficialSchedule() {
            Set<LocalDate> off = dates("2025-01-01", "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02",
                    "2025-09-01", "2025-09-02");
            off.addAll(range("2025-01-27", "2025-01-31"));
            assertYear(TestPacks.giaLaiCalendar(), 2025, off, dates("2025-04-26"));
        }

        @Test
        void isWorkingDay_everyDayOf2026_matchesTheOfficialSchedule() {
            Set<LocalDate> off = dates("2026-01-01", "2026-01-02", "2026-04-27", "2026-04-30", "2026-05-01",
                    "2026-08-31", "2026-09-01", "2026-09-02", "2026-11-24");
            off.addAll(range("2026-02-16", "2026-02-20"));
            assertYear(TestPacks.giaLaiCalendar(), 2026, off, dates("2026-01-10", "2026-08-22"));
        }

        @Test
        void daysOff_2026_listsWeekdaysOffAndWorkedSaturdaysWithTheirKinds() {
            String csv = CalendarReports.daysOff(TestPacks.giaLai(), 2026);
            List<String> rows = csv.lines().toList();
            assertEquals("date,kind,name", rows.get(0));
            List<String> dateKind = rows.stream().skip(1).map(r -> r.substring(0, r.indexOf(',', 11))).toList();
            assertEquals(List.of("2026-01-01,holiday", "2026-01-02,swapped-off", "2026-01-10,swapped-working",
                    "2026-02-16,holiday", "2026-02-17,holiday", "2026-02-18,holiday", "2026-02-19,holiday",
                    "2026-02-20,holiday", "2026-04-27,compensatory", "2026-04-30,holiday", "2026-05-01,holiday",
                    "2026-08-22,swapped-working", "2026-08-31,swapped-off", "2026-09-01,holiday", "2026-09-02,holiday",
                    "2026-11-24,holiday"), dateKind);
            assertTrue(rows.stream().skip(1).allMatch(r -> r.split(",", 3)[2].length() > 3), csv);
            assertTrue(csv.endsWith("\n"));
        }

        @Test
        void load_switchVanHoaOff_makes24November2026AWorkingDay() {
            WorkingCalendar cal = Calendars.load(files(), Map.of("van-hoa-24-11", false), giaLaiBases(), OfficeHours.DEFAULT);
            assertTrue(cal.isWorkingDay(LocalDate.of(2026, 11, 24)));
            assertFalse(TestPacks.giaLaiCalendar().isWorkingDay(LocalDate.of(2026, 11, 24)));
            // also in computed years
            assertTrue(cal.isWorkingDay(LocalDate.of(2027, 11, 24)));
            assertFalse(Calendars.labourCode().isWorkingDay(LocalDate.of(2027, 11, 24)));
        }

        @Test
        void load_unknownSwitch_throwsNamingIt() {
            CalendarException e = assertThrows(CalendarException.class,
                    () -> Calendars.load(files(), Map.of("van-hoa-2411", false), giaLaiBases(), OfficeHours.DEFAULT));
            assertTrue(e.getMessage().contains("[van-hoa-2411]"), e.getMessage());
        }

        @Test
        void specialDay_scheduleEntry_carriesItsSourcedBasis() {
            CalendarDay d = TestPacks.giaLaiCalendar().specialDay(LocalDate.of(2026, 1, 10)).orElseThrow();
            assertEquals(DayKind.SWAPPED_WORKING, d.kind());
            assertEquals("VPCP-12729-2025", d.basis().id());
            CalendarDay v = TestPacks.giaLaiCalendar().specialDay(LocalDate.of(2026, 11, 24)).orElseThrow();
            assertFalse(v.basis().verified(), "24/11 is unverified (FACTS §2.3)");
        }
    }

    static List<CalendarFile> files() {
        return Stream.of("2025.yaml", "2026.yaml", "switches.yaml")
                .map(n -> CalendarFile.of(TestPacks.giaLai().resolve("calendar").resolve(n))).toList();
    }

    static Map<String, io.github.motcua.law.LegalBasis> giaLaiBases() {
        CalendarFiles f = new CalendarFiles(Map.of());
        CalendarFile b = CalendarFile.of(TestPacks.giaLai().resolve("legal-bases").resolve("calendar.yaml"));
        f.readBases(YamlNode.parse(b.name(), b.content()));
        return f.bases;
    }

    @Nested
    class LabourCode {
        private final WorkingCalendar cal = Calendars.labourCode();

        @Test
        void isWorkingDay_hungKings2026OnSunday_givesCompensatoryMonday() {
            assertEquals(DayKind.HOLIDAY, cal.specialDay(LocalDate.of(2026, 4, 26)).orElseThrow().kind());
            CalendarDay comp = cal.specialDay(LocalDate.of(2026, 4, 27)).orElseThrow();
            assertEquals(DayKind.COMPENSATORY, comp.kind());
            assertEquals("BLLD-2019-D111-3", comp.basis().id());
            assertFalse(cal.isWorkingDay(LocalDate.of(2026, 4, 27)));
        }

        @Test
        void isWorkingDay_tet2026Computed_isThe29thChapToTheFourthDay() {
            for (LocalDate d : range("2026-02-16", "2026-02-20")) {
                assertFalse(cal.isWorkingDay(d), d.toString());
            }
            assertTrue(cal.isWorkingDay(LocalDate.of(2026, 2, 13)));
            assertTrue(cal.isWorkingDay(LocalDate.of(2026, 2, 23)));
        }

        @Test
        void isWorkingDay_2027Anchors_followFacts() {
            assertFalse(cal.isWorkingDay(LocalDate.of(2027, 2, 5)), "29 Chạp Bính Ngọ");
            assertFalse(cal.isWorkingDay(LocalDate.of(2027, 4, 16)), "Giỗ Tổ, Fri");
            assertFalse(cal.isWorkingDay(LocalDate.of(2027, 4, 30)));
            assertEquals(DayKind.COMPENSATORY, cal.specialDay(LocalDate.of(2027, 5, 3)).orElseThrow().kind(),
                    "01/05/2027 is a Saturday: Art. 111(3)");
            assertFalse(cal.isWorkingDay(LocalDate.of(2027, 9, 2)));
            assertFalse(cal.isWorkingDay(LocalDate.of(2027, 1, 1)));
            // Tết 06/02/2027 (Sat) and 07/02 (Sun) inside the holiday give compensatory days after it: 10 and 11/02
            assertFalse(cal.isWorkingDay(LocalDate.of(2027, 2, 10)));
            assertFalse(cal.isWorkingDay(LocalDate.of(2027, 2, 11)));
            assertTrue(cal.isWorkingDay(LocalDate.of(2027, 2, 12)));
        }

        @Test
        void isWorkingDay_before24NovemberRule_2025IsWorking() {
            assertTrue(cal.isWorkingDay(LocalDate.of(2025, 11, 24)));
        }
    }

    @Nested
    class Arithmetic {
        private final WorkingCalendar cal = TestPacks.giaLaiCalendar();

        @Test
        void plusWorkingDays_acrossTet2026_skipsTheNineDayBreak() {
            assertEquals(LocalDate.of(2026, 2, 23), cal.plusWorkingDays(LocalDate.of(2026, 2, 13), 1));
            assertEquals(LocalDate.of(2026, 2, 13), cal.plusWorkingDays(LocalDate.of(2026, 2, 13), 0));
            // 11, 12, 13 and 23, 24 February
            assertEquals(5, cal.workingDaysBetween(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 24)));
        }

        @Test
        void nextWorkingDay_fridayBeforeSwappedSaturday_isThatSaturday() {
            assertEquals(LocalDate.of(2026, 1, 10), cal.nextWorkingDay(LocalDate.of(2026, 1, 9)));
            assertEquals(LocalDate.of(2026, 1, 5), cal.workingDayOnOrAfter(LocalDate.of(2026, 1, 1)));
        }

        @Test
        void plusWorkingHours_fromFridayAfternoon_continuesMondayMorning() {
            Instant fri = TestPacks.vn(2026, 3, 6, 16, 0);
            assertEquals(TestPacks.vn(2026, 3, 9, 8, 30), cal.plusWorkingHours(fri, Duration.ofHours(2)).toInstant());
        }

        @Test
        void isWithinOfficeHours_lunchAndEvening_areOutside() {
            assertTrue(cal.isWithinOfficeHours(TestPacks.vn(2026, 3, 2, 9, 0)));
            assertFalse(cal.isWithinOfficeHours(TestPacks.vn(2026, 3, 2, 12, 0)));
            assertFalse(cal.isWithinOfficeHours(TestPacks.vn(2026, 3, 2, 18, 0)));
            assertFalse(cal.isWithinOfficeHours(TestPacks.vn(2026, 2, 17, 9, 0)));
        }

        @Test
        void today_fixedClock_usesVietnamDateNotTheClockZone() {
            Clock c = Clock.fixed(Instant.parse("2026-02-16T18:00:00Z"), ZoneOffset.ofHours(-10));
            assertEquals(LocalDate.of(2026, 2, 17), cal.today(c));
        }

        @Test
        void plusWorkingDays_negative_throwsNamingTheValue() {
            InvalidDeadlineException e = assertThrows(InvalidDeadlineException.class,
                    () -> cal.plusWorkingDays(LocalDate.of(2026, 1, 1), -3));
            assertTrue(e.getMessage().contains("[-3]"));
        }

        @Test
        void isWorkingDay_outsideRange_throws() {
            assertThrows(DateOutOfRangeException.class, () -> cal.isWorkingDay(LocalDate.of(2200, 1, 1)));
            assertThrows(DateOutOfRangeException.class, () -> cal.plusWorkingDays(LocalDate.of(2199, 12, 30), 5));
        }
    }
}
