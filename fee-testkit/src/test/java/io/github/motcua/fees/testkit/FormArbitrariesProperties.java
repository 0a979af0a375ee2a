package io.github.motcua.fees.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FormArbitrariesProperties {

    static String resource(String name) {
        try (InputStream in = FormArbitrariesProperties.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MST check, written from FACTS.md §6 (weights 31,29,23,19,17,13,7,5,3; N10 = 10 − (Σ mod 11); remainder 0 invalid). */
    static boolean validTaxCode(String s) {
        if (!s.matches("[0-9]{10}") || s.substring(2, 9).equals("0000000")) {
            return false;
        }
        int[] w = {31, 29, 23, 19, 17, 13, 7, 5, 3};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (s.charAt(i) - '0') * w[i];
        }
        int r = sum % 11;
        return r != 0 && 10 - r == s.charAt(9) - '0';
    }

    @Example
    void taxCodeChecker_agreesWithFactsExamples() {
        assertTrue(validTaxCode("0100233488"));
        assertTrue(validTaxCode("0314409058"));
        assertTrue(validTaxCode("0100109106"));
        assertFalse(validTaxCode("0100233480"));
    }

    @Provide
    Arbitrary<Map<String, Object>> forms() {
        return FormArbitraries.builder(resource("/forms/fees-test.schema.json"))
                .shared(resource("/forms/common.schema.json")).build();
    }

    @Property(tries = 300)
    @SuppressWarnings("unchecked")
    void fromSchema_generatesValuesTheSchemaAccepts(@ForAll("forms") Map<String, Object> form) {
        assertTrue(form.containsKey("nguoiYeuCau") && form.containsKey("soBan"), "required fields: " + form);
        Map<String, Object> person = (Map<String, Object>) form.get("nguoiYeuCau");
        String name = (String) person.get("hoTen");
        assertTrue(name.length() >= 2 && name.length() <= 50, name);
        String pid = (String) person.get("soDinhDanh");
        assertTrue(pid.matches("[0-9]{12}") && "0123".indexOf(pid.charAt(3)) >= 0, pid);
        if (person.containsKey("gioiTinh")) {
            assertTrue(Set.of("NAM", "NU").contains(person.get("gioiTinh")));
        }
        if (person.containsKey("ngaySinh")) {
            // keywords beside a $ref apply too (2020-12): the id follows the birth year
            int year = LocalDate.parse((String) person.get("ngaySinh")).getYear();
            assertEquals(year % 100, Integer.parseInt(pid.substring(4, 6)), person.toString());
            assertEquals(year < 2000 ? 0 : 2, (pid.charAt(3) - '0') / 2 * 2, person.toString());
        }
        long ban = (Long) form.get("soBan");
        assertTrue(ban >= 1 && ban <= 10, "soBan " + ban);
        if (form.containsKey("soTrang")) {
            long t = (Long) form.get("soTrang");
            assertTrue(t >= 1 && t <= 500, "soTrang " + t);
        }
        if (form.containsKey("soDienThoai")) {
            assertTrue(((String) form.get("soDienThoai")).matches("^0[35789]\\d{8}$"), form.get("soDienThoai").toString());
        }
        if (form.containsKey("maSoThue")) {
            assertTrue(validTaxCode((String) form.get("maSoThue")), form.get("maSoThue").toString());
        }
        if ("KHAC".equals(form.get("mucDich"))) {
            String other = (String) form.get("mucDichKhac");
            assertTrue(other != null && other.length() >= 3 && other.length() <= 40, "if/then: " + form);
        } else {
            assertFalse(form.containsKey("mucDichKhac"), "then-branch field only when the condition holds: " + form);
        }
    }

    @Property(tries = 200)
    void dossiers_haveThePackFormatShape(@ForAll("dossiers") Map<String, Object> d) {
        assertEquals("2.000815", d.get("procedure"));
        assertTrue(Set.of("DESK", "ONLINE", "POST").contains(d.get("channel")));
        String at = (String) d.get("receivedAt");
        assertTrue(at.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00"), "RFC 3339 with seconds: " + at);
        LocalDate asOf = LocalDate.parse((String) d.get("asOf"));
        assertTrue(!asOf.isBefore(LocalDate.of(2026, 1, 1)) && !asOf.isAfter(LocalDate.of(2026, 12, 31)), asOf.toString());
        assertTrue(at.startsWith(asOf.toString()));
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = (Map<String, Object>) d.get("applicant");
        assertTrue(DossierArbitraries.CATEGORIES.containsAll((List<?>) applicant.get("categories")));
        assertTrue(List.of("52-a", "52-b").contains(d.get("unit")));
    }

    @Provide
    Arbitrary<Map<String, Object>> dossiers() {
        return DossierArbitraries.forProcedure("2.000815").units(List.of("52-a", "52-b"))
                .receivedBetween(java.time.LocalDateTime.of(2026, 1, 1, 0, 0), java.time.LocalDateTime.of(2026, 12, 31, 23, 59))
                .form(forms()).build();
    }

    @Provide
    Arbitrary<Map<String, Object>> people() {
        return FormArbitraries.fromSchema("{\"type\":\"object\",\"required\":[\"ngaySinh\",\"gioiTinh\",\"soDinhDanh\"],"
                + "\"properties\":{"
                + "\"ngaySinh\":{\"type\":\"string\",\"format\":\"date\",\"formatMinimum\":\"1990-01-01\",\"formatMaximum\":\"2010-12-31\"},"
                + "\"gioiTinh\":{\"enum\":[\"MALE\",\"FEMALE\"]},"
                + "\"soDinhDanh\":{\"type\":\"string\",\"format\":\"vn-personal-id\","
                + "\"x-vn-personal-id-matches\":{\"birthDate\":\"ngaySinh\",\"sex\":\"gioiTinh\"}}}}");
    }

    /** NĐ 137/2015 Art. 13 (FACTS.md §6): digit 4 = century and sex (1900s: 0 male, 1 female; 2000s: 2, 3), digits 5–6 = year. */
    @Property(tries = 200)
    void personalIdMatches_centurySexAndYearAgreeWithTheFields(@ForAll("people") Map<String, Object> p) {
        String id = (String) p.get("soDinhDanh");
        LocalDate born = LocalDate.parse((String) p.get("ngaySinh"));
        assertTrue(!born.isBefore(LocalDate.of(1990, 1, 1)) && !born.isAfter(LocalDate.of(2010, 12, 31)), born.toString());
        int expectedDigit = (born.getYear() < 2000 ? 0 : 2) + ("FEMALE".equals(p.get("gioiTinh")) ? 1 : 0);
        assertEquals(expectedDigit, id.charAt(3) - '0', p.toString());
        assertEquals(born.getYear() % 100, Integer.parseInt(id.substring(4, 6)), p.toString());
    }

    @Example
    void fromSchema_unresolvableRefOrBadJson_failsNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FormArbitraries.fromSchema("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"urn:x#/$defs/y\"}}}"));
        assertTrue(e.getMessage().contains("[urn:x#/$defs/y]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FormArbitraries.fromSchema("{not json"));
    }
}
