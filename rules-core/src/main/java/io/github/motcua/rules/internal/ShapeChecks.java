package io.github.motcua.rules.internal;

import io.github.motcua.kernel.PackNode;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The few JSON-shape tests {@link ProcedureShape} and {@link RulesShape} build their proofs from: each is the exact
 * meaning of one JSON Schema construct on a YAML-read tree, and answers false for anything else (the caller then
 * leaves the file to networknt, whose problems are the ones reported). {@link RulesShape} proves on the JSON values,
 * {@link ProcedureShape} on the kernel's {@link PackNode} tree (session 21: a proved procedure.yaml is never made into
 * JSON values); each construct is written for both here, side by side.
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

    /** {@code additionalProperties: false} on a kernel tree: a mapping whose every key is in {@code allowed}. */
    static boolean keys(PackNode n, Set<String> allowed) {
        if (n == null || !n.isMap()) {
            return false;
        }
        for (String key : n.map().keySet()) {
            if (!allowed.contains(key)) {
                return false;
            }
        }
        return true;
    }

    /** {@code enum} of texts on a kernel tree: a text in {@code values}. */
    static boolean oneOf(PackNode n, Set<String> values) {
        return n != null && n.kind() == PackNode.Kind.TEXT && values.contains(n.text());
    }

    /** One subschema's test on a kernel tree ({@link ProcedureShape}). */
    interface TreeCheck {
        boolean ok(PackNode n);
    }

    /** An optional property: absent, or passing {@code c}. */
    static boolean optional(PackNode n, TreeCheck c) {
        return n == null || c.ok(n);
    }

    /** {@code type: array} whose every item passes {@code c}. */
    static boolean each(PackNode n, TreeCheck c) {
        if (n == null || !n.isList()) {
            return false;
        }
        for (PackNode item : n.list()) {
            if (!c.ok(item)) {
                return false;
            }
        }
        return true;
    }
}
