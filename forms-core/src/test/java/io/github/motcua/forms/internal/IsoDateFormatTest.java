package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.format.DateFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** forms-core's date check gives networknt's answer for every value it decides itself, and for the rest. */
class IsoDateFormatTest {
    private final IsoDateFormat ours = new IsoDateFormat();
    private final DateFormat networknt = new DateFormat();

    private void same(String value) {
        assertEquals(networknt.matches(null, value), ours.matches(null, value), value);
    }

    @Test
    void matches_everyMonthAndDayAroundLeapYears_sameAsNetworknt() {
        int checked = 0;
        for (int year : new int[] {0, 1, 4, 100, 200, 400, 1600, 1700, 1900, 1999, 2000, 2024, 2025, 2026, 2100, 2400, 9996, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    same(String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day));
                    checked++;
                }
            }
        }
        assertEquals(18 * 14 * 33, checked);
        assertTrue(ours.matches(null, "2024-02-29"));
        assertFalse(ours.matches(null, "2026-02-29"));
        assertTrue(ours.matches(null, "0000-02-29")); // year 0 is a leap year in the proleptic calendar
        assertFalse(ours.matches(null, "1900-02-29"));
    }

    @Test
    void matches_otherShapesAndDigits_sameAsNetworknt() {
        for (String v : List.of("", "2026-2-13", "2026-02-1", "13/02/2026", "+2026-02-13", "-2026-02-13", "+12026-02-13",
                "12026-02-13", "2026-02-13T00:00", "2026-02-13 ", " 2026-02-13", "2026_02-13", "2026-02_13", "２０２６-02-13",
                "٢٠٢٦-02-13", "2026-0a-13", "20a6-02-13", "2026-02-1a", "0000-00-00", "9999-12-31", "2026-13-01")) {
            same(v);
        }
    }

    @Test
    void matches_randomTextOfTheDateShape_sameAsNetworknt() {
        SplittableRandom r = new SplittableRandom(20261206);
        String alphabet = "0123456789-0123456789/a ";
        for (int i = 0; i < 20_000; i++) {
            char[] c = new char[10];
            for (int k = 0; k < c.length; k++) {
                c[k] = alphabet.charAt(r.nextInt(alphabet.length()));
            }
            if (r.nextBoolean()) {
                c[4] = '-';
                c[7] = '-';
            }
            same(new String(c));
        }
    }
}
