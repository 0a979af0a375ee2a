package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A procedure form whose tree the store makes from an earlier copy's ({@code SchemaStore.Patterns}, session 20) gives
 * exactly what parsing its text gives: the same trees (order and node classes), the same same-form answers, the same
 * refusal (class, file, message). Each pack is loaded twice — with the copies' trees made from their patterns, and
 * with every file parsed — and compared; the packs are the repository's example forms and copies of them with every
 * way a copy can stray from its pattern (an id written with an escape, an id found twice, quotation marks and
 * backslashes in ids, non-ASCII ids, a changed keyword, a broken text after the id, two root {@code $id}s, a missing
 * or duplicate id, an id with a fragment, another text before the id).
 */
class SchemaStorePatternsTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "packs");

    /** The example packs' shared forms (forms/*.schema.json) and procedure forms, by pack. */
    private static Map<String, Map<String, String>> examples() {
        Map<String, Map<String, String>> packs = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".schema.json")).sorted().toList()) {
                Path rel = EXAMPLES.relativize(p);
                String pack = rel.getName(0).toString();
                String inPack = rel.subpath(1, rel.getNameCount()).toString().replace('\\', '/');
                if (inPack.startsWith("forms/") || SchemaStore.procedureCode(inPack) != null) {
                    packs.computeIfAbsent(pack, k -> new TreeMap<>()).put(inPack, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packs;
    }

    /** What a store gives: every tree's text, same-form answer and file, or the refusal. */
    private static String outcome(Map<String, String> files, boolean derive, int[] derived) {
        try {
            SchemaStore s = new SchemaStore(files, derive);
            derived[0] += s.derivedTrees();
            StringBuilder out = new StringBuilder();
            for (String id : s.ids()) {
                JsonNode tree = s.at(id, "");
                out.append(id).append(" = ").append(s.fileOf(id)).append(" same ").append(s.sameFormAs(id)).append('\n')
                        .append(tree).append('\n').append(classes(tree)).append('\n');
            }
            return out.toString();
        } catch (RuntimeException e) {
            return "refused: " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** The node classes in document order (an int node where the parser makes one). */
    private static String classes(JsonNode n) {
        StringBuilder b = new StringBuilder(n.getClass().getSimpleName());
        if (n.isContainer()) {
            b.append('(');
            for (JsonNode c : n) {
                b.append(classes(c)).append(' ');
            }
            b.append(')');
        }
        return b.toString();
    }

    private static String form(String code) {
        return "procedures/" + code + "/form.schema.json";
    }

    /** A copy of {@code text} (whose $id is {@code id}) under {@code newId}, strayed from its pattern by {@code how}. */
    private static String copy(String text, String id, String newId, int how, Random r) {
        String c = text.replace(id, newId);
        switch (how) {
            case 0, 1, 2, 3 -> {
                return c; // a plain copy
            }
            case 4 -> { // the id written with an escape, the plain id in a description
                return c.replaceFirst("\"\\$id\"\\s*:\\s*\"urn:", "\"description\": \"" + newId.replace("\\", "\\\\")
                        .replace("\"", "\\\"") + "\", \"\\$id\": \"urn\\\\u003a");
            }
            case 5 -> { // the id twice
                return c.replaceFirst("\"type\"", "\"x-note\": \"" + newId + "\", \"type\"");
            }
            case 6 -> { // a keyword changed after the id
                return c.replaceFirst("\"object\"", "\"array\"");
            }
            case 7 -> { // broken after the id
                int cut = c.indexOf(newId) + newId.length() + 1 + r.nextInt(Math.max(1, c.length() - c.indexOf(newId) - newId.length() - 1));
                return c.substring(0, Math.min(cut, c.length())) + (r.nextBoolean() ? "" : "}}]");
            }
            case 8 -> { // two root ids, the last kept
                return c.replaceFirst("\\{", "{\"\\$id\": \"urn:first:" + r.nextInt(5) + "\", ");
            }
            case 9 -> { // another text before the id
                return c.replaceFirst("\\{", "{ ");
            }
            case 10 -> { // an id that is not a string
                return c.replace("\"" + newId + "\"", "{\"x\": 1}");
            }
            default -> { // a random byte changed anywhere
                char[] cs = c.toCharArray();
                String odd = "\"\\{}[],: x\u00e9#0";
                cs[r.nextInt(cs.length)] = odd.charAt(r.nextInt(odd.length()));
                return new String(cs);
            }
        }
    }

    private static final String[] ODD_IDS = {"urn:motcua:forms:procedure:%s", "urn:x:%s#frag", "urn:\u1ec7:%s", "urn:q\"%s",
        "urn:b\\\\%s", "%s", "urn:%s ", " urn:%s", "schema", "json-schema.org/draft/2020-12/schema", "https", "type", "urn:motcua:forms:procedure:%s:urn:motcua:forms:procedure:%s"};

    @Test
    void derivedTrees_areTheParsedTrees_onTheExamplesAndTheirCopies() {
        Random r = new Random(20_2026_12_07L);
        int[] derived = new int[1];
        int[] parsedOnly = new int[1];
        int packs = 0;
        int refused = 0;
        for (Map<String, String> example : examples().values()) {
            List<Map.Entry<String, String>> procedureForms = new ArrayList<>();
            Map<String, String> shared = new TreeMap<>();
            example.forEach((p, t) -> {
                if (SchemaStore.procedureCode(p) != null) {
                    procedureForms.add(Map.entry(p, t));
                } else {
                    shared.put(p, t);
                }
            });
            if (procedureForms.isEmpty()) {
                continue;
            }
            // the example as it is, then packs of copies
            check("example", example, derived, parsedOnly);
            packs++;
            for (int n = 0; n < 300; n++) {
                Map<String, String> pack = new TreeMap<>(shared);
                int copies = 2 + r.nextInt(12);
                List<Map.Entry<String, String>> few = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    few.add(procedureForms.get(r.nextInt(procedureForms.size()))); // copies of a few forms
                }
                for (int k = 0; k < copies; k++) {
                    Map.Entry<String, String> pattern = few.get(r.nextInt(few.size()));
                    String code = String.format("C%03d", k);
                    String id = "urn:motcua:forms:procedure:" + SchemaStore.procedureCode(pattern.getKey());
                    int how = r.nextInt(40) < 37 ? r.nextInt(4) : 4 + r.nextInt(8);
                    String newId = r.nextInt(12) == 0 ? String.format(ODD_IDS[r.nextInt(ODD_IDS.length)], code, code)
                            : r.nextInt(60) == 0 ? "urn:motcua:forms:procedure:C000" : "urn:motcua:forms:procedure:" + code;
                    pack.put(form(code), pattern.getValue().contains(id) ? copy(pattern.getValue(), id, newId, how, r)
                            : pattern.getValue());
                }
                String a = check("pack " + n, pack, derived, parsedOnly);
                refused += a.startsWith("refused") ? 1 : 0;
                packs++;
            }
        }
        assertTrue(packs > 60, "packs: " + packs);
        // the way the store takes, and its fallback, are both exercised, and so are refusals
        assertTrue(derived[0] > 200, "trees made from a pattern: " + derived[0] + ", refused packs " + refused + " of " + packs);
        assertTrue(refused > 10 && refused < packs - 10, "refused packs: " + refused + " of " + packs);
    }

    private static String check(String what, Map<String, String> pack, int[] derived, int[] unused) {
        String parsed = outcome(pack, false, new int[1]);
        String fast = outcome(pack, true, derived);
        if (!parsed.equals(fast)) {
            fail(what + ": the store differs when it makes trees from patterns\n--- parsed:\n" + head(parsed) + "\n--- derived:\n"
                    + head(fast));
        }
        return parsed;
    }

    private static String head(String s) {
        return s.length() > 3000 ? s.substring(0, 3000) + "…" : s;
    }

    @Test
    void aCopyButForItsId_isMadeFromItsPattern_andIsTheSameForm() {
        String text = "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"$id\": \"urn:motcua:forms:procedure:A\","
                + "\n  \"type\": \"object\", \"properties\": {\"n\": {\"type\": \"integer\", \"minimum\": 1}, "
                + "\"d\": {\"$ref\": \"#/$defs/d\"}}, \"$defs\": {\"d\": {\"type\": \"string\", \"enum\": [\"x\", 2, null, true]}}}";
        Map<String, String> pack = new TreeMap<>();
        pack.put(form("A"), text);
        pack.put(form("B"), text.replace("procedure:A", "procedure:B"));
        pack.put(form("C"), text.replace("procedure:A", "procedure:C").replace("\"minimum\": 1", "\"minimum\": 2"));
        SchemaStore s = new SchemaStore(pack, true);
        assertEquals(1, s.derivedTrees()); // B, not C (another text)
        assertEquals("urn:motcua:forms:procedure:A", s.sameFormAs("urn:motcua:forms:procedure:B"));
        assertEquals("urn:motcua:forms:procedure:C", s.sameFormAs("urn:motcua:forms:procedure:C"));
        // its local reference written with its own id, as for a parsed tree
        assertEquals("urn:motcua:forms:procedure:B#/$defs/d", s.at("urn:motcua:forms:procedure:B", "/properties/d/$ref").asString());
        assertEquals(outcome(pack, false, new int[1]), outcome(pack, true, new int[1]));
    }

    /**
     * A copy keeps the pattern's parts that nothing changes in place and makes new only the containers down to a local
     * reference (session 23): the copy's local references, in an object, in an array and as a {@code $dynamicRef},
     * are written with its own id and the pattern's with the pattern's, and the store is the one parsing gives.
     */
    @Test
    void aCopy_localReferencesInObjectsAndArrays_eachWrittenWithItsOwnId() {
        String text = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"$id\": \"urn:motcua:forms:procedure:A\","
                + " \"type\": \"object\", \"allOf\": [{\"required\": [\"n\"]}, {\"$ref\": \"#/$defs/o\"}],"
                + " \"properties\": {\"n\": {\"type\": \"integer\"}, \"list\": {\"type\": \"array\", \"prefixItems\": [{\"type\": \"string\"},"
                + " {\"$dynamicRef\": \"#/$defs/d\"}]}, \"d\": {\"title\": \"Ngày\", \"$ref\": \"#/$defs/d\"}},"
                + " \"$defs\": {\"d\": {\"type\": \"string\", \"format\": \"date\"}, \"o\": {\"type\": \"object\"}}}";
        Map<String, String> pack = new TreeMap<>();
        pack.put(form("A"), text);
        pack.put(form("B"), text.replace("procedure:A", "procedure:B"));
        pack.put(form("C"), text.replace("procedure:A", "procedure:C"));
        SchemaStore s = new SchemaStore(pack, true);
        assertEquals(2, s.derivedTrees());
        for (String f : List.of("A", "B", "C")) {
            String id = "urn:motcua:forms:procedure:" + f;
            assertEquals(id + "#/$defs/o", s.at(id, "/allOf/1/$ref").asString());
            assertEquals(id + "#/$defs/d", s.at(id, "/properties/list/prefixItems/1/$dynamicRef").asString());
            assertEquals(id + "#/$defs/d", s.at(id, "/properties/d/$ref").asString());
            assertEquals("Ngày", s.at(id, "/properties/d/title").asString());
        }
        assertEquals(outcome(pack, false, new int[1]), outcome(pack, true, new int[1]));
    }
}
