package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import io.github.motcua.benchmarks.CatalogueGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The form check's fast path ({@link CompactForm}) against networknt, the validator of record, over every form of the
 * Gia Lai pack and of a generated catalogue of distinct forms ({@link CatalogueGenerator}, 28 procedures: each of the
 * 14 templates twice, renamed fields, suffixed constants, padding fields): whenever the fast path says VALID, networknt
 * finds no error — and, on a form the fast path compiled completely, it answers exactly as networknt does (VALID when
 * networknt finds no error, INVALID otherwise) unless it stops as UNKNOWN, which only the kinds of value it does not
 * decide may cause. The documents are grown around each schema: a likely-valid instance (required fields, constants of
 * the choices, dates, identifiers, lengths and numbers inside their bounds), then mutated — fields dropped, added, of
 * the wrong kind, lengths and numbers at and across their bounds (1 and 1.0, doubles, big integers, decimals), NFD
 * strings and astral code points counted against lengths, impossible dates, other branches' and near-miss constants,
 * values that make a {@code oneOf} match two branches or none.
 *
 * <p>In forms-core's package (split across modules on the class path) so that it reaches the engine's internals; it
 * lives here because the catalogue generator does.
 */
class CompactFormProperties {
    private static final Path GIA_LAI = Path.of("../examples/packs/gia-lai");
    private static final JsonNodeFactory NODES = PlainJson.NODES;

    /** One store and engine per pack; a form is an (engine, id). */
    record Pack(String name, SchemaStore store, ValidationEngine engine) {
    }

    record Form(Pack pack, String id) {
        @Override
        public String toString() {
            return pack.name() + ":" + id;
        }
    }

    record Case(Form form, JsonNode doc, long seed) {
        @Override
        public String toString() {
            return form + " seed " + seed + " " + doc;
        }
    }

    private static final class Packs {
        static final List<Pack> ALL = load();
        static final List<Form> FORMS = forms();

        private static List<Pack> load() {
            try {
                List<Pack> packs = new ArrayList<>();
                packs.add(pack("gia-lai", GIA_LAI));
                packs.add(synthetic());
                Path dir = Files.createTempDirectory("compact-form-catalogue");
                try {
                    List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(GIA_LAI);
                    CatalogueGenerator.write(GIA_LAI, dir, templates.size() * 2, true);
                    packs.add(pack("distinct-catalogue", dir));
                } finally {
                    try (Stream<Path> walk = Files.walk(dir)) {
                        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
                return packs;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Forms written here with what the real forms lack: constants and enums that networknt compares its own way
         * (numbers, containers) inside choices, patterns, every bound, boolean schemas, nested choices — and the
         * forms-core test pack's form (its if/then and unevaluatedProperties are not compiled: the form is not
         * complete, and the soundness must hold all the same).
         */
        private static Pack synthetic() throws IOException {
            Map<String, String> files = new TreeMap<>();
            files.put("procedures/S.1/form.schema.json", """
                    {"$id": "urn:motcua:forms:procedure:S.1", "type": "object", "properties": {
                      "n": {"oneOf": [{"const": 1}, {"type": "number"}]},
                      "o": {"oneOf": [{"const": {"a": [1]}}, {"type": "object"}]},
                      "e": {"oneOf": [{"enum": [1, "x", null]}, {"type": "integer"}]},
                      "es": {"enum": ["NAM", "NU"]},
                      "s": {"anyOf": [{"const": "A"}, {"const": false}, {"const": null}]},
                      "c": {"oneOf": [{"const": "A"}, {"const": "A"}, {"const": "B"}]},
                      "p": {"type": "string", "pattern": "^[0-9]{2,4}$", "maxLength": 3},
                      "i": {"type": "integer", "minimum": 1, "exclusiveMaximum": 100},
                      "d": {"type": "number", "exclusiveMinimum": 0.5, "maximum": 1000.25},
                      "f": {"properties": {"x": false, "y": true}, "additionalProperties": {"type": "integer"}},
                      "a": {"type": "array", "items": {"oneOf": [{"type": "string", "maxLength": 2}, {"type": "integer"}]},
                            "minItems": 1, "maxItems": 3},
                      "r": {"$ref": "#/$defs/node"}},
                     "required": ["n"],
                     "$defs": {"node": {"type": "object", "properties": {"k": {"$ref": "#/$defs/node"},
                                        "v": {"type": "string", "minLength": 1}}, "required": ["v"]}}}""");
            files.put("forms/common.schema.json", Files.readString(GIA_LAI.resolve("forms/common.schema.json"), StandardCharsets.UTF_8));
            files.put("procedures/T.001/form.schema.json",
                    Files.readString(Path.of("../forms-core/src/test/resources/packs/test/form.schema.json"), StandardCharsets.UTF_8));
            SchemaStore store = new SchemaStore(files);
            return new Pack("synthetic", store, new ValidationEngine(store, code -> code.startsWith("52-"), false));
        }

        private static Pack pack(String name, Path root) throws IOException {
            Map<String, String> files = new TreeMap<>();
            String units = null;
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if ((rel.startsWith("forms/") && rel.endsWith(".schema.json")) || SchemaStore.procedureCode(rel) != null) {
                        files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                    } else if ("units.yaml".equals(rel)) {
                        units = Files.readString(p, StandardCharsets.UTF_8);
                    }
                }
            }
            SchemaStore store = new SchemaStore(files);
            Set<String> codes = units == null ? Set.of("52-xa-ia-o") : DefaultFormRegistry.unitCodesFromYaml(units);
            return new Pack(name, store, new ValidationEngine(store, codes::contains, false));
        }

        private static List<Form> forms() {
            List<Form> out = new ArrayList<>();
            for (Pack p : ALL) {
                for (String id : p.store().formIds().values()) {
                    out.add(new Form(p, id));
                }
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ the properties

    @Provide
    Arbitrary<Case> documents() {
        return Combinators.combine(Arbitraries.of(Packs.FORMS), Arbitraries.longs()).as((form, seed) -> {
            Random r = new Random(seed);
            Generator g = new Generator(form.pack().store(), form.id(), r);
            JsonNode doc = g.sample(form.pack().store().at(form.id(), ""), 0);
            int mutations = r.nextInt(4);
            for (int i = 0; i < mutations; i++) {
                doc = g.mutate(doc, form.pack().store().at(form.id(), ""), 0);
            }
            return new Case(form, doc, seed);
        });
    }

    /** The soundness condition, and exactness on completely compiled forms. */
    @Property(tries = 4000)
    void fastPathValid_impliesNetworkntFindsNoError(@ForAll("documents") Case c) {
        ValidationEngine.Compiled compiled = c.form().pack().engine().compiled(c.form().id());
        int fast = compiled.fast().check(c.doc());
        List<Error> errors;
        try {
            errors = networknt(compiled, c.doc());
        } catch (RuntimeException e) {
            // networknt fails on the document (e.g. 1e300 under an integer bound: Jackson's asLong refuses it); the
            // registry reports that as FORMS_VALIDATOR_FAILED, which the fast path must leave to it
            assertTrue(fast != CompactForm.VALID, "the fast path said VALID where networknt throws " + e + ": " + c);
            return;
        }
        net.jqwik.api.statistics.Statistics.label("fast path").collect(fast == CompactForm.VALID ? "VALID"
                : fast == CompactForm.INVALID ? "INVALID" : "UNKNOWN");
        net.jqwik.api.statistics.Statistics.label("networknt").collect(errors.isEmpty() ? "no error" : "errors");
        // not vacuous: a fair share of the documents is valid, and the fast path says so for them
        net.jqwik.api.statistics.Statistics.label("fast path").coverage(cov -> cov.check("VALID").percentage(p -> p >= 5));
        net.jqwik.api.statistics.Statistics.label("networknt").coverage(cov -> cov.check("errors").percentage(p -> p >= 30));
        if (fast == CompactForm.VALID) {
            assertEquals(List.of(), errors.stream().map(e -> e.getKeyword() + " " + e.getInstanceLocation()).toList(),
                    "the fast path said VALID: " + c);
        }
        if (compiled.fast().complete() && fast != CompactForm.UNKNOWN) {
            assertEquals(errors.isEmpty() ? CompactForm.VALID : CompactForm.INVALID, fast, c.toString());
        }
        if (fast == CompactForm.UNKNOWN && compiled.fast().complete()) {
            // on a complete form only a value the fast path never decides may stop it
            assertTrue(hasUndecidedValue(c.doc()), "UNKNOWN on a complete form without an undecided value: " + c);
        }
    }

    /**
     * The fast path covers the real forms: every form of the Gia Lai pack and of the catalogue compiles completely,
     * and on the documents networknt finds valid it says VALID (so networknt is not called for them).
     */
    @Example
    void everyRealForm_compiledCompletely_andValidDocumentsTakeTheFastPath() {
        int complete = 0;
        int validDocs = 0;
        List<Form> real = Packs.FORMS.stream().filter(f -> !f.pack().name().equals("synthetic")).toList();
        for (Form f : real) {
            ValidationEngine.Compiled compiled = f.pack().engine().compiled(f.id());
            assertTrue(compiled.fast().complete(), "not compiled completely: " + f);
            complete++;
            int valid = 0;
            for (int seed = 0; seed < 200 && valid < 5; seed++) {
                JsonNode doc = new Generator(f.pack().store(), f.id(), new Random(seed)).sample(f.pack().store().at(f.id(), ""), 0);
                if (networknt(compiled, doc).isEmpty()) {
                    valid++;
                    assertEquals(CompactForm.VALID, compiled.fast().check(doc), f + " " + doc);
                }
            }
            assertTrue(valid > 0, "no valid document generated for " + f);
            validDocs += valid;
        }
        assertEquals(real.size(), complete);
        assertTrue(real.size() >= 14 + 28, "forms: " + real.size());
        assertTrue(validDocs >= real.size(), "valid documents: " + validDocs);
    }

    /** The example dossiers' forms (the CLI's `decide` inputs) take the fast path. */
    @Example
    void exampleDossiers_validOnTheFastPath() throws IOException {
        Pack gl = Packs.ALL.get(0);
        int n = 0;
        try (Stream<Path> dossiers = Files.list(Path.of("../examples/dossiers"))) {
            for (Path p : dossiers.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dossier = PlainJson.readTree(Files.readString(p, StandardCharsets.UTF_8));
                String id = gl.store().schemaId(dossier.path("procedure").asString());
                ValidationEngine.Compiled compiled = gl.engine().compiled(id);
                JsonNode form = dossier.get("form");
                assertEquals(List.of(), networknt(compiled, form), p.toString());
                assertEquals(CompactForm.VALID, compiled.fast().check(form), p.toString());
                n++;
            }
        }
        assertTrue(n >= 6, "dossiers: " + n);
    }

    static List<Error> networknt(ValidationEngine.Compiled compiled, JsonNode doc) {
        List<List<Error>> out = new ArrayList<>();
        BoundedRegex.withDocumentBudget(() -> out.add(compiled.schema().validate(doc)));
        return out.get(0);
    }

    /** A non-finite number, a binary or POJO node: what the fast path leaves to networknt. */
    static boolean hasUndecidedValue(JsonNode n) {
        if (n.isNumber()) {
            return CompactForm.nonFinite(n);
        }
        if (n.isBinary() || n.isPojo() || n.isMissingNode()) {
            return true;
        }
        for (JsonNode c : n) {
            if (hasUndecidedValue(c)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ documents around a schema

    /** Values that try each keyword's edges. */
    static final List<String> TEXTS = List.of("", "x", "Nguyễn Văn A", Normalizer.normalize("Nguyễn Thị Hòa", Normalizer.Form.NFD),
            "2026-01-15", "2024-02-29", "2026-02-29", "2026-13-01", "0000-01-01", "+2026-01-15", "2026-1-5", "15/01/2026",
            " 2026-01-15", "0912345678", "0112345678", "+84 912 345 678", "079123456789", "000123456789", "079223456789",
            "0312687878", "0312687879", "0312687878-001", "0312687878001", "0312687878-000", "52-xa-ia-o", "52-xa-khong-co",
            "MALE", "FEMALE", "male", "CHA", "CHA ", "\uD835\uDC9C\uD835\uDC9C", "x".repeat(101), "x".repeat(300));

    static final class Generator {
        final SchemaStore store;
        final String docId;
        final Random r;

        Generator(SchemaStore store, String docId, Random r) {
            this.store = store;
            this.docId = docId;
            this.r = r;
        }

        JsonNode resolved(JsonNode schema) {
            return schema == null ? null : store.resolve(docId, schema);
        }

        /** A likely-valid value for {@code schema}. */
        JsonNode sample(JsonNode schema, int depth) {
            JsonNode s = resolved(schema);
            if (s == null || !s.isObject() || depth > 8) {
                return NODES.stringNode("x");
            }
            if (s.has("const")) {
                return s.get("const");
            }
            if (s.has("enum") && !s.get("enum").isEmpty()) {
                return s.get("enum").get(r.nextInt(s.get("enum").size()));
            }
            List<JsonNode> branches = new ArrayList<>();
            for (String k : List.of("oneOf", "anyOf")) {
                s.path(k).forEach(branches::add);
            }
            String type = s.path("type").asString("");
            if (!branches.isEmpty()) {
                JsonNode b = resolved(branches.get(r.nextInt(branches.size())));
                if (b.has("const")) {
                    return b.get("const");
                }
                if (b.has("properties") || "object".equals(type)) {
                    ObjectNode o = object(s, depth);
                    overlay(o, b, depth);
                    return o;
                }
                return sample(b, depth + 1);
            }
            if ("object".equals(type) || s.has("properties")) {
                ObjectNode o = object(s, depth);
                for (JsonNode b : s.path("allOf")) {
                    overlay(o, resolved(b), depth);
                }
                return o;
            }
            return switch (type) {
                case "array" -> {
                    ArrayNode a = NODES.arrayNode();
                    int max = s.path("maxItems").asInt(3);
                    for (int i = r.nextInt(Math.min(max, 3) + 1); i > 0; i--) {
                        a.add(sample(s.get("items"), depth + 1));
                    }
                    yield a;
                }
                case "integer", "number" -> number(s, "integer".equals(type));
                case "boolean" -> NODES.booleanNode(r.nextBoolean());
                case "null" -> NODES.nullNode();
                default -> string(s);
            };
        }

        private ObjectNode object(JsonNode s, int depth) {
            ObjectNode o = NODES.objectNode();
            Set<String> required = new java.util.HashSet<>();
            s.path("required").forEach(n -> required.add(n.asString()));
            for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
                if (required.contains(p.getKey()) || r.nextInt(100) < 70) {
                    o.set(p.getKey(), sample(p.getValue(), depth + 1));
                }
            }
            agreePersonalIds(o, s);
            return o;
        }

        /** A personal number that agrees with the birth date and sex its keyword names among its siblings. */
        private void agreePersonalIds(ObjectNode o, JsonNode s) {
            for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
                JsonNode rule = resolved(p.getValue()).path(VnKeywords.PERSONAL_ID_MATCHES);
                if (!rule.isObject() || !o.has(p.getKey()) || r.nextInt(100) < 10) {
                    continue;
                }
                java.time.LocalDate birth = VnKeywords.date(o.get(rule.path("birthDate").asString("")));
                JsonNode sex = o.get(rule.path("sex").asString(""));
                int year = birth == null ? 1990 : birth.getYear();
                boolean female = sex != null && sex.isString()
                        && Boolean.TRUE.equals(VnKeywords.PersonalIdMatches.female(sex.asString()));
                int digit = (year / 100 - 19) * 2 + (female ? 1 : 0);
                o.put(p.getKey(), String.format(java.util.Locale.ROOT, "079%d%02d%06d", digit, year % 100, r.nextInt(1_000_000)));
            }
        }

        private void overlay(ObjectNode o, JsonNode b, int depth) {
            for (Map.Entry<String, JsonNode> p : b.path("properties").properties()) {
                o.set(p.getKey(), sample(p.getValue(), depth + 1));
            }
        }

        private JsonNode string(JsonNode s) {
            switch (s.path("format").asString("")) {
                case "date" -> {
                    return NODES.stringNode(java.time.LocalDate.of(1950, 1, 1).plusDays(r.nextInt(27_000)).toString());
                }
                case "vn-personal-id" -> {
                    int year = 1950 + r.nextInt(70);
                    int century = (year / 100 - 19) * 2 + r.nextInt(2);
                    return NODES.stringNode(String.format(java.util.Locale.ROOT, "0%02d%d%02d%06d", 1 + r.nextInt(96), century,
                            year % 100, r.nextInt(1_000_000)));
                }
                case "vn-mobile" -> {
                    return NODES.stringNode("09" + (1 + r.nextInt(3)) + String.format(java.util.Locale.ROOT, "%07d", r.nextInt(10_000_000)));
                }
                case "vn-tax-code" -> {
                    return NODES.stringNode(r.nextBoolean() ? "0312687878" : "0100233488-001");
                }
                case "vn-unit-code" -> {
                    return NODES.stringNode("52-xa-ia-o");
                }
                default -> {
                }
            }
            int min = Math.max(0, s.path("minLength").asInt(0));
            int max = Math.min(s.path("maxLength").asInt(40), 40);
            int length = min + (max > min ? r.nextInt(max - min + 1) : 0);
            StringBuilder b = new StringBuilder();
            String letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyỹ ";
            for (int i = 0; i < length; i++) {
                b.append(letters.charAt(r.nextInt(letters.length())));
            }
            return NODES.stringNode(b.toString());
        }

        private JsonNode number(JsonNode s, boolean integer) {
            BigDecimal low = s.has("minimum") ? s.get("minimum").decimalValue()
                    : s.has("exclusiveMinimum") ? s.get("exclusiveMinimum").decimalValue().add(BigDecimal.ONE) : BigDecimal.ZERO;
            BigDecimal high = s.has("maximum") ? s.get("maximum").decimalValue()
                    : s.has("exclusiveMaximum") ? s.get("exclusiveMaximum").decimalValue().subtract(BigDecimal.ONE)
                    : low.add(BigDecimal.valueOf(1000));
            BigDecimal span = high.subtract(low).max(BigDecimal.ZERO);
            BigDecimal v = low.add(span.multiply(BigDecimal.valueOf(r.nextInt(101))).divide(BigDecimal.valueOf(100)));
            if (integer) {
                v = v.setScale(0, java.math.RoundingMode.CEILING);
                return NODES.numberNode(v.longValueExact());
            }
            return r.nextBoolean() ? NODES.numberNode(v.doubleValue()) : NODES.numberNode(v);
        }

        /** {@code doc} with one change somewhere inside it, near what {@code schema} says. */
        JsonNode mutate(JsonNode doc, JsonNode schema, int depth) {
            JsonNode s = resolved(schema);
            if (doc.isObject() && doc.size() > 0 && r.nextInt(100) < 70 && depth < 8) {
                ObjectNode o = ((ObjectNode) doc).deepCopy();
                List<String> names = new ArrayList<>(o.propertyNames());
                String name = names.get(r.nextInt(names.size()));
                JsonNode child = s == null ? null : childSchema(s, name);
                switch (r.nextInt(6)) {
                    case 0 -> o.remove(name);
                    case 1 -> o.set(name + (r.nextBoolean() ? "X" : ""), edge(child));
                    default -> o.set(name, mutate(o.get(name), child, depth + 1));
                }
                return o;
            }
            if (doc.isArray() && doc.size() > 0 && r.nextBoolean()) {
                ArrayNode a = ((ArrayNode) doc).deepCopy();
                int i = r.nextInt(a.size());
                a.set(i, mutate(a.get(i), s == null ? null : s.get("items"), depth + 1));
                return a;
            }
            return edge(s);
        }

        private JsonNode childSchema(JsonNode s, String name) {
            JsonNode c = s.path("properties").get(name);
            if (c != null) {
                return c;
            }
            for (String k : List.of("oneOf", "anyOf", "allOf")) {
                for (JsonNode b : s.path(k)) {
                    JsonNode found = resolved(b).path("properties").get(name);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        /** A value at or across one of {@code s}'s edges, or of another kind. */
        JsonNode edge(JsonNode s) {
            JsonNode schema = resolved(s);
            int pick = r.nextInt(10);
            if (schema != null && pick < 6) {
                List<JsonNode> constants = new ArrayList<>();
                for (String k : List.of("oneOf", "anyOf")) {
                    for (JsonNode b : schema.path(k)) {
                        JsonNode rb = resolved(b);
                        if (rb.has("const")) {
                            constants.add(rb.get("const"));
                        }
                    }
                }
                schema.path("enum").forEach(constants::add);
                if (schema.has("const")) {
                    constants.add(schema.get("const"));
                }
                if (!constants.isEmpty() && r.nextBoolean()) {
                    JsonNode c = constants.get(r.nextInt(constants.size()));
                    return switch (r.nextInt(4)) {
                        case 0 -> c.isString() ? NODES.stringNode(c.asString() + "_S99999") : c;
                        case 1 -> c.isString() ? NODES.stringNode(c.asString().toLowerCase(java.util.Locale.ROOT)) : c;
                        default -> c;
                    };
                }
                for (String k : List.of("minLength", "maxLength")) {
                    if (schema.has(k) && r.nextBoolean()) {
                        int n = schema.get(k).asInt() + r.nextInt(3) - 1;
                        return NODES.stringNode(lengthString(Math.max(0, Math.min(n, 5000))));
                    }
                }
                for (String k : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
                    if (schema.has(k) && r.nextBoolean()) {
                        BigDecimal b = schema.get(k).decimalValue();
                        return switch (r.nextInt(7)) {
                            case 0 -> NODES.numberNode(b);
                            case 1 -> NODES.numberNode(b.doubleValue());
                            case 2 -> NODES.numberNode(b.add(new BigDecimal("0.5")));
                            case 3 -> NODES.numberNode(b.subtract(BigDecimal.ONE).toBigInteger());
                            case 4 -> NODES.numberNode(b.add(BigDecimal.ONE).longValue());
                            // the same number with one more decimal place (setScale(1) threw on a bound like 1000.25)
                            case 5 -> NODES.numberNode(b.setScale(b.scale() + 1));
                            default -> NODES.numberNode(b.toBigInteger().intValue());
                        };
                    }
                }
                if (schema.has("properties") && r.nextBoolean()) {
                    return sample(schema, 6); // the other shape of a oneOf of objects, or a fresh object
                }
            }
            return any();
        }

        /** A string of {@code n} code points, astral ones and combining marks mixed in. */
        private String lengthString(int n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                switch (r.nextInt(4)) {
                    case 0 -> b.appendCodePoint(0x1D49C);
                    case 1 -> b.append('\u0301');
                    default -> b.append('a');
                }
            }
            return b.toString();
        }

        JsonNode any() {
            return switch (r.nextInt(16)) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.booleanNode(r.nextBoolean());
                case 2 -> NODES.numberNode(r.nextInt(100) - 3);
                case 3 -> NODES.numberNode(new BigDecimal("1.5"));
                case 4 -> NODES.numberNode(1.0d);
                case 5 -> NODES.numberNode(new BigDecimal("1.0"));
                case 6 -> NODES.numberNode(new BigInteger("100000000000000000000"));
                case 7 -> NODES.numberNode(1e300);
                case 8 -> NODES.arrayNode().add("x");
                case 9 -> NODES.objectNode().put("k", "v");
                case 10 -> NODES.numberNode(Long.MAX_VALUE);
                case 11 -> NODES.numberNode(new BigDecimal("1E+2"));
                default -> NODES.stringNode(TEXTS.get(r.nextInt(TEXTS.size())));
            };
        }
    }
}
