package io.github.motcua.rules.internal;

import static io.github.motcua.kernel.SourceTree.jsonFiles;
import static io.github.motcua.kernel.SourceTree.repository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.motcua.forms.internal.PlainJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.JsonNode;

/**
 * {@link FormSchemaBytes} and {@link FormFields#of(String, byte[], FormFields.Library)} against what they spare: the
 * kernel's decoder then Jackson ({@code PlainJson.readTree}) and {@link FormFields#of(String, FormFields.Library)}. For
 * every file: the fields and options (every field's children, list items, types, options, openness) and the failure,
 * if any, are the same; and whenever the byte reader answers, its tree is Jackson's with only the texts and numbers
 * {@link FormFields} never reads replaced by {@link FormSchemaBytes#UNREAD}, and Jackson parsed the decoded text. Files:
 * every JSON file of the repository, thousands of generated forms (every keyword {@link FormFields} reads, texts in NFD,
 * with combining marks first, Kelvin's sign, escapes, byte-order marks, repeated names, numbers of every JSON shape),
 * and byte-level mutations of both (malformed, overlong, surrogate and out-of-range UTF-8, control characters, stray
 * delimiters, truncations).
 */
class FormSchemaBytesTest {
    private static final String FORM = "procedures/1.000001/form.schema.json";

    /** The Gia Lai pack's shared forms, which procedure forms reference. */
    private static FormFields.Library library() {
        Map<String, byte[]> files = new TreeMap<>();
        Path forms = repository().resolve("examples/packs/gia-lai/forms");
        try (var s = Files.list(forms)) {
            for (Path p : s.sorted().toList()) {
                files.put("forms/" + p.getFileName(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FormFields.Library.of(PackFiles.of("test", files));
    }

    private static final FormFields.Library LIB = library();

    /** One field and everything below it, as text (the order of children and options included). */
    private static void describe(FormFields.Field f, StringBuilder out) {
        out.append("{open=").append(f.open).append(" types=").append(f.types).append(" options=").append(f.options);
        for (Map.Entry<String, FormFields.Field> c : f.children.entrySet()) {
            out.append(' ').append(c.getKey()).append('=');
            describe(c.getValue(), out);
        }
        if (f.items != null) {
            out.append(" items=");
            describe(f.items, out);
        }
        out.append('}');
    }

    /** What a way of reading a form gave: its fields, none, or its failure. */
    private static String outcome(java.util.function.Supplier<FormFields> read) {
        try {
            FormFields f = read.get();
            if (f == null) {
                return "none";
            }
            StringBuilder out = new StringBuilder();
            describe(f.root(), out);
            return out.toString();
        } catch (RuntimeException e) {
            return "failed: " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Counts of the files compared, and of those the byte reader answered for. */
    private static final class Counts {
        int files;
        int answered;
    }

    /**
     * Compares both ways on one file's bytes; true when the byte reader answered (then its tree is checked against
     * Jackson's too).
     */
    private static boolean check(String what, byte[] bytes, Counts counts) {
        counts.files++;
        String expected = outcome(() -> FormFields.of(PackFiles.textOrNull(FORM, bytes), LIB));
        String actual = outcome(() -> FormFields.of(FORM, bytes, LIB));
        if (!expected.equals(actual)) {
            fail(what + ": fields differ\n  decoded: " + expected + "\n  bytes:   " + actual + "\n  file: "
                    + printable(bytes));
        }
        JsonNode fast = FormSchemaBytes.read(bytes);
        if (fast == null) {
            return false;
        }
        counts.answered++;
        String text = PackFiles.textOrNull(FORM, bytes);
        assertNotNull(text, () -> what + ": the byte reader answered for a file the decoder refuses: " + printable(bytes));
        JsonNode jackson;
        try {
            jackson = PlainJson.readTree(text);
        } catch (JacksonException e) {
            fail(what + ": the byte reader answered for a file Jackson refuses (" + e.getOriginalMessage() + "): "
                    + printable(bytes));
            return true;
        }
        String diff = sameAsRead(fast, jackson, false, "");
        if (diff != null) {
            fail(what + ": trees differ at " + diff + "\n  file: " + printable(bytes));
        }
        return true;
    }

    /** Null when {@code fast} is {@code jackson} but for unread texts and numbers, else the first pointer that differs. */
    private static String sameAsRead(JsonNode fast, JsonNode jackson, boolean read, String at) {
        if (read) {
            return fast.equals(jackson) && fast.getClass() == jackson.getClass() && sameClasses(fast, jackson) ? null : at;
        }
        if (jackson.isObject()) {
            if (!fast.isObject() || fast.size() != jackson.size()) {
                return at;
            }
            Iterator<String> f = fast.propertyNames().iterator();
            for (String name : jackson.propertyNames()) {
                if (!name.equals(f.next())) {
                    return at + "/" + name + " (order)";
                }
                boolean member = switch (name) {
                    case "$ref", "type", "const", "enum" -> true;
                    default -> false;
                };
                String d = sameAsRead(fast.get(name), jackson.get(name), member, at + "/" + name);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (jackson.isArray()) {
            if (!fast.isArray() || fast.size() != jackson.size()) {
                return at;
            }
            for (int k = 0; k < jackson.size(); k++) {
                String d = sameAsRead(fast.get(k), jackson.get(k), false, at + "/" + k);
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (jackson.isString() || jackson.isNumber()) {
            return fast == FormSchemaBytes.UNREAD ? null : at;
        }
        return fast.equals(jackson) ? null : at; // true, false, null
    }

    /** The same node classes all the way down (an int node where Jackson makes an int node). */
    private static boolean sameClasses(JsonNode a, JsonNode b) {
        if (a.getClass() != b.getClass() || a.size() != b.size()) {
            return false;
        }
        if (a.isObject()) {
            for (String n : a.propertyNames()) {
                if (!sameClasses(a.get(n), b.get(n))) {
                    return false;
                }
            }
        } else if (a.isArray()) {
            for (int k = 0; k < a.size(); k++) {
                if (!sameClasses(a.get(k), b.get(k))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String printable(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            int c = x & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                b.append((char) c);
            } else {
                b.append(String.format("\\x%02X", c));
            }
            if (b.length() > 4000) {
                return b.append("...").toString();
            }
        }
        return b.toString();
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyJsonFileOfTheRepository_givesTheSameFields_andEveryFormIsReadFromItsBytes() {
        Counts counts = new Counts();
        int forms = 0;
        for (Path p : jsonFiles()) {
            byte[] b = bytes(p);
            boolean answered = check(p.toString(), b, counts);
            if (p.getFileName().toString().endsWith(".schema.json")) {
                forms++;
                // every form the repository holds takes the byte reader's way: the saving is real, not a fallback
                assertTrue(answered || PackFiles.textOrNull(FORM, b) == null, () -> p + ": left to the decoder and Jackson");
            }
        }
        assertTrue(forms >= 30, "the repository's forms: " + forms);
        assertTrue(counts.files > 50, "the repository's JSON files: " + counts.files);
    }

    @Test
    void generatedForms_andTheirMutations_giveTheSameFields() {
        Random random = new Random(16_2026_12_07L);
        Counts generated = new Counts();
        Counts mutated = new Counts();
        for (int n = 0; n < 800; n++) {
            byte[] b = new Writer(random).document(new Generator(random).form());
            check("generated form " + n, b, generated);
            for (int m = 0; m < 6; m++) {
                check("mutation " + m + " of generated form " + n, Mutations.mutate(b, random), mutated);
            }
        }
        // the byte reader is exercised, and so is its fallback
        assertTrue(generated.answered > generated.files / 6, () -> "answered " + generated.answered + " of " + generated.files);
        assertTrue(mutated.answered > mutated.files / 20, () -> "answered " + mutated.answered + " of " + mutated.files);
        assertTrue(mutated.files - mutated.answered > mutated.files / 10, () -> "fell back " + (mutated.files - mutated.answered));
    }

    @Test
    void theRepositorysForms_mutatedByteByByte_giveTheSameFields() {
        Random random = new Random(15);
        Counts counts = new Counts();
        for (Path p : jsonFiles()) {
            if (!p.getFileName().toString().endsWith(".schema.json")) {
                continue;
            }
            byte[] b = bytes(p);
            for (int m = 0; m < 120; m++) {
                check(p + " mutation " + m, Mutations.mutate(b, random), counts);
            }
        }
        assertTrue(counts.answered > counts.files / 10, () -> "answered " + counts.answered + " of " + counts.files);
    }

    /**
     * Copies of the repository's forms under other root {@code $id}s share their pattern's fields
     * ({@code FormFields.Copies}, session 20) exactly when that gives what reading them gives: every copy is compared
     * with the decoder and Jackson's reading, whether it took a pattern's fields or not (plain ids, ids with a quotation
     * mark, a backslash, a letter outside ASCII, none, a thousand and more characters; a copy changed after its id;
     * two root ids; an id that is not a string).
     */
    @Test
    void copiesButForTheRootId_shareTheirPatternsFields_exactlyWhenReadingThemGivesTheSame() {
        Random random = new Random(20);
        int copies = 0;
        int shared = 0;
        for (Path p : jsonFiles()) {
            if (!p.getFileName().toString().equals("form.schema.json")) {
                continue;
            }
            String text = new String(bytes(p), StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"\\$id\"\\s*:\\s*\"([^\"]*)\"").matcher(text);
            if (!m.find()) {
                continue;
            }
            String id = m.group(1);
            FormFields.Library lib = library(); // its own copies: this form is the first, a pattern if it can be
            for (int n = 0; n < 40; n++) {
                String other = switch (random.nextInt(12)) {
                    case 0 -> "urn:q\\\"" + n; // a quotation mark (escaped in JSON)
                    case 1 -> "urn:b\\\\" + n; // a backslash
                    case 2 -> "urn:\u1ec7:" + n;
                    case 3 -> "";
                    case 4 -> "u".repeat(990 + random.nextInt(30));
                    default -> "urn:motcua:forms:procedure:9." + n;
                };
                String copy = text.substring(0, m.start(1)) + other + text.substring(m.end(1));
                switch (random.nextInt(10)) {
                    case 0 -> copy = copy.replaceFirst("\"type\"", "\"typ\"");
                    case 1 -> copy = copy.replaceFirst("\\{", "{\"\\$id\": \"urn:first\", ");
                    case 2 -> copy = copy.substring(0, m.start(1) - 1) + "{\"x\": 1}" + copy.substring(m.start(1) + other.length() + 1);
                    case 3 -> copy = copy + " ";
                    default -> {
                    }
                }
                byte[] b = copy.getBytes(StandardCharsets.UTF_8);
                if (n == 0) {
                    FormFields.of(FORM, bytes(p), lib); // the original first: the pattern
                }
                String expected = outcome(() -> FormFields.of(PackFiles.textOrNull(FORM, b), LIB_READ));
                String actual = outcome(() -> FormFields.of(FORM, b, lib));
                assertEquals(expected, actual, () -> p + " copied under [" + other + "]: " + printable(b));
                copies++;
            }
            shared += lib.copies().shared();
        }
        assertTrue(copies > 400, "copies: " + copies);
        int s = shared;
        int c = copies;
        assertTrue(s > c / 3 && s < c - 50, () -> "shared: " + s + " of " + c);
    }

    /** A library whose copies are never asked (the decoder's way reads every text). */
    private static final FormFields.Library LIB_READ = library();

    @Test
    void edgeCases_giveTheSameFields() {
        Counts counts = new Counts();
        List<String> cases = List.of(
                "{}", " {} ", "\uFEFF{}", "\uFEFF\uFEFF{}", "{} x", "{}{}", "[]", "\"x\"", "1", "", " ", "{\"a\":1,}",
                "{\"type\":\"object\",\"properties\":{\"a\":{\"enum\":[\"x\",1,-0,true,null,1.5,1e2,{},[]]}}}",
                "{\"properties\":{\"a\":{\"const\":-0}}}", "{\"properties\":{\"a\":{\"const\":2147483648}}}",
                "{\"properties\":{\"a\":{\"const\":-2147483649}}}", "{\"properties\":{\"a\":{\"const\":123456789012345678}}}",
                "{\"properties\":{\"a\":{\"const\":1234567890123456789}}}", "{\"properties\":{\"a\":{\"const\":01}}}",
                "{\"properties\":{\"a\":{\"const\":1.}}}", "{\"properties\":{\"a\":{\"const\":.5}}}",
                "{\"properties\":{\"a\":{\"const\":1e}}}", "{\"properties\":{\"a\":{\"const\":-}}}",
                "{\"properties\":{\"a\":{\"const\":+1}}}", "{\"properties\":{\"a\":{\"const\":NaN}}}",
                "{\"properties\":{\"a\":{\"const\":null}}}", "{\"properties\":{\"a\":{\"const\":{\"b\":1}}}}",
                "{\"properties\":{\"a\":{\"type\":[\"string\",1,{}]}}}", "{\"properties\":{\"a\":{\"type\":5}}}",
                "{\"properties\":{\"K\":{},\"\u212A\":{},\"e\u0301\":{},\"\u00E9\":{}}}",
                "{\"properties\":{\"\u0301a\":{\"enum\":[\"\u0301\",\"a\u0301\",\"\u1EC7\",\"\u0065\u0323\u0302\"]}}}",
                "{\"properties\":{\"\\u0065\u0301\":{}}}", "{\"properties\":{\"\\u00e9\":{},\"\\u00E9\":{}}}",
                "{\"properties\":{\"a\":{\"enum\":[\"\\ud83d\\ude00\",\"\\ud83d\",\"\\u0000\",\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"]}}}",
                "{\"properties\":{\"a\":{\"enum\":[\"\\x\"]}}}", "{\"properties\":{\"a\":{\"enum\":[\"\\u12\"]}}}",
                "{\"properties\":{\"a\":{\"enum\":[\"tab\there\"]}}}", "{\"properties\":{\"a\":{\"enum\":[\"\u007f\"]}}}",
                "{\"title\":\"a\u0000b\"}", "{\"title\":\"\u2028\u2029\"}", "{\"title\":\"\uFEFF\"}", "{\"\uFEFF\":{}}",
                "{\"properties\":{\"a\":{}},\"properties\":{\"b\":{}}}", "{\"a\":1,\"b\":2,\"a\":{\"type\":\"x\"}}",
                "{\"$ref\":\"#/properties/a\",\"properties\":{\"a\":{\"properties\":{\"b\":{\"enum\":[\"x\"]}}}}}",
                "{\"$ref\":\"#/title\",\"title\":\"x\"}", "{\"$ref\":\"#/properties/a/enum/0\",\"properties\":{\"a\":{\"enum\":[{\"properties\":{\"z\":true}}]}}}",
                "{\"$ref\":\"#/default\",\"default\":{\"properties\":{\"d\":{\"const\":\"v\"}}}}",
                "{\"$ref\":\"#/examples/0\",\"examples\":[{\"properties\":{\"e\":{}}}]}",
                "{\"$ref\":\"#name\"}", "{\"$ref\":\"urn:motcua:forms:common#/$defs/person\"}",
                "{\"$ref\":\"urn:nowhere#/x\"}", "{\"$ref\":\"#\",\"properties\":{\"a\":{\"$ref\":\"#\"}}}",
                "{\"items\":true,\"additionalProperties\":false,\"patternProperties\":{}}",
                "{\"properties\":{\"a\":{\"items\":{\"properties\":{\"b\":{}}}}}}", "{\"properties\":{\"a\":{\"items\":[1]}}}",
                "{\"properties\":{\"a\":{\"allOf\":[true,{\"properties\":{\"c\":{}}}],\"then\":{\"enum\":[\"t\"]},\"else\":false}}}",
                "{\"dependentSchemas\":{\"x\":{\"properties\":{\"y\":{}}}}}", "{\"properties\":\"text\",\"allOf\":\"text\"}",
                "{\"a\":tru}", "{\"a\":true1}", "{\"a\":nul}", "{\"a\":[1 2]}", "{\"a\" 1}", "{a:1}", "{'a':1}", "{\"a\":1}//",
                "{\"a\":\"\u00C0\"}", "{\"a\":1e400}", "{\"properties\":{\"a\":{\"const\":1e400}}}", "{\"a\":-1.5E-3}");
        for (String c : cases) {
            check("edge case " + c, c.getBytes(StandardCharsets.UTF_8), counts);
        }
        // escaped surrogates: Jackson 3 checks their pairing in a name, not in a value
        for (String x : List.of("\\ud83d\\ude00", "\\ude00", "\\ude00\\ud83d", "\\ud83d\\n", "\\ud83d\\u0041", "x\\ud83d",
                "\\ud83d\\ud83d\\ude00", "\\ud83d?", "\\uD83D\\uDE00")) {
            for (String c : List.of("{\"properties\":{\"" + x + "\":{}}}", "{\"enum\":[\"" + x + "\"]}", "{\"title\":\"" + x + "\"}")) {
                check("escaped surrogates " + c, c.getBytes(StandardCharsets.UTF_8), counts);
            }
        }
        // the same in NFD, and raw bytes that are not UTF-8
        for (String c : cases) {
            check("edge case in NFD " + c, Normalizer.normalize(c, Normalizer.Form.NFD).getBytes(StandardCharsets.UTF_8), counts);
        }
        byte[][] raw = {
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xE0, (byte) 0x9F, (byte) 0xBF, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xF0, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xE1, (byte) 0x80, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xEF, (byte) 0xBF, (byte) 0xBD, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0x80, '"', '}'},
            {(byte) 0xEF, (byte) 0xBB, '{', '}'},
        };
        for (byte[] b : raw) {
            check("raw bytes", b, counts);
        }
        assertTrue(counts.answered > 40, () -> "answered " + counts.answered);
    }

    @Test
    void limits_stayWellInsideJacksons() {
        StreamReadConstraints jackson = StreamReadConstraints.defaults();
        assertTrue(jackson.getMaxNestingDepth() >= 256, "nesting " + jackson.getMaxNestingDepth());
        assertTrue(jackson.getMaxNumberLength() >= 100, "number " + jackson.getMaxNumberLength());
        assertTrue(jackson.getMaxNameLength() >= 10_000, "name " + jackson.getMaxNameLength());
        assertTrue(jackson.getMaxStringLength() >= 1 << 20, "text " + jackson.getMaxStringLength());
        Counts counts = new Counts();
        // the form's object and "properties" are two levels: 253 and 254 more make 255 and 256 in all
        for (int depth : new int[] {253, 254, 255, 497, 498, 499, 1200}) {
            StringBuilder s = new StringBuilder("{\"properties\":{\"a\":");
            for (int k = 0; k < depth; k++) {
                s.append(k % 2 == 0 ? "[" : "{\"x\":");
            }
            s.append("true");
            for (int k = depth - 1; k >= 0; k--) {
                s.append(k % 2 == 0 ? "]" : "}");
            }
            s.append("}}");
            check("depth " + depth, s.toString().getBytes(StandardCharsets.UTF_8), counts);
        }
        String longName = "n".repeat(10_001);
        check("long name", ("{\"properties\":{\"" + longName + "\":{}}}").getBytes(StandardCharsets.UTF_8), counts);
        check("name at the limit", ("{\"properties\":{\"" + longName.substring(1) + "\":{}}}").getBytes(StandardCharsets.UTF_8), counts);
        check("long number", ("{\"minimum\":" + "9".repeat(101) + "}").getBytes(StandardCharsets.UTF_8), counts);
        check("number at the limit", ("{\"minimum\":" + "9".repeat(100) + "}").getBytes(StandardCharsets.UTF_8), counts);
        check("long text", ("{\"title\":\"" + "t".repeat((1 << 20) + 1) + "\"}").getBytes(StandardCharsets.UTF_8), counts);
        assertNull(FormSchemaBytes.read(("{\"title\":\"" + "t".repeat((1 << 20) + 1) + "\"}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(4, counts.answered, "depths 255 and 256, the name and the number at the limit");
    }

    /** Random forms using every keyword {@link FormFields} reads, as trees of lists of entries (a name may repeat). */
    private static final class Generator {
        private final Random r;
        /** Whether this form's numbers may be of every shape (else integers): a decimal read as a value is left to Jackson. */
        private final boolean anyNumber;

        Generator(Random r) {
            this.r = r;
            this.anyNumber = r.nextInt(3) == 0;
        }

        /** A JSON number's text, of every shape JSON allows. */
        record Num(String text) {
        }

        /** A name and its value (which may be null: JSON's null). */
        static Map.Entry<String, Object> entry(String name, Object value) {
            return new java.util.AbstractMap.SimpleEntry<>(name, value);
        }

        List<Map.Entry<String, Object>> form() {
            List<Map.Entry<String, Object>> o = new ArrayList<>();
            if (r.nextInt(4) > 0) {
                o.add(entry("$schema", "https://json-schema.org/draft/2020-12/schema"));
            }
            if (r.nextBoolean()) {
                o.add(entry("$id", "urn:motcua:forms:procedure:1.000001"));
            }
            o.addAll(schema(0));
            if (r.nextInt(3) == 0) {
                List<Map.Entry<String, Object>> defs = new ArrayList<>();
                defs.add(entry("a", schema(1)));
                defs.add(entry(name(), schema(2)));
                o.add(entry("$defs", defs));
            }
            return o;
        }

        List<Map.Entry<String, Object>> schema(int depth) {
            List<Map.Entry<String, Object>> o = new ArrayList<>();
            int n = depth > 4 ? r.nextInt(3) : 1 + r.nextInt(6);
            for (int k = 0; k < n; k++) {
                String key = KEYS[r.nextInt(KEYS.length)];
                o.add(entry(key, valueFor(key, depth)));
            }
            if (depth < 4 && r.nextInt(3) > 0) {
                List<Map.Entry<String, Object>> props = new ArrayList<>();
                int m = 1 + r.nextInt(4);
                for (int k = 0; k < m; k++) {
                    props.add(entry(name(), r.nextInt(10) == 0 ? (Object) r.nextBoolean() : schema(depth + 1)));
                }
                o.add(entry("properties", props));
            }
            return o;
        }

        private static final String[] KEYS = {"type", "type", "enum", "const", "$ref", "items", "allOf", "anyOf",
            "oneOf", "if", "then", "else", "not", "dependentSchemas", "additionalProperties", "patternProperties",
            "title", "x-title-en", "description", "format", "pattern", "default", "examples", "minimum", "maxLength",
            "required", "$comment", "properties"};

        Object valueFor(String key, int depth) {
            boolean deep = depth < 5;
            return switch (key) {
                case "type" -> r.nextInt(4) == 0 ? list(() -> r.nextInt(8) == 0 ? scalar() : typeName(), 3)
                        : r.nextInt(12) == 0 ? scalar() : typeName();
                case "enum" -> list(r.nextInt(6) == 0 ? this::anyValue : () -> r.nextInt(5) == 0 ? scalar() : text(), 5);
                case "const" -> r.nextInt(5) == 0 ? anyValue() : r.nextBoolean() ? text() : scalar();
                case "$ref" -> r.nextInt(15) == 0 ? scalar() : ref();
                case "items", "if", "then", "else", "not", "additionalProperties" ->
                        r.nextInt(4) == 0 || !deep ? (Object) r.nextBoolean() : schema(depth + 1);
                case "allOf", "anyOf", "oneOf" -> deep ? list(() -> r.nextInt(5) == 0 ? (Object) r.nextBoolean() : schema(depth + 1), 3)
                        : List.of();
                case "dependentSchemas", "patternProperties", "properties" -> {
                    List<Map.Entry<String, Object>> m = new ArrayList<>();
                    if (deep) {
                        m.add(entry(name(), schema(depth + 1)));
                    }
                    yield r.nextInt(10) == 0 ? text() : m;
                }
                case "default", "examples" -> deep ? anyValue() : scalar();
                case "minimum", "maxLength" -> number();
                case "required" -> list(this::name, 3);
                default -> text();
            };
        }

        String typeName() {
            String[] t = {"object", "string", "array", "integer", "number", "boolean", "null", "Object", "stringg"};
            return t[r.nextInt(t.length)];
        }

        String ref() {
            String[] refs = {"#", "#/properties/" + name(), "#/$defs/a", "#/$defs/" + name(), "#/items",
                "#/properties/a~1b", "#/enum/0", "#/title", "#/default", "#/examples/0", "#/allOf/0",
                "urn:motcua:forms:common#/$defs/person", "urn:motcua:forms:common#/$defs/mobile",
                "urn:motcua:forms:common", "urn:motcua:forms:nowhere#/x", "#/properties/%C3%A9", "#/$defs"};
            return refs[r.nextInt(refs.length)];
        }

        Object scalar() {
            return switch (r.nextInt(5)) {
                case 0 -> number();
                case 1 -> r.nextBoolean();
                case 2 -> null;
                default -> text();
            };
        }

        Object anyValue() {
            return switch (r.nextInt(4)) {
                case 0 -> list(this::scalar, 3);
                case 1 -> schema(5);
                default -> scalar();
            };
        }

        Num number() {
            String[] integers = {"0", "-0", "1", "-1", "42", "2147483647", "2147483648", "-2147483648", "-2147483649",
                "123456789012345678", "-12345678901234567"};
            String[] others = {"1234567890123456789", "99999999999999999999", "1.5", "-0.0", "1e2", "1E+2", "1e-2",
                "0.1e1", "12.50", "1e400", "-1e400", "1e-400"};
            String[] n = anyNumber && r.nextInt(3) == 0 ? others : integers;
            return new Num(n[r.nextInt(n.length)]);
        }

        String name() {
            String[] names = {"a", "b", "hoTen", "ngaySinh", "soDienThoai", "a/b", "a~b", "x y", "0", "1", "",
                "Họ và tên", "tên", "K", "\u212A", "é", "e\u0301", "\u0301", "Ω", "\u2126", "\u1EC7", "e\u0323\u0302",
                "😀", "\u037E", "\u1FEF", "가", "\u1100\u1161", "properties", "type", "$ref", "enum"};
            return names[r.nextInt(names.length)];
        }

        String text() {
            String[] texts = {"x", "BAN_THAN", "KHAC", "Nam", "Nữ", "Người yêu cầu", "Người được ủy quyền", "",
                "a\"b", "back\\slash", "tab\there", "line\nend", "\u0000", "\u001f", "\u007f", "\u2028", "/",
                "\uFEFF", "e\u0301", "\u0301start", "\u212Aelvin", "😀", "\uD83D", "Ω\u2126", "\u037E", "\u1FEF",
                "가", "\u1100\u1161\u11A8", "\u00C0", "A\u0300", "\u0041\u0328\u0301", "ư\u0303"};
            String t = texts[r.nextInt(texts.length)];
            return r.nextInt(8) == 0 ? t + texts[r.nextInt(texts.length)] : t;
        }

        List<Object> list(java.util.function.Supplier<Object> item, int max) {
            List<Object> l = new ArrayList<>();
            int n = r.nextInt(max + 1);
            for (int k = 0; k < n; k++) {
                l.add(item.get());
            }
            return l;
        }
    }

    /** Writes generated forms as JSON bytes, with random white space, escapes, NFD and byte-order marks. */
    private static final class Writer {
        private final Random r;
        private final StringBuilder out = new StringBuilder();
        private final boolean nfd;
        private final int escapes;

        Writer(Random r) {
            this.r = r;
            this.nfd = r.nextInt(5) == 0;
            this.escapes = r.nextInt(3) > 0 ? 0 : 1 + r.nextInt(3); // 0: none, else one character in 8, 16 or 24 escaped
        }

        byte[] document(List<Map.Entry<String, Object>> form) {
            if (r.nextInt(10) == 0) {
                out.append('\uFEFF');
            }
            space();
            value(form);
            space();
            String text = nfd ? Normalizer.normalize(out.toString(), Normalizer.Form.NFD) : out.toString();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            // a lone surrogate (from a generated text) cannot be UTF-8: written as the replacement character by the JDK
            b.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            return b.toByteArray();
        }

        private void space() {
            int n = r.nextInt(3);
            for (int k = 0; k < n; k++) {
                out.append(" \n\r\t".charAt(r.nextInt(4)));
            }
        }

        @SuppressWarnings("unchecked")
        private void value(Object v) {
            if (v == null) {
                out.append("null");
            } else if (v instanceof Boolean b) {
                out.append(b);
            } else if (v instanceof Generator.Num n) {
                out.append(n.text());
            } else if (v instanceof String s) {
                string(s);
            } else if (v instanceof List<?> l && (l.isEmpty() || !(l.get(0) instanceof Map.Entry))) {
                if (l.isEmpty() && r.nextInt(3) == 0) {
                    out.append('{');
                    space();
                    out.append('}');
                    return;
                }
                out.append('[');
                for (int k = 0; k < l.size(); k++) {
                    space();
                    value(l.get(k));
                    space();
                    if (k < l.size() - 1) {
                        out.append(',');
                    }
                }
                out.append(']');
            } else {
                List<Map.Entry<String, Object>> o = (List<Map.Entry<String, Object>>) v;
                out.append('{');
                for (int k = 0; k < o.size(); k++) {
                    space();
                    string(o.get(k).getKey());
                    space();
                    out.append(':');
                    space();
                    value(o.get(k).getValue());
                    space();
                    if (k < o.size() - 1) {
                        out.append(',');
                    }
                }
                space();
                out.append('}');
            }
        }

        private void string(String s) {
            out.append('"');
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                boolean escape = escapes > 0 && r.nextInt(escapes * 8) == 0;
                if (c == '"' || c == '\\' || c < 0x20 || escape) {
                    String shortForm = switch (c) {
                        case '"' -> "\\\"";
                        case '\\' -> "\\\\";
                        case '/' -> "\\/";
                        case '\b' -> "\\b";
                        case '\f' -> "\\f";
                        case '\n' -> "\\n";
                        case '\r' -> "\\r";
                        case '\t' -> "\\t";
                        default -> null;
                    };
                    if (shortForm != null && r.nextBoolean()) {
                        out.append(shortForm);
                    } else {
                        String hex = String.format(r.nextBoolean() ? "%04x" : "%04X", (int) c);
                        out.append("\\u").append(hex);
                    }
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }

    /** Byte-level mutations of a file. */
    static final class Mutations {
        private static final byte[][] INSERTS = {
            {'{'}, {'}'}, {'['}, {']'}, {','}, {':'}, {'"'}, {'\\'}, {'0'}, {'-'}, {'.'}, {'e'}, {' '}, {'\t'}, {0},
            {0x1F}, {0x7F}, {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0}, {(byte) 0xC3}, {(byte) 0xE0}, {(byte) 0xED},
            {(byte) 0xF4}, {(byte) 0xF5}, {(byte) 0xFF}, {(byte) 0xCC, (byte) 0x81}, {(byte) 0xE2, (byte) 0x84, (byte) 0xAA},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}, {(byte) 0xCD, (byte) 0xBE}, {'\\', 'u'}, {'\\', 'x'},
            {'t', 'r', 'u', 'e'}, {'n', 'u', 'l', 'l'}, {'"', ':', '"'}, {'/', '/'}, {'1', 'e', '9'},
        };

        static byte[] mutate(byte[] b, Random r) {
            int p = b.length == 0 ? 0 : r.nextInt(b.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (r.nextInt(8)) {
                case 0 -> { // delete a byte
                    out.write(b, 0, p);
                    if (b.length > 0) {
                        out.write(b, p + 1, b.length - p - 1);
                    }
                }
                case 1, 2 -> { // insert
                    out.write(b, 0, p);
                    out.writeBytes(INSERTS[r.nextInt(INSERTS.length)]);
                    out.write(b, p, b.length - p);
                }
                case 3 -> { // replace a byte
                    out.writeBytes(b);
                    byte[] c = out.toByteArray();
                    if (c.length > 0) {
                        byte[] ins = INSERTS[r.nextInt(INSERTS.length)];
                        c[p] = ins[0];
                    }
                    return c;
                }
                case 4 -> out.write(b, 0, p); // truncate
                case 5 -> { // repeat a range (a name and its value given twice, a stray delimiter...)
                    int q = Math.min(b.length, p + 1 + r.nextInt(40));
                    out.write(b, 0, q);
                    out.write(b, p, q - p);
                    out.write(b, q, b.length - q);
                }
                case 6 -> { // a byte-order mark, or another, in front
                    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                    out.writeBytes(b);
                }
                default -> { // swap two neighbours
                    out.writeBytes(b);
                    byte[] c = out.toByteArray();
                    if (p + 1 < c.length) {
                        byte t = c[p];
                        c[p] = c[p + 1];
                        c[p + 1] = t;
                    }
                    return c;
                }
            }
            return out.toByteArray();
        }
    }
}
