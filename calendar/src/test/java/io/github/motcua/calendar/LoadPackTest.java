package io.github.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Calendars#loadPack}: calendar folder, legal bases and the calendar parts of pack.yaml. */
class LoadPackTest {

    private static Path copyPack(Path dir, String packYaml) throws IOException {
        Path cal = Files.createDirectories(dir.resolve("calendar"));
        Path bases = Files.createDirectories(dir.resolve("legal-bases"));
        try (Stream<Path> s = Files.list(TestPacks.giaLai().resolve("calendar"))) {
            for (Path p : s.toList()) {
                Files.copy(p, cal.resolve(p.getFileName().toString()));
            }
        }
        Files.copy(TestPacks.giaLai().resolve("legal-bases").resolve("calendar.yaml"), bases.resolve("calendar.yaml"));
        Files.writeString(dir.resolve("pack.yaml"), packYaml, StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void loadPack_packYamlSwitchOff_overridesTheSwitchesFile(@TempDir Path dir) throws IOException {
        Path pack = copyPack(dir, "id: gia-lai\ncalendar:\n  switches: { \"van-hoa-24-11\": false }\n");
        WorkingCalendar cal = Calendars.loadPack(pack);
        assertTrue(cal.isWorkingDay(LocalDate.of(2026, 11, 24)));
        assertFalse(cal.isWorkingDay(LocalDate.of(2026, 2, 16)));
    }

    @Test
    void loadPack_officeHoursFromPackYaml_areUsed(@TempDir Path dir) throws IOException {
        Path pack = copyPack(dir, "id: gia-lai\ndefaults:\n  officeHours:\n    - { from: \"08:00\", to: \"12:00\" }\n"
                + "    - { from: \"13:00\", to: \"17:30\" }\n");
        assertEquals(OfficeHours.of("08:00", "12:00", "13:00", "17:30"), Calendars.loadPack(pack).officeHours());
    }

    @Test
    void loadPack_reversedOfficeSessionInPackYaml_pointsAtIt(@TempDir Path dir) throws IOException {
        Path pack = copyPack(dir, "id: gia-lai\ndefaults:\n  officeHours:\n    - { from: \"12:00\", to: \"08:00\" }\n");
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> Calendars.loadPack(pack));
        assertEquals("pack.yaml", e.file());
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("[12:00-08:00]"), e.getMessage());
    }

    @Test
    void loadPack_calendarFileLinkedOutsideThePack_isRefusedLikeTheEngineRefusesIt(@TempDir Path dir) throws IOException {
        Path pack = copyPack(dir.resolve("pack"), "id: gia-lai\n");
        Path secret = Files.writeString(dir.resolve("secret.yaml"), "kind: schedule\nyear: 2031\ndays: []\n");
        try {
            Files.createSymbolicLink(pack.resolve("calendar/2031.yaml"), secret);
        } catch (IOException | UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> Calendars.loadPack(pack));
        assertEquals("calendar/2031.yaml", e.file());
        assertEquals("LINK_OUTSIDE_PACK", e.toProblem().code().name());
        assertTrue(e.problem().contains("outside the pack"), e.getMessage());
    }

    @Test
    void loadPack_duplicateKeyInPackYaml_isRefusedAtTheSecondKey(@TempDir Path dir) throws IOException {
        Path pack = copyPack(dir, "id: gia-lai\ndefaults: {}\ndefaults: {}\n");
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> Calendars.loadPack(pack));
        assertEquals("pack.yaml", e.file());
        assertEquals(3, e.line());
        assertEquals("duplicate key [defaults]", e.problem());
    }

    @Test
    void readSettings_unknownDueAt_namesTheValue() {
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> Calendars.readSettings(
                CalendarFile.of("pack.yaml", "defaults:\n  dueAt: NOON\n")));
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("[NOON]"), e.getMessage());
        CalendarFileException c = assertThrows(CalendarFileException.class, () -> Calendars.readSettings(
                CalendarFile.of("pack.yaml", "defaults:\n  cutOff: \"19:00\"\n")));
        assertTrue(c.problem().contains("[19:00]"), c.getMessage());
    }

    @Test
    void loadPack_brokenScheduleFile_namesTheFileInThePack(@TempDir Path dir) throws IOException {
        Path pack = copyPack(dir, "id: gia-lai\n");
        Files.writeString(pack.resolve("calendar").resolve("2027.yaml"), "kind: schedule\nyear: 2027\ndays: [\n",
                StandardCharsets.UTF_8);
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> Calendars.loadPack(pack));
        assertEquals("calendar/2027.yaml", e.file());
        assertTrue(e.line() >= 3, e.getMessage());
    }
}
