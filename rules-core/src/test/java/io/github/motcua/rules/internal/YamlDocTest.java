package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.PackProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * rules-core reads its YAML through the kernel's positioned reader ({@code YamlDoc} over
 * {@code PackNode}): the values and the reported line:col of every node are the ones rules-core's
 * former Jackson reading gave, for every YAML file of the test packs; the kernel's limits now apply.
 */
class YamlDocTest {
    /** How rules-core read YAML before: kept here only to prove that nothing an analyst sees moved. */
    private static final YAMLMapper FORMER = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static Map<String, int[]> formerPositions(String text) {
        Map<String, int[]> pos = new HashMap<>();
        try (JsonParser p = FORMER.createParser(text)) {
            p.nextToken();
            walk(p, "", pos);
        }
        return pos;
    }

    private static void walk(JsonParser p, String ptr, Map<String, int[]> pos) {
        TokenStreamLocation loc = p.currentTokenLocation();
        pos.putIfAbsent(ptr, new int[] {loc.getLineNr(), loc.getColumnNr()});
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String child = ptr + "/" + p.currentName().replace("~", "~0").replace("/", "~1");
                TokenStreamLocation k = p.currentTokenLocation();
                pos.put(child, new int[] {k.getLineNr(), k.getColumnNr()});
                p.nextToken();
                walk(p, child, pos);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, ptr + "/" + i++, pos);
            }
        }
    }

    private static void assertSameAsFormer(String file, String text) {
        List<PackProblem> problems = new ArrayList<>();
        YamlDoc doc = YamlDoc.parse(file, text, problems);
        assertNotNull(doc, file + " " + problems);
        JsonNode former = FORMER.readTree(text);
        assertEquals(former, doc.root(), file);
        Map<String, int[]> pos = formerPositions(text);
        assertEquals(pos.keySet(), doc.pointers(), file);
        for (Map.Entry<String, int[]> e : pos.entrySet()) {
            assertArrayEquals(e.getValue(), doc.position(e.getKey()), file + " " + e.getKey());
        }
    }

    @Test
    void everyYamlFileOfTheTestPacks_sameValuesAndPositionsAsTheFormerReading() throws IOException {
        int files = 0;
        for (Path root : List.of(Path.of("src/test/resources/packs"), Path.of("src/test/resources/analyst-errors"))) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".yaml"))::iterator) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    try {
                        FORMER.readTree(text);
                    } catch (RuntimeException malformed) {
                        continue; // the analysts' corpus of broken files: see the tests below
                    }
                    assertSameAsFormer(f.toString(), text);
                    files++;
                }
            }
        }
        assertTrue(files >= 20, "files compared: " + files);
    }

    @Test
    void scalarsOfEveryType_sameJsonValuesAsTheFormerReading() {
        assertSameAsFormer("x.yaml", String.join("\n",
                "int: 1", "negative: -7", "long: 12345678901", "big: 99999999999999999999999", "double: 1.5",
                "exp: 1e3", "inf: .inf", "yes: true", "no: False", "nothing: null", "tilde: ~", "quoted: \"12\"",
                "hex: 0x1F", "under: 1_000", "date: 2026-02-13", "vi: \"Giấy khai sinh\"",
                "folded: >", "  một dòng", "  nối tiếp", "list: [1, a, {b: 2}]", "empty: {}", "none: []",
                "\"a/b~c\": 1", ""));
    }

    @Test
    void aMappingEntry_isPlacedAtItsKey_aListItemAtItsValue() {
        YamlDoc doc = YamlDoc.parse("p.yaml", "a:\n  b: 1\nlist:\n  - x\n  -   id: y\n", new ArrayList<>());
        assertArrayEquals(new int[] {2, 3}, doc.position("/a/b"));
        assertArrayEquals(new int[] {4, 5}, doc.position("/list/0"));
        assertArrayEquals(new int[] {5, 7}, doc.position("/list/1"));
        assertArrayEquals(new int[] {2, 3}, doc.position("/a/b/missing/deeper"));
        assertEquals(3, doc.topLevelKeyLine("list"));
        assertEquals(0, doc.topLevelKeyLine("b"));
    }

    @Test
    void theAnalystsUsualSyntaxMistakes_keepTheirPlainWordsAndLines() throws IOException {
        PackProblem indent = only("analyst-errors/yaml-rule-indentation.rules.yaml");
        assertEquals("YAML_SYNTAX", indent.code());
        assertEquals(6, indent.line());
        assertEquals(4, indent.column());
        assertTrue(indent.messageVi().startsWith("Thụt lề sai: khóa ở dòng này không thẳng cột"), indent.messageVi());
        PackProblem colon = only("analyst-errors/yaml-rule-missing-colon.rules.yaml");
        assertEquals("YAML_SYNTAX", colon.code());
        assertEquals(5, colon.line());
        assertEquals(7, colon.column());
        assertTrue(colon.messageEn().startsWith("missing colon"), colon.messageEn());
    }

    private static PackProblem only(String resource) throws IOException {
        String text = Files.readString(Path.of("src/test/resources", resource), StandardCharsets.UTF_8);
        List<PackProblem> problems = new ArrayList<>();
        assertNull(YamlDoc.parse("f.yaml", text, problems));
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void theKernelsLimits_applyToEveryPackYaml() {
        List<PackProblem> problems = new ArrayList<>();
        assertNull(YamlDoc.parse("procedures/x/procedure.yaml", "a: &n 1\nb: *n\n", problems));
        assertEquals("YAML_ALIAS", problems.get(0).code());
        assertEquals(2, problems.get(0).line());

        problems.clear();
        assertNull(YamlDoc.parse("procedures/x/procedure.yaml", "a: 1\nb: 2\na: 3\n", problems));
        assertEquals("DUPLICATE_KEY", problems.get(0).code());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).messageEn().contains("[a]"), problems.get(0).messageEn());

        problems.clear();
        assertNull(YamlDoc.parse("procedures/x/procedure.yaml", "[".repeat(100) + "]".repeat(100), problems));
        assertEquals("TOO_DEEP", problems.get(0).code());

        problems.clear();
        assertNull(YamlDoc.parse("procedures/x/procedure.yaml", "a:\n\tb: 1\n", problems));
        assertEquals("YAML_SYNTAX", problems.get(0).code());
        assertEquals(2, problems.get(0).line());
        assertTrue(problems.get(0).messageEn().contains("tab"), problems.get(0).messageEn());
    }
}
