package io.github.motcua.forms.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes equal parts of the pack's schema trees one object (hash-consing): a pack's forms repeat the
 * same field schemas ({@code {"type": "string", "format": "date"}}, titles, enums, whole nested
 * objects) across procedures, and each copy costs a tree node, a map and strings for as long as the
 * pack is loaded. Bottom-up, each node's children are made canonical first, so two objects are equal
 * when their property names are equal in the same order and their children are the same objects:
 * order matters (it is the order of a form's fields and of a schema's text), and comparing stays
 * linear in the size of the trees.
 *
 * <p>Safe only because the store's trees are never modified after they are built (what the store
 * promises): a shared node is reachable from several places. Not thread-safe; used once at load.
 */
final class SharedNodes {
    private final Map<Key, JsonNode> seen = new HashMap<>();

    /** Replaces {@code root}'s children by their canonical equals, in place; returns {@code root}'s own canonical node. */
    JsonNode share(JsonNode root) {
        if (root instanceof ObjectNode o) {
            List<String> names = null;
            List<JsonNode> values = null;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                JsonNode c = share(e.getValue());
                if (c != e.getValue()) {
                    if (names == null) {
                        names = new ArrayList<>();
                        values = new ArrayList<>();
                    }
                    names.add(e.getKey());
                    values.add(c);
                }
            }
            for (int i = 0; names != null && i < names.size(); i++) {
                o.replace(names.get(i), values.get(i)); // same key: keeps its position
            }
        } else if (root instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode c = share(a.get(i));
                if (c != a.get(i)) {
                    a.set(i, c);
                }
            }
        }
        Key k = new Key(root);
        JsonNode first = seen.putIfAbsent(k, root);
        return first == null ? root : first;
    }

    /** Equality of a node whose children are already canonical: shallow, children by identity. */
    private static final class Key {
        private final JsonNode node;
        private final int hash;

        Key(JsonNode node) {
            this.node = node;
            int h = node.getClass().hashCode();
            if (node instanceof ObjectNode o) {
                for (Map.Entry<String, JsonNode> e : o.properties()) {
                    h = h * 31 + e.getKey().hashCode();
                    h = h * 31 + System.identityHashCode(e.getValue());
                }
            } else if (node instanceof ArrayNode a) {
                for (JsonNode c : a) {
                    h = h * 31 + System.identityHashCode(c);
                }
            } else {
                h = h * 31 + node.hashCode();
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Key k) || k.hash != hash || k.node.getClass() != node.getClass()) {
                return false;
            }
            if (node instanceof ObjectNode o) {
                ObjectNode p = (ObjectNode) k.node;
                if (o.size() != p.size()) {
                    return false;
                }
                Iterator<Map.Entry<String, JsonNode>> i = o.properties().iterator();
                Iterator<Map.Entry<String, JsonNode>> j = p.properties().iterator();
                while (i.hasNext()) {
                    Map.Entry<String, JsonNode> a = i.next();
                    Map.Entry<String, JsonNode> b = j.next();
                    if (!a.getKey().equals(b.getKey()) || a.getValue() != b.getValue()) {
                        return false;
                    }
                }
                return true;
            } else if (node instanceof ArrayNode a) {
                ArrayNode b = (ArrayNode) k.node;
                if (a.size() != b.size()) {
                    return false;
                }
                for (int x = 0; x < a.size(); x++) {
                    if (a.get(x) != b.get(x)) {
                        return false;
                    }
                }
                return true;
            }
            return node.equals(k.node);
        }
    }
}
