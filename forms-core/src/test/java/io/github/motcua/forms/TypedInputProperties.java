package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.internal.VnIdentifiers;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/**
 * Every identifier or date typed in a usual way that validation accepts is accepted as its canonical
 * value, and that value is the one the citizen meant (the same digits) — issue 19 item 5.
 */
class TypedInputProperties {
    static final FormRegistry FORMS = TestPacks.registry();

    /** Inserts the separators people type (spaces, dots) at random places between digits. */
    static String grouped(String digits, long seed, String separators) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && r.nextInt(3) == 0) {
                b.append(separators.charAt(r.nextInt(separators.length())));
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    static String taxCode(String body) {
        for (char d = '0'; d <= '9'; d++) {
            if (VnIdentifiers.isTaxCode(body + d, false)) {
                return body + d;
            }
        }
        return null;
    }

    @Property(tries = 300)
    void taxCode_groupedAnyWay_acceptedAsTheSameDigits(@ForAll @NumericChars @StringLength(9) String body,
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 999) int branch) {
        String code = taxCode(body);
        Assume.that(code != null);
        String canonical = branch == 0 ? code : code + "-" + String.format(java.util.Locale.ROOT, "%03d", branch);
        String typed = grouped(code, seed, " .") + (branch == 0 ? "" : (seed % 2 == 0 ? " - " : "-")
                + String.format(java.util.Locale.ROOT, "%03d", branch));
        FormReport r = FORMS.validate(TestPacks.FORM,
                FormRegistryTest.VALID.replace("\"maSoThue\": \"0100233488\"", "\"maSoThue\": \"" + typed + "\""),
                FormRegistryTest.EN);
        assertTrue(r.at("/maSoThue").isEmpty(), () -> typed + ": " + r.messages());
        assertEquals(canonical, r.data().get("maSoThue"));
        assertEquals(canonical.replaceAll("[^0-9]", ""), typed.replaceAll("[^0-9]", ""));
    }

    @Property(tries = 200)
    void mobile_groupedAnyWay_acceptedAsTheSameNumber(@ForAll @NumericChars @StringLength(7) String rest,
            @ForAll long seed, @ForAll boolean international) {
        String national = "091" + rest;
        String typed = international ? "+84 " + grouped(national.substring(1), seed, " .") : grouped(national, seed, " .");
        FormReport r = FORMS.validate(TestPacks.FORM,
                FormRegistryTest.VALID.replace("\"soDienThoai\": \"0912345678\"", "\"soDienThoai\": \"" + typed + "\""),
                FormRegistryTest.EN);
        assertTrue(r.at("/soDienThoai").isEmpty(), () -> typed + ": " + r.messages());
        assertEquals(national, r.data().get("soDienThoai"));
    }

    @Property(tries = 200)
    void date_typedDayMonthYear_isTheSameCalendarDay(@ForAll @IntRange(min = 0, max = 20_000) int dayOffset,
            @ForAll boolean padded) {
        LocalDate d = LocalDate.of(1970, 1, 1).plusDays(dayOffset);
        String typed = padded
                ? String.format(java.util.Locale.ROOT, "%02d/%02d/%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear())
                : d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
        FormReport r = FORMS.validate(TestPacks.FORM,
                FormRegistryTest.VALID.replace("\"ngaySinh\": \"2026-02-25\"", "\"ngaySinh\": \"" + typed + "\""),
                FormRegistryTest.EN);
        assertEquals(d.toString(), ((java.util.Map<?, ?>) r.data().get("treEm")).get("ngaySinh"));
        assertEquals(List.of(new NormalisedValue("/treEm/ngaySinh", typed, d.toString(), "date")), r.normalised());
    }
}
