package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.forms.internal.VnIdentifiers;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class VnIdentifiersProperties {
    static final int[] W = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    @Property
    void taxCode_nineDigits_atMostOneCheckDigitValid_noneWhenRemainderZero(
            @ForAll @NumericChars @StringLength(9) String body) {
        Assume.that(!body.substring(2).equals("0000000"));
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * W[i];
        }
        int valid = 0;
        for (char d = '0'; d <= '9'; d++) {
            if (VnIdentifiers.isTaxCode(body + d, false)) {
                valid++;
            }
        }
        assertEquals(sum % 11 == 0 ? 0 : 1, valid);
    }

    @Property
    void personalId_centuryDigit_roundTripsYearAndSex(@ForAll @IntRange(min = 1900, max = 2399) int year,
            @ForAll boolean female) {
        int d4 = (year / 100 - 19) * 2 + (female ? 1 : 0);
        String id = String.format(java.util.Locale.ROOT, "064%d%02d123456", d4, year % 100);
        int[] decoded = VnIdentifiers.birthYearAndSex(id);
        assertEquals(year, decoded[0]);
        assertEquals(female ? 1 : 0, decoded[1]);
    }
}
