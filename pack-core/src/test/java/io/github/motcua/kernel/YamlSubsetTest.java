package io.github.motcua.kernel;

import static io.github.motcua.kernel.SourceTree.repository;
import static io.github.motcua.kernel.SourceTree.yamlFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * {@link YamlSubset} against Jackson's path ({@link YamlTrees#readWithJackson}): for every text, either the subset
 * reader gives up, or both build the same tree — kinds, values, numbers' types, NFC keys and texts, lines and
 * columns of every node and key, pointers.
 */
class YamlSubsetTest {
    static final int DEPTH = PackReader.Limits.DEFAULT.maxDepth();

    /** What the Jackson path gives: its tree printed in full, or its problem. */
    static String jackson(String text, int maxDepth) {
        try {
            return dump(YamlTrees.readWithJackson("f.yaml", text, maxDepth));
        } catch (PackReadException e) {
            return "problem " + e.problem();
        }
    }

    /**
     * Checks one text: true when the subset reader read it (then its tree is Jackson's, and {@link YamlTrees#read}
     * gives that tree), false when it gave up (then {@link YamlTrees#read} gives exactly Jackson's outcome).
     */
    static boolean same(String text, int maxDepth) {
        PackNode fast = YamlSubset.read("f.yaml", text, maxDepth);
        String expected = jackson(text, maxDepth);
        String viaRead;
        try {
            viaRead = dump(YamlTrees.read("f.yaml", text, maxDepth));
        } catch (PackReadException e) {
            viaRead = "problem " + e.problem();
        }
        if (!expected.equals(viaRead)) {
            fail("read differs from the Jackson path for:\n" + text + "\n--- jackson:\n" + expected + "\n--- read:\n"
                    + viaRead);
        }
        if (fast == null) {
            return false;
        }
        String got = dump(fast);
        if (!expected.equals(got)) {
            fail("the subset reader differs from the Jackson path for:\n" + text + "\n--- jackson:\n" + expected
                    + "\n--- subset:\n" + got);
        }
        return true;
    }

    /** Every property of every node, one line a node, children in order. */
    static String dump(PackNode node) {
        StringBuilder b = new StringBuilder();
        dump(node, b);
        return b.toString();
    }

    private static void dump(PackNode node, StringBuilder b) {
        Number number = node.number();
        b.append(node.file()).append(' ').append(node.pointer()).append(' ').append(node.kind()).append(' ')
                .append(node.line()).append(':').append(node.column()).append(" key ").append(node.keyLine())
                .append(':').append(node.keyColumn()).append(" [").append(node.text()).append("] ")
                .append(number == null ? "-" : number.getClass().getSimpleName() + "=" + number).append(' ')
                .append(node.isTrue()).append('\n');
        if (node.isMap()) {
            for (Map.Entry<String, PackNode> e : node.map().entrySet()) {
                b.append("key [").append(e.getKey()).append("]\n");
                dump(e.getValue(), b);
            }
        } else if (node.isList()) {
            for (PackNode item : node.list()) {
                dump(item, b);
            }
        }
    }

    static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class RepositoryFiles {
        @Test
        void everyYamlFile_subsetReaderGivesUpOrBuildsJacksonsTree() {
            List<Path> files = yamlFiles();
            assertTrue(files.size() > 100, "found only " + files.size() + " YAML files");
            int read = 0;
            List<String> gaveUp = new ArrayList<>();
            for (Path f : files) {
                if (same(read(f), DEPTH)) {
                    read++;
                } else {
                    gaveUp.add(repository().relativize(f).toString());
                }
            }
            // the reader is only worth having if it reads the files packs are made of
            assertTrue(read >= files.size() * 9 / 10, "read " + read + " of " + files.size() + "; gave up on " + gaveUp);
        }

        @Test
        void examplePacks_subsetReaderReadsEveryProcedureAndRulesFile() {
            Path packs = repository().resolve("examples/packs");
            List<String> gaveUp = new ArrayList<>();
            int files = 0;
            for (Path f : yamlFiles()) {
                String name = f.getFileName().toString();
                if (f.startsWith(packs) && (name.equals("procedure.yaml") || name.equals("rules.yaml"))) {
                    files++;
                    if (YamlSubset.read("f.yaml", read(f), DEPTH) == null) {
                        gaveUp.add(repository().relativize(f).toString());
                    }
                }
            }
            assertTrue(files >= 20, "only " + files + " procedure/rules files under examples/packs");
            assertEquals(List.of(), gaveUp, "the subset reader gave up on pack files");
        }

        @Test
        void everyExamplePackFile_isReadBySubsetReader() {
            Path packs = repository().resolve("examples/packs");
            List<String> gaveUp = new ArrayList<>();
            for (Path f : yamlFiles()) {
                if (f.startsWith(packs) && YamlSubset.read("f.yaml", read(f), DEPTH) == null) {
                    gaveUp.add(repository().relativize(f).toString());
                }
            }
            assertEquals(List.of(), gaveUp, "the subset reader gave up on example pack files");
        }

        @Test
        void examplePackFilesWithWindowsLineEnds_readBySubsetReaderAsJacksonReadsThem() {
            Path packs = repository().resolve("examples/packs");
            List<String> gaveUp = new ArrayList<>();
            int files = 0;
            for (Path f : yamlFiles()) {
                if (f.startsWith(packs)) {
                    files++;
                    if (!same(read(f).replace("\n", "\r\n"), DEPTH)) {
                        gaveUp.add(repository().relativize(f).toString());
                    }
                }
            }
            assertTrue(files > 100, "only " + files + " pack files");
            assertEquals(List.of(), gaveUp, "the subset reader gave up on CRLF pack files");
        }

        @Test
        void librarysOwnYamlResources_readBySubsetReader() {
            List<String> gaveUp = new ArrayList<>();
            int files = 0;
            for (Path f : yamlFiles()) {
                if (f.toString().replace('\\', '/').contains("/src/main/resources/")) {
                    files++;
                    if (YamlSubset.read("f.yaml", read(f), DEPTH) == null) {
                        gaveUp.add(repository().relativize(f).toString());
                    }
                }
            }
            assertTrue(files >= 5, "only " + files + " YAML resources");
            assertEquals(List.of(), gaveUp, "the subset reader gave up on the library's own YAML");
        }

        /** What catalogue-import writes (Jackson's YAML writer as its {@code Layers} sets it up) is in the subset. */
        @Test
        void importWriterOutput_isReadBySubsetReaderAsJacksonReadsIt() {
            YAMLMapper writer = YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                    .disable(YAMLWriteFeature.SPLIT_LINES).build();
            YAMLMapper reader = YAMLMapper.builder().build();
            Path packs = repository().resolve("examples/packs");
            int files = 0;
            List<String> gaveUp = new ArrayList<>();
            for (Path f : yamlFiles()) {
                if (!f.startsWith(packs)) {
                    continue;
                }
                JsonNode tree = reader.readTree(read(f));
                String written = writer.writeValueAsString(tree);
                files++;
                if (!same(written, DEPTH)) {
                    gaveUp.add(repository().relativize(f).toString());
                }
            }
            assertTrue(files > 100, "only " + files + " pack files");
            assertEquals(List.of(), gaveUp, "the subset reader gave up on the YAML writer's output");
        }
    }

    @Nested
    class Generated {
        @Test
        void packLikeTexts_subsetReaderReadsEachAsJacksonDoes() {
            Random random = new Random(15);
            int read = 0;
            int total = 3000;
            for (int i = 0; i < total; i++) {
                if (same(new PackLikeYaml(random).document(), DEPTH)) {
                    read++;
                }
            }
            // the generator writes mostly the subset; some scalars (.inf, 19-digit numbers) make the reader give up
            assertTrue(read > total / 2, "read only " + read + " of " + total);
        }

        @Test
        void mutatedTexts_subsetReaderGivesUpOrReadsAsJacksonDoes() {
            Random random = new Random(2026);
            List<String> seeds = new ArrayList<>();
            for (Path f : yamlFiles()) {
                seeds.add(read(f));
            }
            for (int i = 0; i < 200; i++) {
                seeds.add(new PackLikeYaml(random).document());
            }
            int read = 0;
            int total = 0;
            for (int round = 0; round < 20; round++) {
                for (String seed : seeds) {
                    String text = Mutations.mutate(seed, random);
                    total++;
                    if (same(text, DEPTH)) {
                        read++;
                    }
                }
            }
            // a good share of mutations keep the text in the subset (so this compares trees, not only give-ups)
            assertTrue(read > total / 5, "read only " + read + " of " + total);
        }

        @Test
        void mutatedTexts_smallDepthLimit_subsetReaderGivesUpOrReadsAsJacksonDoes() {
            Random random = new Random(7);
            int read = 0;
            int total = 0;
            for (int i = 0; i < 600; i++) {
                String text = new PackLikeYaml(random).document();
                if (random.nextBoolean()) {
                    text = Mutations.mutate(text, random);
                }
                int depth = 1 + random.nextInt(4);
                total++;
                if (same(text, depth)) {
                    read++;
                }
            }
            assertTrue(read > total / 10, "read only " + read + " of " + total);
        }
    }

    @Nested
    class Scalars {
        private PackNode value(String yaml) {
            PackNode root = YamlSubset.read("f.yaml", "k: " + yaml + "\n", DEPTH);
            assertNotNull(root, "gave up on [" + yaml + "]");
            assertTrue(same("k: " + yaml + "\n", DEPTH));
            return root.get("k");
        }

        private void givesUp(String yaml) {
            String text = "k: " + yaml + "\n";
            assertNull(YamlSubset.read("f.yaml", text, DEPTH), "read [" + yaml + "]");
            assertTrue(!same(text, DEPTH));
        }

        @Test
        void yaml11Words_areText() {
            for (String w : List.of("yes", "no", "on", "off", "y", "n", "~", "True", "FALSE", "Null", "NULL")) {
                PackNode v = value(w);
                assertEquals(PackNode.Kind.TEXT, v.kind(), w);
                assertEquals(w, v.text());
            }
        }

        @Test
        void jsonSchemaWords_areTyped() {
            assertEquals(PackNode.Kind.BOOLEAN, value("true").kind());
            assertTrue(value("true").isTrue());
            assertEquals(PackNode.Kind.BOOLEAN, value("false").kind());
            assertEquals(PackNode.Kind.NULL, value("null").kind());
        }

        @Test
        void numbersJsonSchemaDoesNotTake_areText() {
            for (String w : List.of("0x1F", "1_000", "+1", "01", "00", "-01", "0o17", "0b101", ".5", "1.2.3",
                    "2024-01-01", "10:30", "1e", "1e+", "1,000", "NaN", "Infinity", "-x", "+")) {
                PackNode v = value(w);
                assertEquals(PackNode.Kind.TEXT, v.kind(), w);
                assertEquals(w, v.text());
            }
        }

        @Test
        void integers_haveJacksonsTypes() {
            assertEquals(Integer.valueOf(17), value("17").number());
            assertEquals(Integer.valueOf(0), value("-0").number());
            assertEquals("-0", value("-0").text());
            assertEquals(Integer.valueOf(Integer.MAX_VALUE), value("2147483647").number());
            assertEquals(Integer.valueOf(Integer.MIN_VALUE), value("-2147483648").number());
            assertEquals(Long.valueOf(2147483648L), value("2147483648").number());
            assertEquals(Long.valueOf(-2147483649L), value("-2147483649").number());
            assertEquals(Long.valueOf(123456789012345678L), value("123456789012345678").number());
        }

        @Test
        void floats_areDoubles() {
            assertEquals(Double.valueOf(1000.0), value("1e3").number());
            assertEquals(Double.valueOf(1.0), value("1.").number());
            assertEquals(Double.valueOf(-0.0), value("-0.0").number());
            assertEquals(Double.valueOf(0.0314), value("3.14e-2").number());
            assertEquals("3.14e-2", value("3.14e-2").text());
        }

        @Test
        void whatTheReaderIsNotSureOf_goesToJackson() {
            givesUp(".inf");
            givesUp("-.inf");
            givesUp(".nan");
            givesUp("-.5"); // text, but "-" then "." is not worth a rule
            givesUp("1234567890123456789"); // a long, past 18 digits
            givesUp("99999999999999999999"); // a BigInteger
            givesUp("");
            givesUp("&a x");
            givesUp("*a");
            givesUp("!!str 1");
            givesUp("|+\n  text\n");
            givesUp(">2\n   text\n");
            givesUp(">- # c\n  text\n");
            givesUp(">-\n  a\n\n  b\n"); // a blank line between
            givesUp(">-\n  a\n    b\n"); // a more indented line
            givesUp(">-\n  a \n  b\n"); // a trailing space
            assertNull(YamlSubset.read("f.yaml", "k: >-\n  a", DEPTH)); // no final line break
            assertTrue(!same("k: >-\n  a", DEPTH));
            givesUp("\"a\\u00e9\"");
            givesUp("\"two\n  lines\"");
            givesUp("plain\n  continued");
            givesUp("a: b");
        }

        @Test
        void quotedScalars_areTextWithEscapes() {
            assertEquals("a\"b\\c\nd\te/f", value("\"a\\\"b\\\\c\\nd\\te\\/f\"").text());
            assertEquals("it's", value("'it''s'").text());
            assertEquals("", value("''").text());
            assertEquals("17", value("\"17\"").text());
            assertEquals(PackNode.Kind.TEXT, value("\"true\"").kind());
        }

        @Test
        void simpleBlockScalars_foldedOrLiteral() {
            assertEquals("a b: c # d", value(">-\n  a\n  b: c # d\n").text());
            assertEquals("a b\n", value(">\n  a\n  b\n").text());
            assertEquals("a\nb\n", value("|\n  a\n  b\n\n").text());
            assertEquals("17", value("|-\n  17\n").text());
            assertEquals(PackNode.Kind.TEXT, value("|-\n  17\n").kind());
        }

        @Test
        void decomposedVietnamese_isNfc() {
            String nfd = Normalizer.normalize("Đăng ký đất đai", Normalizer.Form.NFD);
            PackNode root = YamlSubset.read("f.yaml", nfd + ": " + nfd + "\n", DEPTH);
            assertNotNull(root);
            assertEquals("Đăng ký đất đai", root.get("Đăng ký đất đai").text());
            assertTrue(same(nfd + ": " + nfd + "\n", DEPTH));
        }

        @Test
        void comments_endPlainScalarsOnlyAfterASpace() {
            assertEquals("a#b", value("a#b").text());
            assertEquals("a", value("a # b").text());
            assertEquals("a:b", value("a:b").text());
        }
    }

    @Nested
    class Structure {
        @Test
        void procedureShapes_readWithPositions() {
            String text = "# comment\ncode: \"1.0\"\nname: { vi: \"Tên\", en: Name }\nchannels: [DESK,\n   ONLINE]\n"
                    + "steps:\n  - id: a\n    budget: { amount: 1, unit: WORKING_DAYS }\n  - - x\n    - y\n"
                    + "list:\n- 1\n- two\nempty: []\nnone: {}\n";
            PackNode root = YamlSubset.read("f.yaml", text, DEPTH);
            assertNotNull(root);
            assertTrue(same(text, DEPTH));
            PackNode steps = root.get("steps");
            assertEquals(7, steps.line());
            assertEquals(3, steps.column());
            assertEquals(6, steps.keyLine());
            assertEquals(1, steps.keyColumn());
            assertEquals("/steps/0/budget/unit", steps.list().get(0).get("budget").get("unit").pointer());
            assertEquals(List.of("DESK", "ONLINE"),
                    root.get("channels").list().stream().map(PackNode::text).collect(Collectors.toList()));
        }

        @Test
        void problems_areJacksons() {
            // a duplicate key (also one only NFC makes equal), too deep, a tab, an alias: the subset reader gives up
            String nfd = Normalizer.normalize("Đất", Normalizer.Form.NFD);
            for (String text : List.of("id: a\nname: x\nid: b\n", "Đất: 1\n" + nfd + ": 2\n", "a:\n  b:\n    c: 1\n",
                    "a:\n\tb: 1\n", "a: &n 18\nb: *n\n", "a: [1, 2\nb: c\n", "", "# only\n", "a: b\n  c: d\n",
                    "a:\n  - x\n  y: 1\n", "a: b: c\n", "--- \na: 1\n", "a: 1\n---\nb: 2\n", "key\n",
                    "a:\r  b: 1\r", "a: 1\r\r\nb: 2\n", "a: 1\n b: 2\n")) {
                assertNull(YamlSubset.read("f.yaml", text, 2), text);
                assertTrue(!same(text, 2));
            }
            PackReadException e = org.junit.jupiter.api.Assertions.assertThrows(PackReadException.class,
                    () -> YamlTrees.read("f.yaml", "id: a\nname: x\nid: b\n", DEPTH));
            assertEquals(ProblemCode.DUPLICATE_KEY, e.problem().code());
            assertEquals(3, e.problem().line());
        }

        @Test
        void depthLimit_readUpToIt() {
            assertNotNull(YamlSubset.read("f.yaml", "a:\n  b: 1\n", 2));
            assertNull(YamlSubset.read("f.yaml", "a:\n  b: [1]\n", 2));
            assertTrue(!same("a:\n  b: [1]\n", 2));
            PackReadException e = org.junit.jupiter.api.Assertions.assertThrows(PackReadException.class,
                    () -> YamlTrees.read("f.yaml", "a:\n  b: [1]\n", 2));
            assertEquals(ProblemCode.TOO_DEEP, e.problem().code());
        }

        @Test
        void bigIntegerInJackson_isBigInteger() {
            // the reader leaves it to Jackson, whose number stays a BigInteger
            PackNode root = YamlTrees.read("f.yaml", "b: 99999999999999999999999\n", DEPTH);
            assertEquals(BigInteger.class, root.get("b").number().getClass());
        }
    }
}
