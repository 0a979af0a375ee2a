package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link SharedNodes} sized up front (issue 15, session 22) shares exactly what the growing table shares: the same trees,
 * the same nodes made one object; and a table sized for its nodes never grows.
 */
class SharedNodesTest {

    /** A random schema-like tree whose parts repeat (drawn from a few names, types and titles). */
    private static JsonNode tree(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return switch (r.nextInt(5)) {
                case 0 -> PlainJson.NODES.stringNode(List.of("string", "integer", "date", "Họ và tên", "Ngày sinh").get(r.nextInt(5)));
                case 1 -> PlainJson.NODES.numberNode(r.nextInt(4));
                case 2 -> PlainJson.NODES.booleanNode(r.nextBoolean());
                case 3 -> PlainJson.NODES.nullNode();
                default -> PlainJson.NODES.stringNode("x" + r.nextInt(50));
            };
        }
        if (r.nextInt(3) == 0) {
            ArrayNode a = PlainJson.NODES.arrayNode();
            for (int i = r.nextInt(4); i > 0; i--) {
                a.add(tree(r, depth - 1));
            }
            return a;
        }
        ObjectNode o = PlainJson.NODES.objectNode();
        for (int i = r.nextInt(5); i > 0; i--) {
            o.set(List.of("type", "title", "format", "properties", "items", "enum").get(r.nextInt(6)), tree(r, depth - 1));
        }
        return o;
    }

    /** Every node of the trees in pre-order, each as the index of the first node of the walk that is the same object. */
    private static List<Integer> identities(List<JsonNode> roots) {
        List<Integer> out = new ArrayList<>();
        Map<JsonNode, Integer> first = new IdentityHashMap<>();
        for (JsonNode root : roots) {
            walk(root, first, out);
        }
        return out;
    }

    private static void walk(JsonNode n, Map<JsonNode, Integer> first, List<Integer> out) {
        out.add(first.computeIfAbsent(n, k -> out.size()));
        for (JsonNode c : n) {
            walk(c, first, out);
        }
    }

    private static List<JsonNode> shared(List<JsonNode> trees, SharedNodes table) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode t : trees) {
            JsonNode copy = t.deepCopy();
            table.share(copy);
            out.add(copy);
        }
        return out;
    }

    @Test
    void sizedUpFront_sharesWhatTheGrowingTableShares() {
        Random r = new Random(22);
        for (int round = 0; round < 40; round++) {
            List<JsonNode> trees = new ArrayList<>();
            for (int i = 1 + r.nextInt(30); i > 0; i--) {
                trees.add(tree(r, 2 + r.nextInt(6)));
            }
            List<JsonNode> growing = shared(trees, new SharedNodes());
            List<Integer> want = identities(growing);
            assertEquals(trees, growing, "sharing changes no tree");
            for (int expected : new int[] {0, 1, 100, 5_000, 1 << 22}) {
                List<JsonNode> sized = shared(trees, new SharedNodes(expected));
                assertEquals(trees, sized);
                assertEquals(want, identities(sized), "round " + round + ", sized for " + expected);
            }
            assertTrue(round > 0 || want.stream().distinct().count() < want.size(), "some node is shared");
        }
    }

    @Test
    void tableSizedForItsNodes_neverGrows_andTheSizeIsBounded() {
        int n = 20_000;
        SharedNodes table = new SharedNodes(n);
        int before = table.capacity();
        ArrayNode distinct = PlainJson.NODES.arrayNode();
        for (int i = 0; i < n - 1; i++) {
            distinct.add(PlainJson.NODES.stringNode("field" + i));
        }
        table.share(distinct); // n - 1 strings and the array: n distinct nodes
        assertEquals(before, table.capacity());
        SharedNodes growing = new SharedNodes();
        growing.share(distinct.deepCopy());
        assertTrue(growing.capacity() >= before, growing.capacity() + " against " + before);
        // the 2,000 distinct forms' 10,280,390 characters: a table of 2^20 slots, never more than 2^21 whatever the text
        assertEquals(1 << 20, new SharedNodes(SharedNodes.expectedNodes(10_280_390)).capacity());
        assertEquals(1 << 21, new SharedNodes(SharedNodes.expectedNodes(Long.MAX_VALUE)).capacity());
        assertEquals(1 << 10, new SharedNodes(SharedNodes.expectedNodes(0)).capacity());
    }
}
