package io.github.motcua.forms.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A starting form (tờ khai mẫu) built from a form's schema: every property in schema order, a
 * constant or default where the schema gives one, and elsewhere a placeholder in angle brackets that
 * names the field and what to type (e.g. {@code "<Ngày sinh / Date of birth: yyyy-mm-dd>"}), so the
 * result does not validate until a person has typed each value. Pure; thread-safe.
 */
final class StarterData {
    private static final int MAX_DEPTH = 12;

    private StarterData() {
    }

    static Map<String, Object> of(SchemaStore store, String schemaId) {
        Object v = value(store, schemaId, store.fieldAt(schemaId, ""), 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
        return m;
    }

    private static Object value(SchemaStore store, String schemaId, JsonNode schema, int depth) {
        if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
            return null;
        }
        if (schema.has("const")) {
            return JsonViews.value(schema.get("const"));
        }
        if (schema.has("default")) {
            return JsonViews.value(schema.get("default"));
        }
        String type = schema.path("type").isString() ? schema.path("type").asString() : null;
        if ("object".equals(type) || schema.has("properties")) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String name : store.propertyNames(schemaId, schema)) {
                out.put(name, value(store, schemaId, store.child(schemaId, schema, name), depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }
        if ("array".equals(type)) {
            List<Object> out = new ArrayList<>();
            out.add(value(store, schemaId, store.child(schemaId, schema, "0"), depth + 1));
            return Collections.unmodifiableList(out);
        }
        return "<" + label(schema) + hint(schema, type) + ">";
    }

    private static String label(JsonNode schema) {
        String vi = schema.path("title").isString() ? schema.path("title").asString() : "";
        String en = schema.path("x-title-en").isString() ? schema.path("x-title-en").asString() : "";
        if (vi.isEmpty()) {
            return en;
        }
        return en.isEmpty() ? vi : vi + " / " + en;
    }

    /** A hint of forms-core's bundle as one text "Vietnamese / English", like the field's label beside it. */
    private static String both(String key) {
        return io.github.motcua.kernel.Messages.render(FormsProblems.BUNDLE, key, Map.of(), io.github.motcua.kernel.Messages.VI)
                + " / " + io.github.motcua.kernel.Messages.render(FormsProblems.BUNDLE, key, Map.of(), java.util.Locale.ENGLISH);
    }

    private static String hint(JsonNode schema, String type) {
        List<String> options = new ArrayList<>();
        for (String k : List.of("oneOf", "anyOf")) {
            for (JsonNode b : schema.path(k)) {
                if (b.has("const")) {
                    options.add(String.valueOf(JsonViews.value(b.get("const"))));
                }
            }
        }
        for (JsonNode e : schema.path("enum")) {
            options.add(String.valueOf(JsonViews.value(e)));
        }
        String what;
        if (!options.isEmpty()) {
            what = String.join(" | ", options);
        } else {
            String format = schema.path("format").isString() ? schema.path("format").asString() : "";
            what = switch (format) {
                case "date" -> "yyyy-mm-dd";
                case "date-time" -> "yyyy-mm-ddThh:mm:ss+07:00";
                case "vn-personal-id" -> both("FORMS_HINT_PERSONAL_ID");
                case "vn-tax-code" -> both("FORMS_HINT_TAX_CODE");
                case "vn-mobile" -> "0912345678";
                case "vn-unit-code" -> both("FORMS_HINT_UNIT_CODE");
                default -> type == null ? "" : switch (type) {
                    case "integer" -> both("FORMS_HINT_INTEGER");
                    case "number" -> both("FORMS_HINT_NUMBER");
                    case "boolean" -> "true | false";
                    default -> "";
                };
            };
        }
        return what.isEmpty() ? "" : ": " + what;
    }
}
