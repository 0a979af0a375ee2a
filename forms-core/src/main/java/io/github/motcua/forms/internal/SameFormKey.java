package io.github.motcua.forms.internal;

import java.util.Arrays;

/**
 * The schema store's same-form key of a procedure form's text read with the {@code $id} ID: the text with every
 * occurrence of ID replaced by U+0000 (found left to right and not overlapping, as {@link String#replace(CharSequence,
 * CharSequence)} finds them), without making that string. {@link #equals} and {@link #hashCode} are exactly those of
 * {@code text.replace(id, "\u0000")} (its {@link String#hashCode}, its {@link String#equals}), so a map keyed by these
 * keys finds exactly what one keyed by the replaced strings found.
 *
 * <p>Issue 15, session 24: the store made the replaced string of every procedure form, a copy of its whole text (the
 * copied catalogue's 2,000 forms ≈ 15 MB a load, hashed and compared once each). The key keeps the text and the
 * occurrences' offsets; its hash is worked out from the text's own {@link String#hashCode} and the characters up to
 * the end of the last occurrence (a form's {@code $id} is near its top), since for a text A + B the hash is
 * {@code h(A) × 31^|B| + h(B)}; two keys of equal hash and length are compared run by run, each occurrence as one
 * U+0000. Immutable.
 */
final class SameFormKey {
    private static final int[] NONE = {};

    private final String text;
    private final int idLength;
    /** Where each occurrence of the id starts in {@link #text}, in order. */
    private final int[] at;
    /** The length of the replaced string. */
    private final int length;
    private final int hash;

    private SameFormKey(String text, int idLength, int[] at) {
        this.text = text;
        this.idLength = idLength;
        this.at = at;
        this.length = text.length() - at.length * (idLength - 1);
        this.hash = hash(text, idLength, at);
    }

    /** The key of {@code text} read with the {@code $id} {@code id}. */
    static SameFormKey of(String text, String id) {
        if (id.isEmpty()) {
            // String.replace puts one before every character and at the end: made as before (no form has such an $id)
            return new SameFormKey(text.replace(id, "\u0000"), 0, NONE);
        }
        int[] at = NONE;
        int n = 0;
        for (int j = text.indexOf(id); j >= 0; j = text.indexOf(id, j + id.length())) {
            if (n == at.length) {
                at = Arrays.copyOf(at, Math.max(2, 2 * n));
            }
            at[n++] = j;
        }
        return new SameFormKey(text, id.length(), n == at.length ? at : Arrays.copyOf(at, n));
    }

    /** {@code text.replace(id, "\u0000").hashCode()}, reading the text only up to the end of the last occurrence. */
    private static int hash(String text, int idLength, int[] at) {
        if (at.length == 0) {
            return text.hashCode();
        }
        int replaced = 0; // the replaced string's prefix, up to the end of the last occurrence
        int own = 0; // the text's own prefix, as far
        int i = 0;
        for (int occurrence : at) {
            for (; i < occurrence; i++) {
                char c = text.charAt(i);
                replaced = 31 * replaced + c;
                own = 31 * own + c;
            }
            replaced = 31 * replaced; // U+0000
            for (int end = i + idLength; i < end; i++) {
                own = 31 * own + text.charAt(i);
            }
        }
        int power = pow31(text.length() - i);
        return replaced * power + (text.hashCode() - own * power); // the rest's hash is the text's less its prefix's
    }

    /** 31 to the power {@code n} in int arithmetic, as {@link String#hashCode} computes. */
    private static int pow31(int n) {
        int result = 1;
        int base = 31;
        for (int e = n; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result *= base;
            }
            base *= base;
        }
        return result;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof SameFormKey k && k.hash == hash && k.length == length && sameCharacters(this, k);
    }

    /** Whether the replaced strings of two keys of the same length are equal, compared run by run. */
    private static boolean sameCharacters(SameFormKey a, SameFormKey b) {
        int i = 0;
        int j = 0;
        int ka = 0;
        int kb = 0;
        while (true) {
            int endA = ka < a.at.length ? a.at[ka] : a.text.length(); // the end of a's run of its own characters
            int endB = kb < b.at.length ? b.at[kb] : b.text.length();
            int run = Math.min(endA - i, endB - j);
            if (run > 0 && !a.text.regionMatches(i, b.text, j, run)) {
                return false;
            }
            i += run;
            j += run;
            boolean aEnded = i == a.text.length() && ka == a.at.length;
            boolean bEnded = j == b.text.length() && kb == b.at.length;
            if (aEnded || bEnded) {
                return aEnded && bEnded;
            }
            char ca;
            if (i == endA && ka < a.at.length) {
                ca = 0;
                i += a.idLength;
                ka++;
            } else {
                ca = a.text.charAt(i++);
            }
            char cb;
            if (j == endB && kb < b.at.length) {
                cb = 0;
                j += b.idLength;
                kb++;
            } else {
                cb = b.text.charAt(j++);
            }
            if (ca != cb) {
                return false;
            }
        }
    }
}
