package io.github.motcua.forms.internal;

import io.github.motcua.kernel.PackNode;
import io.github.motcua.kernel.PackReadException;
import io.github.motcua.forms.Documents;
import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.FormRenderer;
import io.github.motcua.forms.FormReport;
import io.github.motcua.forms.InputLimits;
import io.github.motcua.forms.NoSuchFormException;
import io.github.motcua.forms.NormalisedValue;
import io.github.motcua.forms.PrefillResult;
import io.github.motcua.forms.PrefilledField;
import io.github.motcua.forms.UnableToLoadFormsException;
import io.github.motcua.forms.Violation;
import io.github.motcua.forms.spi.DataSource;
import io.github.motcua.forms.spi.PrefillQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The registry behind {@link io.github.motcua.forms.Forms}. Thread-safe: immutable after {@link #create}. */
public final class DefaultFormRegistry implements FormRegistry {
    private final SchemaStore store;
    private final ValidationEngine engine;
    private final InputTree input;
    private final InputLimits limits;
    private final DefaultRenderer renderer;
    private final DefaultDocuments documents;

    private DefaultFormRegistry(SchemaStore store, ValidationEngine engine, InputLimits limits, TemplateEngine templates) {
        this.store = store;
        this.engine = engine;
        this.limits = limits;
        this.input = new InputTree(limits);
        this.renderer = new DefaultRenderer(store, engine, templates, input, limits);
        this.documents = new DefaultDocuments(templates);
    }

    /** @param lazy compile each schema on first use rather than now (see {@code Forms.Builder#lazyCompile}) */
    public static DefaultFormRegistry create(Map<String, String> pack, Predicate<String> unitCodes, InputLimits limits,
            Duration timeout, int maxOutputChars, boolean lazy) {
        Map<String, String> schemas = new LinkedHashMap<>();
        Map<String, String> templates = new LinkedHashMap<>();
        String units = null;
        for (Map.Entry<String, String> f : new java.util.TreeMap<>(pack).entrySet()) {
            String path = f.getKey();
            if ((path.startsWith("forms/") && path.endsWith(".schema.json")) || SchemaStore.procedureCode(path) != null) {
                schemas.put(path, f.getValue());
            } else if (path.startsWith("templates/") && path.endsWith(".ftlh")) {
                templates.put(path, f.getValue());
            } else if ("units.yaml".equals(path)) {
                units = f.getValue();
            }
        }
        SchemaStore store = new SchemaStore(schemas);
        Predicate<String> codes = unitCodes;
        if (codes == null && units != null) {
            Set<String> set = unitCodesFromYaml(units);
            if (set.isEmpty() && store.uses("vn-unit-code")) {
                throw new UnableToLoadFormsException("units.yaml", FormsProblems.of("FORMS_UNITS_WITHOUT_CODES"), null);
            }
            codes = set::contains;
        }
        if (codes == null) {
            if (store.uses("vn-unit-code")) {
                throw new UnableToLoadFormsException("units.yaml", FormsProblems.of("FORMS_NO_UNITS"), null);
            }
            codes = c -> false;
        }
        ValidationEngine engine = new ValidationEngine(store, codes, lazy);
        TemplateEngine te = new TemplateEngine(templates, timeout, maxOutputChars);
        return new DefaultFormRegistry(store, engine, limits, te);
    }

    static Set<String> unitCodesFromYaml(String yaml) {
        try {
            PackNode root = io.github.motcua.kernel.PackReader.yaml("units.yaml", yaml, io.github.motcua.kernel.PackReader.Limits.DEFAULT);
            Set<String> out = new HashSet<>();
            for (PackNode unit : root.isMap() ? root.map().values() : root.list()) {
                PackNode code = unit.get("code");
                if (code != null && code.kind() == PackNode.Kind.TEXT) {
                    out.add(code.text());
                }
            }
            return Set.copyOf(out);
        } catch (PackReadException e) {
            throw new UnableToLoadFormsException("units.yaml", FormsProblems.ofEach("FORMS_UNITS_NOT_YAML", "detail", e.problem().messageVi(),
                    e.problem().messageEn()), null);
        }
    }

    @Override
    public void compile(String formId) {
        engine.schema(schemaId(formId));
    }

    String schemaId(String formId) {
        java.util.Objects.requireNonNull(formId, "formId"); // a programming error, not an unknown form
        String id = store.schemaId(formId);
        if (id == null) {
            throw new NoSuchFormException(formId, FormsProblems.of("FORMS_NO_SUCH_FORM", "form", formId,
                    "known", store.formIds().keySet()));
        }
        return id;
    }

    @Override
    public String formVersion(String formId) {
        String id = schemaId(formId);
        return store.versionOf(id);
    }

    @Override
    public String bundledSchema(String formId) {
        String id = schemaId(formId);
        tools.jackson.databind.ObjectMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode root = (tools.jackson.databind.node.ObjectNode) json.readTree(store.schemaText(id));
        tools.jackson.databind.node.ObjectNode defs = root.has("$defs") && root.get("$defs").isObject()
                ? (tools.jackson.databind.node.ObjectNode) root.get("$defs") : root.putObject("$defs");
        for (String other : store.ids()) {
            if (!other.equals(id) && SchemaStore.procedureCode(store.fileOf(other)) == null) {
                // embedded under its own $id: a "$ref" to that id resolves inside this document
                defs.set(other, json.readTree(store.schemaText(other)));
            }
        }
        return root.toString();
    }

    @Override
    public Set<String> formIds() {
        return new TreeSet<>(store.formIds().keySet());
    }

    @Override
    public boolean hasForm(String formId) {
        return store.schemaId(java.util.Objects.requireNonNull(formId, "formId")) != null;
    }

    @Override
    public FormReport validate(String formId, String json, Locale locale) {
        java.util.Objects.requireNonNull(json, "json");
        String id = schemaId(formId);
        return report(formId, id, input.parse(json), locale);
    }

    @Override
    public FormReport validate(String formId, byte[] json, Locale locale) {
        java.util.Objects.requireNonNull(json, "json");
        String id = schemaId(formId);
        return report(formId, id, input.parse(json), locale);
    }

    @Override
    public FormReport validate(String formId, InputStream json, Locale locale) {
        java.util.Objects.requireNonNull(json, "json");
        String id = schemaId(formId);
        byte[] bytes;
        try {
            bytes = json.readNBytes(limits.maxBytes() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the form data stream for [" + formId + "]", e);
        }
        return report(formId, id, input.parse(bytes), locale);
    }

    @Override
    public FormReport validate(String formId, Map<String, ?> data, Locale locale) {
        // a Java null is a programming error, as for the text, bytes and stream forms; the JSON text "null" is input
        java.util.Objects.requireNonNull(data, "data");
        String id = schemaId(formId);
        return report(formId, id, input.copyTree(data), locale);
    }

    /**
     * Whether {@code data} is a read-only view forms-core made of a tree it never modifies (what a report
     * holds): {@link FormReport} then keeps it instead of copying it. Not for callers.
     */
    public static boolean isReadOnlyView(Map<?, ?> data) {
        return JsonViews.isView(data);
    }

    @SuppressWarnings("unchecked")
    private FormReport report(String formId, String schemaId, InputTree.Parsed parsed, Locale locale) {
        if (parsed.problem() != null) {
            Problem p = parsed.problem();
            Map<String, String> args = p.args();
            String labelVi = Messages.vi("form.label", Map.of());
            String labelEn = Messages.en("form.label", Map.of());
            Violation v = new Violation(p.pointer(), labelVi, labelEn, Messages.vi(p.messageKey(), args),
                    Messages.en(p.messageKey(), args), p.keyword());
            return new FormReport(formId, List.of(v), Map.of(), locale);
        }
        List<NormalisedValue> normalised;
        if (parsed.node() != null) {
            // parsed from JSON text: walk the tree itself, so the lazy views convert nothing unless read
            List<NormalisedValue> out = new ArrayList<>(0);
            JsonNode node = TypedInput.normaliseTree(parsed.node(), pointer -> store.fieldAt(schemaId, pointer), out);
            if (node != parsed.node()) {
                parsed = new InputTree.Parsed(JsonViews.value(node), node, null);
            }
            normalised = out;
        } else {
            TypedInput.Result typed = TypedInput.normalise(parsed.value(), pointer -> store.fieldAt(schemaId, pointer));
            if (typed.value() != parsed.value()) {
                parsed = new InputTree.Parsed(typed.value(), null, null);
            }
            normalised = typed.normalised();
        }
        List<Violation> violations;
        Object[] layout = new Object[2];
        try {
            violations = engine.validate(schemaId, parsed.tree(), layout);
        } catch (io.github.motcua.forms.FormsException e) {
            throw e;
        } catch (RuntimeException e) {
            // a library failure must not leak its type through our API: say where, keep it typed
            throw new io.github.motcua.forms.FormsException(FormsProblems.of("FORMS_VALIDATOR_FAILED", "form", formId,
                    "type", e.getClass().getSimpleName(), "detail", io.github.motcua.kernel.Failures.detail(e)), null);
        } catch (StackOverflowError e) {
            // last resort: only reachable with a raised maxDepth and a schema recursing with the data
            Map<String, String> args = Map.of("limit", Integer.toString(limits.maxDepth()));
            violations = List.of(new Violation("", Messages.vi("form.label", Map.of()), Messages.en("form.label", Map.of()),
                    Messages.vi("input.depth", args), Messages.en("input.depth", args), "limit"));
            return new FormReport(formId, violations, Map.of(), locale);
        }
        Map<String, Object> data = parsed.value() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        if (layout[0] != null && parsed.node() != null) {
            data = JsonViews.withLayout(data, parsed.node(), layout[0], (String[]) layout[1]);
        }
        return new FormReport(formId, violations, data, locale, normalised);
    }

    @Override
    public Map<String, Object> starterData(String formId) {
        return StarterData.of(store, schemaId(formId));
    }

    @Override
    public PrefillResult prefill(String formId, Map<String, ?> data, String personalId, List<DataSource> sources) {
        java.util.Objects.requireNonNull(data, "data");
        java.util.Objects.requireNonNull(sources, "sources");
        String id = schemaId(formId);
        InputTree.Parsed parsed = input.copy(data);
        if (parsed.problem() != null) {
            throw new IllegalArgumentException("prefill data exceeds the input limits: [" + parsed.problem().messageKey() + "]");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> current = Mutable.copy((Map<String, Object>) parsed.value());
        List<PrefilledField> filled = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (DataSource source : List.copyOf(java.util.Objects.requireNonNull(sources, "sources"))) {
            Map<String, Object> values;
            try {
                values = source.lookup(new PrefillQuery(formId, personalId, Mutable.freeze(current)));
            } catch (RuntimeException e) {
                unavailable.put(source.id(), io.github.motcua.kernel.Failures.describe(e));
                continue;
            }
            if (values == null) {
                unavailable.put(source.id(), "returned null");
                continue;
            }
            for (Map.Entry<String, Object> v : new java.util.TreeMap<>(values).entrySet()) {
                String pointer = v.getKey();
                if (pointer == null || !pointer.startsWith("/") || store.fieldAt(id, pointer) == null) {
                    continue;
                }
                if (Mutable.get(current, pointer) != null) {
                    continue;
                }
                InputTree.Parsed value = input.copy(Map.of("v", v.getValue() == null ? "" : v.getValue()));
                if (value.problem() != null || v.getValue() == null) {
                    continue;
                }
                Object normalised = ((Map<?, ?>) value.value()).get("v");
                if (Mutable.put(current, pointer, Mutable.copyAny(normalised), limits.maxDepth())) {
                    filled.add(new PrefilledField(pointer, source.id(), normalised));
                }
            }
        }
        return new PrefillResult(Mutable.freeze(current), filled, unavailable);
    }

    @Override
    public FormRenderer renderer() {
        return renderer;
    }

    @Override
    public Documents documents() {
        return documents;
    }

    @Override
    public InputLimits limits() {
        return limits;
    }
}
