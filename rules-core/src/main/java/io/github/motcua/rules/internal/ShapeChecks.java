package io.github.motcua.rules.internal;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The few JSON-shape tests {@link ProcedureShape} and {@link RulesShape} build their proofs from: each is the exact
 * meaning of one JSON Schema construct on a YAML-read tree, and answers false for anything else (the caller then
 * leaves the file to networknt, whose problems are the ones reported).
 */
final class ShapeChecks {
    private ShapeChecks() {
    }

    /** One subschema's test. */
    interface Check {
        boolean ok(JsonNode n);
    }

    /** An optional property: absent, or passing {@code c}. */
    static boolean optional(JsonNode n, Check c) {
        return n == null || c.ok(n);
    }

    /** An object whose every key is in {@code allowed} ({@code additionalProperties: false}). */
    static boolean keys(JsonNode n, Set<String> allowed) {
        if (n == null || !n.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!allowed.contains(e.getKey())) {
                return false;
            }
        }
        return true;
    }

    /** {@code enum} of texts: a text in {@code values}. */
    static boolean oneOf(JsonNode n, Set<String> values) {
        return n != null && n.isString() && values.contains(n.asString());
    }

    /** {@code type: array} whose every item passes {@code c}. */
    static boolean each(JsonNode n, Check c) {
        if (n == null || !n.isArray()) {
            return false;
        }
        for (JsonNode item : n) {
            if (!c.ok(item)) {
                return false;
            }
        }
        return true;
    }
}
