package io.github.motcua.forms.internal;

import java.util.Arrays;

/**
 * The schema store's same-form key of a procedure form's text read with the {@code $id} ID: the text with every
 * occurrence of ID replaced by U+0000 (found left to right and not overlapping, as {@link String#replace(CharSequence,
 * CharSequence)} finds them). {@link #equals} and {@link #hashCode} are exactly those of {@code text.replace(id,
 * "\u0000")} (its {@link String#hashCode}, its {@link String#equals}), so a map keyed by these keys finds exactly what
 * one keyed by the replaced strings found; the replaced string is made only when the key meets another of the same hash
 * and length.
 *
 * <p>Issue 15, session 24: the store made the replaced string of every procedure form, a copy of its whole text, to
 * hash it once and look it up; in a catalogue of different forms none is ever found (2,000 forms: ≈ 20 MB a load for
 * nothing). The key keeps the text and the occurrences' offsets; its hash is worked out from the text's own
 * {@link String#hashCode} and the characters up to the end of the last occurrence (a form's {@code $id} is near its
 * top), since for a text A + B the hash is {@code h(A) × 31^|B| + h(B)}. Not thread-safe (one store's build).
 */
final class SameFormKey {
    private static final int[] NONE = {};

    private final String text;
    private final String id;
    private final int idLength;
    /** {@link #replaced()}, once made. */
    private String replaced;
    /** Where each occurrence of the id starts in {@link #text}, in order. */
    private final int[] at;
    /** The length of the replaced string. */
    private final int length;
    private final int hash;

    private SameFormKey(String text, String id, int[] at) {
        this.text = text;
        this.id = id;
        this.idLength = id.length();
        this.at = at;
        this.length = text.length() - at.length * (idLength - 1);
        this.hash = hash(text, idLength, at);
    }

    /** The key of {@code text} read with the {@code $id} {@code id}. */
    static SameFormKey of(String text, String id) {
        if (id.isEmpty()) {
            // String.replace puts one before every character and at the end: made as before (no form has such an $id)
            return new SameFormKey(text.replace(id, "\u0000"), "", NONE);
        }
        int[] at = NONE;
        int n = 0;
        for (int j = text.indexOf(id); j >= 0; j = text.indexOf(id, j + id.length())) {
            if (n == at.length) {
                at = Arrays.copyOf(at, Math.max(2, 2 * n));
            }
            at[n++] = j;
        }
        return new SameFormKey(text, id, n == at.length ? at : Arrays.copyOf(at, n));
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
        return o instanceof SameFormKey k && k.hash == hash && k.length == length && replaced().equals(k.replaced());
    }

    /**
     * The replaced string, made the first time this key is compared with one of equal hash and length (a copy and its
     * pattern) and kept: compared by {@link String#equals}, whose compiled intrinsic the JIT has early in any JVM,
     * where a comparison run by run ({@link String#regionMatches}, a loop the JIT compiles late while a load keeps it
     * busy) cost the copied catalogue's load ≈ 0.4 s more CPU than the copy it saved (issue 15, session 24). A form no
     * other form's key matches (a catalogue of different forms: every one) is never copied.
     */
    private String replaced() {
        String r = replaced;
        if (r == null) {
            r = at.length == 0 ? text : text.replace(id, "\u0000"); // no occurrence (or made already): the text
            replaced = r;
        }
        return r;
    }
}
