package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema store's same-form key ({@link SameFormKey}, issue 15, session 24) answers exactly as the string it stands
 * for, {@code text.replace(id, "\u0000")}, which the store used to make for every procedure form: the same hash, and
 * equal exactly when those strings are equal — so the store finds the same copies and shares the same forms (the
 * store's own answers: {@code SchemaStorePatternsTest}, {@code SchemaStoreSharingTableTest}, unchanged).
 */
class SameFormKeyTest {
    private static final String ALPHABET = "ab\"{}:,\u0000ệƯ\uD83D\uDE00 ";

    private static void same(String textA, String idA, String textB, String idB) {
        String a = textA.replace(idA, "\u0000");
        String b = textB.replace(idB, "\u0000");
        SameFormKey ka = SameFormKey.of(textA, idA);
        SameFormKey kb = SameFormKey.of(textB, idB);
        String what = "[" + textA + "|" + idA + "] [" + textB + "|" + idB + "]";
        assertEquals(a.hashCode(), ka.hashCode(), what);
        assertEquals(b.hashCode(), kb.hashCode(), what);
        assertEquals(a.equals(b), ka.equals(kb), what);
        assertEquals(a.equals(b), kb.equals(ka), what);
    }

    private static String random(Random r, int max) {
        StringBuilder s = new StringBuilder();
        for (int n = r.nextInt(max + 1); n > 0; n--) {
            s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /**
     * Random texts over a small alphabet (so ids recur, overlap — "aa" in "aaa" —, sit at either end, and the text has
     * U+0000 of its own, a surrogate pair, Vietnamese letters), each against its own variants: the id replaced by another,
     * a character changed, cut or added, the same text with another id, and another random text.
     */
    @Test
    void answersAsTheReplacedString() {
        Random r = new Random(15_24);
        for (int round = 0; round < 200_000; round++) {
            String id = random(r, 3);
            if (id.isEmpty() && r.nextInt(50) != 0) {
                id = "a";
            }
            String text = random(r, 24);
            if (r.nextBoolean() && !id.isEmpty()) {
                int at = r.nextInt(text.length() + 1);
                text = text.substring(0, at) + id + text.substring(at);
            }
            String other = random(r, 3);
            String variant = switch (r.nextInt(6)) {
                case 0 -> id.isEmpty() ? text : text.replace(id, other);
                case 1 -> text;
                case 2 -> text.isEmpty() ? text : text.substring(0, r.nextInt(text.length()));
                case 3 -> text + ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                case 4 -> {
                    if (text.isEmpty()) {
                        yield text;
                    }
                    int at = r.nextInt(text.length());
                    yield text.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + text.substring(at + 1);
                }
                default -> random(r, 24);
            };
            String variantId = switch (r.nextInt(3)) {
                case 0 -> id;
                case 1 -> other.isEmpty() ? id : other;
                default -> random(r, 3);
            };
            same(text, id, variant, variantId);
            same(text, id, text, id);
        }
    }

    /**
     * Every form of the repository's packs against every other, each read with its own {@code $id} and with the other's:
     * the copies the store finds in a real pack (the generated catalogue's forms are copies of these but for the id).
     */
    @Test
    void answersAsTheReplacedStringOnTheRepositorysForms() throws IOException {
        List<String[]> forms = new ArrayList<>();
        for (Path root : List.of(Path.of("..", "examples", "packs"), Path.of("src", "test", "resources"),
                Path.of("..", "rules-core", "src", "test", "resources"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList()) {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    int at = text.indexOf("\"$id\"");
                    int open = at < 0 ? -1 : text.indexOf('"', text.indexOf(':', at) + 1);
                    int close = open < 0 ? -1 : text.indexOf('"', open + 1);
                    String id = close < 0 ? "urn:motcua:forms:procedure:x" : text.substring(open + 1, close);
                    forms.add(new String[] {text, id});
                    // a copy but for its $id, as a catalogue makes them
                    forms.add(new String[] {text.replace(id, id + "-copy"), id + "-copy"});
                }
            }
        }
        assertEquals(true, forms.size() >= 20, () -> "forms found: " + forms.size());
        for (String[] a : forms) {
            for (String[] b : forms) {
                same(a[0], a[1], b[0], b[1]);
                same(a[0], b[1], b[0], a[1]);
            }
        }
    }
}
