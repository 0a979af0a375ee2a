package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema store's same-form key computed without copying each form ({@link SameText}) against what it replaces:
 * {@code text.replace(id, "\u0000")}, its hash and its equality; then the store's {@link SchemaStore#sameFormAs}
 * over many forms against the old rule computed here from those copies.
 */
class SameTextTest {
    private static final String[] IDS = {"", "a", "aa", "ab", "aba", "\u0000", "x\u0000", "\uD83D\uDE00", "\uD83D",
        "urn:motcua:forms:procedure:A", "urn:motcua:forms:procedure:A.1", "Đ", "ế", "\"}"};
    private static final String[] PIECES = {"a", "b", "aa", "ab", "ba", "aba", "\u0000", "x", "\uD83D\uDE00", "\uD83D",
        "\uDE00", "Đ", "ế", "e\u0301", "{\"$id\": \"", "\"}", "urn:motcua:forms:procedure:", "A", "A.1", " ", "\n",
        "urn:motcua:forms:procedure:A"};

    private static int oldHash(String text, String id) {
        return text.replace(id, "\u0000").hashCode();
    }

    private static boolean oldEqual(String a, String idA, String b, String idB) {
        return a.replace(idA, "\u0000").equals(b.replace(idB, "\u0000"));
    }

    private static void same(String a, String idA, String b, String idB) {
        assertEquals(oldHash(a, idA), SameText.hashButOwnId(a, idA), () -> "hash of " + show(a) + " without " + show(idA));
        assertEquals(oldEqual(a, idA, b, idB), SameText.equalButOwnId(a, idA, b, idB),
                () -> show(a) + " without " + show(idA) + " vs " + show(b) + " without " + show(idB));
    }

    private static String show(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.chars().forEach(c -> sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.append('"').toString();
    }

    private static String random(Random r, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    /** A text made of {@code holes} runs with {@code id} between them: equal but for the id to the same runs with another id. */
    private static String filled(List<String> runs, String id) {
        return String.join(id, runs);
    }

    @Test
    void edgeCases_sameAnswersAsTheReplacedStrings() {
        String[] texts = {"", "a", "aa", "aaa", "aaaa", "abab", "aba", "\u0000", "\u0000\u0000", "a\u0000a", "\uD83D\uDE00",
            "\uD83D\uDE00\uD83D", "urn:motcua:forms:procedure:A", "urn:motcua:forms:procedure:A.1",
            "{\"$id\": \"urn:motcua:forms:procedure:A\"}", "{\"$id\": \"urn:motcua:forms:procedure:B\"}",
            "{\"$id\": \"\"}", "Đế\u0000ế", "ế"};
        int checked = 0;
        for (String a : texts) {
            for (String b : texts) {
                for (String idA : IDS) {
                    for (String idB : IDS) {
                        same(a, idA, b, idB);
                        checked++;
                    }
                }
            }
        }
        assertEquals(texts.length * texts.length * IDS.length * IDS.length, checked);
        // overlapping occurrences are replaced from the left, as String.replace does
        assertTrue(SameText.equalButOwnId("aaa", "aa", "\u0000a", "\u0000\u0000"));
        assertTrue(SameText.equalButOwnId("{\"$id\": \"A\", \"t\": \"A\"}", "A", "{\"$id\": \"BB\", \"t\": \"BB\"}", "BB"));
        assertTrue(!SameText.equalButOwnId("{\"$id\": \"A\", \"t\": \"A\"}", "A", "{\"$id\": \"BB\", \"t\": \"A\"}", "BB"));
    }

    @Test
    void randomTexts_sameAnswersAsTheReplacedStrings() {
        Random r = new Random(17);
        int equalPairs = 0;
        for (int n = 0; n < 200_000; n++) {
            String idA = IDS[r.nextInt(IDS.length)];
            String idB = IDS[r.nextInt(IDS.length)];
            String a;
            String b;
            if (r.nextBoolean()) {
                a = random(r, r.nextInt(12));
                b = r.nextInt(4) == 0 ? a : random(r, r.nextInt(12));
            } else {
                // the same runs around each text's own id, then perhaps one change
                List<String> runs = new ArrayList<>();
                for (int i = 0, holes = r.nextInt(4); i <= holes; i++) {
                    runs.add(random(r, r.nextInt(5)));
                }
                a = filled(runs, idA);
                b = filled(runs, idB);
                if (r.nextInt(3) == 0 && !b.isEmpty()) {
                    int at = r.nextInt(b.length());
                    b = b.substring(0, at) + PIECES[r.nextInt(PIECES.length)] + b.substring(at + (r.nextBoolean() ? 1 : 0));
                }
            }
            same(a, idA, b, idB);
            if (oldEqual(a, idA, b, idB)) {
                equalPairs++;
            }
        }
        assertTrue(equalPairs > 20_000, "the equal case must be exercised too: " + equalPairs);
    }

    // ---- the store: which forms it takes as the same form, against the rule with copies ----

    private static boolean equalButId(ObjectNode a, ObjectNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : a.properties()) {
            if (!"$id".equals(e.getKey()) && !e.getValue().equals(b.get(e.getKey()))) {
                return false;
            }
        }
        return b.has("$id") == a.has("$id");
    }

    /** The store's old rule: the first earlier procedure form whose copy with its own $id replaced is equal, if its tree is too. */
    private static Map<String, String> oldSameFormAs(Map<String, String> files) {
        Map<String, String> byText = new java.util.HashMap<>();
        Map<String, ObjectNode> trees = new java.util.HashMap<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String code = SchemaStore.procedureCode(f.getKey());
            ObjectNode obj = (ObjectNode) PlainJson.readTree(f.getValue());
            String id = obj.path("$id").isString() ? obj.get("$id").asString() : null;
            if (id == null) {
                id = "urn:motcua:forms:procedure:" + code;
                obj.put("$id", id);
            }
            trees.put(id, obj);
            if (code != null) {
                String first = byText.putIfAbsent(f.getValue().replace(id, "\u0000"), id);
                out.put(id, first != null && equalButId(trees.get(first), obj) ? first : id);
            }
        }
        return out;
    }

    private static String withId(String form, String id) {
        return form.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{\"$id\": \"" + id + "\", "));
    }

    @Test
    void store_takesTheSameFormsAsTheOldKey() throws IOException {
        List<String> forms = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of("../examples"))) {
            for (Path p : (Iterable<Path>) walk.filter(p -> p.toString().endsWith("form.schema.json")).sorted()::iterator) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                forms.add(text.replace("\"$id\"", "\"x-was-id\"")); // each copy gets the $id its case says
            }
        }
        assertTrue(forms.size() >= 14, "forms found: " + forms.size());
        Random r = new Random(7);
        Map<String, String> files = new LinkedHashMap<>();
        // the shared form the example forms refer to, first as in load order
        files.put("forms/common.schema.json", Files.readString(Path.of("../examples/packs/gia-lai/forms/common.schema.json")));
        int n = 0;
        for (int copy = 0; copy < 12; copy++) {
            for (String form : forms) {
                String code = String.format("P.%05d", n++);
                String id = "urn:motcua:forms:procedure:" + code;
                String text = switch (r.nextInt(8)) {
                    case 0 -> form; // no $id: the store names it
                    case 1 -> withId(form, id);
                    case 2 -> withId(form, "urn:motcua:forms:procedure:" + code + ".own"); // an $id of its own choosing
                    case 3 -> withId(form, id).replace("\"type\"", "\"description\": \"see " + id + "\", \"type\""); // its id twice
                    case 4 -> withId(form, id).replace("\"type\"", "\"description\": \"see P.00000\", \"type\""); // another's
                    case 5 -> withId(form, "urn:motcua:forms:procedure:\\u0050." + code.substring(2)); // an escaped $id
                    case 6 -> withId(form, id).replaceFirst("\\{", "{ "); // white space differs
                    default -> withId(form, id).replaceFirst("\"type\"", "\"title\": \"" + (n % 3) + "\", \"type\""); // a change
                };
                files.put("procedures/" + code + "/form.schema.json", text);
            }
        }
        SchemaStore store = new SchemaStore(files);
        Map<String, String> expected = oldSameFormAs(files);
        int shared = 0;
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(e.getValue(), store.sameFormAs(e.getKey()), e.getKey());
            if (!e.getValue().equals(e.getKey())) {
                shared++;
            }
        }
        assertEquals(files.size() - 1, expected.size());
        assertTrue(shared > files.size() / 4 && shared < files.size() - forms.size(), "forms taken as the same: " + shared);
    }
}
