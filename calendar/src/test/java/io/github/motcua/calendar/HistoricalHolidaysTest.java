package io.github.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Past years are computed with the holiday list in force that year, each day citing its basis
 * (issue 18 item 3): Bộ luật Lao động 1994 (4-day Tết, one National Day), Giỗ Tổ from 2007, Bộ luật
 * Lao động 2012 (5-day Tết from 01/5/2013), Bộ luật Lao động 2019 (two National Day days from 2021).
 */
class HistoricalHolidaysTest {
    private final WorkingCalendar cal = Calendars.labourCode();

    private Set<LocalDate> holidays(int year) {
        return cal.specialDays(year).stream().filter(d -> d.kind() == DayKind.HOLIDAY).map(CalendarDay::date)
                .collect(Collectors.toSet());
    }

    private List<CalendarDay> named(int year, String name) {
        return cal.specialDays(year).stream().filter(d -> d.kind() == DayKind.HOLIDAY && d.nameVi().equals(name)).toList();
    }

    @Nested
    class Year1997 {
        @Test
        void tet_fourDaysUnderTheLabourCode1994() {
            LocalDate newYear = LunarCalendar.toSolar(1997, 1, 1, false);
            assertEquals(LocalDate.of(1997, 2, 7), newYear);
            assertEquals(4, named(1997, "Tết Âm lịch").size());
            assertTrue(holidays(1997).containsAll(Set.of(newYear.minusDays(1), newYear, newYear.plusDays(1), newYear.plusDays(2))));
            assertFalse(holidays(1997).contains(newYear.plusDays(3)));
            assertEquals("BLLD-1994-D73", named(1997, "Tết Âm lịch").get(0).basis().id());
        }

        @Test
        void hungKingsDay_notYetAHoliday() {
            LocalDate hungKings = LunarCalendar.toSolar(1997, 3, 10, false);
            assertTrue(named(1997, "Giỗ Tổ Hùng Vương").isEmpty());
            assertTrue(cal.isWorkingDay(hungKings) || hungKings.getDayOfWeek().getValue() >= 6, hungKings::toString);
        }

        @Test
        void nationalDay_oneDayOnly() {
            assertTrue(holidays(1997).contains(LocalDate.of(1997, 9, 2)));
            assertFalse(holidays(1997).contains(LocalDate.of(1997, 9, 1)));
            assertTrue(cal.isWorkingDay(LocalDate.of(1997, 9, 1)), "Monday 01/09/1997 was a working day");
        }
    }

    @Test
    void hungKingsDay_aHolidayFrom2007() {
        LocalDate d2008 = LunarCalendar.toSolar(2008, 3, 10, false);
        assertEquals(List.of(d2008), named(2008, "Giỗ Tổ Hùng Vương").stream().map(CalendarDay::date).toList());
        assertEquals("LUAT-84-2007-QH11", named(2008, "Giỗ Tổ Hùng Vương").get(0).basis().id());
        assertTrue(named(2006, "Giỗ Tổ Hùng Vương").isEmpty());
    }

    @Test
    void tet_fiveDaysFromTheLabourCode2012_inForceMay2013() {
        assertEquals(4, named(2013, "Tết Âm lịch").size(), "Tết 2013 (February) still fell under the 1994 code");
        assertEquals(5, named(2014, "Tết Âm lịch").size());
        assertEquals("BLLD-2012-D115", named(2014, "Tết Âm lịch").get(0).basis().id());
    }

    @Test
    void nationalDay_secondDayFrom2021() {
        assertEquals(1, named(2019, "Quốc khánh").size());
        assertEquals(2, named(2021, "Quốc khánh").size());
        assertEquals("BLLD-2019-D112-3", named(2021, "Quốc khánh").get(0).basis().id());
    }

    @Test
    void aYearBeforeTheEarliestRule_isRefusedSayingWhy() {
        assertEquals(1995, cal.earliestRuleYear());
        DateOutOfRangeException e = assertThrows(DateOutOfRangeException.class, () -> cal.isWorkingDay(LocalDate.of(1994, 6, 1)));
        assertTrue(e.getMessage().contains("1995") && e.getMessage().contains("earliest holiday rule"), e.getMessage());
        assertThrows(DateOutOfRangeException.class, () -> cal.specialDays(1990));
    }

    @Nested
    class ComputedYears {
        @Test
        void isComputed_trueWithoutAnOfficialSchedule() {
            WorkingCalendar giaLai = TestPacks.giaLaiCalendar();
            assertFalse(giaLai.isComputed(2026));
            assertTrue(giaLai.isComputed(2027));
        }

        @Test
        void daysOff_computedYear_saysSoOnItsFirstLine_inTheAskedLanguage() {
            List<String> vi = CalendarReports.daysOff(TestPacks.giaLaiCalendar(), 2027, false).lines().toList();
            assertTrue(vi.get(0).startsWith("# tính toán: năm 2027 chưa có lịch nghỉ chính thức"), vi.get(0));
            assertEquals("date,kind,name", vi.get(1));
            List<String> en = CalendarReports.daysOff(TestPacks.giaLaiCalendar(), 2027, true).lines().toList();
            assertTrue(en.get(0).startsWith("# computed: 2027 has no official schedule"), en.get(0));
        }

        @Test
        void daysOff_officialYear_hasNoComputedNote() {
            assertEquals("date,kind,name", CalendarReports.daysOff(TestPacks.giaLaiCalendar(), 2026, true).lines().findFirst().orElseThrow());
        }
    }
}
