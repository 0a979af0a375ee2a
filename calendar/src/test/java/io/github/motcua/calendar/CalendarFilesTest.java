package io.github.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The loader of a pack's calendar folder: good files load, every bad one names file, line and column. */
class CalendarFilesTest {

    private static CalendarFileException fails(String yaml) {
        return assertThrows(CalendarFileException.class,
                () -> Calendars.load(List.of(CalendarFile.of("calendar/bad.yaml", yaml)), Map.of()));
    }

    @Nested
    class Good {
        @Test
        void load_scheduleAndRules_appliesBoth() {
            WorkingCalendar cal = Calendars.load(List.of(CalendarFile.of("calendar/2030.yaml", String.join("\n",
                    "kind: schedule",
                    "year: 2030",
                    "days:",
                    "  - { from: 2030-01-31, to: 2030-02-06, kind: HOLIDAY, name: \"Tết\", basis: BLLD-2019-D112-3 }",
                    "  - { date: 2030-01-26, kind: SWAPPED_WORKING, name: \"Làm bù\", basis: BLLD-2019-D112-3 }",
                    "")), CalendarFile.of("calendar/rules.yaml", String.join("\n",
                    "kind: holiday-rules",
                    "rules:",
                    "  - { id: ngay-tinh, name: \"Ngày của tỉnh\", solar: \"03-17\", validFrom: 2031-01-01, basis: BLLD-2019-D112-1 }",
                    ""))), Map.of());
            assertFalse(cal.isWorkingDay(LocalDate.of(2030, 2, 4)));
            assertTrue(cal.isWorkingDay(LocalDate.of(2030, 1, 26)));
            // the schedule replaces the computed list for 2030: 30/4 is not listed, so it is worked
            assertTrue(cal.isWorkingDay(LocalDate.of(2030, 4, 30)));
            assertTrue(cal.isWorkingDay(LocalDate.of(2030, 3, 18)));
            assertFalse(cal.isWorkingDay(LocalDate.of(2031, 3, 17)), "the pack's own dated rule");
            assertEquals(List.of(2030), cal.scheduledYears());
        }

        @Test
        void readSettings_giaLaiPackYaml_readsDefaults() {
            DeadlineSettings s = Calendars.readSettings(CalendarFile.of("pack.yaml", String.join("\n",
                    "id: x",
                    "defaults:",
                    "  officeHours:",
                    "    - { from: \"08:00\", to: \"12:00\" }",
                    "    - { from: \"13:00\", to: \"17:00\" }",
                    "  cutOff: \"16:00\"",
                    "  countReceiptDay: true",
                    "  dueAt: SAME_TIME",
                    "  onlineOutOfHours: AS_RECEIVED",
                    "")));
            assertEquals(OfficeHours.of("08:00", "12:00", "13:00", "17:00"), s.officeHours());
            assertEquals(java.time.LocalTime.of(16, 0), s.cutOff());
            assertTrue(s.countReceiptDay());
            assertEquals(DueAt.SAME_TIME, s.dueAt());
            assertEquals(OnlineOutOfHours.AS_RECEIVED, s.onlineOutOfHours());
            assertEquals(DeadlineSettings.defaults(), Calendars.readSettings(CalendarFile.of("pack.yaml", "id: x\n")));
        }
    }

    @Nested
    class Bad {
        @Test
        void load_malformedYaml_givesLineAndColumn() {
            CalendarFileException e = fails("kind: schedule\nyear: 2026\ndays:\n  - { date: 2026-01-01, kind: HOLIDAY\n");
            assertEquals("calendar/bad.yaml", e.file());
            assertTrue(e.line() >= 4, e.getMessage());
            assertTrue(e.column() > 0, e.getMessage());
            assertTrue(e.problem().startsWith("malformed YAML"), e.getMessage());
            assertEquals(CalendarFileException.UNREADABLE, e.reason());
        }

        @Test
        void load_dayBothOffAndSwappedWorking_isAContradiction() {
            CalendarFileException e = fails(String.join("\n",
                    "kind: schedule",
                    "year: 2026",
                    "days:",
                    "  - { date: 2026-01-10, kind: SWAPPED_WORKING, name: a, basis: BLLD-2019-D112-1 }",
                    "  - { from: 2026-01-09, to: 2026-01-11, kind: HOLIDAY, name: b, basis: BLLD-2019-D112-1 }",
                    ""));
            assertEquals(5, e.line());
            assertEquals(5, e.column());
            assertTrue(e.problem().contains("[2026-01-10] is listed twice"), e.getMessage());
            assertEquals(CalendarFileException.CONFLICT, e.reason());
        }

        @Test
        void load_swappedWorkingOnAWeekday_isRejected() {
            CalendarFileException e = fails("kind: schedule\nyear: 2026\ndays:\n"
                    + "  - { date: 2026-01-09, kind: SWAPPED_WORKING, name: a, basis: BLLD-2019-D112-1 }\n");
            assertEquals(4, e.line());
            assertTrue(e.problem().contains("[2026-01-09]"), e.getMessage());
            assertEquals(CalendarFileException.CONFLICT, e.reason());
        }

        @Test
        void load_dateOutside1900to2199_namesTheDate() {
            CalendarFileException e = fails("kind: schedule\nyear: 2199\ndays:\n"
                    + "  - { date: 2200-01-01, kind: HOLIDAY, name: a, basis: BLLD-2019-D112-1 }\n");
            assertEquals(4, e.line());
            assertTrue(e.problem().contains("[2200-01-01]"), e.getMessage());
            CalendarFileException y = fails("kind: schedule\nyear: 1899\n");
            assertEquals(2, y.line());
            assertTrue(y.problem().contains("[1899]"), y.getMessage());
            assertEquals(CalendarFileException.OUT_OF_RANGE, e.reason());
            assertEquals(CalendarFileException.OUT_OF_RANGE, y.reason());
        }

        @Test
        void load_reversedRange_namesBothEnds() {
            CalendarFileException e = fails("kind: schedule\nyear: 2026\ndays:\n"
                    + "  - { from: 2026-02-20, to: 2026-02-16, kind: HOLIDAY, name: a, basis: BLLD-2019-D112-1 }\n");
            assertEquals(4, e.line());
            assertTrue(e.problem().contains("[2026-02-16]") && e.problem().contains("[2026-02-20]"), e.getMessage());
            assertEquals(CalendarFileException.RANGE_REVERSED, e.reason());
        }

        @Test
        void load_dateOutsideTheScheduleYear_isRejected() {
            CalendarFileException e = fails("kind: schedule\nyear: 2026\ndays:\n"
                    + "  - { date: 2025-12-31, kind: HOLIDAY, name: a, basis: BLLD-2019-D112-1 }\n");
            assertTrue(e.problem().contains("[2025-12-31]"), e.getMessage());
            assertEquals(CalendarFileException.OUT_OF_RANGE, e.reason());
        }

        @Test
        void load_unknownKeyKindOrBasis_isNamed() {
            assertTrue(fails("kind: schedule\nyear: 2026\nholidays: []\n").problem().contains("[holidays]"));
            assertTrue(fails("kind: calendar\n").problem().contains("[calendar]"));
            CalendarFileException k = fails("kind: schedule\nyear: 2026\ndays:\n"
                    + "  - { date: 2026-01-01, kind: FEAST, name: a, basis: BLLD-2019-D112-1 }\n");
            assertTrue(k.problem().contains("[FEAST]"), k.getMessage());
            CalendarFileException b = fails("kind: schedule\nyear: 2026\ndays:\n"
                    + "  - { date: 2026-01-01, kind: HOLIDAY, name: a, basis: NO-SUCH }\n");
            assertTrue(b.problem().contains("[NO-SUCH]"), b.getMessage());
            assertEquals(4, b.line());
        }

        @Test
        void load_badDateText_isNamed() {
            CalendarFileException e = fails("kind: schedule\nyear: 2026\ndays:\n"
                    + "  - { date: 2026-02-30, kind: HOLIDAY, name: a, basis: BLLD-2019-D112-1 }\n");
            assertTrue(e.problem().contains("[2026-02-30]"), e.getMessage());
            assertEquals(4, e.line());
        }

        @Test
        void load_lunarAnchorNoYearHas_isNoSuchLunarDate_butDay30OfAnyMonthLoads() {
            String rule = "kind: holiday-rules\nrules:\n  - { id: x, name: x, lunar: \"%s\", basis: BLLD-2019-D112-1 }\n";
            assertEquals(CalendarFileException.NO_SUCH_LUNAR_DATE, fails(rule.formatted("01-31")).reason());
            assertEquals(CalendarFileException.NO_SUCH_LUNAR_DATE, fails(rule.formatted("00-10")).reason());
            assertEquals(CalendarFileException.MALFORMED, fails(rule.formatted("1-10")).reason());
            // a lunar second month has 30 days in some years: not a Gregorian date, still a lunar one
            Calendars.load(List.of(CalendarFile.of("calendar/ok.yaml", rule.formatted("02-30"))), Map.of());
        }

        @Test
        void reason_ofAPlainMessage_isTheFileCode() {
            assertEquals(CalendarFileException.CODE, new CalendarFileException("f.yaml", 1, 1, "x").reason());
        }

        @Test
        void load_twoSchedulesForOneYear_isRejected() {
            String s = "kind: schedule\nyear: 2026\n";
            CalendarFileException e = assertThrows(CalendarFileException.class, () -> Calendars.load(
                    List.of(CalendarFile.of("a.yaml", s), CalendarFile.of("b.yaml", s)), Map.of()));
            assertEquals("b.yaml", e.file());
            assertTrue(e.problem().contains("[a.yaml]"), e.getMessage());
        }

        @Test
        void load_emptyOrNonMappingFile_isRejected() {
            assertTrue(fails("").problem().contains("empty"));
            assertTrue(fails("- a\n- b\n").problem().contains("mapping"));
        }

        @Test
        void load_duplicateKey_isRejected() {
            assertTrue(fails("kind: schedule\nyear: 2026\nyear: 2027\n").problem().contains("[year]"));
        }
    }

    /** CalendarFile.of(Path) reads through the kernel's pack reader, as every other pack file is read. */
    @Nested
    class FromPath {
        @org.junit.jupiter.api.io.TempDir
        java.nio.file.Path dir;

        @Test
        void of_linkLeavingItsFolder_isRefusedNotFollowed() throws Exception {
            java.nio.file.Path outside = java.nio.file.Files.writeString(dir.resolve("secret.yaml"), "kind: schedule\nyear: 2030\n");
            java.nio.file.Path folder = java.nio.file.Files.createDirectory(dir.resolve("calendar"));
            java.nio.file.Path link = java.nio.file.Files.createSymbolicLink(folder.resolve("2030.yaml"), outside);
            CalendarFileException e = assertThrows(CalendarFileException.class, () -> CalendarFile.of(link));
            assertTrue(e.getMessage().contains("2030.yaml"), e.getMessage());
        }

        @Test
        void of_missingFile_isACalendarFileException() {
            CalendarFileException e = assertThrows(CalendarFileException.class, () -> CalendarFile.of(dir.resolve("none.yaml")));
            assertEquals(CalendarFileException.UNREADABLE, e.reason());
        }

        @Test
        void of_plainFile_keepsItsNameAndBytes() throws Exception {
            java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("2030.yaml"), "kind: schedule\n");
            CalendarFile c = CalendarFile.of(f);
            assertEquals("2030.yaml", c.name());
            assertEquals("kind: schedule\n", new String(c.content(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
