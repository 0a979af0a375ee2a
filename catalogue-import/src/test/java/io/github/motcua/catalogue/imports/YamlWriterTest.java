package io.github.motcua.catalogue.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The import's fast YAML writer gives the very bytes Jackson's YAML writer gives, on the real records. */
class YamlWriterTest {

    private static void same(JsonNode n) {
        String fast = YamlWriter.write(n);
        assertNotNull(fast, () -> "the fast writer should handle " + n);
        assertEquals(Layers.YAML.writeValueAsString(n), fast);
    }

    @Test
    void everyRealRecord_nationalAndProcedureYaml_sameBytesAsJackson() {
        List<ImportProblem> problems = new ArrayList<>();
        List<RecordInput> records = Records.read(List.of(ImportFixtures.records()), problems);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(21, records.size());
        RecordMapper mapper = new RecordMapper(Duration.ofMinutes(450));
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        for (RecordInput in : records) {
            RecordMapper.Mapped m = mapper.map(in);
            same(m.national());
            same(ProcedureYaml.build(m.national(), Layers.Province.NONE, Duration.ofMinutes(450)));
            all.add(m.national().get("source"));
        }
        same(all);
    }

    @Test
    void escapes_controlQuotesBackslashesLineSeparatorsAndAstralCharacters_sameBytesAsJackson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("text", "a \"quoted\" \\ back\tslash\r\nline \u0085 nel \u00a0 nbsp \u2028 \u2029 \u0007 \u001b \u0001 \u007f"
                + " \u009f \ufffe \ufeff bom \ud83d\ude00 emoji Tiếng Việt <script>alert(1)</script> : # - ? ' {}[]");
        o.put("empty", "");
        o.put("num", 6.25);
        o.put("big", new java.math.BigDecimal("6.250"));
        o.put("long", 9_223_372_036_854_775_807L);
        o.putNull("none");
        o.putObject("obj");
        o.putArray("arr");
        ObjectNode nested = o.putArray("items").addObject();
        nested.putArray("inner").add("x").addObject().put("k", true);
        nested.putObject("deep").putObject("deeper").put("v", false);
        same(o);
    }

    @Test
    void aKeyThatNeedsQuotingOrAnArrayInAnArray_isLeftToJackson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("on", "x");
        assertNull(YamlWriter.write(o));
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("a key", "x");
        assertNull(YamlWriter.write(p));
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        a.addArray().add(1);
        assertNull(YamlWriter.write(a));
        assertEquals(Layers.YAML.writeValueAsString(o), Layers.writeYaml(o));
    }
}
