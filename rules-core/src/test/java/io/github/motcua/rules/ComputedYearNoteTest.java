package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 item 3: a decision whose deadline is counted over a year the pack has no official
 * schedule for (the test pack has none) names that year as computed, in Vietnamese first and in
 * English, as one note of the calendar.
 */
class ComputedYearNoteTest {
    static Engine engine;

    @BeforeAll
    static void load(@TempDir Path dir) {
        engine = TestPacks.loaded(TestPacks.copy("ho-tich", dir));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Decision decide(String receivedAt) {
        return engine.decide("{\"procedure\": \"1.001193\", \"channel\": \"DESK\", \"receivedAt\": \"" + receivedAt
                + "\", \"form\": {\"giayChungSinh\": \"CO\"}}");
    }

    static List<Decision.Note> calendarNotes(Decision d) {
        return d.notes().stream().filter(n -> n.messageVi().contains("tính toán theo âm lịch")).toList();
    }

    @Test
    void decide_deadlineInAComputedYear_oneNoteNamingTheYear() {
        Decision d = decide("2026-03-02T09:00:00+07:00");
        assertEquals(Eligibility.ELIGIBLE, d.eligibility(), d.toString());
        assertNotNull(d.deadline());
        List<Decision.Note> notes = calendarNotes(d);
        assertEquals(1, notes.size(), d.notes().toString());
        Decision.Note n = notes.get(0);
        assertTrue(n.messageVi().startsWith("Năm 2026: ngày làm việc được tính toán theo âm lịch"), n.messageVi());
        assertTrue(n.messageEn().startsWith("Year 2026: working days computed from the lunar calendar"), n.messageEn());
        assertTrue(d.toJson().contains("Year 2026: working days computed"), "the decision JSON carries the note");
    }

    @Test
    void decide_receivedAfterTheCutOffOnNewYearsEve_namesTheYearItIsCountedIn() {
        // after the 15:00 cut-off of 31/12/2026 the dossier counts from the next working day, in 2027
        Decision d = decide("2026-12-31T16:30:00+07:00");
        assertEquals(2027, d.deadline().due().getYear(), d.deadline().toString());
        Decision.Note n = calendarNotes(d).get(0);
        assertTrue(n.messageVi().startsWith("Năm 2027: "), n.messageVi());
        assertTrue(n.messageEn().startsWith("Year 2027: "), n.messageEn());
        assertEquals("calendar", n.rule());
    }
}
