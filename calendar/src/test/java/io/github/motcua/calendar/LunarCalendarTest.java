package io.github.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LunarCalendarTest {

    static String reference() throws IOException {
        try (InputStream in = LunarCalendarTest.class.getResourceAsStream("/calendar/lunar-month-starts-2000-2035.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    class ReferenceFile {
        @Test
        void monthStarts_2000to2035_matchesEveryRowOfTheReferenceFile() throws IOException {
            assertEquals(reference(), CalendarReports.monthStarts("2000-01-01", "2035-12-31"));
        }

        @Test
        void toLunar_eachReferenceMonthStart_isDayOneAndTheDayBeforeIsNot() throws IOException {
            List<String> rows = reference().lines().skip(1).toList();
            assertEquals(446, rows.size());
            for (String row : rows) {
                String[] f = row.split(",");
                LocalDate d = LocalDate.parse(f[0]);
                LunarDate l = LunarCalendar.toLunar(d);
                assertEquals(new LunarDate(Integer.parseInt(f[1]), Integer.parseInt(f[2]), 1, "1".equals(f[3])), l, row);
                assertNotEquals(1, LunarCalendar.toLunar(d.minusDays(1)).day(), row);
                assertEquals(d, LunarCalendar.toSolar(l), row);
            }
        }
    }

    @Nested
    class Tet {
        @ParameterizedTest
        @CsvSource({"1968,1968-01-29", "1985,1985-01-21", "2007,2007-02-17", "2030,2030-02-02",
                "2024,2024-02-10", "2025,2025-01-29", "2026,2026-02-17", "2027,2027-02-06", "2028,2028-01-26",
                "2029,2029-02-13", "2031,2031-01-23"})
        void newYear_knownYears_matchesPublishedDate(int year, String tet) {
            assertEquals(LocalDate.parse(tet), LunarCalendar.newYear(year));
        }

        @Test
        void newYear_2030_isUtcPlus7DateNotTheChineseOne() {
            assertNotEquals(LocalDate.of(2030, 2, 3), LunarCalendar.newYear(2030));
            assertEquals(new LunarDate(2029, 12, 29, false), LunarCalendar.toLunar(LocalDate.of(2030, 2, 1)));
        }

        @ParameterizedTest
        @CsvSource({"2024,2024-04-18", "2025,2025-04-07", "2026,2026-04-26", "2027,2027-04-16", "2028,2028-04-04",
                "2029,2029-04-23", "2030,2030-04-12", "2031,2031-04-01"})
        void toSolar_tenthDayOfThirdMonth_isHungKingsDay(int year, String date) {
            assertEquals(LocalDate.parse(date), LunarCalendar.toSolar(year, 3, 10, false));
        }

        @Test
        void toLunar_dayBeforeTet2026_is29thOfTwelfthMonth() {
            assertEquals(new LunarDate(2025, 12, 29, false), LunarCalendar.toLunar(LocalDate.of(2026, 2, 16)));
        }
    }

    @Nested
    class LeapMonths {
        @Test
        void toLunar_20250725_isFirstDayOfLeapSixthMonth() {
            assertEquals(new LunarDate(2025, 6, 1, true), LunarCalendar.toLunar(LocalDate.of(2025, 7, 25)));
            assertEquals(6, LunarCalendar.leapMonth(2025));
            assertFalse(LunarCalendar.toLunar(LocalDate.of(2025, 7, 24)).leap());
        }

        @ParameterizedTest
        @CsvSource({"2028,5,2028-06-23", "2031,3,2031-04-21", "2033,11,2033-12-22"})
        void toSolar_leapMonthStart_matchesComputedTable(int year, int month, String start) {
            assertEquals(LocalDate.parse(start), LunarCalendar.toSolar(year, month, 1, true));
            assertEquals(month, LunarCalendar.leapMonth(year));
        }

        @Test
        void leapMonth_yearWithout_isZero() {
            assertEquals(0, LunarCalendar.leapMonth(2026));
        }
    }

    @Nested
    class Range {
        @Test
        void toLunar_bounds_areSupported() {
            assertEquals(new LunarDate(1899, 12, 1, false), LunarCalendar.toLunar(LocalDate.of(1900, 1, 1)));
            assertEquals(LocalDate.of(1900, 1, 1), LunarCalendar.toSolar(1899, 12, 1, false));
            assertTrue(LunarCalendar.toLunar(LocalDate.of(2199, 12, 31)).year() == 2199);
        }

        @Test
        void toLunar_outside1900to2199_throwsNamingTheDate() {
            DateOutOfRangeException e = assertThrows(DateOutOfRangeException.class,
                    () -> LunarCalendar.toLunar(LocalDate.of(1899, 12, 31)));
            assertTrue(e.getMessage().contains("[1899-12-31]"), e.getMessage());
            assertThrows(DateOutOfRangeException.class, () -> LunarCalendar.toLunar(LocalDate.of(2200, 1, 1)));
        }

        @Test
        void toSolar_missingLeapMonthOrDay30_throws() {
            assertThrows(DateOutOfRangeException.class, () -> LunarCalendar.toSolar(2026, 6, 1, true));
            // tháng Chạp Ất Tỵ has 29 days (Tết 2026 follows 29 Chạp)
            DateOutOfRangeException e = assertThrows(DateOutOfRangeException.class,
                    () -> LunarCalendar.toSolar(2025, 12, 30, false));
            assertTrue(e.getMessage().contains("29 days"), e.getMessage());
            assertThrows(DateOutOfRangeException.class, () -> new LunarDate(2025, 13, 1, false));
        }

        @Test
        void lunarReport_json_hasTheCliShape() {
            assertEquals("{\"year\":2025,\"month\":6,\"day\":1,\"leap\":true}", CalendarReports.lunar("2025-07-25"));
            assertEquals("{\"year\":2026,\"month\":1,\"day\":1,\"leap\":false}", CalendarReports.lunar("2026-02-17"));
            assertThrows(DateOutOfRangeException.class, () -> CalendarReports.lunar("2026-02-30"));
        }
    }
}
