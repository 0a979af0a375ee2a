package io.github.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.law.LegalBasis;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deadline engine cites its counting choices; a basis missing from deadline-bases.yaml stops it from being built. */
class DeadlineEngineBasesTest {
    @Test
    void builtInBases_holdEveryCountingBasis() {
        Map<String, LegalBasis> bases = Calendars.builtInBases();
        assertSame(bases, DeadlineEngine.checkBases(bases));
        for (String id : DeadlineEngine.COUNTING_BASIS_IDS) {
            assertEquals(id, bases.get(id).id());
        }
    }

    @Test
    void missingCountingBasis_isAnErrorNamingIt_notASilentlyUncitedDeadline() {
        Map<String, LegalBasis> bases = new HashMap<>(Calendars.builtInBases());
        bases.remove("BLDS-2015-D148");
        CalendarException e = assertThrows(CalendarException.class, () -> DeadlineEngine.checkBases(bases));
        assertTrue(e.getMessage().contains("[BLDS-2015-D148]"), e.getMessage());
    }
}
