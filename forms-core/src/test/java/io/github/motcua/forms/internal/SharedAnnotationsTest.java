package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.Schema;
import com.networknt.schema.ValidationLimitExceededException;
import com.networknt.schema.keyword.KeywordValidator;
import io.github.motcua.forms.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Annotation keywords compiled to one shared validator ({@link SharedAnnotations}) validate every document exactly as
 * networknt's own annotation keywords do: the same errors (keyword, locations, evaluation path, message, arguments,
 * details, in the same order), the same citizen-facing violations, and the same evaluation steps — every document is
 * also validated under every step limit from 1 up to the number it needs, and both engines stop at the same step, at
 * the same place. The reference is the same {@link ValidationEngine} built with networknt's keywords
 * ({@code shareAnnotations = false}).
 *
 * <p>The forms: every form of the Gia Lai pack (its shared {@code common.schema.json} included), the test pack's form,
 * and one written here with every annotation keyword in every place, object-valued annotations, an
 * {@code unevaluatedProperties} (networknt's annotation path) and a recursive {@code anyOf} that reaches the step
 * limit. The documents: generated from each form's own schema (fields kept, dropped, added, and given values of every
 * kind, each choice's constants among them), with a fixed seed.
 */
class SharedAnnotationsTest {
    private static final Path GIA_LAI = Path.of("../examples/packs/gia-lai");
    private static final JsonNodeFactory NODES = PlainJson.NODES;

    private static SchemaStore store;
    private static ValidationEngine shared;
    private static ValidationEngine reference;

    /** Every annotation keyword in every place a form may put one, and a recursion that multiplies evaluations. */
    private static final String ANNOTATED = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "urn:motcua:forms:procedure:X.001",
              "title": "Tờ khai thử", "x-title-en": "Test form", "description": "Mô tả", "x-description-en": "About",
              "$comment": "a comment", "deprecated": false, "examples": [{"a": "x"}], "default": {"a": "y"},
              "type": "object",
              "properties": {
                "a": {"type": "string", "title": "A", "x-title-en": "A", "default": {"k": [1, 2]}, "examples": ["x", 1],
                      "deprecated": true, "maxLength": 5, "x-message": {"maxLength": "Quá dài"}, "x-message-en": "Too long",
                      "x-widget": "textarea"},
                "b": {"title": "B", "anyOf": [{"title": "b1", "type": "string", "minLength": 2},
                                              {"title": "b2", "x-widget": {"kind": "number"}, "type": "integer"}]},
                "c": {"type": "object", "title": "C", "unevaluatedProperties": false,
                      "properties": {"d": {"title": "D", "description": "D", "type": "integer", "minimum": 1}},
                      "allOf": [{"title": "extra", "properties": {"e": {"type": "string", "description": "E"}}}]},
                "chon": {"type": "string", "title": "Chọn", "oneOf": [
                      {"const": "MOT", "title": "Một", "x-title-en": "One"},
                      {"const": "HAI", "title": "Hai", "x-title-en": "Two", "description": "thứ hai"}]},
                "ngay": {"type": "string", "format": "date", "title": "Ngày", "$comment": "ISO"},
                "maSoThue": {"type": "string", "format": "vn-tax-code", "x-vn-tax-code-accepts-personal-id": true,
                             "title": "MST"},
                "deep": {"$ref": "#/$defs/node", "title": "Sâu"}
              },
              "required": ["a"],
              "additionalProperties": false,
              "$defs": {
                "node": {"title": "Nút", "description": "đệ quy", "anyOf": [
                  {"type": "object", "title": "t1", "properties": {"x": {"$ref": "#/$defs/node", "title": "con"}},
                   "required": ["y"]},
                  {"type": "object", "title": "t2", "x-title-en": "t2", "properties": {"x": {"$ref": "#/$defs/node"}}}]}
              }
            }
            """;

    @BeforeAll
    static void load() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(GIA_LAI)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = GIA_LAI.relativize(p).toString().replace('\\', '/');
                if ((rel.startsWith("forms/") && rel.endsWith(".schema.json")) || SchemaStore.procedureCode(rel) != null) {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        try (var in = SharedAnnotationsTest.class.getResourceAsStream("/packs/test/form.schema.json")) {
            files.put("procedures/T.001/form.schema.json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        files.put("procedures/X.001/form.schema.json", ANNOTATED);
        store = new SchemaStore(files);
        shared = new ValidationEngine(store, code -> code.startsWith("52-"), false, true);
        reference = new ValidationEngine(store, code -> code.startsWith("52-"), false, false);
    }

    private static List<String> forms() {
        return new ArrayList<>(store.formIds().values());
    }

    @Test
    void annotationKeywordsAreOneObjectForTheWholeRegistry_assertionsAreNot() {
        Schema a = shared.schema("urn:motcua:forms:procedure:X.001");
        Schema t = shared.schema("urn:motcua:forms:procedure:T.001");
        Map<String, KeywordValidator> byKeyword = new LinkedHashMap<>();
        IdentityHashMap<KeywordValidator, Boolean> asserting = new IdentityHashMap<>();
        for (Schema s : List.of(a, t, a.getSubSchema(com.networknt.schema.SchemaLocation.Fragment.of("/properties/a")))) {
            for (KeywordValidator v : s.getValidators()) {
                if (v instanceof SharedAnnotations.Validator) {
                    KeywordValidator first = byKeyword.putIfAbsent(v.getKeyword(), v);
                    if (first != null) {
                        assertSame(first, v, "one " + v.getKeyword() + " validator for every schema of every form");
                    }
                } else {
                    asserting.put(v, true);
                }
            }
        }
        assertTrue(byKeyword.keySet().containsAll(List.of("title", "x-title-en", "description", "$comment")), byKeyword.keySet()
                .toString());
        // the reference engine gives each occurrence its own validator, and the assertions stay per schema in both
        assertTrue(asserting.keySet().stream().map(KeywordValidator::getKeyword).toList().contains("properties"));
        for (KeywordValidator v : reference.schema("urn:motcua:forms:procedure:X.001").getValidators()) {
            assertTrue(!(v instanceof SharedAnnotations.Validator), v.getKeyword());
        }
    }

    @Test
    void everyGeneratedDocument_sameErrorsAndViolationsAsNetworkntsOwnKeywords() {
        Random random = new Random(18);
        int documents = 0;
        int withErrors = 0;
        Set<String> keywords = new java.util.TreeSet<>();
        List<Map.Entry<String, JsonNode>> cases = new ArrayList<>();
        // the example dossiers' forms as they are (valid) and each without one of its fields
        try (Stream<Path> dossiers = Files.list(Path.of("../examples/dossiers"))) {
            for (Path p : dossiers.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dossier = PlainJson.readTree(Files.readString(p, StandardCharsets.UTF_8));
                String id = store.schemaId(dossier.path("procedure").asString());
                ObjectNode form = (ObjectNode) dossier.get("form");
                cases.add(Map.entry(id, form));
                for (String field : form.propertyNames()) {
                    ObjectNode less = form.deepCopy();
                    less.remove(field);
                    cases.add(Map.entry(id, less));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String id : forms()) {
            for (int i = 0; i < 60; i++) {
                cases.add(Map.entry(id, generate(id, store.at(id, ""), random, 0)));
            }
        }
        for (Map.Entry<String, JsonNode> c : cases) {
            {
                String id = c.getKey();
                JsonNode doc = c.getValue();
                List<Error> expected = errors(reference, id, doc);
                List<Error> actual = errors(shared, id, doc);
                assertEquals(describe(expected), describe(actual), id + " " + doc);
                assertEquals(reference.validate(id, doc), shared.validate(id, doc), id + " " + doc);
                documents++;
                withErrors += expected.isEmpty() ? 0 : 1;
                expected.forEach(e -> keywords.add(e.getKeyword()));
            }
        }
        // the generated documents reach the keywords that word a citizen's violations, valid documents among them
        assertTrue(documents - withErrors >= 6, "valid documents: " + (documents - withErrors));
        assertTrue(keywords.containsAll(List.of("type", "required", "additionalProperties", "oneOf", "const", "format",
                "maxLength", "unevaluatedProperties", "x-vn-date-before")), keywords.toString());
    }

    @Test
    void everyStepLimit_bothStopAtTheSameStepInTheSamePlace() {
        Random random = new Random(1812);
        int stopped = 0;
        for (String id : forms()) {
            for (int i = 0; i < 4; i++) {
                JsonNode doc = generate(id, store.at(id, ""), random, 0);
                stopped += sameStops(id, doc);
            }
        }
        assertTrue(stopped > 1000, "limits reached: " + stopped);
    }

    @Test
    void recursionThatReachesTheLimit_sameLimitViolationAndStop() {
        String id = "urn:motcua:forms:procedure:X.001";
        for (int depth : new int[] {3, 12, 21, 22, 23, 26}) {
            ObjectNode deep = NODES.objectNode();
            ObjectNode at = deep;
            for (int d = 0; d < depth; d++) {
                at = at.putObject("x");
            }
            ObjectNode doc = NODES.objectNode().put("a", "x");
            doc.set("deep", deep);
            List<Violation> expected = reference.validate(id, doc);
            assertEquals(expected, shared.validate(id, doc), "depth " + depth);
            String[] a = stop(reference, id, doc, ValidationEngine.MAX_EVALUATION_STEPS);
            String[] b = stop(shared, id, doc, ValidationEngine.MAX_EVALUATION_STEPS);
            assertEquals(Arrays.asList(a).subList(0, 3), Arrays.asList(b).subList(0, 3), "depth " + depth);
            if (depth >= 26) {
                assertNotNull(a[0], "the recursion reaches the step limit at depth " + depth);
                assertEquals("limit", expected.get(0).keyword());
            }
            if (depth <= 12) {
                assertEquals(null, a[0], "no limit at depth " + depth);
            }
        }
    }

    /** For limits 1, 2, … until the document needs no more: both engines stop alike; returns how many limits stopped them. */
    private static int sameStops(String id, JsonNode doc) {
        for (long limit = 1; limit < 100_000; limit++) {
            String[] a = stop(reference, id, doc, limit);
            String[] b = stop(shared, id, doc, limit);
            assertEquals(Arrays.asList(a).subList(0, 3), Arrays.asList(b).subList(0, 3), id + " limit " + limit + " " + doc);
            if (b[3] != null && b[3].startsWith("urn:motcua:forms:annotation#")) {
                // stopped at a shared annotation (one object for every place): the same keyword as the reference's
                assertTrue(a[3].endsWith(b[3].substring(b[3].indexOf('#') + 1)), a[3] + " / " + b[3]);
            } else {
                assertEquals(a[3], b[3], id + " limit " + limit);
            }
            if (a[0] == null) {
                return (int) limit - 1;
            }
        }
        throw new AssertionError("no end to " + id + " " + doc);
    }

    /** {admitted steps, instance location, evaluation path, schema location} where the limit stopped it, or nulls. */
    private static String[] stop(ValidationEngine engine, String id, JsonNode doc, long limit) {
        ExecutionConfig config = ExecutionConfig.builder().locale(Locale.ROOT).formatAssertionsEnabled(true)
                .maxEvaluationSteps(limit).maxEvaluationDepth(ValidationEngine.MAX_EVALUATION_DEPTH).build();
        try {
            BoundedRegex.withDocumentBudget(() -> engine.schema(id).validate(doc, ctx -> ctx.setExecutionConfig(config)));
            return new String[4];
        } catch (ValidationLimitExceededException e) {
            return new String[] {e.getLimitKind() + " " + e.getAdmittedSteps() + " " + e.getActiveDepth(),
                String.valueOf(e.getInstanceLocation()), String.valueOf(e.getEvaluationPath()), String.valueOf(e.getSchemaLocation())};
        }
    }

    private static List<Error> errors(ValidationEngine engine, String id, JsonNode doc) {
        List<List<Error>> out = new ArrayList<>();
        BoundedRegex.withDocumentBudget(() -> out.add(engine.schema(id).validate(doc)));
        return out.get(0);
    }

    private static List<String> describe(List<Error> errors) {
        List<String> out = new ArrayList<>();
        for (Error e : errors) {
            out.add(e.getKeyword() + " | " + e.getSchemaLocation() + " | " + e.getInstanceLocation() + " | "
                    + e.getEvaluationPath() + " | " + e.getProperty() + " | " + e.getMessageKey()
                    + " | " + e.getMessage() + " | " + Arrays.toString(e.getArguments()) + " | " + e.getDetails() + " | "
                    + e.getSchemaNode() + " | " + e.getInstanceNode() + " | " + e.isCustomMessage());
        }
        return out;
    }

    private static final List<String> TEXTS = List.of("", "x", "Nguyễn Văn A", "2026-01-15", "15/01/2026", "2026-13-45",
            "0912345678", "+84 912 345 678", "079123456789", "0312687878", "0312687878-001", "a@b.vn", "52-xa-ia-o",
            "MALE", "x".repeat(300));

    /** A document for {@code schema}: mostly its own fields, with some dropped, some added, some of the wrong kind. */
    private static JsonNode generate(String docId, JsonNode schema, Random r, int depth) {
        JsonNode s = schema == null ? null : store.resolve(docId, schema);
        if (s == null || depth > 5 || r.nextInt(100) < 8) {
            return any(r);
        }
        JsonNode props = s.get("properties");
        if (props != null && props.isObject() && r.nextInt(100) < 92) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<String, JsonNode> p : props.properties()) {
                if (r.nextInt(100) < 85) {
                    o.set(p.getKey(), generate(docId, p.getValue(), r, depth + 1));
                }
            }
            if (r.nextInt(100) < 10) {
                o.put("truongLa", "x");
            }
            return o;
        }
        List<JsonNode> constants = new ArrayList<>();
        for (String k : List.of("oneOf", "anyOf")) {
            for (JsonNode b : s.path(k)) {
                if (b.has("const")) {
                    constants.add(b.get("const"));
                }
            }
        }
        s.path("enum").forEach(constants::add);
        if (s.has("const")) {
            constants.add(s.get("const"));
        }
        if (!constants.isEmpty() && r.nextInt(100) < 85) {
            return constants.get(r.nextInt(constants.size()));
        }
        String type = s.path("type").asString("");
        if ("array".equals(type) && r.nextInt(100) < 85) {
            ArrayNode a = NODES.arrayNode();
            for (int i = r.nextInt(3); i > 0; i--) {
                a.add(generate(docId, s.get("items"), r, depth + 1));
            }
            return a;
        }
        if (("integer".equals(type) || "number".equals(type)) && r.nextInt(100) < 85) {
            return NODES.numberNode(r.nextInt(2000) - 10);
        }
        if ("boolean".equals(type) && r.nextInt(100) < 85) {
            return NODES.booleanNode(r.nextBoolean());
        }
        if ("string".equals(type) && r.nextInt(100) < 85) {
            return NODES.stringNode(TEXTS.get(r.nextInt(TEXTS.size())));
        }
        return any(r);
    }

    private static JsonNode any(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(r.nextInt(100) - 3);
            case 3 -> NODES.numberNode(new java.math.BigDecimal("1.5"));
            case 4 -> NODES.arrayNode().add("x");
            case 5 -> NODES.objectNode().put("k", "v");
            default -> NODES.stringNode(TEXTS.get(r.nextInt(TEXTS.size())));
        };
    }
}
