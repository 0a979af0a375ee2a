package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every example in docs/rule-authoring.md is a verbatim copy of a rule of a test pack whose cases run. */
class RuleAuthoringGuideTest {
    static final Path GUIDE = Path.of("../docs/rule-authoring.md");
    static final Path PACKS = Path.of("src/test/resources/packs");

    @Test
    void guide_examples_matchTheTestPacks() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- example: (\\S+) \"(.+?)\" -->\\n```drl\\n(.*?)\\n```", Pattern.DOTALL).matcher(guide);
        int n = 0;
        while (m.find()) {
            String file = Files.readString(PACKS.resolve(m.group(1)), StandardCharsets.UTF_8);
            int i = file.indexOf("rule \"" + m.group(2) + "\"");
            assertTrue(i >= 0, "no rule [" + m.group(2) + "] in " + m.group(1));
            int j = file.indexOf("\nend", i) + 4;
            assertEquals(file.substring(i, j), m.group(3), "example [" + m.group(2) + "] drifted from " + m.group(1));
            n++;
        }
        assertTrue(n >= 15, "expected every vocabulary example, found " + n);
        Matcher f = Pattern.compile("<!-- example-file: (\\S+) -->\\n```csv\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertTrue(f.find());
        assertEquals(Files.readString(PACKS.resolve(f.group(1)), StandardCharsets.UTF_8), f.group(2));
        Matcher y = Pattern.compile("<!-- example-yaml: (\\S+) -->\\n```yaml\\n(.*?)```", Pattern.DOTALL).matcher(guide);
        assertTrue(y.find(), "the guide teaches rules as YAML data with a real file");
        assertEquals(Files.readString(Path.of(y.group(1)), StandardCharsets.UTF_8), y.group(2));
    }

    /** Every key of rules.schema.json (what an analyst may write in rules.yaml) is explained in the guide. */
    @Test
    void guide_documentsEveryYamlRuleKey() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        String schema = Files.readString(Path.of("src/main/resources/io/github/motcua/rules/schema/rules.schema.json"),
                StandardCharsets.UTF_8);
        Matcher k = Pattern.compile("\"([^\"$]+)\": \\{").matcher(schema);
        int n = 0;
        while (k.find()) {
            String key = k.group(1);
            if (key.matches("rule|value|values|condition|message|ids|time|outcome|properties|items|\\$defs")) {
                continue;
            }
            assertTrue(guide.contains("`" + key) || guide.contains(key + ":"), "YAML key not documented: " + key);
            n++;
        }
        assertTrue(n >= 30, "found only " + n + " keys");
    }

    @Test
    void guide_documentsEveryAction() throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        for (String action : new String[] {"ineligible", "require", "requireOneOf", "optional", "waive", "extend",
            "pause", "replaceDeadline", "note", "addFee", "exempt", "reduce"}) {
            assertTrue(guide.contains("`" + action + "("), "action not documented: " + action);
        }
    }
}
