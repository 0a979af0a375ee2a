package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The "did you mean" search over a catalogue's procedure codes ({@code UNKNOWN_PROCEDURE}'s closest codes, a dossier's
 * unknown code) stops a comparison once it is past the limit: {@link DossierProblems#codeDistance(String, String, int,
 * int[][])} must give exactly the plain edit distance whenever that is within the limit, and a number above the limit
 * otherwise — so the same codes are kept, with the same distances, in the same order.
 */
class CodeDistanceTest {
    private static final String ALPHABET = "0123456789.-_ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyzßĐđÀàỆệ";

    @Test
    void boundedDistance_isThePlainOneWithinTheLimit_andAboveTheLimitOtherwise() {
        Random r = new Random(15);
        int[][] rows = {new int[65], new int[65]};
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String a = random(r, r.nextInt(r.nextInt(10) == 0 ? 80 : 14));
            String b = r.nextBoolean() ? mutate(r, a) : random(r, r.nextInt(r.nextInt(10) == 0 ? 80 : 14));
            pairs.add(new String[] {a, b});
        }
        // the edges: empty codes, the 64-character cut on both sides, case, characters whose upper case is longer
        String sixtyFour = "1.".repeat(32);
        String[][] edges = {{"", ""}, {"", "A"}, {"A", ""}, {"1.000893", "1.000893"}, {"1.000893", "1.000894"},
                {"1.000893", "1.00089"}, {"1.000893", "2.002222"}, {sixtyFour, sixtyFour + "X"}, {sixtyFour + "9", sixtyFour},
                {sixtyFour, "Y" + sixtyFour}, {"STRASSE", "straße"}, {"STRASE", "straße"}, {"ĐĂNG-KÝ", "đăng-ký"},
                {"ABC", "abcdefgh"}, {"ABCDEFGH", "abc"}};
        for (String[] e : edges) {
            pairs.add(e);
        }
        int within = 0;
        for (String[] p : pairs) {
            String wanted = p[0].strip().toUpperCase(Locale.ROOT);
            wanted = wanted.length() > 64 ? wanted.substring(0, 64) : wanted;
            int plain = DossierProblems.codeDistance(wanted, p[1]);
            for (int limit : new int[] {0, 1, 2, 3, Math.max(2, wanted.length() / 3), 21}) {
                int bounded = DossierProblems.codeDistance(wanted, p[1], limit, rows);
                if (plain <= limit) {
                    within++;
                    assertEquals(plain, bounded, () -> String.join(" | ", p) + " limit " + limit);
                } else {
                    assertTrue(bounded > limit, () -> String.join(" | ", p) + " limit " + limit + ": " + bounded);
                }
            }
        }
        assertTrue(within > 100_000, "the pairs must often be within the limit: " + within);
    }

    private static String random(Random r, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A few edits of {@code s}: what a mistyped code looks like. */
    private static String mutate(Random r, String s) {
        StringBuilder sb = new StringBuilder(s);
        int edits = r.nextInt(5);
        for (int i = 0; i < edits; i++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            switch (r.nextInt(4)) {
                case 0 -> sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 1 -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (sb.length() > 0) {
                        sb.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    }
                }
                default -> {
                    if (sb.length() > 0) {
                        sb.setCharAt(at, Character.toLowerCase(sb.charAt(at)));
                    }
                }
            }
        }
        return sb.toString();
    }
}
