package io.github.motcua.forms.internal;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Read-only plain-Java views of a parsed tree (maps, lists, String, Long/BigInteger/BigDecimal,
 * Boolean, null), converted on access so a report's data costs nothing unless it is read. The tree is
 * never modified after parsing, so the views are thread-safe.
 */
final class JsonViews {
    private JsonViews() {
    }

    static Object value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            // parsed JSON holds a BigInteger only beyond a long; a caller's map may hold a small one: it stays one
            return v.isBigInteger() || !v.canConvertToLong() ? v.bigIntegerValue() : (Object) v.longValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isObject()) {
            return new ObjectView(v);
        }
        if (v.isArray()) {
            return new ArrayView(v);
        }
        return v.asString();
    }

    /** Whether {@code m} is one of these views: read-only over a tree nobody modifies, so never copied again. */
    static boolean isView(Object m) {
        return m instanceof ObjectView;
    }

    /**
     * A valid document's view with its top-level keys by the form's root schema's property index ({@link FormLayout}),
     * when the fast path checked it; else {@code view} itself.
     */
    static Map<String, Object> withLayout(Map<String, Object> view, JsonNode node, Object layout, String[] keys) {
        return view instanceof ObjectView v && v.node == node && v.layout == null && layout != null && keys != null
                ? new ObjectView(node, layout, keys) : view;
    }

    static final class ObjectView extends AbstractMap<String, Object> {
        private final JsonNode node;
        /** The form's root schema node {@link #keys} is laid out by, or null (no keys). */
        final Object layout;
        /** The node's own keys by {@link #layout}'s property index (null where absent); never modified. */
        final String[] keys;

        ObjectView(JsonNode node) {
            this(node, null, null);
        }

        ObjectView(JsonNode node, Object layout, String[] keys) {
            this.node = node;
            this.layout = layout;
            this.keys = keys;
        }

        @Override
        public Object get(Object key) {
            return key instanceof String k ? value(node.get(k)) : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String k && node.has(k);
        }

        @Override
        public int size() {
            return node.size();
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public Map.Entry<String, Object> next() {
                            Map.Entry<String, JsonNode> p = it.next();
                            return new AbstractMap.SimpleImmutableEntry<>(p.getKey(), value(p.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    return node.size();
                }
            };
        }
    }

    static final class ArrayView extends AbstractList<Object> {
        private final JsonNode node;

        ArrayView(JsonNode node) {
            this.node = node;
        }

        @Override
        public Object get(int index) {
            if (index < 0 || index >= node.size()) {
                throw new IndexOutOfBoundsException(index);
            }
            return value(node.get(index));
        }

        @Override
        public int size() {
            return node.size();
        }
    }
}
