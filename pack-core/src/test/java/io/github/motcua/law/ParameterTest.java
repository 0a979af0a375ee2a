package io.github.motcua.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenFisca-style dated values, strict at the edges. */
class ParameterTest {
    private static final LegalBasis A = new LegalBasis("A", "Luật A", null, null, null, null, null, null, true, null);
    private static final LegalBasis B = new LegalBasis("B", "Luật B", null, null, null, null, null, null, true, null);
    private static final Parameter<Integer> AGE = Parameter.of("applicant.childUnder", LocalDate.of(2005, 1, 1), 16, A)
            .then(LocalDate.of(2030, 1, 1), 18, B);

    @Test
    void valueOnADate_isTheLatestOnOrBeforeIt_withItsBasis() {
        assertEquals(16, AGE.at(LocalDate.of(2005, 1, 1)).value());
        assertEquals("A", AGE.at(LocalDate.of(2029, 12, 31)).basis().id());
        assertEquals(18, AGE.at(LocalDate.of(2030, 1, 1)).value());
        assertEquals(18, AGE.at(LocalDate.of(2100, 1, 1)).value()); // after the last date the last value stays
    }

    @Test
    void beforeTheFirstDate_thereIsNoValue() {
        ParameterNotInForceException e = assertThrows(ParameterNotInForceException.class,
                () -> AGE.at(LocalDate.of(2004, 12, 31)));
        assertEquals("applicant.childUnder", e.id());
        assertTrue(e.getMessage().contains("first value from [2005-01-01]"), e.getMessage());
        assertTrue(AGE.find(LocalDate.of(2004, 12, 31)).isEmpty());
    }

    @Test
    void aRepeal_endsTheValueFromItsDate() {
        Parameter<Integer> p = AGE.then(LocalDate.of(2040, 1, 1), null, B);
        assertEquals(18, p.at(LocalDate.of(2039, 12, 31)).value());
        assertThrows(ParameterNotInForceException.class, () -> p.at(LocalDate.of(2040, 1, 1)));
    }

    @Test
    void datesMustIncrease_andAParameterHasAValue() {
        assertThrows(IllegalArgumentException.class, () -> AGE.then(LocalDate.of(2030, 1, 1), 20, B));
        assertThrows(IllegalArgumentException.class, () -> new Parameter<Integer>("x.y", List.of()));
    }

    @Test
    void aValueWithAnEndDate_hasNoValueAfterIt_untilTheNextStarts() {
        Parameter<Integer> p = new Parameter<>("deadline.x", List.of(
                new Parameter.Dated<>(LocalDate.of(2024, 8, 1), 8, A, LocalDate.of(2025, 8, 10)),
                new Parameter.Dated<>(LocalDate.of(2025, 8, 15), 5, B)));
        assertEquals(8, p.at(LocalDate.of(2025, 8, 10)).value()); // the end date itself is in force
        assertTrue(p.find(LocalDate.of(2025, 8, 11)).isEmpty());
        assertTrue(p.find(LocalDate.of(2025, 8, 14)).isEmpty());
        assertEquals(5, p.at(LocalDate.of(2025, 8, 15)).value());
        assertTrue(p.values().get(0).covers(LocalDate.of(2024, 8, 1)));
        assertTrue(!p.values().get(0).covers(LocalDate.of(2025, 8, 11)));
    }

    @Test
    void overlappingPeriods_andAnEndBeforeTheStart_areRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Parameter<>("deadline.x", List.of(
                new Parameter.Dated<>(LocalDate.of(2024, 8, 1), 8, A, LocalDate.of(2025, 8, 15)),
                new Parameter.Dated<>(LocalDate.of(2025, 8, 15), 5, B))));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Parameter.Dated<>(LocalDate.of(2025, 8, 15), 5, B, LocalDate.of(2025, 8, 14)));
    }

    @Test
    void defaults_areDatedAndCiteUnverifiedLaw() {
        assertEquals(16, DefaultParameters.CHILD_UNDER_DEFAULT.at(LocalDate.of(2026, 3, 2)).value());
        assertEquals(60, DefaultParameters.ELDERLY_FROM_DEFAULT.at(LocalDate.of(2026, 3, 2)).value());
        for (Parameter<?> p : DefaultParameters.all().values()) {
            assertTrue(p.values().stream().noneMatch(v -> v.basis().verified()), p.id() + " is from memory: unverified");
        }
    }
}
