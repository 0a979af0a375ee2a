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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 item 3: {@link Calendars#loadPack} refuses symbolic links leading out of the pack, as the engine does. */
class PackLinksTest {
    private static Path copyPack(Path dir) throws IOException {
        Path cal = Files.createDirectories(dir.resolve("calendar"));
        Path bases = Files.createDirectories(dir.resolve("legal-bases"));
        try (Stream<Path> s = Files.list(TestPacks.giaLai().resolve("calendar"))) {
            for (Path p : s.toList()) {
                Files.copy(p, cal.resolve(p.getFileName().toString()));
            }
        }
        Files.copy(TestPacks.giaLai().resolve("legal-bases").resolve("calendar.yaml"), bases.resolve("calendar.yaml"));
        Files.writeString(dir.resolve("pack.yaml"), "id: gia-lai\n", StandardCharsets.UTF_8);
        return dir;
    }

    private static void link(Path link, Path target) throws IOException {
        Files.deleteIfExists(link);
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
    }

    @Test
    void loadPack_calendarFileLinkedOutside_refusedNamingTheLink(@TempDir Path dir, @TempDir Path outside) throws IOException {
        Path pack = copyPack(dir);
        Path secret = outside.resolve("2026.yaml");
        Files.copy(pack.resolve("calendar/2026.yaml"), secret);
        link(pack.resolve("calendar/2026.yaml"), secret);
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> Calendars.loadPack(pack));
        assertEquals("calendar/2026.yaml", e.file());
        assertTrue(e.getMessage().contains("symbolic link leads outside the pack folder"), e.getMessage());
    }

    @Test
    void loadPack_linkedCalendarFolderOrBasesOrPackYamlOutside_refused(@TempDir Path dir, @TempDir Path outside)
            throws IOException {
        Path pack = copyPack(dir);
        Path outCal = Files.createDirectories(outside.resolve("calendar"));
        Files.copy(pack.resolve("calendar/2026.yaml"), outCal.resolve("2026.yaml"));
        Files.writeString(outside.resolve("pack.yaml"), "id: x\n", StandardCharsets.UTF_8);
        Files.copy(pack.resolve("legal-bases/calendar.yaml"), outside.resolve("calendar-bases.yaml"));
        for (String[] c : new String[][] {{"pack.yaml", "pack.yaml"}, {"legal-bases/calendar.yaml", "calendar-bases.yaml"}}) {
            Path fresh = copyPack(Files.createDirectories(dir.resolve("p-" + c[1])));
            link(fresh.resolve(c[0]), outside.resolve(c[1]));
            CalendarFileException e = assertThrows(CalendarFileException.class, () -> Calendars.loadPack(fresh));
            assertEquals(c[0], e.file());
        }
        Path linkedDir = copyPack(Files.createDirectories(dir.resolve("p-dir")));
        try (Stream<Path> s = Files.list(linkedDir.resolve("calendar"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(linkedDir.resolve("calendar"));
        link(linkedDir.resolve("calendar"), outCal);
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> Calendars.loadPack(linkedDir));
        assertEquals("calendar", e.file()); // the linked folder itself is named
        assertTrue(e.getMessage().contains("symbolic link leads outside the pack folder"), e.getMessage());
    }

    @Test
    void loadPack_linkInsideThePack_isRead(@TempDir Path dir) throws IOException {
        Path pack = copyPack(dir);
        Files.move(pack.resolve("calendar/2026.yaml"), pack.resolve("lich-2026.txt"));
        link(pack.resolve("calendar/2026.yaml"), pack.resolve("lich-2026.txt"));
        assertFalse(Calendars.loadPack(pack).isWorkingDay(LocalDate.of(2026, 2, 16)));
    }
}
