package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.internal.VnIdentifiers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The worked examples of FACTS.md §6. */
class VnIdentifiersTest {

    @Nested
    class TaxCode {
        @ParameterizedTest
        @ValueSource(strings = {"0100233488", "0314409058", "0100109106"})
        void isTaxCode_verifiedExamples_valid(String mst) {
            assertTrue(VnIdentifiers.isTaxCode(mst, false));
        }

        @Test
        void isTaxCode_wrongCheckDigit_invalid() {
            // Σ Ni·Wi for 010023348 = 167; 167 mod 11 = 2; N10 = 8, not 0
            assertFalse(VnIdentifiers.isTaxCode("0100233480", false));
        }

        @Test
        void isTaxCode_handComputedControl_valid() {
            // 010000006: Σ = 1·29 + 6·3 = 47; 47 mod 11 = 3; N10 = 10 − 3 = 7
            assertTrue(VnIdentifiers.isTaxCode("0100000067", false));
            assertFalse(VnIdentifiers.isTaxCode("0100000066", false));
        }

        @Test
        void isTaxCode_remainderZero_rejectedForEveryCheckDigit() {
            // 010000005: Σ = 1·29 + 5·3 = 44; 44 mod 11 = 0; N10 would be 10, which is no digit (python-stdnum rejects)
            for (char d = '0'; d <= '9'; d++) {
                assertFalse(VnIdentifiers.isTaxCode("010000005" + d, false), "010000005" + d);
            }
        }

        @Test
        void isTaxCode_allZeroSequence_invalid() {
            // digits 3-9 0000000 are not a sequence number (python-stdnum)
            for (char d = '0'; d <= '9'; d++) {
                assertFalse(VnIdentifiers.isTaxCode("010000000" + d, false));
            }
        }

        @Test
        void isTaxCode_branchSuffix_withOrWithoutDash() {
            assertTrue(VnIdentifiers.isTaxCode("0100233488-001", false));
            assertTrue(VnIdentifiers.isTaxCode("0100233488999", false));
            assertFalse(VnIdentifiers.isTaxCode("0100233488-000", false));
            assertFalse(VnIdentifiers.isTaxCode("0100233480-001", false));
            assertFalse(VnIdentifiers.isTaxCode("0100233488_001", false));
        }

        @Test
        void isTaxCode_personalIdOnlyWhereAllowed() {
            assertTrue(VnIdentifiers.isTaxCode("079205001234", true));
            assertFalse(VnIdentifiers.isTaxCode("079205001234", false));
        }
    }

    @Nested
    class PersonalId {
        @Test
        void birthYearAndSex_hcmcMaleBorn2005() {
            // FACTS §6: 079205xxxxxx = HCMC-registered male born 2005
            assertArrayEquals(new int[] {2005, 0}, VnIdentifiers.birthYearAndSex("079205123456"));
        }

        @Test
        void birthYearAndSex_centuryTable() {
            assertArrayEquals(new int[] {1998, 1}, VnIdentifiers.birthYearAndSex("064198001234"));
            assertArrayEquals(new int[] {1995, 0}, VnIdentifiers.birthYearAndSex("064095004321"));
            assertArrayEquals(new int[] {2026, 1}, VnIdentifiers.birthYearAndSex("001326000001"));
            assertArrayEquals(new int[] {2101, 0}, VnIdentifiers.birthYearAndSex("001401000001"));
            assertArrayEquals(new int[] {2399, 1}, VnIdentifiers.birthYearAndSex("001999000001"));
        }

        @Test
        void isPersonalId_shape() {
            assertTrue(VnIdentifiers.isPersonalId("001099012345"));
            assertFalse(VnIdentifiers.isPersonalId("00109901234"));
            assertFalse(VnIdentifiers.isPersonalId("0010990123456"));
            assertFalse(VnIdentifiers.isPersonalId("00109901234a"));
            assertFalse(VnIdentifiers.isPersonalId("000099012345"));
            assertFalse(VnIdentifiers.isPersonalId("٠٠١٠٩٩٠١٢٣٤٥")); // Arabic-Indic digits are not ASCII digits
        }
    }

    @Nested
    class Mobile {
        @ParameterizedTest
        @ValueSource(strings = {"0861234567", "0321234567", "0391234567", "0881234567", "0811234567", "0891234567",
                "0701234567", "0791234567", "0561234567", "0591234567"})
        void isMobile_operatorPrefixes_valid(String n) {
            assertTrue(VnIdentifiers.isMobile(n));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0241234567", "0311234567", "0801234567", "091234567", "09123456789", "+84912345678", "0912 345 678"})
        void isMobile_landlineUnknownPrefixOrWrongShape_invalid(String n) {
            assertFalse(VnIdentifiers.isMobile(n));
        }
    }
}
