package io.github.motcua.kernel;

/**
 * The JSON pointer of a mapping or list of a {@link PackNode} tree, made as text only when first asked for: a problem
 * needs it when it is reported, and a tree read without a problem never asks. A path is its parent's path and one
 * segment, a key as written or an {@link Integer} index; the root's is {@code ""}. The tree readers make one for each
 * mapping and list before reading its children, who keep it (a scalar adds its own segment in
 * {@link PackNode#pointer()}).
 *
 * <p>Immutable but for the text it keeps once made (a benign race: every thread makes the same string); thread-safe.
 */
final class PointerPath {
    /** The root's path: {@code ""}. */
    static final PointerPath ROOT = new PointerPath(null, null, "");

    private final PointerPath parent;
    private final Object segment;
    private String text;

    private PointerPath(PointerPath parent, Object segment, String text) {
        this.parent = parent;
        this.segment = segment;
        this.text = text;
    }

    /**
     * The path of {@code parent}'s child {@code segment}, or {@link #ROOT} when {@code segment} is null (the tree's top
     * node, which has no parent).
     */
    static PointerPath of(PointerPath parent, Object segment) {
        return segment == null ? ROOT : new PointerPath(parent, segment, null);
    }

    /** The pointer as text, {@code ""} for the root ({@code /a/0/b~1c}). */
    String text() {
        String t = text;
        if (t != null) {
            return t;
        }
        // up to the nearest path with its text (the root has one), then down: no recursion however deep the tree
        java.util.ArrayList<PointerPath> below = new java.util.ArrayList<>();
        PointerPath p = this;
        while (p.text == null) {
            below.add(p);
            p = p.parent;
        }
        t = p.text;
        for (int i = below.size() - 1; i >= 0; i--) {
            PointerPath q = below.get(i);
            t = child(t, q.segment);
            q.text = t;
        }
        return t;
    }

    /** {@code parent/segment}, the key escaped as a JSON pointer segment. */
    static String child(String parent, Object segment) {
        return parent + "/" + (segment instanceof String ? PackNode.escape((String) segment) : segment);
    }

    @Override
    public String toString() {
        return text();
    }
}
