package io.github.motcua.forms.internal;

import java.util.Iterator;
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
 * <p>One pass per tree: each node's hash is computed from its children's hashes as they come back up (not
 * from the sub-trees again), a child is replaced through its map entry (no look-up by name), and the table
 * is open-addressed over two arrays (no key object or map entry per node).
 *
 * <p>Safe only because the store's trees are never modified after they are built (what the store
 * promises): a shared node is reachable from several places. Not thread-safe; used once at load.
 */
final class SharedNodes {
    /**
     * Characters of schema text per node when estimating a table's size ({@link #expectedNodes}): the Gia Lai pack's
     * forms have a node per 34 characters, the 2,000 distinct forms of the synthetic catalogue one per 39.
     */
    static final int CHARS_PER_NODE = 32;
    /** The most nodes a table is sized for up front (a table of 2^21 slots, 16 MB); past it the table grows as it fills. */
    static final int MAX_EXPECTED = 1 << 20;

    private JsonNode[] nodes;
    private int[] hashes;
    private int size;
    /** The hash of the node the last {@link #share} call was given (equal nodes, equal hashes). */
    private int lastHash;

    /** A table for a few hundred nodes, growing as it fills. */
    SharedNodes() {
        this(0);
    }

    /**
     * A table sized for {@code expected} nodes without growing (at most {@value #MAX_EXPECTED}; it grows past that
     * as before). Sharing gives the same nodes whatever the size: a size only spares the rehashing of every node kept so
     * far each time the table doubles (issue 15, session 22: on the 2,000 distinct forms the table doubled nine
     * times to 2^19 slots, and these rehash loops, run before the JIT compiled them, were the largest single piece of
     * the forms section in the profile).
     */
    SharedNodes(int expected) {
        int length = 1 << 10;
        long want = 2L * Math.min(Math.max(expected, 0), MAX_EXPECTED); // at most half full, as grow() keeps it
        while (length < want) {
            length <<= 1;
        }
        nodes = new JsonNode[length];
        hashes = new int[length];
    }

    /** The nodes to size a table for, for schema texts of {@code chars} characters in all ({@link #CHARS_PER_NODE}). */
    static int expectedNodes(long chars) {
        return (int) Math.min(chars / CHARS_PER_NODE, MAX_EXPECTED);
    }

    /**
     * Nodes a copy of an earlier form adds to the table: a copy's tree is the earlier form's but for its root
     * {@code $id}, so only its root and that {@code $id} are new (the copied catalogue: 4,865 nodes kept for 2,000
     * forms copied from 15).
     */
    static final int NODES_PER_COPY = 2;

    /**
     * The nodes to size a table for: schema texts of {@code chars} characters that are not copies ({@link
     * #expectedNodes(long)}) and {@code copies} forms that are copies of earlier ones but for their {@code $id}
     * ({@link #NODES_PER_COPY} each); at most {@value #MAX_EXPECTED}.
     */
    static int expectedNodes(long chars, int copies) {
        return (int) Math.min((long) expectedNodes(chars) + (long) NODES_PER_COPY * Math.max(copies, 0), MAX_EXPECTED);
    }

    /** The table's slots (for tests). */
    int capacity() {
        return nodes.length;
    }

    /** Replaces {@code root}'s children by their canonical equals, in place; returns {@code root}'s own canonical node. */
    JsonNode share(JsonNode root) {
        int h;
        if (root instanceof ObjectNode o) {
            h = 1;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                JsonNode v = e.getValue();
                JsonNode c = share(v);
                if (c != v) {
                    e.setValue(c); // the same entry: keeps its position
                }
                h = (h * 31 + e.getKey().hashCode()) * 31 + lastHash;
            }
        } else if (root instanceof ArrayNode a) {
            h = 2;
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                JsonNode c = share(v);
                if (c != v) {
                    a.set(i, c);
                }
                h = h * 31 + lastHash;
            }
        } else {
            h = root.getClass().hashCode() * 31 + root.hashCode();
        }
        lastHash = h;
        return canonical(root, h);
    }

    /** The first node equal to {@code node} (children by identity) that this table has seen, {@code node} itself if none. */
    private JsonNode canonical(JsonNode node, int hash) {
        int mask = nodes.length - 1;
        for (int i = slot(hash, mask); ; i = (i + 1) & mask) {
            JsonNode n = nodes[i];
            if (n == null) {
                nodes[i] = node;
                hashes[i] = hash;
                if (++size * 2 > nodes.length) {
                    grow();
                }
                return node;
            }
            if (hashes[i] == hash && equalShallow(node, n)) {
                return n;
            }
        }
    }

    private static int slot(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
        JsonNode[] oldNodes = nodes;
        int[] oldHashes = hashes;
        nodes = new JsonNode[oldNodes.length * 2];
        hashes = new int[oldNodes.length * 2];
        int mask = nodes.length - 1;
        for (int j = 0; j < oldNodes.length; j++) {
            if (oldNodes[j] != null) {
                int i = slot(oldHashes[j], mask);
                while (nodes[i] != null) {
                    i = (i + 1) & mask;
                }
                nodes[i] = oldNodes[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    /** Equality of nodes whose children are already canonical: shallow, children by identity. */
    private static boolean equalShallow(JsonNode node, JsonNode other) {
        if (node.getClass() != other.getClass()) {
            return false;
        }
        if (node instanceof ObjectNode o) {
            ObjectNode p = (ObjectNode) other;
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
            ArrayNode b = (ArrayNode) other;
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
        return node.equals(other);
    }
}
