package io.github.motcua.fees.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * jqwik arbitraries that generate e-form data (tờ khai) valid against a form's JSON Schema
 * (2020-12), as {@code Map<String, Object>} ready to put under a dossier's {@code form}.
 *
 * <p>Supported: {@code type} (object, array, string, integer, number, boolean, null; a type list
 * picks a non-null one), {@code properties}, {@code required} (optional fields are present about
 * half the time), {@code enum}, {@code const}, {@code $ref} to {@code #/$defs/…} and to shared
 * schemas by {@code $id} (register them with {@link Builder#shared}), {@code allOf} (merged),
 * {@code anyOf}/{@code oneOf} (one branch), {@code if}/{@code then}/{@code else} on objects (the
 * {@code if} may test {@code const}, {@code enum}, {@code minimum}/{@code maximum} of properties and
 * {@code required}), string {@code minLength}/{@code maxLength}, digit patterns such as
 * {@code ^[0-9]{12}$}, number bounds ({@code minimum}, {@code maximum}, exclusive forms),
 * {@code minItems}/{@code maxItems}, and the formats {@code date} (1940-01-01 to 2025-12-31 unless
 * {@code formatMinimum}/{@code formatMaximum} say otherwise), {@code date-time}, {@code email},
 * {@code vn-personal-id}, {@code vn-tax-code} (10 digits, valid check digit), {@code vn-mobile},
 * {@code vn-unit-code} (from {@link Builder#unitCodes}), {@code x-vn-personal-id-matches}
 * (the id's century/sex digit and birth year follow the sibling birth-date and sex fields; with no
 * birth date, only the sex digit is set), and {@code x-vn-date-before} (a date not before the one it
 * names is moved before it; the personal number encoding a moved birth date follows).
 *
 * <p>Not honoured (documented limits): other regular-expression {@code pattern}s,
 * {@code x-vn-date-before} inside {@code if}/{@code then}/{@code else} branches, {@code not},
 * {@code dependentSchemas}, {@code uniqueItems},
 * {@code additionalProperties} (never generated). The schema is parsed with Jackson 3 here; this
 * class does not depend on forms-core.
 *
 * <p>Thread-safe: a built arbitrary is immutable; the builder is not.
 */
public final class FormArbitraries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DIGITS = Pattern.compile("\\^(?:\\\\d|\\[0-9\\])\\{(\\d+)(?:,(\\d+))?\\}\\$");
    private static final int MAX_DEPTH = 12;

    private FormArbitraries() {
    }

    /** Form data for a self-contained schema. */
    public static Arbitrary<Map<String, Object>> fromSchema(String schemaJson) {
        return builder(schemaJson).build();
    }

    /** A builder for a schema that refers to shared schemas or unit codes. */
    public static Builder builder(String schemaJson) {
        return new Builder(schemaJson);
    }

    /** A valid 12-digit personal identification number (số định danh cá nhân). */
    public static Arbitrary<String> vnPersonalId() {
        return VnFormats.personalId();
    }

    /** A valid 10-digit tax code (mã số thuế) with its check digit. */
    public static Arbitrary<String> vnTaxCode() {
        return VnFormats.taxCode();
    }

    /** A valid 10-digit Vietnamese mobile number. */
    public static Arbitrary<String> vnMobile() {
        return VnFormats.mobile();
    }

    /** Collects the schema, shared schemas and unit codes; {@link #build()} parses and returns the arbitrary. */
    public static final class Builder {
        private final String schemaJson;
        private final Map<String, String> shared = new LinkedHashMap<>();
        private final List<String> unitCodes = new ArrayList<>();

        private Builder(String schemaJson) {
            this.schemaJson = Objects.requireNonNull(schemaJson, "schemaJson");
        }

        /** Registers a shared schema (e.g. forms/common.schema.json); its {@code $id} is read from it. */
        public Builder shared(String sharedSchemaJson) {
            JsonNode n = parse(sharedSchemaJson);
            String id = n.path("$id").asString("");
            if (id.isEmpty()) {
                throw new IllegalArgumentException("shared schema has no $id: [" + abbreviate(sharedSchemaJson) + "]");
            }
            shared.put(id, sharedSchemaJson);
            return this;
        }

        /** Unit codes for the {@code vn-unit-code} format (default: a pack-local Gia Lai code). */
        public Builder unitCodes(List<String> codes) {
            unitCodes.clear();
            unitCodes.addAll(codes);
            return this;
        }

        /**
         * The arbitrary. Throws {@link IllegalArgumentException} naming the problem when the schema is not
         * JSON, not an object schema, or has a {@code $ref} that cannot be resolved.
         */
        public Arbitrary<Map<String, Object>> build() {
            JsonNode root = parse(schemaJson);
            Map<String, JsonNode> docs = new HashMap<>();
            for (Map.Entry<String, String> e : shared.entrySet()) {
                docs.put(e.getKey(), parse(e.getValue()));
            }
            Generator g = new Generator(docs, unitCodes.isEmpty() ? List.of("52-xa-ia-o") : List.copyOf(unitCodes));
            JsonNode resolved = g.flatten(root, root, new ArrayList<>(), new ArrayList<>());
            if (!"object".equals(g.type(resolved)) && !resolved.has("properties")) {
                throw new IllegalArgumentException("form schema must describe an object: [" + abbreviate(schemaJson) + "]");
            }
            @SuppressWarnings("unchecked")
            Arbitrary<Map<String, Object>> a = g.gen(root, root, 0).map(o -> (Map<String, Object>) o)
                    .map(m -> g.orderDates(root, m));
            return a;
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("schema is not valid JSON: [" + abbreviate(json) + "]: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Walks a schema; {@code doc} is the document local {@code #/…} refs resolve in. */
    private static final class Generator {
        private final Map<String, JsonNode> docs;
        private final List<String> unitCodes;

        Generator(Map<String, JsonNode> docs, List<String> unitCodes) {
            this.docs = docs;
            this.unitCodes = unitCodes;
        }

        /** One $ref hop: the target schema and the document its own local refs resolve in. */
        JsonNode[] target(String ref, JsonNode doc) {
            JsonNode base = doc;
            String pointer = ref;
            int hash = ref.indexOf('#');
            if (hash != 0) {
                String id = hash < 0 ? ref : ref.substring(0, hash);
                base = docs.get(id);
                if (base == null) {
                    throw new IllegalArgumentException("unresolved $ref (register the shared schema): [" + ref + "]");
                }
                pointer = hash < 0 ? "#" : ref.substring(hash);
            }
            JsonNode t = base.at(pointer.substring(1));
            if (t == null || t.isMissingNode()) {
                throw new IllegalArgumentException("unresolved $ref: [" + ref + "]");
            }
            return new JsonNode[] {t, base};
        }

        /**
         * Resolves $ref (keywords beside a $ref apply too, as in 2020-12) and merges allOf into one
         * schema node; the conditionals met on the way are collected in order.
         */
        ObjectNode flatten(JsonNode schema, JsonNode doc, List<JsonNode> conditionals, List<JsonNode> condDocs) {
            return flatten(schema, doc, conditionals, condDocs, 0);
        }

        private ObjectNode flatten(JsonNode s, JsonNode d, List<JsonNode> conditionals, List<JsonNode> condDocs,
                int hops) {
            if (hops > MAX_DEPTH) {
                throw new IllegalArgumentException("schema nests deeper than " + MAX_DEPTH + " (recursive $ref?)");
            }
            ObjectNode out = JSON.createObjectNode();
            if (s.has("$ref")) {
                JsonNode[] t = target(s.get("$ref").asString(), d);
                merge(out, flatten(t[0], t[1], conditionals, condDocs, hops + 1));
            }
            if (s.has("allOf")) {
                for (JsonNode part : s.get("allOf")) {
                    merge(out, flatten(part, d, conditionals, condDocs, hops + 1));
                }
            }
            ObjectNode own = s.deepCopy() instanceof ObjectNode o ? o : JSON.createObjectNode();
            own.remove("allOf");
            own.remove("$ref");
            if (own.has("if")) {
                conditionals.add(own);
                condDocs.add(d);
            }
            // properties referring to $ref must resolve in their own document: inline them
            if (own.has("properties")) {
                ObjectNode props = JSON.createObjectNode();
                for (Map.Entry<String, JsonNode> e : own.get("properties").properties()) {
                    props.set(e.getKey(), inline(e.getValue(), d));
                }
                own.set("properties", props);
            }
            if (own.has("items")) {
                own.set("items", inline(own.get("items"), d));
            }
            merge(out, own);
            return out;
        }

        private ObjectNode inline(JsonNode schema, JsonNode doc) {
            List<JsonNode> conds = new ArrayList<>();
            List<JsonNode> docsOfConds = new ArrayList<>();
            ObjectNode flat = flatten(schema, doc, conds, docsOfConds);
            if (!conds.isEmpty()) {
                // keep the first conditional on the flattened node; nested ones are applied in order via allOf
                var all = JSON.createArrayNode();
                for (JsonNode c : conds) {
                    ObjectNode only = JSON.createObjectNode();
                    only.set("if", c.get("if"));
                    if (c.has("then")) {
                        only.set("then", c.get("then"));
                    }
                    if (c.has("else")) {
                        only.set("else", c.get("else"));
                    }
                    all.add(only);
                }
                flat.remove("if");
                flat.remove("then");
                flat.remove("else");
                flat.set("x-conditionals", all);
            }
            return flat;
        }

        private static void merge(ObjectNode into, JsonNode from) {
            for (Map.Entry<String, JsonNode> e : from.properties()) {
                String k = e.getKey();
                JsonNode v = e.getValue();
                if (k.equals("properties") && into.has("properties")) {
                    ObjectNode props = ((ObjectNode) into.get("properties")).deepCopy();
                    for (Map.Entry<String, JsonNode> p : v.properties()) {
                        if (props.get(p.getKey()) instanceof ObjectNode existing) {
                            ObjectNode m = existing.deepCopy();
                            merge(m, p.getValue());
                            props.set(p.getKey(), m);
                        } else {
                            props.set(p.getKey(), p.getValue());
                        }
                    }
                    into.set("properties", props);
                } else if (k.equals("required") && into.has("required")) {
                    Set<String> req = new LinkedHashSet<>();
                    into.get("required").forEach(n -> req.add(n.asString()));
                    v.forEach(n -> req.add(n.asString()));
                    var arr = JSON.createArrayNode();
                    req.forEach(arr::add);
                    into.set("required", arr);
                } else {
                    into.set(k, v);
                }
            }
        }

        String type(JsonNode s) {
            JsonNode t = s.get("type");
            if (t == null) {
                if (s.has("properties")) {
                    return "object";
                }
                if (s.has("items")) {
                    return "array";
                }
                return s.has("enum") || s.has("const") ? "enum" : "string";
            }
            if (t.isArray()) {
                for (JsonNode x : t) {
                    if (!x.asString().equals("null")) {
                        return x.asString();
                    }
                }
                return "null";
            }
            return t.asString();
        }

        Arbitrary<Object> gen(JsonNode schema, JsonNode doc, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("schema nests deeper than " + MAX_DEPTH + " (recursive $ref?)");
            }
            ObjectNode s = inline(schema, doc);
            if (s.has("const")) {
                return Arbitraries.just(value(s.get("const")));
            }
            if (s.has("enum")) {
                List<Object> vals = new ArrayList<>();
                s.get("enum").forEach(v -> vals.add(value(v)));
                return Arbitraries.of(vals);
            }
            for (String alt : List.of("oneOf", "anyOf")) {
                if (s.has(alt)) {
                    List<Arbitrary<?>> opts = new ArrayList<>();
                    for (JsonNode o : s.get(alt)) {
                        ObjectNode m = s.deepCopy();
                        m.remove(alt);
                        merge(m, inline(o, doc));
                        opts.add(gen(m, doc, depth + 1));
                    }
                    return Arbitraries.oneOf(opts).map(o -> (Object) o);
                }
            }
            switch (type(s)) {
                case "object":
                    return object(s, doc, depth);
                case "array": {
                    int min = s.path("minItems").asInt(0);
                    int max = s.path("maxItems").asInt(Math.max(min, 3));
                    JsonNode items = s.has("items") ? s.get("items") : JSON.createObjectNode().put("type", "string");
                    return gen(items, doc, depth + 1).list().ofMinSize(min).ofMaxSize(Math.max(min, Math.min(max, min + 5)))
                            .map(l -> (Object) l);
                }
                case "integer":
                    return integer(s);
                case "number":
                    return number(s);
                case "boolean":
                    return Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b);
                case "null":
                    return Arbitraries.just(null);
                default:
                    return string(s).map(x -> (Object) x);
            }
        }

        private Arbitrary<Object> integer(JsonNode s) {
            long min = s.has("minimum") ? (long) Math.ceil(s.get("minimum").asDouble()) : 0;
            long max = s.has("maximum") ? (long) Math.floor(s.get("maximum").asDouble()) : min + 10_000;
            if (s.has("exclusiveMinimum")) {
                min = (long) Math.floor(s.get("exclusiveMinimum").asDouble()) + 1;
            }
            if (s.has("exclusiveMaximum")) {
                max = (long) Math.ceil(s.get("exclusiveMaximum").asDouble()) - 1;
            }
            if (max < min) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "empty integer range [%d, %d]", min, max));
            }
            return Arbitraries.longs().between(min, max).map(v -> (Object) v);
        }

        private Arbitrary<Object> number(JsonNode s) {
            BigDecimal step = new BigDecimal("0.01");
            BigDecimal min = s.has("minimum") ? s.get("minimum").decimalValue()
                    : s.has("exclusiveMinimum") ? s.get("exclusiveMinimum").decimalValue().add(step) : BigDecimal.ZERO;
            BigDecimal max = s.has("maximum") ? s.get("maximum").decimalValue()
                    : s.has("exclusiveMaximum") ? s.get("exclusiveMaximum").decimalValue().subtract(step)
                    : min.add(BigDecimal.valueOf(10_000));
            return Arbitraries.bigDecimals().between(min, max).ofScale(2).map(v -> (Object) v);
        }

        private Arbitrary<String> string(JsonNode s) {
            String format = s.path("format").asString("");
            switch (format) {
                case "vn-personal-id":
                    return VnFormats.personalId();
                case "vn-tax-code":
                    return VnFormats.taxCode();
                case "vn-mobile":
                    return VnFormats.mobile();
                case "vn-unit-code":
                    return Arbitraries.of(unitCodes);
                case "date": {
                    LocalDate from = LocalDate.of(1940, 1, 1);
                    LocalDate until = LocalDate.of(2025, 12, 31); // past dates only: birth dates, events
                    if (s.has("formatMinimum")) {
                        from = LocalDate.parse(s.get("formatMinimum").asString());
                    }
                    if (s.has("formatMaximum")) {
                        until = LocalDate.parse(s.get("formatMaximum").asString());
                    }
                    LocalDate start = from;
                    int span = (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(from, until));
                    return Arbitraries.integers().between(0, span).map(d -> start.plusDays(d).toString());
                }
                case "date-time": {
                    LocalDateTime from = LocalDateTime.of(2020, 1, 1, 0, 0);
                    return Arbitraries.longs().between(0, 10L * 365 * 24 * 60)
                            .map(m -> from.plusMinutes(m).atOffset(ZoneOffset.ofHours(7)).toString());
                }
                case "email":
                    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10)
                            .map(u -> u + "@example.com");
                default:
                    break;
            }
            int min = s.path("minLength").asInt(format.isEmpty() ? 1 : 0);
            int max = s.path("maxLength").asInt(Math.max(min, 30));
            if (s.has("pattern")) {
                Matcher m = DIGITS.matcher(s.get("pattern").asString());
                if (m.matches()) {
                    int lo = Integer.parseInt(m.group(1));
                    int hi = m.group(2) == null ? lo : Integer.parseInt(m.group(2));
                    return Arbitraries.strings().numeric().ofMinLength(lo).ofMaxLength(hi);
                }
            }
            return VnFormats.text(min, Math.min(max, min + 40));
        }

        private Arbitrary<Object> object(JsonNode s, JsonNode doc, int depth) {
            Set<String> required = new LinkedHashSet<>();
            s.path("required").forEach(n -> required.add(n.asString()));
            List<String> keys = new ArrayList<>();
            List<Arbitrary<Object>> values = new ArrayList<>();
            JsonNode props = s.path("properties");
            for (Map.Entry<String, JsonNode> e : props.properties()) {
                Arbitrary<Object> v = gen(e.getValue(), doc, depth + 1);
                keys.add(e.getKey());
                values.add(required.contains(e.getKey()) ? v
                        : v.optional(0.6).map(o -> o.isPresent() ? o.get() : Absent.INSTANCE));
            }
            for (String r : required) {
                if (!props.has(r)) {
                    keys.add(r);
                    values.add(VnFormats.text(1, 20).map(x -> (Object) x));
                }
            }
            Arbitrary<Map<String, Object>> base = values.isEmpty() ? Arbitraries.just(new LinkedHashMap<>())
                    : Combinators.combine(values).as(list -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        for (int i = 0; i < keys.size(); i++) {
                            if (list.get(i) != Absent.INSTANCE) {
                                m.put(keys.get(i), list.get(i));
                            }
                        }
                        return m;
                    });
            for (Map.Entry<String, JsonNode> e : props.properties()) {
                JsonNode m = e.getValue().get("x-vn-personal-id-matches");
                if (m != null && m.isObject()) {
                    String idField = e.getKey();
                    String birthField = m.path("birthDate").asString("");
                    String sexField = m.path("sex").asString("");
                    base = base.map(map -> matchPersonalId(map, idField, birthField, sexField));
                }
            }
            JsonNode conds = s.path("x-conditionals");
            for (JsonNode c : conds) {
                base = base.flatMap(m -> applyConditional(m, s, c, doc, depth));
            }
            return base.map(m -> (Object) m);
        }

        /**
         * {@code x-vn-date-before}: after the whole form is drawn, each constrained date that is not
         * before the date it names is moved to 1–3,650 days before it (the offset follows from the
         * value drawn, so shrinking stays deterministic). References are resolved as forms-core does:
         * a JSON pointer from the root ({@code /ngayNop}), a dot path from the root
         * ({@code treEm.ngaySinh}), or a sibling name.
         */
        Map<String, Object> orderDates(JsonNode root, Map<String, Object> form) {
            JsonNode flat = flatten(root, root, new ArrayList<>(), new ArrayList<>());
            if (!flat.toString().contains("x-vn-date-before")) {
                return form;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = (Map<String, Object>) mutableCopy(form);
            orderDates(flat, copy, new ArrayList<>(), copy, 0);
            return copy;
        }

        private void orderDates(JsonNode schema, Object data, List<String> path, Map<String, Object> root, int depth) {
            if (schema == null || depth > MAX_DEPTH) {
                return;
            }
            if (data instanceof Map<?, ?> raw && schema.has("properties")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) raw;
                for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
                    Object value = map.get(p.getKey());
                    List<String> at = new ArrayList<>(path);
                    at.add(p.getKey());
                    JsonNode rules = p.getValue().get("x-vn-date-before");
                    if (rules != null && value instanceof String s) {
                        LocalDate mine = parseDate(s);
                        for (JsonNode rule : rules.isArray() ? rules : JSON.createArrayNode().add(rules)) {
                            String field = rule.path("field").asString("");
                            LocalDate other = field.isEmpty() ? null : parseDate(at(root, refPath(at, field)));
                            boolean inclusive = rule.path("inclusive").asBoolean(false);
                            if (mine != null && other != null && (inclusive ? mine.isAfter(other) : !mine.isBefore(other))) {
                                LocalDate moved = other.minusDays(1 + Math.floorMod(s.hashCode(), 3650));
                                LocalDate floor = parseDate(p.getValue().path("formatMinimum").asString(""));
                                if (floor != null && moved.isBefore(floor)) {
                                    moved = floor;
                                }
                                if (moved.isBefore(other)) {
                                    mine = moved;
                                    map.put(p.getKey(), mine.toString());
                                }
                            }
                        }
                    }
                    orderDates(p.getValue(), map.get(p.getKey()), at, root, depth + 1);
                }
                // a moved birth date must still agree with the personal number that encodes its year
                for (Map.Entry<String, JsonNode> p : schema.get("properties").properties()) {
                    JsonNode m = p.getValue().get("x-vn-personal-id-matches");
                    if (m != null && m.isObject()) {
                        map.putAll(matchPersonalId(map, p.getKey(), m.path("birthDate").asString(""),
                                m.path("sex").asString("")));
                    }
                }
            } else if (data instanceof List<?> list && schema.has("items")) {
                for (int i = 0; i < list.size(); i++) {
                    List<String> at = new ArrayList<>(path);
                    at.add(Integer.toString(i));
                    orderDates(schema.get("items"), list.get(i), at, root, depth + 1);
                }
            }
        }

        /** The absolute path a {@code field} reference names, seen from the field at {@code at}. */
        private static List<String> refPath(List<String> at, String ref) {
            List<String> path = new ArrayList<>();
            if (ref.startsWith("/")) {
                for (String t : ref.substring(1).split("/", -1)) {
                    path.add(t.replace("~1", "/").replace("~0", "~"));
                }
            } else if (ref.indexOf('.') > 0 && !Character.isDigit(ref.charAt(0))) {
                path.addAll(List.of(ref.split("\\.")));
            } else {
                path.addAll(at.subList(0, at.size() - 1));
                path.add(ref);
            }
            return path;
        }

        private static Object at(Map<String, Object> root, List<String> path) {
            Object n = root;
            for (String t : path) {
                if (n instanceof Map<?, ?> m) {
                    n = m.get(t);
                } else if (n instanceof List<?> l && !t.isEmpty() && t.chars().allMatch(Character::isDigit)
                        && t.length() < 6 && Integer.parseInt(t) < l.size()) {
                    n = l.get(Integer.parseInt(t));
                } else {
                    return null;
                }
            }
            return n;
        }

        private static LocalDate parseDate(Object o) {
            if (!(o instanceof String s)) {
                return null;
            }
            try {
                return LocalDate.parse(s);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        private static Object mutableCopy(Object o) {
            if (o instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), mutableCopy(v)));
                return out;
            }
            if (o instanceof List<?> l) {
                List<Object> out = new ArrayList<>();
                l.forEach(v -> out.add(mutableCopy(v)));
                return out;
            }
            return o;
        }

        /**
         * Makes the 4th–6th digits of a personal id agree with the sibling birth date and sex fields
         * (NĐ 137/2015 Art. 13: century/sex digit, two-digit birth year), as {@code x-vn-personal-id-matches} asks.
         */
        private static Map<String, Object> matchPersonalId(Map<String, Object> m, String idField, String birthField,
                String sexField) {
            if (!(m.get(idField) instanceof String id) || id.length() != 12 || !id.chars().allMatch(Character::isDigit)) {
                return m;
            }
            Object birth = m.get(birthField);
            Integer year = birth instanceof String b && b.length() >= 4 && b.substring(0, 4).chars().allMatch(Character::isDigit)
                    ? Integer.valueOf(b.substring(0, 4)) : null;
            Object sex = m.get(sexField);
            String s = sex == null ? "" : String.valueOf(sex).trim().toUpperCase(Locale.ROOT);
            // the validator checks the sex digit only for values it recognises, and the year only when a birth date is there
            Boolean female = Set.of("FEMALE", "NU", "NỮ", "F").contains(s) ? Boolean.TRUE
                    : Set.of("MALE", "NAM", "M").contains(s) ? Boolean.FALSE : null;
            int digit4 = id.charAt(3) - '0';
            int century = year == null ? digit4 / 2 * 2 : ((year / 100) - 19) * 2;
            if (century < 0 || century > 8) {
                return m;
            }
            boolean f = female == null ? digit4 % 2 == 1 : female;
            String yy = year == null ? id.substring(4, 6) : String.format(Locale.ROOT, "%02d", year % 100);
            Map<String, Object> out = new LinkedHashMap<>(m);
            out.put(idField, id.substring(0, 3) + (century + (f ? 1 : 0)) + yy + id.substring(6));
            return out;
        }

        private Arbitrary<Map<String, Object>> applyConditional(Map<String, Object> m, JsonNode s, JsonNode c,
                JsonNode doc, int depth) {
            JsonNode branch = matches(c.get("if"), m) ? c.get("then") : c.get("else");
            if (branch == null) {
                return Arbitraries.just(m);
            }
            JsonNode b = inline(branch, doc);
            Set<String> touch = new LinkedHashSet<>();
            b.path("required").forEach(n -> touch.add(n.asString()));
            for (Map.Entry<String, JsonNode> e : b.path("properties").properties()) {
                if (m.containsKey(e.getKey())) {
                    touch.add(e.getKey());
                }
            }
            // a property the `if` tests is not regenerated, so the branch stays the one chosen
            c.get("if").path("properties").propertyNames().forEach(touch::remove);
            if (touch.isEmpty()) {
                return Arbitraries.just(m);
            }
            List<String> keys = new ArrayList<>(touch);
            List<Arbitrary<Object>> vals = new ArrayList<>();
            for (String k : keys) {
                ObjectNode merged = JSON.createObjectNode();
                JsonNode baseProp = s.path("properties").get(k);
                if (baseProp != null) {
                    merge(merged, baseProp);
                }
                JsonNode branchProp = b.path("properties").get(k);
                if (branchProp != null) {
                    merge(merged, branchProp);
                }
                vals.add(gen(merged, doc, depth + 1));
            }
            return Combinators.combine(vals).as(list -> {
                Map<String, Object> out = new LinkedHashMap<>(m);
                for (int i = 0; i < keys.size(); i++) {
                    out.put(keys.get(i), list.get(i));
                }
                return out;
            });
        }

        /** A small evaluator for `if`: properties with const/enum/minimum/maximum, and required. */
        private boolean matches(JsonNode cond, Map<String, Object> m) {
            if (cond == null) {
                return false;
            }
            for (JsonNode r : cond.path("required")) {
                if (!m.containsKey(r.asString())) {
                    return false;
                }
            }
            for (Map.Entry<String, JsonNode> e : cond.path("properties").properties()) {
                if (!m.containsKey(e.getKey())) {
                    continue; // JSON Schema: an absent property satisfies its subschema
                }
                Object v = m.get(e.getKey());
                JsonNode p = e.getValue();
                if (p.has("const") && !Objects.equals(norm(value(p.get("const"))), norm(v))) {
                    return false;
                }
                if (p.has("enum")) {
                    boolean any = false;
                    for (JsonNode x : p.get("enum")) {
                        any |= Objects.equals(norm(value(x)), norm(v));
                    }
                    if (!any) {
                        return false;
                    }
                }
                if (v instanceof Number n && p.has("minimum") && n.doubleValue() < p.get("minimum").asDouble()) {
                    return false;
                }
                if (v instanceof Number n && p.has("maximum") && n.doubleValue() > p.get("maximum").asDouble()) {
                    return false;
                }
            }
            return true;
        }

        private static Object norm(Object o) {
            return o instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros() : o;
        }

        private static Object value(JsonNode n) {
            if (n.isIntegralNumber()) {
                return n.asLong();
            }
            if (n.isNumber()) {
                return n.decimalValue();
            }
            if (n.isBoolean()) {
                return n.asBoolean();
            }
            if (n.isNull()) {
                return null;
            }
            if (n.isContainer()) {
                return JSON.convertValue(n, Object.class);
            }
            return n.asString();
        }
    }

    /** Marks an optional property left out. */
    private enum Absent { INSTANCE }
}
