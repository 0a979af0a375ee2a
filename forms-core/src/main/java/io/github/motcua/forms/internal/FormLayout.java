package io.github.motcua.forms.internal;

import java.util.Map;

/**
 * A checked form's top-level keys by property index, for the rules' reads of top-level fields (rules-core's
 * evaluator; not for callers). When the fast path ({@link CompactForm}) finds a document valid, the report's data view
 * keeps the document's own top-level key objects by the index of the form's root schema's property of the same name.
 * A rule that reads a field by a one-segment path binds the path to that index once per form ({@link #indexOf}) and
 * then reads the field through the document's key, which the check has just read, instead of through its own path
 * string: equal text, so the same value; for a procedure decided among 2,000 its path strings are no longer read from
 * cold memory (docs/performance.md, "Session 24").
 */
public final class FormLayout {
    private FormLayout() {
    }

    /** What {@code data}'s keys are laid out by (compare by identity), or null: no keys kept for it. */
    public static Object layout(Map<?, ?> data) {
        return data instanceof JsonViews.ObjectView v ? v.layout : null;
    }

    /**
     * {@code data}'s top-level keys by {@link #layout}'s property index (null where the document has no such
     * property), or null when {@link #layout} is null. The array is the view's own: never modify it.
     */
    public static String[] keys(Map<?, ?> data) {
        return data instanceof JsonViews.ObjectView v ? v.keys : null;
    }

    /** The index of the property {@code name} in {@code layout} (a {@link #layout}), or -1. */
    public static int indexOf(Object layout, String name) {
        if (!(layout instanceof CompactForm.Node n) || n.props == null || name == null) {
            return -1;
        }
        return n.indexOf(name);
    }
}
