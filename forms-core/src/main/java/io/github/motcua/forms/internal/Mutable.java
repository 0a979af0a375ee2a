package io.github.motcua.forms.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mutable copies of plain trees, pointer get/put, and freezing back to unmodifiable. */
final class Mutable {
    private Mutable() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> m) {
        return (Map<String, Object>) copyAny(m);
    }

    static Object copyAny(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, copyAny(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(copyAny(x)));
            return out;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> freeze(Map<String, Object> m) {
        return (Map<String, Object>) freezeAny(m);
    }

    static Object freezeAny(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, freezeAny(x)));
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(freezeAny(x)));
            return Collections.unmodifiableList(out);
        }
        return v;
    }

    static Object get(Object root, String pointer) {
        Object n = root;
        for (String t : Pointers.tokens(pointer)) {
            if (n instanceof Map<?, ?> m) {
                n = m.get(t);
            } else if (n instanceof List<?> l && SchemaStore.isIndex(t) && Integer.parseInt(t) < l.size()) {
                n = l.get(Integer.parseInt(t));
            } else {
                return null;
            }
        }
        return n;
    }

    /** Puts a value at an object pointer, creating objects on the way; false when the path crosses a non-object. */
    @SuppressWarnings("unchecked")
    static boolean put(Map<String, Object> root, String pointer, Object value, int maxDepth) {
        List<String> tokens = Pointers.tokens(pointer);
        if (tokens.isEmpty() || tokens.size() > maxDepth) {
            return false;
        }
        Object n = root;
        for (int i = 0; i < tokens.size() - 1; i++) {
            String t = tokens.get(i);
            if (n instanceof Map<?, ?> m) {
                Object next = m.get(t);
                if (next == null) {
                    next = new LinkedHashMap<String, Object>();
                    ((Map<String, Object>) m).put(t, next);
                }
                n = next;
            } else if (n instanceof List<?> l && SchemaStore.isIndex(t) && Integer.parseInt(t) < l.size()) {
                n = l.get(Integer.parseInt(t));
            } else {
                return false;
            }
        }
        if (n instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put(tokens.get(tokens.size() - 1), value);
            return true;
        }
        return false;
    }
}
