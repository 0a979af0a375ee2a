package io.github.motcua.forms.internal;

import java.util.Set;

/**
 * Checks of Vietnamese identifiers (FACTS.md §6). Pure functions; thread-safe.
 */
public final class VnIdentifiers {
    private VnIdentifiers() {
    }

    private static final int[] MST_WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    /**
     * Mobile prefixes after the 2018 conversion (FACTS.md §6, news sources). 052, 092 (Vietnamobile)
     * and 099 (Gmobile) are from memory only; they are accepted because refusing a real number is
     * worse than accepting an unassigned one.
     */
    static final Set<String> MOBILE_PREFIXES = Set.of(
            "086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039", // Viettel
            "088", "091", "094", "081", "082", "083", "084", "085", // VinaPhone
            "089", "090", "093", "070", "076", "077", "078", "079", // MobiFone
            "056", "058", "052", "092", // Vietnamobile
            "059", "099"); // Gmobile

    static boolean digits(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A 12-digit personal identification number (NĐ 137/2015/NĐ-CP Art. 13; TT 07/2016/TT-BCA Art. 7):
     * 12 ASCII digits, the 3-digit birth-registration province/country code not {@code 000}. Province
     * codes are not checked against a list (only 001 and 079 are verified in FACTS.md).
     */
    public static boolean isPersonalId(String s) {
        return digits(s, 12) && !s.startsWith("000");
    }

    /**
     * The birth year and sex encoded in digits 4–6 of a personal identification number: digit 4 is
     * (century − 19) × 2, plus 1 for a female; digits 5–6 are the year's last two digits.
     *
     * @return {@code {year, female ? 1 : 0}}
     */
    public static int[] birthYearAndSex(String personalId) {
        int d4 = personalId.charAt(3) - '0';
        int yy = (personalId.charAt(4) - '0') * 10 + (personalId.charAt(5) - '0');
        int century = 19 + d4 / 2;
        return new int[] {century * 100 + yy, d4 % 2};
    }

    /**
     * A tax code (mã số thuế): 10 digits with check digit N10 = 10 − (Σ Ni·Wi mod 11),
     * W = 31, 29, 23, 19, 17, 13, 7, 5, 3, digits 3–9 not all zero; or 13 digits (the 10 plus a branch
     * suffix 001–999) written with or without '-'. A remainder of 0 would give 10, which is not a
     * digit: such codes are rejected, as python-stdnum does (FACTS.md §6).
     *
     * @param acceptPersonalId also accept a 12-digit personal identification number (individuals and
     *                         households since 01/7/2025, TT 86/2024/TT-BTC)
     */
    public static boolean isTaxCode(String s, boolean acceptPersonalId) {
        if (acceptPersonalId && isPersonalId(s)) {
            return true;
        }
        String base;
        if (s.length() == 14 && s.charAt(10) == '-') {
            base = s.substring(0, 10);
            String suffix = s.substring(11);
            return digits(suffix, 3) && !"000".equals(suffix) && isTaxCode10(base);
        }
        if (s.length() == 13) {
            String suffix = s.substring(10);
            return digits(s, 13) && !"000".equals(suffix) && isTaxCode10(s.substring(0, 10));
        }
        return isTaxCode10(s);
    }

    static boolean isTaxCode10(String s) {
        if (!digits(s, 10) || "0000000".equals(s.substring(2, 9))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (s.charAt(i) - '0') * MST_WEIGHTS[i];
        }
        int check = 10 - sum % 11;
        return check < 10 && s.charAt(9) - '0' == check;
    }

    /** A 10-digit mobile number in national form ({@code 0xxxxxxxxx}) with a known operator prefix. */
    public static boolean isMobile(String s) {
        return digits(s, 10) && MOBILE_PREFIXES.contains(s.substring(0, 3));
    }
}
