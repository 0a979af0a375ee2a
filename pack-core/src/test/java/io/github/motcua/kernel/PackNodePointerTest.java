package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every node's JSON pointer, made only when asked for ({@link PointerPath}), is the RFC 6901 pointer of its place in
 * the file — worked out here independently, from the keys and indices on the way down — whichever reader built the
 * tree (the subset reader, Jackson's path, a stored tree) and in whatever order the pointers are asked for (a deep
 * node's before its parents', or the parents' first).
 */
class PackNodePointerTest {
    private static final PackReader.Limits LIMITS = PackReader.Limits.DEFAULT;

    /** RFC 6901: {@code ~} as {@code ~0}, then {@code /} as {@code ~1}; written out here, not the code under test's. */
    private static String segment(String key) {
        StringBuilder b = new StringBuilder();
        for (char c : key.toCharArray()) {
            b.append(c == '~' ? "~0" : c == '/' ? "~1" : String.valueOf(c));
        }
        return b.toString();
    }

    /** Each node with the pointer its place gives, parents before their children. */
    private static void expected(PackNode n, String pointer, List<PackNode> nodes, List<String> pointers) {
        nodes.add(n);
        pointers.add(pointer);
        for (Map.Entry<String, PackNode> e : n.map().entrySet()) {
            expected(e.getValue(), pointer + "/" + segment(e.getKey()), nodes, pointers);
        }
        for (int i = 0; i < n.list().size(); i++) {
            expected(n.list().get(i), pointer + "/" + i, nodes, pointers);
        }
    }

    /** Asks every node of {@code root} for its pointer, deepest last ({@code down}) or first, and compares. */
    private static int check(String what, PackNode root, boolean down) {
        List<PackNode> nodes = new ArrayList<>();
        List<String> pointers = new ArrayList<>();
        expected(root, "", nodes, pointers);
        for (int k = 0; k < nodes.size(); k++) {
            int i = down ? k : nodes.size() - 1 - k;
            assertEquals(pointers.get(i), nodes.get(i).pointer(), what + " " + nodes.get(i));
            assertEquals(pointers.get(i), nodes.get(i).pointer(), what + " (asked again) " + nodes.get(i));
        }
        return nodes.size();
    }

    @Test
    void pointer_everyNodeOfEveryRepositoryYaml_isItsPlaceInTheFile_whicheverReaderAndOrder() throws IOException {
        int files = 0;
        int nodes = 0;
        for (Path f : SourceTree.yamlFiles()) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (UncheckedIOException | IOException e) {
                continue; // a test resource that is not UTF-8 on purpose
            }
            String name = f.toString();
            PackNode subset = YamlSubset.read("f.yaml", text, LIMITS.maxDepth());
            PackNode jackson;
            try {
                jackson = YamlTrees.readWithJackson("f.yaml", text, LIMITS.maxDepth());
            } catch (PackReadException e) {
                continue; // a broken file on purpose: its problem's pointer is checked below and in PackReaderTest
            }
            files++;
            nodes += check(name + " (Jackson, parents first)", jackson, true);
            check(name + " (Jackson again, children first)", YamlTrees.readWithJackson("f.yaml", text, LIMITS.maxDepth()),
                    false);
            if (subset != null) {
                check(name + " (subset, children first)", subset, false);
                check(name + " (subset again, parents first)", YamlSubset.read("f.yaml", text, LIMITS.maxDepth()), true);
            }
            check(name + " (stored, children first)", PackTrees.read("f.yaml", PackTrees.write(jackson), LIMITS), false);
        }
        assertTrue(files > 100, "the repository's YAML files: " + files);
        assertTrue(nodes > 10_000, "their nodes: " + nodes);
    }

    @Test
    void pointer_keysThatAPointerEscapes_deepLists_rootScalar() {
        String yaml = """
                "a/b~c":
                  - [x, {"~1": {"/": [[deep]]}}]
                  - k: v
                plain: {q: [1, 2, {r: s}]}
                """;
        for (PackNode root : List.of(PackReader.yaml("f.yaml", yaml, LIMITS),
                YamlTrees.readWithJackson("f.yaml", yaml, LIMITS.maxDepth()))) {
            assertEquals("/a~1b~0c/0/1/~01/~1/0/0", root.get("a/b~c").list().get(0).list().get(1).get("~1").get("/")
                    .list().get(0).list().get(0).pointer());
            assertEquals("/a~1b~0c/0/1/~01", root.get("a/b~c").list().get(0).list().get(1).get("~1").pointer());
            assertEquals("/a~1b~0c", root.get("a/b~c").pointer());
            assertEquals("/plain/q/2/r", root.get("plain").get("q").list().get(2).get("r").pointer());
            assertEquals("", root.pointer());
            assertEquals("f.yaml:4:12 /plain/q", root.get("plain").get("q").toString());
        }
        assertEquals("", PackReader.yaml("f.yaml", "just text\n", LIMITS).pointer());
        assertEquals("", PackReader.yaml("f.yaml", "[1, 2]\n", LIMITS).pointer());
        assertEquals("/1", PackReader.yaml("f.yaml", "[1, 2]\n", LIMITS).list().get(1).pointer());
    }

    @Test
    void problems_atAMappingOrListPlace_keepTheirPointer() {
        // a duplicate key and a tree too deep are reported at their pointers, as before the pointers were made lazily
        PackReadException dup = org.junit.jupiter.api.Assertions.assertThrows(PackReadException.class,
                () -> PackReader.yaml("f.yaml", "a:\n  - b: 1\n    b: 2\n", LIMITS));
        assertEquals("/a/0/b", dup.problem().pointer());
        assertEquals(ProblemCode.DUPLICATE_KEY, dup.problem().code());
        PackReadException deep = org.junit.jupiter.api.Assertions.assertThrows(PackReadException.class,
                () -> PackReader.yaml("f.yaml", "a: {\"x/y\": [{c: 1}]}\n", new PackReader.Limits(1000, 10, 3)));
        assertEquals(ProblemCode.TOO_DEEP, deep.problem().code());
        assertEquals("/a/x~1y/0", deep.problem().pointer());
        PackReadException alias = org.junit.jupiter.api.Assertions.assertThrows(PackReadException.class,
                () -> PackReader.yaml("f.yaml", "a: &x 1\nb:\n  - *x\n", LIMITS));
        assertEquals(ProblemCode.YAML_ALIAS, alias.problem().code());
        assertEquals("/b/0", alias.problem().pointer());
    }
}
