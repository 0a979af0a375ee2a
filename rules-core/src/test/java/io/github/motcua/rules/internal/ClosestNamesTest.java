package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The closest-name hint of load problems (an unknown form field in a rule or a fee table, an unknown unit in a case, an
 * unknown legal basis): the names an analyst most likely meant, with work bounded whatever a hostile pack writes.
 */
class ClosestNamesTest {

    @Test
    void anAnalystsTypo_getsTheDeclaredNamesNearestFirst() {
        List<String> near = FormFields.closest("soTrangg", List.of("hoTen", "soTrang", "soBan", "soTrangPhu", "ngaySinh"));
        assertEquals("soTrang", near.get(0));
        assertTrue(near.size() <= 3);
        assertFalse(near.contains("ngaySinh"), near::toString);
    }

    @Test
    void aHugeTypoAgainstAHugeList_isComparedOnBoundedPrefixesAndNames() {
        // a 100,000-character "field" against 100,000 names of 1,000 characters: without bounds 10^13 table cells
        String wrong = "x".repeat(100_000);
        Set<String> names = new LinkedHashSet<>();
        names.add("x".repeat(FormFields.CLOSEST_CHARS) + "a");
        for (int i = 0; i < 100_000; i++) {
            names.add(i + "y".repeat(1_000));
        }
        names.add("x".repeat(100_000)); // equal to the typo, but past the cells the hint may fill
        List<String> near = FormFields.closest(wrong, names);
        // the first name equals the typo on the compared 64 characters; the last was never compared
        assertEquals("x".repeat(FormFields.CLOSEST_CHARS) + "a", near.get(0));
        assertFalse(near.contains("x".repeat(100_000)));
    }

    @Test
    void theFirstNameIsAlwaysCompared_evenPastTheBudget() {
        List<String> near = FormFields.closest("q".repeat(10_000), List.of("z".repeat(10_000)));
        assertEquals(List.of("z".repeat(10_000)), near);
    }
}
