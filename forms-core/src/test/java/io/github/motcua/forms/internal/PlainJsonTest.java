package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link PlainJson} against Jackson's own mapper, the reader it replaces on a fresh JVM's path: the same trees (node
 * classes, values, key order, equality), the same {@code toString()} text, the same exceptions (class, message,
 * location, the parser's pointer), over the repository's JSON files, generated documents and broken variants of them.
 */
class PlainJsonTest {
    private static final JsonMapper LENIENT = JsonMapper.builder().build();
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Test
    void everyJsonFileOfTheRepository_readsToTheSameTreeAndText() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of(".."))) {
            files = s.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("/target/")
                    && !p.toString().contains("/.git/") && Files.isRegularFile(p)).toList();
        }
        assertTrue(files.size() > 30, "the repository's dossiers, forms and schemas: " + files.size());
        int trees = 0;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            same(text, f.toString());
            JsonNode plain = PlainJson.readTree(text);
            if (plain.isContainer()) {
                trees++;
                assertEquals(LENIENT.readTree(text).toString(), plain.toString(), f.toString());
            }
            sameStream(Files.readAllBytes(f), f.toString());
        }
        assertTrue(trees > 30, "JSON documents compared: " + trees);
    }

    @Test
    void generatedDocuments_andEveryBrokenVariant_giveTheSameTreeOrTheSameRefusal() {
        Random r = new Random(20261206);
        for (int i = 0; i < 3000; i++) {
            String doc = document(r, 0);
            same(doc, doc);
            // broken: cut, a character changed or dropped, trailing content, a duplicate key
            same(doc.substring(0, r.nextInt(doc.length() + 1)), doc);
            StringBuilder changed = new StringBuilder(doc);
            int at = r.nextInt(doc.length());
            String noise = "{}[],:\"\\ 0-e.tnx\u0000\n";
            changed.setCharAt(at, noise.charAt(r.nextInt(noise.length())));
            same(changed.toString(), doc);
            same(new StringBuilder(doc).deleteCharAt(at).toString(), doc);
            same(doc + "  " + document(r, 3), doc);
            same(doc + " ]", doc);
            if (doc.startsWith("{\"")) {
                int colon = doc.indexOf("\":");
                if (colon > 0) {
                    String firstKey = doc.substring(1, colon + 1);
                    same("{" + firstKey + ": 1, " + doc.substring(1), doc);
                }
            }
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            sameStream(bytes, doc);
            byte[] cut = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
            sameStream(cut, doc);
        }
    }

    @Test
    void numbers_takeTheMappersTypes_atEveryEdge() {
        List<String> numbers = new ArrayList<>(List.of("0", "-0", "0.0", "-0.0", "1", "-1", "2147483647", "2147483648",
                "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                "-9223372036854775809", "123456789012345678901234567890", "1e0", "1E2", "1e-2", "1.5e308", "1e309",
                "-1e309", "1e-400", "4.9e-324", "2.2250738585072014E-308", "0.1", "0.30000000000000004", "1.0",
                "100.000", "123456789.123456789123456789", "01", "-", "1.", ".5", "1e", "+1", "NaN", "Infinity",
                "0x10", "1_000"));
        numbers.add("1" + "0".repeat(999));
        numbers.add("1" + "0".repeat(1000));
        numbers.add("0." + "1".repeat(999));
        numbers.add("0." + "1".repeat(1000));
        for (String n : numbers) {
            same(n, n);
            same("[" + n + "]", n);
            same("{\"a\":" + n + "}", n);
        }
    }

    @Test
    void nestingAtAndOverTheParsersLimit_isRefusedAtTheSamePlace() {
        for (int depth : new int[] {1, 100, 499, 500, 501, 1000}) {
            same("[".repeat(depth) + "]".repeat(depth), "arrays " + depth);
            same("{\"a\":".repeat(depth) + "1" + "}".repeat(depth), "objects " + depth);
            same("[".repeat(depth), "unclosed " + depth);
        }
    }

    @Test
    void strings_escapesAndUnicode_areReadAndRenderedAsJacksonDoes() {
        List<String> strings = new ArrayList<>();
        for (char c = 0; c < 0x100; c++) {
            strings.add("a" + c + "b");
        }
        strings.addAll(List.of("/", "</script>", "\u2028\u2029", "\uD83D\uDE00", "\uD800", "\uDC00x", "\uFFFF",
                "Nguyễn Văn Ánh", Normalizer.normalize("Nguyễn Văn Ánh", Normalizer.Form.NFD), "\"\\\u007f"));
        for (String s : strings) {
            String json = LENIENT.writeValueAsString(s);
            same(json, json);
            same("{" + json + ":" + json + "}", json);
            assertEquals(JsonNodeFactory.instance.stringNode(s).toString(), PlainJson.NODES.stringNode(s).toString(), json);
        }
        // NFD stays NFD: the reader normalises nothing (InputTree does, for form data)
        String nfd = Normalizer.normalize("Ánh", Normalizer.Form.NFD);
        assertEquals(nfd, PlainJson.readTree("\"" + nfd + "\"").stringValue());
    }

    @Test
    void duplicateKeys_lastWinsInTheFirstPlace_orRefusedWithTheKeysPointer() {
        String json = "{\"a\": 1, \"b\": 2, \"a\": {\"c\": [3]}}";
        JsonNode lenient = PlainJson.readTree(json);
        assertEquals(List.of("a", "b"), List.copyOf(lenient.propertyNames()));
        assertEquals("{\"a\":{\"c\":[3]},\"b\":2}", lenient.toString());
        same(json, json);
        same("{\"x\": {\"y\": 1, \"y\": 2}}", "nested");
        try {
            PlainJson.readTreeRefusingDuplicates("{\"x\": {\"y\": 1, \"y\": 2}}");
            throw new AssertionError("a duplicate key was accepted");
        } catch (StreamReadException e) {
            assertEquals("/x/y", e.processor().streamReadContext().pathAsPointer().toString());
        }
    }

    @Test
    void emptyAndBlankInput_isAMissingNode() {
        for (String s : List.of("", " ", "\n\t ")) {
            assertTrue(PlainJson.readTree(s).isMissingNode());
            same(s, "blank");
        }
        assertTrue(PlainJson.readTree("null").isNull());
    }

    @Test
    void nodesOfTheFactory_renderAsJacksonsOwn_withoutAMapper() {
        Random r = new Random(7);
        for (int i = 0; i < 5000; i++) {
            long seed = r.nextLong();
            JsonNode plain = tree(PlainJson.NODES, new Random(seed), 0);
            JsonNode jackson = tree(JsonNodeFactory.instance, new Random(seed), 0);
            assertEquals(jackson.toString(), plain.toString());
            assertEquals(jackson, plain);
            assertEquals(plain, jackson);
            assertEquals(jackson.hashCode(), plain.hashCode());
            sameClasses(jackson, plain, "");
            JsonNode copy = plain.deepCopy();
            assertEquals(plain, copy);
            assertEquals(jackson.toString(), copy.toString());
            sameClasses(jackson, copy, "");
        }
        // a container made by the factory keeps making plain nodes, and a foreign child still renders
        ObjectNode o = PlainJson.NODES.objectNode();
        o.put("s", "x").put("i", 1).put("l", 5_000_000_000L).put("d", 0.5).put("b", true).putNull("n");
        o.putArray("a").add(1.5f).add(new BigDecimal("1E+3")).add(new BigInteger("123456789012345678901"));
        o.set("foreign", JsonNodeFactory.instance.objectNode().put("k", "v"));
        assertEquals(LENIENT.writeValueAsString(o), o.toString());
    }

    @Test
    void booleansAndNull_areSingletonsEqualToJacksons() {
        assertSame(PlainJson.NODES.booleanNode(true), PlainJson.NODES.booleanNode(true));
        assertSame(PlainJson.NODES.nullNode(), PlainJson.NODES.nullNode());
        assertEquals(JsonNodeFactory.instance.booleanNode(false), PlainJson.NODES.booleanNode(false));
        assertFalse(PlainJson.NODES.booleanNode(true).equals(JsonNodeFactory.instance.booleanNode(false)));
        assertEquals(JsonNodeFactory.instance.nullNode(), PlainJson.NODES.nullNode());
        assertEquals(PlainJson.NODES.nullNode(), JsonNodeFactory.instance.nullNode());
        assertNotSame(JsonNodeFactory.instance.nullNode(), PlainJson.NODES.nullNode());
        assertTrue(PlainJson.NODES.nullNode().isNull());
        assertTrue(PlainJson.NODES.numberNode((Integer) null).isNull());
    }

    // --- the comparison -------------------------------------------------------------------------------------

    private static void same(String text, String what) {
        compare(text, what, LENIENT::readTree, PlainJson::readTree);
        compare(text, what, STRICT::readTree, PlainJson::readTreeRefusingDuplicates);
        // the reader that also notes the root "$id" (session 20): the same tree or refusal, and the right offset
        int[] at = new int[1];
        compare(text, what, LENIENT::readTree, t -> PlainJson.readTree(t, at));
        JsonNode tree;
        try {
            tree = PlainJson.readTree(text, at);
        } catch (JacksonException e) {
            return;
        }
        JsonNode id = tree.isObject() ? tree.get("$id") : null;
        if (id == null || !id.isString()) {
            assertEquals(-1, at[0], what);
        } else {
            assertEquals('"', text.charAt(at[0]), what);
            String raw = text.substring(at[0] + 1);
            if (raw.startsWith(id.asString() + "\"")) {
                assertTrue(text.startsWith(id.asString(), at[0] + 1), what);
            } else {
                assertTrue(raw.substring(0, raw.indexOf('"')).contains("\\") || raw.startsWith(id.asString()), what);
            }
        }
    }

    @Test
    void theRootIdsOffset_isItsOpeningQuotationMark_whereverAndHoweverItIsWritten() {
        for (String t : List.of("{\"$id\":\"urn:a\"}", " { \"x\": {\"$id\": \"no\"}, \"$id\" :  \"urn:b\" }",
                "{\"$id\": \"urn\\u003ac\"}", "{\"$id\": 5}", "{\"$id\": \"a\", \"$id\": {\"b\": 1}}",
                "{\"$id\": {\"b\": 1}, \"$id\": \"urn:d\"}", "[{\"$id\": \"x\"}]", "\"$id\"", "{}")) {
            same(t, t);
        }
        int[] at = new int[1];
        String t = "{\n  \"title\": \"Tờ khai\",\n  \"$id\": \"urn:motcua:forms:procedure:1\"\n}";
        PlainJson.readTree(t, at);
        assertEquals(t.indexOf("\"urn:"), at[0]);
        PlainJson.readTree("{\"$id\": \"a\", \"$id\": {\"b\": 1}}", at);
        assertEquals(-1, at[0]); // the last root "$id" is the one kept, and it is not a string
    }

    private static void sameStream(byte[] bytes, String what) {
        compare(bytes, what, b -> STRICT.readTree(new ByteArrayInputStream(b)),
                b -> PlainJson.readTreeRefusingDuplicates(new ByteArrayInputStream(b)));
    }

    private static <T> void compare(T input, String what, Function<T, JsonNode> theirs, Function<T, JsonNode> ours) {
        Object expected = outcome(input, theirs);
        Object actual = outcome(input, ours);
        if (expected instanceof JsonNode e && actual instanceof JsonNode a) {
            assertEquals(e, a, what);
            assertEquals(e.toString(), a.toString(), what);
            sameClasses(e, a, "");
        } else {
            assertEquals(expected, actual, what);
        }
    }

    private static <T> Object outcome(T input, Function<T, JsonNode> read) {
        try {
            return read.apply(input);
        } catch (JacksonException e) {
            TokenStreamLocation l = e.getLocation();
            String pointer = null;
            if (e instanceof StreamReadException r && r.processor() != null) {
                pointer = r.processor().streamReadContext().pathAsPointer().toString();
            }
            return List.of(e.getClass().getName(), String.valueOf(e.getMessage()), String.valueOf(e.getOriginalMessage()),
                    l == null ? "-" : l.getLineNr() + ":" + l.getColumnNr() + ":" + l.getCharOffset() + ":" + l.getByteOffset(),
                    String.valueOf(pointer));
        }
    }

    /** Each plain node is of a subclass of the class Jackson chose for the same place (or Jackson's own). */
    private static void sameClasses(JsonNode jackson, JsonNode plain, String at) {
        Class<?> p = plain.getClass();
        boolean sameKind = p == jackson.getClass() || p.getSuperclass() == jackson.getClass();
        assertTrue(sameKind, at + ": " + jackson.getClass().getSimpleName() + " vs " + p.getSimpleName());
        if (jackson.isObject()) {
            assertEquals(List.copyOf(jackson.propertyNames()), List.copyOf(plain.propertyNames()), at);
            for (Map.Entry<String, JsonNode> e : jackson.properties()) {
                sameClasses(e.getValue(), plain.get(e.getKey()), at + "/" + e.getKey());
            }
        } else if (jackson.isArray()) {
            for (int i = 0; i < jackson.size(); i++) {
                sameClasses(jackson.get(i), plain.get(i), at + "/" + i);
            }
        }
    }

    // --- generators -----------------------------------------------------------------------------------------

    private static final String[] STRINGS = {"", "a", "Đ", "Nguyễn", "x\"y", "a\\b", "tab\tnl\n", "\u0001\u001f",
        "/path", "\uD83D\uDE00", "\u00e9", "e\u0301", "KHAI_SINH", "0", "true", "null"};

    private static String document(Random r, int depth) {
        StringBuilder sb = new StringBuilder();
        value(sb, r, depth);
        return sb.toString();
    }

    private static void value(StringBuilder sb, Random r, int depth) {
        int kind = depth > 6 ? 2 + r.nextInt(5) : r.nextInt(8);
        space(sb, r);
        switch (kind) {
            case 0, 7 -> {
                sb.append('{');
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    space(sb, r);
                    sb.append(LENIENT.writeValueAsString(r.nextInt(4) == 0 ? "k" + r.nextInt(3) : pick(r)));
                    space(sb, r);
                    sb.append(':');
                    value(sb, r, depth + 1);
                }
                space(sb, r);
                sb.append('}');
            }
            case 1 -> {
                sb.append('[');
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    value(sb, r, depth + 1);
                }
                sb.append(']');
            }
            case 2 -> sb.append(LENIENT.writeValueAsString(pick(r)));
            case 3 -> sb.append(number(r));
            case 4 -> sb.append(r.nextBoolean() ? "true" : "false");
            case 5 -> sb.append("null");
            default -> sb.append(r.nextInt(1000));
        }
        space(sb, r);
    }

    private static String pick(Random r) {
        if (r.nextInt(5) == 0) {
            StringBuilder s = new StringBuilder();
            for (int i = r.nextInt(6); i > 0; i--) {
                s.append((char) r.nextInt(r.nextBoolean() ? 0x80 : 0x10000));
            }
            return s.toString();
        }
        return STRINGS[r.nextInt(STRINGS.length)];
    }

    private static String number(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> Long.toString(r.nextLong());
            case 1 -> Integer.toString(r.nextInt());
            case 2 -> new BigInteger(100, r).toString();
            case 3 -> Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
            case 4 -> Double.toString(Double.longBitsToDouble(r.nextLong())).replace("NaN", "0").replace("Infinity", "1e999");
            case 5 -> r.nextInt(100) + "." + r.nextInt(1000) + "e" + (r.nextInt(800) - 400);
            case 6 -> "-0";
            case 7 -> new BigDecimal(new BigInteger(80, r), r.nextInt(40) - 20).toString();
            default -> "1e309";
        };
    }

    private static void space(StringBuilder sb, Random r) {
        if (r.nextInt(4) == 0) {
            sb.append(" \n\t\r ".substring(0, 1 + r.nextInt(5)));
        }
    }

    private static JsonNode tree(JsonNodeFactory f, Random r, int depth) {
        int kind = depth > 4 ? 2 + r.nextInt(12) : r.nextInt(14);
        switch (kind) {
            case 0 -> {
                ObjectNode o = f.objectNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    o.set(pick(r), tree(f, r, depth + 1));
                }
                return o;
            }
            case 1 -> {
                ArrayNode a = r.nextBoolean() ? f.arrayNode() : f.arrayNode(3);
                for (int i = r.nextInt(5); i > 0; i--) {
                    a.add(tree(f, r, depth + 1));
                }
                return a;
            }
            case 2 -> {
                return f.stringNode(pick(r));
            }
            case 3 -> {
                return f.numberNode(r.nextInt());
            }
            case 4 -> {
                return f.numberNode(r.nextBoolean() ? r.nextLong() : (long) r.nextInt(100));
            }
            case 5 -> {
                return f.numberNode(Double.longBitsToDouble(r.nextLong()));
            }
            case 6 -> {
                double[] edges = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MIN_VALUE, Double.MAX_VALUE, 1e-3, 1e-4, 1e7, 1e6, 0.1, 1.0E23, 2e-3, r.nextDouble()};
                return f.numberNode(edges[r.nextInt(edges.length)]);
            }
            case 7 -> {
                return r.nextBoolean() ? f.numberNode(Float.intBitsToFloat(r.nextInt())) : f.numberNode(r.nextFloat());
            }
            case 8 -> {
                return f.numberNode(new BigDecimal(new BigInteger(70, r).subtract(BigInteger.ONE.shiftLeft(69)),
                        r.nextInt(60) - 30));
            }
            case 9 -> {
                return f.numberNode(new BigInteger(r.nextInt(200) + 1, r).negate());
            }
            case 10 -> {
                return f.booleanNode(r.nextBoolean());
            }
            case 11 -> {
                return f.nullNode();
            }
            case 12 -> {
                return f.numberNode((short) r.nextInt());
            }
            default -> {
                return r.nextBoolean() ? f.numberNode(Integer.valueOf(r.nextInt(5))) : f.numberNode(Long.valueOf(r.nextLong()));
            }
        }
    }
}
