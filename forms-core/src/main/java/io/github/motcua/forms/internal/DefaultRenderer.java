package io.github.motcua.forms.internal;

import io.github.motcua.forms.FormRenderer;
import io.github.motcua.forms.FormReport;
import io.github.motcua.forms.InputLimits;
import io.github.motcua.forms.PostedForm;
import io.github.motcua.forms.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** Builds a plain view model of a form from its schema and renders it with {@code form.ftlh}. Thread-safe. */
final class DefaultRenderer implements FormRenderer {
    private static final int MAX_SCHEMA_DEPTH = 16;

    private final SchemaStore store;
    private final ValidationEngine engine;
    private final TemplateEngine templates;
    private final InputTree input;
    private final InputLimits limits;

    DefaultRenderer(SchemaStore store, ValidationEngine engine, TemplateEngine templates, InputTree input, InputLimits limits) {
        this.store = store;
        this.engine = engine;
        this.templates = templates;
        this.input = input;
        this.limits = limits;
    }

    private String schemaId(String formId) {
        String id = store.schemaId(java.util.Objects.requireNonNull(formId, "formId"));
        if (id == null) {
            throw new io.github.motcua.forms.NoSuchFormException(formId, FormsProblems.of("FORMS_NO_FORM_TO_RENDER", "form", formId));
        }
        return id;
    }

    @Override
    public String renderForm(String formId, Map<String, ?> data, FormReport report, Locale locale, String actionUrl) {
        java.util.Objects.requireNonNull(data, "data");
        String id = schemaId(formId);
        if (actionUrl == null || !(actionUrl.startsWith("/") || actionUrl.startsWith("https://")
                || actionUrl.startsWith("http://")) || actionUrl.startsWith("//")) {
            throw new IllegalArgumentException("actionUrl must be a relative path or an http(s) URL: [" + actionUrl + "]");
        }
        InputTree.Parsed parsed = input.copy(data);
        Object values = parsed.problem() == null ? parsed.value() : Map.of();
        boolean en = Messages.english(locale);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<Map<String, Object>> summary = new ArrayList<>();
        if (report != null) {
            for (Violation v : report.violations()) {
                errors.computeIfAbsent(v.pointer(), k -> new ArrayList<>()).add(v.message(locale));
            }
        }
        JsonNode root = store.fieldAt(id, "");
        Map<String, Object> form = field(id, root, "", values, errors, locale, true, 0);
        if (report != null) {
            for (Violation v : report.violations()) {
                summary.add(Map.of("href", v.pointer().isEmpty() ? "" : "#" + domId(v.pointer()), "message", v.message(locale)));
            }
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", en ? "en" : "vi");
        model.put("title", text(root, "title", en, formId));
        model.put("description", text(root, "description", en, ""));
        model.put("action", actionUrl);
        model.put("form", form);
        model.put("summary", summary);
        model.put("t", texts(locale, summary.size()));
        model.put("actionParameter", ACTION_PARAMETER);
        return templates.render("form.ftlh", model);
    }

    private static Map<String, Object> texts(Locale locale, int count) {
        Map<String, Object> t = new LinkedHashMap<>();
        for (String k : List.of("form.required", "form.submit", "form.yes", "form.no", "form.choose", "form.requiredNote")) {
            t.put(k.substring(5), Messages.get(locale, k, Map.of()));
        }
        t.put("errors", Messages.get(locale, "form.errors", Map.of("count", Integer.toString(count))));
        return t;
    }

    static String text(JsonNode schema, String key, boolean en, String fallback) {
        if (schema == null) {
            return fallback;
        }
        String enKey = "title".equals(key) ? "x-title-en" : "x-description-en";
        if (en && schema.path(enKey).isString()) {
            return schema.get(enKey).asString();
        }
        return schema.path(key).isString() ? schema.get(key).asString() : fallback;
    }

    static String domId(String pointer) {
        StringBuilder sb = new StringBuilder("f");
        for (char c : pointer.toCharArray()) {
            sb.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '-');
        }
        return sb.append('-').append(Integer.toHexString(pointer.hashCode())).toString();
    }

    private static String type(JsonNode s) {
        JsonNode t = s.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!"null".equals(x.asString())) {
                    return x.asString();
                }
            }
        }
        if (t.isString()) {
            return t.asString();
        }
        if (s.has("properties")) {
            return "object";
        }
        return s.has("items") ? "array" : "string";
    }

    private Map<String, Object> field(String docId, JsonNode schema, String pointer, Object value,
            Map<String, List<String>> errors, Locale locale, boolean required, int depth) {
        boolean en = Messages.english(locale);
        Map<String, Object> f = new LinkedHashMap<>();
        String name = pointer.isEmpty() ? "" : Pointers.tokens(pointer).get(Pointers.tokens(pointer).size() - 1);
        String id = domId(pointer);
        f.put("id", id);
        f.put("name", pointer);
        f.put("label", text(schema, "title", en, name));
        f.put("help", text(schema, "description", en, ""));
        f.put("helpId", id + "-help");
        f.put("errorId", id + "-err");
        f.put("required", required);
        f.put("note", "");
        List<String> errs = errors.getOrDefault(pointer, List.of());
        f.put("errors", errs);
        List<String> describedBy = new ArrayList<>();
        if (!f.get("help").toString().isEmpty()) {
            describedBy.add(id + "-help");
        }
        if (!errs.isEmpty()) {
            describedBy.add(id + "-err");
        }
        f.put("describedBy", String.join(" ", describedBy));
        if (schema == null || depth > MAX_SCHEMA_DEPTH) {
            f.put("kind", "text");
            f.put("inputType", "text");
            f.put("value", scalar(value));
            return f;
        }
        String type = type(schema);
        if ("object".equals(type)) {
            f.put("kind", "object");
            Map<?, ?> obj = value instanceof Map<?, ?> m ? m : Map.of();
            Set<String> req = new HashSet<>();
            schema.path("required").forEach(r -> req.add(r.asString()));
            List<Map<String, Object>> children = new ArrayList<>();
            for (String prop : store.propertyNames(docId, schema)) {
                JsonNode child = store.child(docId, schema, prop);
                children.add(field(docId, child, pointer + "/" + Pointers.escape(prop), obj.get(prop), errors, locale,
                        req.contains(prop), depth + 1));
            }
            conditionals(docId, schema, pointer, obj, errors, locale, depth, children);
            f.put("children", children);
            return f;
        }
        if ("array".equals(type)) {
            f.put("kind", "array");
            List<?> list = value instanceof List<?> l ? l : List.of();
            JsonNode itemSchema = store.child(docId, schema, "0");
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String ip = pointer + "/" + i;
                Map<String, Object> item = field(docId, itemSchema, ip, list.get(i), errors, locale, true, depth + 1);
                item.put("label", Messages.get(locale, "form.item", Map.of("index", Integer.toString(i + 1))));
                item.put("removeAction", "remove:" + ip);
                item.put("removeLabel", Messages.get(locale, "form.remove", Map.of("index", Integer.toString(i + 1))));
                items.add(item);
            }
            f.put("items", items);
            f.put("addAction", "add:" + pointer);
            f.put("addLabel", Messages.get(locale, "form.add", Map.of("label", f.get("label").toString())));
            return f;
        }
        List<Map<String, Object>> options = options(schema, en, value);
        f.put("value", scalar(value));
        if ("boolean".equals(type)) {
            f.put("kind", "radio");
            options = List.of(option("true", Messages.get(locale, "form.yes", Map.of()), Boolean.TRUE.equals(value)),
                    option("false", Messages.get(locale, "form.no", Map.of()), Boolean.FALSE.equals(value)));
        } else if (!options.isEmpty()) {
            f.put("kind", options.size() <= 4 ? "radio" : "select");
        } else if ("integer".equals(type) || "number".equals(type)) {
            f.put("kind", "text");
            f.put("inputType", "number");
            f.put("step", "integer".equals(type) ? "1" : "any");
        } else {
            String format = schema.path("format").asString("");
            int max = schema.path("maxLength").asInt(0);
            boolean area = "textarea".equals(schema.path("x-widget").asString("")) || max > 500;
            f.put("kind", area ? "textarea" : "text");
            f.put("inputType", switch (format) {
                case "date" -> "date";
                case "email" -> "email";
                case "vn-mobile" -> "tel";
                default -> "text";
            });
            f.put("inputMode", switch (format) {
                case "vn-personal-id", "vn-tax-code", "vn-mobile" -> "numeric";
                default -> "text";
            });
            if (max > 0) {
                f.put("maxLength", Integer.toString(max));
            }
        }
        f.put("options", options);
        return f;
    }

    /** if/then sections: extra fields become a fieldset explained in words; required-when notes on others. */
    private void conditionals(String docId, JsonNode schema, String pointer, Map<?, ?> obj,
            Map<String, List<String>> errors, Locale locale, int depth, List<Map<String, Object>> children) {
        JsonNode ifs = schema.path("if").path("properties");
        JsonNode then = store.resolve(docId, schema.path("then"));
        if (!ifs.isObject() || then == null || !then.isObject()) {
            return;
        }
        String condProp = null;
        JsonNode condValue = null;
        for (Map.Entry<String, JsonNode> e : ifs.properties()) {
            if (e.getValue().has("const")) {
                condProp = e.getKey();
                condValue = e.getValue().get("const");
            }
        }
        if (condProp == null) {
            return;
        }
        boolean en = Messages.english(locale);
        JsonNode condField = store.child(docId, schema, condProp);
        String condLabel = text(condField, "title", en, condProp);
        String valueLabel = condValue.isBoolean()
                ? Messages.get(locale, condValue.asBoolean() ? "form.yes" : "form.no", Map.of())
                : optionLabel(condField, condValue, en);
        Map<String, String> args = Map.of("label", condLabel, "value", valueLabel);
        Set<String> req = new HashSet<>();
        then.path("required").forEach(r -> req.add(r.asString()));
        List<String> own = store.propertyNames(docId, schema);
        for (Map<String, Object> c : children) {
            String childName = Pointers.tokens((String) c.get("name")).get(Pointers.tokens((String) c.get("name")).size() - 1);
            if (req.contains(childName) && !Boolean.TRUE.equals(c.get("required"))) {
                c.put("note", Messages.get(locale, "form.conditionalRequired", args));
            }
        }
        List<Map<String, Object>> extra = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : then.path("properties").properties()) {
            if (!own.contains(e.getKey())) {
                extra.add(field(docId, store.resolve(docId, e.getValue()), pointer + "/" + Pointers.escape(e.getKey()),
                        obj.get(e.getKey()), errors, locale, req.contains(e.getKey()), depth + 1));
            }
        }
        if (!extra.isEmpty()) {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("kind", "section");
            section.put("id", domId(pointer + "/if"));
            section.put("label", "");
            section.put("note", Messages.get(locale, "form.conditional", args));
            section.put("children", extra);
            children.add(section);
        }
    }

    private static String optionLabel(JsonNode field, JsonNode value, boolean en) {
        if (field != null) {
            for (JsonNode o : field.path("oneOf")) {
                if (value.equals(o.get("const"))) {
                    return text(o, "title", en, value.asString());
                }
            }
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private static List<Map<String, Object>> options(JsonNode schema, boolean en, Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        String current = scalar(value);
        for (JsonNode o : schema.path("oneOf")) {
            if (o.has("const")) {
                String v = o.get("const").isString() ? o.get("const").asString() : o.get("const").toString();
                out.add(option(v, text(o, "title", en, v), v.equals(current)));
            }
        }
        if (out.isEmpty()) {
            for (JsonNode o : schema.path("enum")) {
                String v = o.isString() ? o.asString() : o.toString();
                out.add(option(v, v, v.equals(current)));
            }
        }
        return out;
    }

    private static Map<String, Object> option(String value, String label, boolean selected) {
        return Map.of("value", value, "label", label, "selected", selected);
    }

    private static String scalar(Object v) {
        if (v == null || v instanceof Map || v instanceof List) {
            return "";
        }
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    @Override
    public PostedForm readPost(String formId, Map<String, List<String>> params) {
        java.util.Objects.requireNonNull(params, "params");
        String id = schemaId(formId);
        Map<String, Object> data = new LinkedHashMap<>();
        String action = null;
        int count = 0;
        for (Map.Entry<String, List<String>> p : new TreeMap<>(params).entrySet()) {
            if (++count > 10_000) {
                break;
            }
            String name = p.getKey();
            String value = p.getValue() == null || p.getValue().isEmpty() ? "" : p.getValue().get(0);
            if (value.length() > limits.maxStringLength()) {
                value = value.substring(0, limits.maxStringLength());
            }
            value = InputTree.nfc(value);
            if (ACTION_PARAMETER.equals(name)) {
                action = value;
                continue;
            }
            if (!name.startsWith("/") || Pointers.tokens(name).size() > limits.maxDepth()) {
                continue;
            }
            JsonNode field = store.fieldAt(id, name);
            if (field == null) {
                continue;
            }
            place(id, data, Pointers.tokens(name), convert(field, value));
        }
        compact(data);
        if (action != null) {
            applyAction(id, data, action);
        }
        return new PostedForm(Mutable.freeze(data), action);
    }

    private static Object convert(JsonNode field, String value) {
        if (value.isEmpty()) {
            return null;
        }
        String type = type(field);
        try {
            return switch (type) {
                case "integer" -> Long.parseLong(value.trim());
                case "number" -> new BigDecimal(value.trim());
                case "boolean" -> "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : value;
                default -> value;
            };
        } catch (NumberFormatException e) {
            return value; // validation reports the wrong type with the field's label
        }
    }

    /** Places a value; array indices are collected in sorted maps first and compacted afterwards. */
    @SuppressWarnings("unchecked")
    private void place(String docId, Map<String, Object> root, List<String> tokens, Object value) {
        if (value == null && tokens.stream().noneMatch(SchemaStore::isIndex)) {
            // a browser posts every input; a blank one must not create its optional group ({} would then
            // fail the group's required fields). Blank fields of an array item still keep the item.
            return;
        }
        Map<String, Object> node = root;
        for (int i = 0; i < tokens.size() - 1; i++) {
            String t = tokens.get(i);
            Object next = node.get(t);
            if (!(next instanceof Map)) {
                boolean index = SchemaStore.isIndex(tokens.get(i + 1));
                next = index ? new TreeMap<String, Object>(this::byIndex) : new LinkedHashMap<String, Object>();
                node.put(t, next);
            }
            node = (Map<String, Object>) next;
        }
        if (value != null) {
            node.put(tokens.get(tokens.size() - 1), value);
        }
    }

    private int byIndex(String a, String b) {
        return Long.compare(Long.parseLong(a), Long.parseLong(b));
    }

    /** Turns index-keyed maps into lists (sparse indices are closed up) and drops nothing else. */
    @SuppressWarnings("unchecked")
    private Object compact(Object v) {
        if (v instanceof TreeMap<?, ?> indexed) {
            List<Object> list = new ArrayList<>();
            for (Object x : indexed.values()) {
                if (list.size() < limits.maxArrayLength()) {
                    list.add(compact(x));
                }
            }
            return list;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> mm = (Map<String, Object>) m;
            for (Map.Entry<String, Object> e : mm.entrySet()) {
                e.setValue(compact(e.getValue()));
            }
            return mm;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private void applyAction(String docId, Map<String, Object> data, String action) {
        int colon = action.indexOf(':');
        if (colon < 0) {
            return;
        }
        String verb = action.substring(0, colon);
        String pointer = action.substring(colon + 1);
        if (!pointer.startsWith("/")) {
            return;
        }
        if ("add".equals(verb)) {
            JsonNode field = store.fieldAt(docId, pointer);
            if (field == null || !"array".equals(type(field))) {
                return;
            }
            Object list = Mutable.get(data, pointer);
            if (list == null) {
                list = new ArrayList<>();
                if (!Mutable.put(data, pointer, list, limits.maxDepth())) {
                    return;
                }
            }
            if (list instanceof List<?> l && l.size() < limits.maxArrayLength()) {
                JsonNode item = store.child(docId, field, "0");
                ((List<Object>) l).add(item != null && "object".equals(type(item)) ? new LinkedHashMap<>() : null);
            }
        } else if ("remove".equals(verb)) {
            List<String> tokens = Pointers.tokens(pointer);
            String last = tokens.get(tokens.size() - 1);
            Object parent = Mutable.get(data, Pointers.join(tokens.subList(0, tokens.size() - 1)));
            if (parent instanceof List<?> l && SchemaStore.isIndex(last) && Integer.parseInt(last) < l.size()) {
                l.remove(Integer.parseInt(last));
            }
        }
    }
}
