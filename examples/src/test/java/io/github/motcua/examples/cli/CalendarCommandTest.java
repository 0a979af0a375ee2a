package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code calendar lunar|month-starts|days-off}: the exact texts of docs/calendar.md §8. */
class CalendarCommandTest {
    @TempDir
    Path dir;

    @Test
    void lunar_leapMonthSixOf2025_printsJsonLine() {
        // FACTS §3: leap month 6 of Ất Tỵ starts on 2025-07-25.
        Cli.Run r = Cli.run("calendar", "lunar", "2025-07-25");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("{\"year\":2025,\"month\":6,\"day\":1,\"leap\":true}\n", r.out());
    }

    @Test
    void lunar_tet2026_isFirstDayOfFirstMonth() {
        // FACTS §3: Tết Bính Ngọ is 2026-02-17.
        assertEquals("{\"year\":2026,\"month\":1,\"day\":1,\"leap\":false}\n", Cli.run("calendar", "lunar", "2026-02-17").out());
    }

    @Test
    void lunar_outOfRangeOrMalformed_exitsFiveNamingTheValue() {
        Cli.Run r = Cli.run("calendar", "lunar", "1899-12-31");
        assertEquals(ExitCodes.BAD_ARGUMENT, r.code());
        Cli.Run m = Cli.run("calendar", "lunar", "2026-02-30");
        assertEquals(ExitCodes.BAD_ARGUMENT, m.code());
        assertTrue(m.err().startsWith("giá trị ngày sai hoặc ngoài 1900..2199 / bad or out-of-range date: "), m.err());
        assertTrue(m.err().contains("[2026-02-30]"), m.err());
    }

    @Test
    void monthStarts_2000to2035_reproducesTheReferenceFileByteForByte() throws IOException {
        byte[] expected;
        try (InputStream in = CalendarCommandTest.class.getResourceAsStream("/calendar/lunar-month-starts-2000-2035.csv")) {
            expected = in.readAllBytes();
        }
        Cli.Run r = Cli.run("calendar", "month-starts", "2000-01-01", "2035-12-31");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(new String(expected, StandardCharsets.UTF_8), r.out());
    }

    @Test
    void monthStarts_reversedRange_exitsFive() {
        assertEquals(ExitCodes.BAD_ARGUMENT, Cli.run("calendar", "month-starts", "2026-12-31", "2026-01-01").code());
    }

    @Test
    void daysOff_giaLai2026_listsTetAndNationalDay() {
        Cli.Run r = Cli.run("calendar", "days-off", Cli.GIA_LAI.toString(), "2026");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("date,kind,name\n2026-01-01,holiday,"), r.out());
        // Tết 2026: Tuesday 17/02 is Tết day (FACTS §2.2); 02/09 (Wednesday) is National Day.
        assertTrue(r.out().contains("\n2026-02-17,holiday,"), r.out());
        assertTrue(r.out().contains("\n2026-09-02,holiday,"), r.out());
        // Công văn 12729/VPCP-KGVX: Friday 02/01 off, worked back on Saturday 10/01/2026.
        assertTrue(r.out().contains("\n2026-01-02,swapped-off,"), r.out());
        assertTrue(r.out().contains("\n2026-01-10,swapped-working,"), r.out());
    }

    @Test
    void daysOff_brokenCalendarFile_exitsTwoNamingTheFile() throws IOException {
        Path pack = Cli.copyOfGiaLai(dir);
        java.nio.file.Files.writeString(pack.resolve("calendar/2026.yaml"), "year: [unclosed\n", StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("calendar", "days-off", pack.toString(), "2026");
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("2026.yaml"), r.err());
    }

    @Test
    void daysOff_yearWithoutOfficialSchedule_saysComputedInTheAskedLanguage() {
        Cli.Run en = Cli.run("calendar", "days-off", Cli.GIA_LAI.toString(), "2027", "--lang", "en");
        assertEquals(ExitCodes.OK, en.code(), en.err());
        assertTrue(en.out().startsWith("# computed: 2027 has no official schedule in the pack"), en.out());
        Cli.Run vi = Cli.run("calendar", "days-off", Cli.GIA_LAI.toString(), "2027");
        assertTrue(vi.out().startsWith("# tính toán: năm 2027"), vi.out());
    }

    @Test
    void daysOff_yearBeforeTheEarliestHolidayRule_refusedWithTheReason() {
        Cli.Run r = Cli.run("calendar", "days-off", Cli.GIA_LAI.toString(), "1990", "--lang", "en");
        assertEquals(ExitCodes.BAD_ARGUMENT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("earliest holiday rule"), r.err());
    }

    @Test
    void daysOff_notAFolder_exitsFour() {
        assertEquals(ExitCodes.IO, Cli.run("calendar", "days-off", dir.resolve("nope").toString(), "2026").code());
    }

    @Test
    void daysOff_yearOutOfRange_exitsFive() {
        assertEquals(ExitCodes.BAD_ARGUMENT, Cli.run("calendar", "days-off", Cli.GIA_LAI.toString(), "2300").code());
    }

    @Test
    void daysOff_yearNotANumber_isUsageError() {
        assertEquals(ExitCodes.USAGE, Cli.run("calendar", "days-off", Cli.GIA_LAI.toString(), "năm").code());
    }
}
