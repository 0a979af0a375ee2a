package io.github.motcua.forms.internal;

/**
 * The schema store's same-form key, "the form's text with each occurrence of its own {@code $id} replaced by U+0000"
 * ({@code text.replace(id, "\u0000")}), hashed and compared without making that string: the store used to make it for
 * every procedure form (a copy of every form's text, all kept until the store was built). Each method answers exactly
 * what the same operation on the replaced strings answers.
 */
final class SameText {
    private SameText() {
    }

    /** {@code text.replace(id, "\u0000").hashCode()}. */
    static int hashButOwnId(String text, String id) {
        if (id.isEmpty()) {
            return text.replace(id, "\u0000").hashCode(); // U+0000 around every character: never an $id a form keeps
        }
        int h = 0;
        int i = 0;
        for (int next = text.indexOf(id); ; next = text.indexOf(id, i)) {
            int end = next < 0 ? text.length() : next;
            for (; i < end; i++) {
                h = 31 * h + text.charAt(i);
            }
            if (next < 0) {
                return h;
            }
            h = 31 * h; // the U+0000 in the id's place
            i = next + id.length(); // occurrences do not overlap: replace looks again after the one replaced
        }
    }

    /** {@code a.replace(idA, "\u0000").equals(b.replace(idB, "\u0000"))}. */
    static boolean equalButOwnId(String a, String idA, String b, String idB) {
        if (idA.isEmpty() || idB.isEmpty() || a.indexOf('\u0000') >= 0 || b.indexOf('\u0000') >= 0) {
            // a U+0000 of the text itself could stand where the other has its id: compared as the replaced strings
            return a.replace(idA, "\u0000").equals(b.replace(idB, "\u0000"));
        }
        // otherwise each U+0000 of a replaced string is an id's place: equal when the runs between the places are
        int i = 0;
        int j = 0;
        while (true) {
            int nextA = a.indexOf(idA, i);
            int nextB = b.indexOf(idB, j);
            int endA = nextA < 0 ? a.length() : nextA;
            int endB = nextB < 0 ? b.length() : nextB;
            if (endA - i != endB - j || !a.regionMatches(i, b, j, endA - i)) {
                return false;
            }
            if (nextA < 0 || nextB < 0) {
                return nextA < 0 && nextB < 0;
            }
            i = nextA + idA.length();
            j = nextB + idB.length();
        }
    }
}
