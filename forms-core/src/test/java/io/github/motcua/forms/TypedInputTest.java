package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Identifiers and dates typed as people type them are read in their canonical form (issue 19 item 5). */
class TypedInputTest {
    static final FormRegistry FORMS = TestPacks.registry();

    static FormReport validateWith(String from, String to) {
        return FORMS.validate(TestPacks.FORM, FormRegistryTest.with(from, to), FormRegistryTest.EN);
    }

    @Nested
    class TaxCodes {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "0312 68 78 78 - 001 | 0312687878-001",
                "01.00.112.437       | 0100112437",
                "0311 916 028        | 0311916028",
                "0401 443 048        | 0401443048",
                "0100 233 488        | 0100233488"})
        void validate_taxCodeWithSpacesDotsOrSpacedDash_validAndCanonicalInData(String typed, String canonical) {
            FormReport r = validateWith("\"maSoThue\": \"0100233488\"", "\"maSoThue\": \"" + typed + "\"");
            assertTrue(r.valid(), () -> r.messages().toString());
            assertEquals(canonical, r.data().get("maSoThue"));
            assertEquals(List.of(new NormalisedValue("/maSoThue", typed, canonical, "vn-tax-code")), r.normalised());
        }

        @Test
        void validate_taxCodeWithWrongCheckDigit_reportedAsTypedNotRewritten() {
            FormReport r = validateWith("\"maSoThue\": \"0100233488\"", "\"maSoThue\": \"0100 233 489\"");
            assertFalse(r.valid());
            assertEquals("0100 233 489", r.data().get("maSoThue"));
            assertEquals(List.of(), r.normalised());
            assertEquals("/maSoThue", FormRegistryTest.only(r).pointer());
        }
    }

    @Nested
    class PersonalNumbersAndPhones {
        @Test
        void validate_personalNumberWithSpaces_canonical() {
            FormReport r = FORMS.validate(TestPacks.FORM, FormRegistryTest.VALID
                    .replace("\"soDinhDanh\": \"064198001234\", \"ngaySinh\": \"1998-04-12\", \"gioiTinh\": \"FEMALE\"},\n              \"soDienThoai\"",
                            "\"soDinhDanh\": \"0641 9800 1234\", \"ngaySinh\": \"1998-04-12\", \"gioiTinh\": \"FEMALE\"},\n              \"soDienThoai\""),
                    FormRegistryTest.EN);
            assertTrue(r.valid(), () -> r.messages().toString());
            @SuppressWarnings("unchecked")
            Map<String, Object> person = (Map<String, Object>) r.data().get("nguoiYeuCau");
            assertEquals("064198001234", person.get("soDinhDanh"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"+84 912 345 678", "0912.345.678", "0912 345 678", "(+84) 912-345-678", "0084 912 345 678"})
        void validate_mobileAsTyped_canonicalNationalForm(String typed) {
            FormReport r = validateWith("\"soDienThoai\": \"0912345678\"", "\"soDienThoai\": \"" + typed + "\"");
            assertTrue(r.valid(), () -> r.messages().toString());
            assertEquals("0912345678", r.data().get("soDienThoai"));
        }

        @Test
        void validate_mobileOfUnknownOperator_stillRefused() {
            FormReport r = validateWith("\"soDienThoai\": \"0912345678\"", "\"soDienThoai\": \"+84 112 345 678\"");
            assertEquals("/soDienThoai", FormRegistryTest.only(r).pointer());
        }
    }

    @Nested
    class Dates {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"25/02/2026, 2026-02-25", "5/2/2026, 2026-02-05", "25.02.2026, 2026-02-25"})
        void validate_dateAsDdMmYyyy_isoInData(String typed, String iso) {
            FormReport r = validateWith("\"ngaySinh\": \"2026-02-25\"", "\"ngaySinh\": \"" + typed + "\"");
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) r.data().get("treEm");
            assertEquals(iso, child.get("ngaySinh"));
        }

        @Test
        void validate_impossibleDate_notRewritten() {
            FormReport r = validateWith("\"ngaySinh\": \"2026-02-25\"", "\"ngaySinh\": \"30/02/2026\"");
            assertFalse(r.valid());
            assertTrue(r.normalised().isEmpty());
            assertTrue(r.violations().stream().anyMatch(v -> v.pointer().equals("/treEm/ngaySinh")), r.violations()::toString);
        }

        @Test
        void validate_textFieldWithDigitsAndSlashes_neverTouched() {
            // an address such as "12/3" is not a date field: only fields that declare a format are rewritten
            FormReport r = validateWith("\"hoTen\": \"Trần Minh Khang\"", "\"hoTen\": \"12/3/2026\"");
            assertTrue(r.normalised().isEmpty(), r.normalised()::toString);
        }
    }

    @Nested
    class JavaValues {
        @Test
        void validate_mapWithLocalDate_readAsIsoDate() {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = new LinkedHashMap<>(FORMS.validate(TestPacks.FORM, FormRegistryTest.VALID,
                    FormRegistryTest.EN).data());
            @SuppressWarnings("unchecked")
            Map<String, Object> child = new LinkedHashMap<>((Map<String, Object>) data.get("treEm"));
            child.put("ngaySinh", LocalDate.of(2026, 2, 25));
            data.put("treEm", child);
            FormReport r = FORMS.validate(TestPacks.FORM, data, FormRegistryTest.EN);
            assertTrue(r.valid(), () -> r.messages().toString());
            assertEquals("2026-02-25", ((Map<?, ?>) r.data().get("treEm")).get("ngaySinh"));
        }
    }
}
