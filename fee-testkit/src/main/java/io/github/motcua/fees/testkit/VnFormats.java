package io.github.motcua.fees.testkit;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of the Vietnamese string formats of docs/pack-format.md. Stateless. */
final class VnFormats {

    /** Birth-registration province codes seen in FACTS.md §6 (001 Hà Nội, 079 HCMC; 064, 052 [MEMORY]). */
    static final List<String> PROVINCES = List.of("001", "079", "064", "052");
    /** Mobile prefixes of FACTS.md §6 (all match ^0[35789]\d{8}$). */
    static final List<String> MOBILE_PREFIXES = List.of("086", "096", "097", "098", "032", "033", "034", "035", "036",
            "037", "038", "039", "088", "091", "094", "081", "082", "083", "084", "085", "089", "090", "093", "070",
            "076", "077", "078", "079", "056", "058", "059");
    private static final int[] MST_WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private VnFormats() {
    }

    /** 12 digits: province, century/sex digit, two-digit birth year, six random digits (NĐ 137/2015 Art. 13). */
    static Arbitrary<String> personalId() {
        return Combinators.combine(Arbitraries.of(PROVINCES), Arbitraries.integers().between(1930, 2025),
                Arbitraries.of(0, 1), Arbitraries.strings().numeric().ofLength(6))
                .as((p, year, female, rest) -> {
                    int century = year < 2000 ? 0 : 2;
                    return p + (century + female) + String.format(java.util.Locale.ROOT, "%02d", year % 100) + rest;
                });
    }

    /** A 10-digit tax code with a valid check digit (weights 31…3; remainder 0 is avoided, FACTS.md §6). */
    static Arbitrary<String> taxCode() {
        return Combinators.combine(Arbitraries.integers().between(1, 99), Arbitraries.integers().between(1, 9_999_999))
                .as((province, seq) -> String.format(java.util.Locale.ROOT, "%02d%07d", province, seq))
                .filter(nine -> checkDigit(nine) >= 0)
                .map(nine -> nine + checkDigit(nine));
    }

    /** The MST check digit of the first nine digits, or -1 when the remainder is 0 (invalid for python-stdnum). */
    static int checkDigit(String nine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * MST_WEIGHTS[i];
        }
        int r = sum % 11;
        if (r == 0) {
            return -1;
        }
        return 10 - r;
    }

    /** A 10-digit mobile number with a real operator prefix. */
    static Arbitrary<String> mobile() {
        return Combinators.combine(Arbitraries.of(MOBILE_PREFIXES), Arbitraries.strings().numeric().ofLength(7))
                .as((p, rest) -> p + rest);
    }

    private static String edge(String s, int i) {
        return s.charAt(i) == ' ' ? s.substring(0, i) + 'a' + s.substring(i + 1) : s;
    }

    /** Vietnamese words with full diacritics (NFC), e.g. for names and addresses. */
    static Arbitrary<String> text(int min, int max) {
        String letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";
        return Arbitraries.strings().withChars(letters + " ").ofMinLength(Math.max(min, 0))
                .ofMaxLength(Math.max(Math.max(min, 0), max))
                .map(s -> s.isBlank() ? "a".repeat(s.length()) : s)
                .map(s -> s.isEmpty() ? s : edge(edge(s, 0), s.length() - 1));
    }
}
