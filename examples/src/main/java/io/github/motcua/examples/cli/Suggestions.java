package io.github.motcua.examples.cli;

import io.github.motcua.rules.Procedure;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for an unknown procedure code: the pack's closest codes by edit distance, each with
 * its name, so a mistyped {@code 2.000816} points at {@code 2.000815}. Stateless and thread-safe.
 */
final class Suggestions {
    static final int MAX = 3;

    private Suggestions() {
    }

    /** The message for an unknown {@code code}: Vietnamese, or English when {@code en}. */
    static String unknownProcedure(String code, List<Procedure> catalog, boolean en) {
        List<Procedure> near = closest(code, catalog);
        StringBuilder b = new StringBuilder(CliMessages.text(en, "CLI_UNKNOWN_PROCEDURE", "code", code));
        if (!near.isEmpty()) {
            b.append("; ").append(CliMessages.text(en, "CLI_CLOSEST_CODES")).append(' ');
            for (int i = 0; i < near.size(); i++) {
                Procedure p = near.get(i);
                b.append(i == 0 ? "" : ", ").append(p.code()).append(" (")
                        .append(en ? p.name().enOrVi() : p.name().vi()).append(')');
            }
        }
        return b.toString();
    }

    /** Up to {@link #MAX} procedures whose code is within a third of its length of {@code code}, closest first. */
    static List<Procedure> closest(String code, List<Procedure> catalog) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        int limit = Math.max(2, c.length() / 3);
        return catalog.stream()
                .filter(p -> distance(c, p.code().toUpperCase(Locale.ROOT)) <= limit)
                .sorted(Comparator.<Procedure>comparingInt(p -> distance(c, p.code().toUpperCase(Locale.ROOT)))
                        .thenComparing(Procedure::code))
                .limit(MAX).toList();
    }

    /** Levenshtein distance, bounded input (codes are at most 64 characters; longer text is cut). */
    static int distance(String a, String b) {
        a = a.length() > 64 ? a.substring(0, 64) : a;
        b = b.length() > 64 ? b.substring(0, 64) : b;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
