package io.github.motcua.forms.internal;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionConfig;
import com.networknt.schema.ValidationLimitExceededException;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SchemaException;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.resource.SchemaLoader;
import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.BasicNodeReader;
import com.networknt.schema.serialization.NodeReader;
import io.github.motcua.forms.UnableToLoadFormsException;
import io.github.motcua.forms.Violation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The networknt adapter: compiles every pack schema once with our formats and keywords, validates,
 * and turns networknt's errors into citizen-facing {@link Violation}s. Thread-safe after construction.
 */
final class ValidationEngine {
    private static final JsonNodeFactory NODES = PlainJson.NODES;

    private final SchemaStore store;
    private final SchemaRegistry registry;
    /** By schema $id: its compiled {@link Schema}, or the {@link UnableToLoadFormsException} it failed with. */
    private final Map<String, Object> compiled = new java.util.concurrent.ConcurrentHashMap<>();
    /** The compiled schema of a form and its fast path ({@link CompactForm}, null when switched off). */
    record Compiled(Schema schema, CompactForm fast) {
    }

    /** Compiles each form's {@link CompactForm} next to networknt's; null: no fast path (every check is networknt's). */
    private final CompactForm.Compiler fastPath;
    /** Schema objects by location; the set is finite (the pack's schemas). */
    private final Map<String, JsonNode> schemaObjects = new java.util.concurrent.ConcurrentHashMap<>();
    /** Field schemas by form and instance pointer; bounded because pointers come from input. */
    private final Map<String, java.util.Optional<JsonNode>> fields = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED_FIELDS = 10_000;
    /** Violations already worded, by schema location, instance pointer and property (bounded). */
    private final Map<String, Violation> violations = new java.util.concurrent.ConcurrentHashMap<>();
    /** Reported violations per validation; more cannot help a citizen and would only cost time. */
    public static final int MAX_VIOLATIONS = 200;
    /**
     * networknt's errors one validation keeps (issue 15 session 24; {@link BoundedErrors}, the rest counted): ten times
     * {@link #MAX_VIOLATIONS}, room for the errors of a choice's branches, which are skipped. A form is citizen input:
     * within a dossier's 2 MB a list of a million wrong values made a million errors before any violation was made.
     */
    static final int MAX_KEPT_ERRORS = 10 * MAX_VIOLATIONS;

    /**
     * Refuses every IRI that is not a schema of the pack, and never reads the classpath. What it hands
     * networknt for a pack schema is the store's own tree ({@link StoredTree}), so the compiled schema
     * keeps that tree instead of a second parse of the same text.
     */
    static final class PackOnlyLoader extends SchemaLoader {
        PackOnlyLoader(SchemaStore store) {
            this(store.ids(), id -> store.at(id, ""));
        }

        /** @param trees the tree of a pack schema by $id, or null */
        PackOnlyLoader(Set<String> ids, java.util.function.Function<String, JsonNode> trees) {
            super(List.of(), List.of(iri -> {
                JsonNode doc = trees.apply(iri.toString());
                return doc == null ? null : () -> new StoredTree(doc);
            }), iri -> ids.contains(iri.toString()), null);
        }

        @Override
        protected InputStreamSource getClasspathResource(AbsoluteIri absoluteIri) {
            return null;
        }
    }

    /** A pack schema's tree passed through networknt's loader, which only knows streams; it has no bytes. */
    static final class StoredTree extends java.io.InputStream {
        final JsonNode tree;

        StoredTree(JsonNode tree) {
            this.tree = tree;
        }

        @Override
        public int read() {
            return -1;
        }
    }

    /** Reads a {@link StoredTree} as the tree it carries; anything else as networknt would. */
    static final class StoredTreeReader implements NodeReader {
        private final NodeReader text = BasicNodeReader.getInstance();

        @Override
        public JsonNode readTree(String content, InputFormat inputFormat) {
            return text.readTree(content, inputFormat);
        }

        @Override
        public JsonNode readTree(java.io.InputStream content, InputFormat inputFormat) {
            return content instanceof StoredTree t ? t.tree : text.readTree(content, inputFormat);
        }
    }

    /**
     * Schema evaluations (a subschema applied to a value) one validation may make: networknt's own limit, unset by
     * default. A form's check makes about one per value and keyword group; 10,000 array items of 20 fields are
     * ≈ 400,000. What reaches the limit is a schema whose branches multiply ({@code anyOf} of two branches that both
     * descend: 2^depth evaluations), about a second of work here.
     */
    static final long MAX_EVALUATION_STEPS = 10_000_000L;
    /**
     * Nesting of schema evaluations one validation may reach: networknt's own limit, unset by default; data are at
     * most {@code InputLimits.maxDepth} (64 by default, at most 1,000) levels deep, each a few evaluations.
     */
    static final int MAX_EVALUATION_DEPTH = 4_096;
    /** What every validation runs with: networknt's defaults for this registry, and its two work limits set. */
    private static final ExecutionConfig LIMITED = ExecutionConfig.builder().locale(Locale.ROOT).formatAssertionsEnabled(true)
            .maxEvaluationSteps(MAX_EVALUATION_STEPS).maxEvaluationDepth(MAX_EVALUATION_DEPTH).build();

    /**
     * @param lazy false: compile every schema now (a schema that does not compile throws here);
     *             true: compile each on first use ({@link #schema}), for packs of thousands of forms
     */
    public ValidationEngine(SchemaStore store, Predicate<String> unitCodes, boolean lazy) {
        this(store, unitCodes, lazy, !LIMITED.isAnnotationCollectionEnabled(), true);
    }

    ValidationEngine(SchemaStore store, Predicate<String> unitCodes, boolean lazy, boolean shareAnnotations) {
        this(store, unitCodes, lazy, shareAnnotations, true);
    }

    /**
     * @param shareAnnotations true (what forms-core runs): an annotation keyword compiles to one validator for the
     *                         whole registry ({@link SharedAnnotations}); false: to one per occurrence, as networknt's
     *                         own dialect does (the reference {@code SharedAnnotationsTest} compares with)
     */
    /**
     * @param fastPath true (what forms-core runs): a document the form's {@link CompactForm} finds valid is valid
     *                 without networknt; false: networknt checks every document (the reference tests compare with)
     */
    ValidationEngine(SchemaStore store, Predicate<String> unitCodes, boolean lazy, boolean shareAnnotations, boolean fastPath) {
        this.store = store;
        Set<String> ids = store.ids();
        // one list of format objects: networknt's dialect and the fast path call the very same ones
        List<com.networknt.schema.format.Format> formats = VnKeywords.formats(unitCodes);
        this.fastPath = fastPath ? new CompactForm.Compiler(store, formats) : null;
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .formats(formats)
                .keyword(new VnKeywords.PersonalIdMatches())
                .keyword(new VnKeywords.DateBefore())
                // annotations as one validator per keyword, not one per occurrence: the same calls and evaluation
                // steps, and nothing of a form's own to read (SharedAnnotations; only while annotations are not collected)
                .keywords(shareAnnotations && !LIMITED.isAnnotationCollectionEnabled()
                        ? SharedAnnotations.keywords(Dialects.getDraft202012(), VnKeywords.ANNOTATIONS)
                        : VnKeywords.ANNOTATIONS.stream().<com.networknt.schema.keyword.Keyword>map(NonValidationKeyword::new).toList())
                .build();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .preloadSchema(true)
                .regularExpressionFactory(BoundedRegex.INSTANCE)
                .executionContextCustomizer((context, schemaContext) -> context.setExecutionConfig(LIMITED))
                .build();
        this.registry = SchemaRegistry.withDialect(dialect, b -> b
                .schemaRegistryConfig(config)
                .nodeReader(new StoredTreeReader())
                .schemaLoader(new PackOnlyLoader(store)));
        if (!lazy) {
            for (String id : ids) {
                schema(id);
            }
        }
    }

    /**
     * The compiled schema of {@code id}, compiled on first use (once: compiles are serialised, and a
     * failure is remembered).
     *
     * @throws UnableToLoadFormsException when it does not compile, naming its file
     */
    public Schema schema(String id) {
        return compiled(id).schema();
    }

    /** As {@link #schema}, with the form's fast path. */
    Compiled compiled(String id) {
        Object c = compiled.get(id);
        if (c == null) {
            synchronized (this) {
                c = compiled.get(id);
                if (c == null) {
                    String same = store.sameFormAs(id);
                    if (!same.equals(id)) {
                        // the same form under another procedure's $id: its compiled schema validates every
                        // document alike (and reports the same locations inside the same keywords); a
                        // failure is compiled again under this form's own id, to be reported as its own
                        Object other = compiled.get(same);
                        if (other == null) {
                            try {
                                other = compiled(same);
                            } catch (UnableToLoadFormsException e) {
                                other = e;
                            }
                        }
                        if (other instanceof Compiled shared) {
                            compiled.put(id, shared);
                            return shared;
                        }
                    }
                    try {
                        Schema schema = registry.getSchema(SchemaLocation.of(id));
                        schema.initializeValidators();
                        // compiled only once networknt has compiled the form: a form networknt refuses has no fast path
                        c = new Compiled(schema, fastPath == null ? null : fastPath.compile(id));
                    } catch (SchemaException | IllegalArgumentException | IllegalStateException e) {
                        c = new UnableToLoadFormsException(store.fileOf(id), FormsProblems.of("FORMS_SCHEMA_DOES_NOT_COMPILE",
                                "id", id, "detail", io.github.motcua.kernel.Failures.detail(e)), null);
                    }
                    compiled.put(id, c);
                }
            }
        }
        if (c instanceof UnableToLoadFormsException e) {
            throw new UnableToLoadFormsException(e.file(), e.getMessage(), e);
        }
        return (Compiled) c;
    }

    public static JsonNode toNode(Object v) {
        if (v == null) {
            return NODES.nullNode();
        } else if (v instanceof String s) {
            return NODES.stringNode(s);
        } else if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (v instanceof Long l) {
            return NODES.numberNode(l);
        } else if (v instanceof BigInteger b) {
            return NODES.numberNode(b);
        } else if (v instanceof BigDecimal d) {
            return NODES.numberNode(d);
        } else if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            m.forEach((k, val) -> o.set((String) k, toNode(val)));
            return o;
        } else if (v instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode(l.size());
            l.forEach(x -> a.add(toNode(x)));
            return a;
        }
        throw new IllegalArgumentException("unsupported value [" + v.getClass().getName() + "]");
    }

    public List<Violation> validate(String schemaId, JsonNode data) {
        return validate(schemaId, data, null);
    }

    /**
     * As {@link #validate(String, JsonNode)}; when the fast path finds the document valid and {@code layout} is not
     * null, {@code layout[0]} is set to the form's root schema node and {@code layout[1]} to the document's top-level
     * keys by that node's property index ({@link CompactForm#validKeys}); left null otherwise.
     */
    List<Violation> validate(String schemaId, JsonNode data, Object[] layout) {
        return validate(schemaId, data, layout, new BoundedErrors(MAX_KEPT_ERRORS));
    }

    /**
     * {@link #validate(String, JsonNode, Object[])} with networknt's errors added to {@code bounded} (a test reads it
     * after).
     */
    List<Violation> validate(String schemaId, JsonNode data, Object[] layout, BoundedErrors bounded) {
        Compiled form = compiled(schemaId);
        if (form.fast() != null && form.fast().complete()) {
            if (layout == null) {
                if (form.fast().valid(data)) {
                    // the fast path found the document valid, so networknt finds no error in it (CompactForm's soundness)
                    return new ArrayList<>(0);
                }
            } else {
                String[] keys = form.fast().validKeys(data);
                if (keys != null) {
                    layout[0] = form.fast().layout();
                    layout[1] = keys;
                    return new ArrayList<>(0);
                }
            }
        }
        Schema schema = form.schema();
        List<List<Error>> result = new ArrayList<>(1);
        boolean exhausted;
        try {
            exhausted = BoundedRegex.withDocumentBudget(() -> result.add(schema.validate(data, ctx -> ctx.setErrors(bounded))));
            if (result.get(0) != bounded) {
                // networknt 3.0.9 returns the context's list; a version that does not would collect unbounded again
                throw new IllegalStateException("networknt did not report into the bounded list");
            }
        } catch (ValidationLimitExceededException e) {
            // networknt stopped: the form was not fully checked, so nothing of it is accepted
            Map<String, String> args = Map.of("limit", Long.toString(e.getLimitKind()
                    == ValidationLimitExceededException.LimitKind.EVALUATION_STEPS ? MAX_EVALUATION_STEPS : MAX_EVALUATION_DEPTH));
            String key = e.getLimitKind() == ValidationLimitExceededException.LimitKind.EVALUATION_STEPS
                    ? "input.validationSteps" : "input.validationDepth";
            List<Violation> out = new ArrayList<>(1);
            out.add(new Violation("", Messages.vi("form.label", Map.of()), Messages.en("form.label", Map.of()),
                    Messages.vi(key, args), Messages.en(key, args), "limit"));
            return out;
        }
        List<Error> errors = result.get(0);
        if (!exhausted && errors.isEmpty()) {
            return new ArrayList<>(0); // the usual case: nothing to collect (callers may add to the list)
        }
        Set<Violation> out = new LinkedHashSet<>();
        if (exhausted) {
            // the whole document's pattern work ran out: a typed limit first, then what was refused
            Map<String, String> args = Map.of("limit", Long.toString(BoundedRegex.DOCUMENT_BUDGET));
            out.add(new Violation("", Messages.vi("form.label", Map.of()), Messages.en("form.label", Map.of()),
                    Messages.vi("input.patternWork", args), Messages.en("input.patternWork", args), "limit"));
        }
        boolean cut = false;
        for (Error e : errors) {
            if (out.size() >= MAX_VIOLATIONS) {
                cut = true;
                break;
            }
            if (isBranchOfChoice(e)) {
                continue; // the choice's own violation says it once, with the options' labels
            }
            out.add(cachedViolation(schemaId, e));
        }
        if (cut || ((BoundedErrors) errors).dropped() > 0) {
            // more than could be shown, or than networknt's list kept: said once, last
            Map<String, String> args = Map.of("limit", Integer.toString(MAX_VIOLATIONS));
            out.add(new Violation("", Messages.vi("form.label", Map.of()), Messages.en("form.label", Map.of()),
                    Messages.vi("input.violations", args), Messages.en("input.violations", args), "limit"));
        }
        return new ArrayList<>(out);
    }

    /**
     * A violation depends only on the schema, the pointer and the property named, except for our
     * cross-field keywords (their messages quote the other value): those are rebuilt every time.
     */
    private Violation cachedViolation(String schemaId, Error e) {
        String keyword = e.getKeyword();
        if (VnKeywords.DATE_BEFORE.equals(keyword) || VnKeywords.PERSONAL_ID_MATCHES.equals(keyword)) {
            return toViolation(schemaId, e);
        }
        String key = schemaId + '\u0000' + e.getSchemaLocation() + '\u0000' + e.getInstanceLocation() + '\u0000' + e.getProperty();
        Violation v = violations.get(key);
        if (v == null) {
            v = toViolation(schemaId, e);
            if (violations.size() < MAX_CACHED_FIELDS) {
                violations.put(key, v);
            }
        }
        return v;
    }

    /** A labelled choice: {@code oneOf}/{@code anyOf} whose every branch is a {@code const}. */
    static boolean isChoice(JsonNode branches) {
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            return false;
        }
        for (JsonNode b : branches) {
            if (!b.has("const")) {
                return false;
            }
        }
        return true;
    }

    private boolean isBranchOfChoice(Error e) {
        if (!"const".equals(e.getKeyword()) || e.getSchemaLocation() == null) {
            return false;
        }
        String loc = e.getSchemaLocation().toString();
        for (String applicator : new String[] {"/oneOf/", "/anyOf/"}) {
            int at = loc.lastIndexOf(applicator);
            if (at > 0 && loc.endsWith("/const")) {
                JsonNode owner = schemaObject(loc.substring(0, at));
                String name = applicator.substring(1, applicator.length() - 1);
                if (isChoice(owner.get(name))) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode schemaObject(String location) {
        return schemaObjects.computeIfAbsent(location, l -> {
            JsonNode n = store.at(l);
            return n == null ? NODES.objectNode() : n;
        });
    }

    private Violation toViolation(String schemaId, Error e) {
        String keyword = e.getKeyword() == null ? "default" : e.getKeyword();
        String pointer = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        if ("/".equals(pointer)) {
            pointer = "";
        }
        Map<String, String> args = new HashMap<>();
        String location = e.getSchemaLocation() == null ? "" : e.getSchemaLocation().toString();
        int cut = location.lastIndexOf('/');
        String objectLocation = cut > 0 && location.indexOf('#') >= 0 && cut > location.indexOf('#')
                ? location.substring(0, cut) : location;
        JsonNode schemaObj = schemaObject(objectLocation);
        String key = keyword;
        String childPointer = pointer;
        if (("required".equals(keyword) || "dependentRequired".equals(keyword)) && e.getProperty() != null) {
            childPointer = pointer + "/" + Pointers.escape(e.getProperty());
        } else if (("additionalProperties".equals(keyword) || "unevaluatedProperties".equals(keyword))
                && e.getProperty() != null) {
            childPointer = pointer + "/" + Pointers.escape(e.getProperty());
            args.put("name", e.getProperty());
        }
        JsonNode field = fieldAt(schemaId, childPointer);
        String[] label = label(schemaId, childPointer, field);
        args.put("label", label[0]);
        JsonNode kwValue = schemaObj.get(keyword);
        switch (keyword) {
            case "format" -> {
                String name = kwValue == null ? "" : kwValue.asString();
                key = Messages.has("format." + name) ? "format." + name : "format";
                if ("vn-tax-code".equals(name) && schemaObj.path(VnKeywords.ACCEPTS_PERSONAL_ID).asBoolean(false)) {
                    key = "format.vn-tax-code.personal";
                }
            }
            case "enum", "const" -> args.put("values", values(kwValue, schemaObj));
            case "oneOf", "anyOf" -> {
                if (isChoice(kwValue)) {
                    key = "choice";
                    args.put("values", choiceLabels(kwValue, false));
                    args.put("valuesEn", choiceLabels(kwValue, true));
                }
            }
            case "required", "dependentRequired" -> {
                if (field != null && ("object".equals(field.path("type").asString(""))
                        || (!field.has("type") && field.has("properties")))) {
                    key = "required.object";
                }
            }
            case "minLength" -> {
                if (kwValue != null && kwValue.asInt() == 1) {
                    key = "required";
                }
            }
            case "type" -> args.put("limit", kwValue == null ? "" : kwValue.isArray() ? kwValue.get(0).asString() : kwValue.asString());
            case VnKeywords.DATE_BEFORE, VnKeywords.PERSONAL_ID_MATCHES -> {
                Map<String, Object> d = e.getDetails() == null ? Map.of() : e.getDetails();
                String other = String.valueOf(d.get("other"));
                List<String> base = Pointers.tokens(pointer);
                List<String> otherPath = VnKeywords.resolvePath(base, other);
                String otherPtr = otherPath == null ? other : Pointers.join(otherPath);
                String[] otherLabel = label(schemaId, otherPtr, fieldAt(schemaId, otherPtr));
                args.put("other", otherLabel[0]);
                args.put("otherEn", otherLabel[1]);
                if (VnKeywords.DATE_BEFORE.equals(keyword)) {
                    key = "true".equals(d.get("inclusive")) ? keyword + ".inclusive" : keyword;
                    int idx = Integer.parseInt(String.valueOf(d.getOrDefault("index", "0")));
                    JsonNode rule = kwValue != null && kwValue.isArray() ? kwValue.get(idx) : kwValue;
                    if (rule != null && rule.path("message").isString()) {
                        String vi = rule.get("message").asString();
                        String en = rule.path("message-en").asString(vi);
                        return new Violation(childPointer, label[0], label[1], vi, en, keyword);
                    }
                } else {
                    key = keyword + "." + d.get("check");
                    args.put("limit", String.valueOf(d.getOrDefault("year", "")));
                }
            }
            default -> {
                if (kwValue != null && kwValue.isNumber()) {
                    args.put("limit", kwValue.decimalValue().stripTrailingZeros().toPlainString());
                }
            }
        }
        if (kwValue != null && "type".equals(keyword)) {
            String t = args.get("limit");
            Map<String, String> en = new HashMap<>(args);
            en.put("label", label[1]);
            en.put("limit", Messages.en("type." + t, Map.of()));
            args.put("limit", Messages.vi("type." + t, Map.of()));
            return new Violation(childPointer, label[0], label[1], custom(field, schemaObj, keyword, false, Messages.vi(key, args)),
                    custom(field, schemaObj, keyword, true, Messages.en(key, en)), keyword);
        }
        Map<String, String> en = new HashMap<>(args);
        en.put("label", label[1]);
        if (args.containsKey("otherEn")) {
            en.put("other", args.get("otherEn"));
        }
        if (args.containsKey("valuesEn")) {
            en.put("values", args.get("valuesEn"));
        }
        String vi = Messages.vi(Messages.has(key) ? key : "default", args);
        String enText = Messages.en(Messages.has(key) ? key : "default", en);
        return new Violation(childPointer, label[0], label[1], custom(field, schemaObj, keyword, false, vi),
                custom(field, schemaObj, keyword, true, enText), keyword);
    }

    private JsonNode fieldAt(String schemaId, String pointer) {
        String key = schemaId + '#' + pointer;
        java.util.Optional<JsonNode> hit = fields.get(key);
        if (hit != null) {
            return hit.orElse(null);
        }
        JsonNode found = store.fieldAt(schemaId, pointer);
        if (fields.size() < MAX_CACHED_FIELDS) {
            fields.put(key, java.util.Optional.ofNullable(found));
        }
        return found;
    }

    /** A pack author's message: x-message(-en) as a string, or an object keyed by keyword. */
    private static String custom(JsonNode field, JsonNode schemaObj, String keyword, boolean en, String fallback) {
        String name = en ? "x-message-en" : "x-message";
        for (JsonNode holder : new JsonNode[] {"required".equals(keyword) ? field : null, schemaObj}) {
            if (holder == null) {
                continue;
            }
            JsonNode m = holder.get(name);
            if (m != null && m.isString()) {
                return m.asString();
            }
            if (m != null && m.path(keyword).isString()) {
                return m.get(keyword).asString();
            }
        }
        if (en) {
            String vi = custom(field, schemaObj, keyword, false, null);
            if (vi != null) {
                return vi;
            }
        }
        return fallback;
    }

    private static String choiceLabels(JsonNode branches, boolean en) {
        StringJoiner j = new StringJoiner("; "); // labels may hold commas ("Ông, bà")
        for (JsonNode b : branches) {
            JsonNode c = b.get("const");
            String fallback = c.isString() ? c.asString() : c.toString();
            String vi = b.path("title").asString(fallback);
            j.add(en ? b.path("x-title-en").asString(vi) : vi);
        }
        return j.toString();
    }

    private static String values(JsonNode kwValue, JsonNode schemaObj) {
        if (kwValue == null) {
            return "";
        }
        StringJoiner j = new StringJoiner(", ");
        if (kwValue.isArray()) {
            kwValue.forEach(v -> j.add(v.isString() ? v.asString() : v.toString()));
        } else {
            j.add(kwValue.isString() ? kwValue.asString() : kwValue.toString());
        }
        return j.toString();
    }

    /** {vi, en} label of the field at pointer. */
    String[] label(String schemaId, String pointer, JsonNode field) {
        String vi = field == null ? null : field.path("title").asString(null);
        String en = field == null ? null : field.path("x-title-en").asString(null);
        if (vi == null) {
            List<String> tokens = Pointers.tokens(pointer);
            if (tokens.isEmpty()) {
                JsonNode root = store.fieldAt(schemaId, "");
                vi = root == null ? null : root.path("title").asString(null);
                en = root == null ? null : root.path("x-title-en").asString(null);
                vi = vi == null ? Messages.vi("form.label", Map.of()) : vi;
                en = en == null ? Messages.en("form.label", Map.of()) : en;
            } else {
                vi = tokens.get(tokens.size() - 1);
            }
        }
        return new String[] {vi, en == null ? vi : en};
    }
}
