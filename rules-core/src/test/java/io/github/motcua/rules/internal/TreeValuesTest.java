package io.github.motcua.rules.internal;

import static io.github.motcua.kernel.SourceTree.yamlFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.PackNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link TreeValues} reads a kernel tree's values as Jackson reads the same file's JSON values ({@link YamlDoc#root()}),
 * which the procedure reader did until session 21: for every node of every YAML file of the repository and of a file of
 * every kind of scalar YAML writes, each method gives what the Jackson method gives on that node — the same value, or an
 * exception of the same class with the same message — and {@link ProcedureShape} on the tree answers as it does on the
 * tree the JSON values were made from (its agreement with networknt is {@code ProcedureShapeTest}'s).
 */
class TreeValuesTest {
    /** Every kind of scalar and container a pack file may hold, as a mapping and inside a list. */
    static final String SCALARS = String.join("\n",
            "int: 1", "negative: -7", "zero: 0", "minusZero: -0", "long: 12345678901", "big: 99999999999999999999999",
            "double: 1.5", "two: 2.0", "exp: 1e3", "small: 1e-3", "inf: .inf", "minusInf: -.inf", "nan: .nan",
            "hex: 0x1F", "octal: 0o17", "leadingZero: 017", "under: 1_000", "plus: +5", "yes: true", "no: False",
            "yesWord: yes", "nothing: null", "tilde: ~", "empty:", "quoted: \"12\"", "single: '1.5'", "date: 2026-02-13",
            "time: \"15:00\"", "vi: \"Giấy khai sinh\"", "nfd: \"Gia\u0301y\"", "blank: \"\"", "space: \" \"",
            "folded: >", "  một dòng", "  nối tiếp", "literal: |", "  a", "  b", "tagged: !!str 5", "taggedInt: !!int \"7\"",
            "custom: !x y", "list: [1, a, {b: 2}, [3], null, true, 2.5]", "map: {vi: x, en: y}", "emptyMap: {}", "emptyList: []",
            "\"a/b~c\": 1", "");

    private static void sameAsJackson(PackNode n, List<String> differ, String where) {
        JsonNode j = YamlDoc.json(n);
        compare(where + " asString", () -> TreeValues.string(n), j::asString, differ);
        compareOrTooLarge(where + " asLong", n, () -> TreeValues.asLong(n), j::asLong, differ);
        compareOrTooLarge(where + " asInt", n, () -> TreeValues.asInt(n), j::asInt, differ);
        compare(where + " asBoolean", () -> TreeValues.asBoolean(n), j::asBoolean, differ);
        if (n.kind() == PackNode.Kind.NUMBER) {
            compare(where + " decimalValue", () -> TreeValues.decimal(n), j::decimalValue, differ);
        }
        List<JsonNode> items = new ArrayList<>();
        j.forEach(items::add);
        List<JsonNode> mine = new ArrayList<>();
        TreeValues.items(n).forEach(x -> mine.add(YamlDoc.json(x)));
        if (!items.equals(mine)) {
            differ.add(where + " items: " + mine + " vs " + items);
        }
        if (n.isMap() && n.get("vi") != null) {
            compare(where + " text", () -> TreeValues.text(n), () -> PackLoader.text(j), differ);
        }
        for (PackNode c : n.map().values()) {
            sameAsJackson(c, differ, where + "/" + c.pointer());
        }
        for (PackNode c : n.list()) {
            sameAsJackson(c, differ, where + "/" + c.pointer());
        }
    }

    /**
     * As {@link #compare}, except where Jackson refuses a whole number too large for the type: there the tree's reading
     * is its own typed {@link TreeValues.OutOfRange} at the node (the reader words it plainly, at the number's line).
     */
    private static void compareOrTooLarge(String what, PackNode n, java.util.function.Supplier<Object> mine,
            java.util.function.Supplier<Object> jackson, List<String> differ) {
        String b = outcome(jackson);
        boolean tooLarge = n.kind() == PackNode.Kind.NUMBER && b.startsWith("threw ") && b.contains(" range");
        if (!tooLarge) {
            compare(what, mine, jackson, differ);
            return;
        }
        try {
            mine.get();
            differ.add(what + ": read a value where Jackson's " + b);
        } catch (TreeValues.OutOfRange e) {
            if (!e.pointer.equals(n.pointer()) || !String.valueOf(n.number()).startsWith(e.value.replace("…", ""))) {
                differ.add(what + ": out of range at [" + e.pointer + "] value [" + e.value + "]");
            }
        }
    }

    private static void compare(String what, java.util.function.Supplier<Object> mine, java.util.function.Supplier<Object> jackson,
            List<String> differ) {
        String a = outcome(mine);
        String b = outcome(jackson);
        if (!a.equals(b)) {
            differ.add(what + ": " + a + " vs Jackson's " + b);
        }
    }

    private static String outcome(java.util.function.Supplier<Object> s) {
        try {
            Object v = s.get();
            return (v == null ? "null" : v.getClass().getSimpleName()) + " " + v;
        } catch (RuntimeException e) {
            return "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static List<String> differences(String file, String text) {
        YamlDoc doc = YamlDoc.parse(file, text, new ArrayList<>());
        if (doc == null) {
            return List.of();
        }
        List<String> differ = new ArrayList<>();
        sameAsJackson(doc.tree(), differ, file);
        return differ;
    }

    @Test
    void everyKindOfScalar_readAsJacksonReadsIt() {
        List<String> differ = differences("x.yaml", SCALARS);
        differ.addAll(differences("y.yaml", "- " + SCALARS.replace("\n", "\n  ")));
        assertTrue(differ.isEmpty(), String.join("\n", differ));
        // the file holds what the comparison is for: numbers Jackson converts itself, a big integer, texts, booleans
        YamlDoc doc = YamlDoc.parse("x.yaml", SCALARS, new ArrayList<>());
        assertNotNull(doc);
        assertEquals(PackNode.Kind.NUMBER, doc.tree().get("big").kind());
        // too large for an int (and the 23-digit one for a long): the typed refusal the reader words plainly
        TreeValues.OutOfRange tooLarge = org.junit.jupiter.api.Assertions.assertThrows(TreeValues.OutOfRange.class,
                () -> TreeValues.asInt(doc.tree().get("long")));
        assertEquals("/long", tooLarge.pointer);
        assertEquals(Integer.MAX_VALUE, tooLarge.max);
        assertEquals(PackNode.Kind.NUMBER, doc.tree().get("two").kind());
        assertEquals("2.0", TreeValues.string(doc.tree().get("two")));
        assertEquals(2L, TreeValues.asLong(doc.tree().get("two")));
        assertEquals(new java.math.BigDecimal("1.5"), TreeValues.decimal(doc.tree().get("double")));
        assertEquals("Gi\u00e1y", TreeValues.string(doc.tree().get("nfd")), "the reader's NFC of a + combining acute");
    }

    @Test
    void everyYamlFileOfTheRepository_readAsJacksonReadsIt_andTheShapeProofAgrees() throws IOException {
        int files = 0;
        List<String> differ = new ArrayList<>();
        for (Path f : yamlFiles()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            differ.addAll(differences(f.toString(), text));
            YamlDoc doc = YamlDoc.parse(f.toString(), text, new ArrayList<>());
            if (doc != null) {
                files++;
                // the proof reads the tree; the JSON values made from it give the same problems (ProcedureShapeTest)
                boolean proved = ProcedureShape.certainlyValid(doc.tree());
                if (proved) {
                    assertTrue(Schemas.validateWithNetworknt("procedure", doc, "", doc.root()).isEmpty(), f.toString());
                }
            }
        }
        assertTrue(differ.isEmpty(), differ.size() + " differences, first: " + differ.subList(0, Math.min(20, differ.size())));
        assertTrue(files > 200, "files: " + files);
    }

    @Test
    void aProvedProcedure_isNeverMadeIntoJsonValues() throws IOException {
        Path f = yamlFiles().stream().filter(p -> p.toString().replace('\\', '/').endsWith("procedures/1.001193/procedure.yaml"))
                .findFirst().orElseThrow();
        YamlDoc doc = YamlDoc.parse("procedures/1.001193/procedure.yaml", Files.readString(f, StandardCharsets.UTF_8),
                new ArrayList<>());
        assertTrue(Schemas.validate("procedure", doc).isEmpty());
        assertEquals(null, madeRoot(doc), "the JSON values of a proved procedure.yaml");
        // a file the proof leaves to networknt: made, once
        YamlDoc other = YamlDoc.parse("procedures/X/procedure.yaml", "code: X\nlevel: DISTRICT\n", new ArrayList<>());
        assertEquals(false, Schemas.validate("procedure", other).isEmpty());
        assertNotNull(madeRoot(other));
        assertTrue(other.root() == other.root());
    }

    private static Object madeRoot(YamlDoc doc) {
        try {
            java.lang.reflect.Field root = YamlDoc.class.getDeclaredField("root");
            root.setAccessible(true);
            return root.get(doc);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
