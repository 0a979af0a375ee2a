package io.github.motcua.kernel;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of a YAML or JSON pack file with the place it starts (line, column) and its JSON pointer,
 * as read by {@link PackReader#yaml}. Mappings keep their key order and never hold a key twice;
 * scalars keep the text as written and say whether YAML typed them as text, a number or a boolean.
 *
 * <p>Immutable and thread-safe.
 */
public final class PackNode {
    /** What a node holds. */
    public enum Kind { MAP, LIST, TEXT, NUMBER, BOOLEAN, NULL }

    private final String file;
    /**
     * The JSON pointer once made: the root's {@code ""} from the start, any other node's at the first
     * {@link #pointer()} (a problem asks for it when it is reported; a tree read without one never does).
     */
    private String pointer;
    /**
     * A mapping's or list's own path ({@link #segment} null), or the path of a scalar's parent (its key or index in
     * {@link #segment}); null for a root scalar. Made as text only when asked for.
     */
    private final PointerPath path;
    /** A scalar's key (as written) or list index ({@link Integer}) below {@link #path}, or null. */
    private final Object segment;
    private final int line;
    private final int column;
    private final Kind kind;
    private final Object value;
    private final int keyLine;
    private final int keyColumn;
    /** A number's {@link Number} or a boolean's {@link Boolean}, as the parser read it; else null. */
    private final Object parsed;

    /** A scalar at the root of its file (pointer {@code ""}). */
    PackNode(String file, int line, int column, Kind kind, Object value, int keyLine, int keyColumn, Object parsed) {
        this(file, "", null, null, line, column, kind, value, keyLine, keyColumn, parsed);
    }

    /** A mapping or list whose pointer is {@code path}'s, made when first asked for. */
    PackNode(String file, PointerPath path, int line, int column, Kind kind, Object value, int keyLine, int keyColumn) {
        this(file, null, path, null, line, column, kind, value, keyLine, keyColumn, null);
    }

    /** A scalar whose pointer is {@code parent/segment}, made when first asked for. */
    PackNode(String file, PointerPath parent, Object segment, int line, int column, Kind kind, Object value, int keyLine,
            int keyColumn, Object parsed) {
        this(file, null, parent, segment, line, column, kind, value, keyLine, keyColumn, parsed);
    }

    private PackNode(String file, String pointer, PointerPath path, Object segment, int line, int column, Kind kind,
            Object value, int keyLine, int keyColumn, Object parsed) {
        this.file = file;
        this.pointer = pointer;
        this.path = path;
        this.segment = segment;
        this.line = line;
        this.column = column;
        this.kind = kind;
        this.value = value;
        this.keyLine = keyLine;
        this.keyColumn = keyColumn;
        this.parsed = parsed;
    }

    public String file() {
        return file;
    }

    /** The JSON pointer of this value, {@code ""} for the root. */
    public String pointer() {
        String p = pointer;
        if (p == null) {
            // a benign race: every thread builds the same string
            p = segment == null ? path.text() : PointerPath.child(path.text(), segment);
            pointer = p;
        }
        return p;
    }

    /** A key as a JSON pointer segment: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** 1-based line where the value starts. */
    public int line() {
        return line;
    }

    /** 1-based column where the value starts. */
    public int column() {
        return column;
    }

    /**
     * 1-based line of this value's key when it is an entry of a mapping ({@code deadline:}), else
     * {@link #line()}: where an analyst looks for "this entry".
     */
    public int keyLine() {
        return keyLine;
    }

    /** 1-based column of this value's key when it is an entry of a mapping, else {@link #column()}. */
    public int keyColumn() {
        return keyColumn;
    }

    /**
     * A number as the parser read it — {@link Integer}, {@link Long} or {@link java.math.BigInteger}
     * for an integer, {@link Double} (or {@link java.math.BigDecimal}) otherwise — or {@code null}
     * when this is not a number.
     */
    public Number number() {
        return parsed instanceof Number ? (Number) parsed : null;
    }

    /** True for a boolean that YAML read as true; false for anything else. */
    public boolean isTrue() {
        return Boolean.TRUE.equals(parsed);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    /** True for text, numbers and booleans. */
    public boolean isScalar() {
        return kind == Kind.TEXT || kind == Kind.NUMBER || kind == Kind.BOOLEAN;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The entries of a mapping in file order (unmodifiable), or an empty map for any other node. */
    @SuppressWarnings("unchecked")
    public Map<String, PackNode> map() {
        return kind == Kind.MAP ? (Map<String, PackNode>) value : Map.of();
    }

    /** The items of a list (unmodifiable), or an empty list for any other node. */
    @SuppressWarnings("unchecked")
    public List<PackNode> list() {
        return kind == Kind.LIST ? (List<PackNode>) value : List.of();
    }

    /** The scalar as written (a number or boolean as its text), or {@code null} for a mapping, list or null. */
    public String text() {
        return isScalar() ? (String) value : null;
    }

    /** The child of a mapping, or {@code null} when absent or when this is not a mapping. */
    public PackNode get(String key) {
        return map().get(key);
    }

    /** A problem at this node, with a message from {@code bundle}. */
    public Problem problem(ProblemCode code, String bundle, String key, Map<String, String> args) {
        return new Problem(file, line, column, pointer(), code, Severity.ERROR, bundle, key, args);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackNode && ((PackNode) o).kind == kind && Objects.equals(((PackNode) o).value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }

    /** {@code file:line:col pointer}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + " " + (pointer().isEmpty() ? "/" : pointer());
    }
}
