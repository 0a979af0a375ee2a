package io.github.motcua.rules.internal;

import io.github.motcua.kernel.PackNode;
import io.github.motcua.kernel.PackReadException;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.kernel.PackTrees;
import io.github.motcua.rules.PackProblem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A YAML (or JSON) pack file as read by the kernel's positioned reader ({@link PackReader#yaml}: one
 * parse, the kernel's limits on depth, duplicate keys and aliases, text in NFC), with the line and
 * column of every node by JSON pointer, so schema and semantic problems point at the analyst's text.
 * A thin view over the kernel's {@link PackNode} tree: {@link #root()} is the same tree as JSON values
 * for the schema validator and the readers of this package, made at its first use (session 21: a procedure.yaml proved
 * valid by {@link ProcedureShape} is read from {@link #tree()} alone and never made into JSON values). Immutable once
 * its positions and JSON values are known; thread-safe.
 */
final class YamlDoc {
    private static final JsonNodeFactory NODES = io.github.motcua.forms.internal.PlainJson.NODES;

    private final String file;
    private final PackNode tree;
    /** The tree as JSON values, made on first use (one instance: readers may keep nodes of it). */
    private volatile JsonNode root;
    /** Line and column by JSON pointer (a mapping's entry at its key); found on first use, since most files have no problem. */
    private volatile Map<String, int[]> positions;

    private YamlDoc(String file, PackNode tree) {
        this.file = file;
        this.tree = tree;
    }

    /**
     * Parses with the kernel's reader, or adds its problem ({@code YAML_SYNTAX}, {@code YAML_EMPTY},
     * {@code DUPLICATE_KEY}, {@code YAML_ALIAS}, {@code TOO_DEEP}) and returns null.
     */
    public static YamlDoc parse(String file, String text, List<PackProblem> problems) {
        try {
            PackNode tree = PackReader.yaml(file, text, PackFiles.LIMITS);
            return new YamlDoc(file, tree);
        } catch (PackReadException e) {
            problems.add(PackProblem.of(e.problem()));
            return null;
        }
    }

    /**
     * A prebuilt pack's stored tree of the file ({@link PackTrees}, written from the parse of the same file at build),
     * or adds its problem and returns null: bytes that are not one tree within the reader's limits are refused as
     * {@code PREBUILT_CORRUPT} at the file (the artifact was damaged or edited; build it again).
     */
    static YamlDoc stored(String file, byte[] tree, List<PackProblem> problems) {
        try {
            PackNode root = PackTrees.read(file, tree, PackFiles.LIMITS);
            return new YamlDoc(file, root);
        } catch (PackReadException e) {
            io.github.motcua.kernel.Problem p = e.problem();
            problems.add(new PackProblem(file, 0, 0, "PREBUILT_CORRUPT",
                    Msg.vi("load.prebuilt.badTree", "file", file, "detail", p.messageVi()),
                    Msg.en("load.prebuilt.badTree", "file", file, "detail", p.messageEn())));
            return null;
        }
    }

    /**
     * The kernel's tree as JSON values of the same types Jackson's own YAML reading gives (an int, a
     * long or a big integer as written; a double), so the schemas and readers see what they saw before.
     */
    static JsonNode json(PackNode n) {
        switch (n.kind()) {
            case MAP: {
                ObjectNode o = NODES.objectNode();
                for (Map.Entry<String, PackNode> e : n.map().entrySet()) {
                    o.set(e.getKey(), json(e.getValue()));
                }
                return o;
            }
            case LIST: {
                ArrayNode a = NODES.arrayNode(n.list().size());
                for (PackNode item : n.list()) {
                    a.add(json(item));
                }
                return a;
            }
            case TEXT:
                return NODES.stringNode(n.text());
            case BOOLEAN:
                return NODES.booleanNode(n.isTrue());
            case NUMBER: {
                Number x = n.number();
                if (x instanceof Integer) {
                    return NODES.numberNode(x.intValue());
                } else if (x instanceof Long) {
                    return NODES.numberNode(x.longValue());
                } else if (x instanceof BigInteger) {
                    return NODES.numberNode((BigInteger) x);
                } else if (x instanceof BigDecimal) {
                    return NODES.numberNode((BigDecimal) x);
                } else if (x instanceof Float) {
                    return NODES.numberNode(x.floatValue());
                }
                return NODES.numberNode(x.doubleValue());
            }
            default:
                return NODES.nullNode();
        }
    }

    private static void walk(PackNode n, Map<String, int[]> pos) {
        pos.put(n.pointer(), new int[] {n.keyLine(), n.keyColumn()});
        for (PackNode child : n.map().values()) {
            walk(child, pos);
        }
        for (PackNode item : n.list()) {
            walk(item, pos);
        }
    }

    public String file() {
        return file;
    }

    /** The file as JSON values (made at the first call, from {@link #tree()}: the same values every call). */
    public JsonNode root() {
        JsonNode r = root;
        if (r == null) {
            synchronized (this) {
                r = root;
                if (r == null) {
                    r = json(tree);
                    root = r;
                }
            }
        }
        return r;
    }

    private Map<String, int[]> positions() {
        Map<String, int[]> pos = positions;
        if (pos == null) {
            pos = new HashMap<>();
            walk(tree, pos);
            positions = pos;
        }
        return pos;
    }

    /** Every pointer of the document that names a key, in no particular order. */
    java.util.Set<String> pointers() {
        return java.util.Collections.unmodifiableSet(positions().keySet());
    }

    /** The kernel's tree of the file. */
    PackNode tree() {
        return tree;
    }

    /** The 1-based line where a top-level key is written ({@code deadline:}), or 0 when the file has none. */
    int topLevelKeyLine(String key) {
        PackNode n = tree.get(key);
        return n == null ? 0 : n.keyLine();
    }

    /** Line and column of the node at the pointer, or of its nearest ancestor. */
    public int[] position(String pointer) {
        Map<String, int[]> positions = positions();
        String p = pointer;
        while (true) {
            int[] at = positions.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new int[] {1, 1};
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /**
     * A problem at the node of the pointer whose message is rules-core's bundle {@code key} (a
     * {@code load.} key) in both languages; {@code pairs} are argument names and values, alternating.
     */
    PackProblem msg(String pointer, String code, String key, String... pairs) {
        int[] at = position(pointer);
        return Msg.problem(file, at[0], at[1], code, key, pairs);
    }

    /** A problem at the node of the pointer. */
    public PackProblem problem(String pointer, String code, String vi, String en) {
        int[] at = position(pointer);
        return new PackProblem(file, at[0], at[1], code, vi, en);
    }
}
