package io.github.motcua.fees.testkit;

import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Prints a dossier and an observed fee as an analysts' case (cases/*.yaml, docs/pack-format.md
 * "Cases"), ready to paste into a pack once the expected values are corrected to the lawful ones.
 *
 * <p>Thread-safe: stateless.
 */
public final class CaseYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.MINIMIZE_QUOTES) // "2.000815" and "2026-02-13" must stay strings
            .build();

    private CaseYaml() {
    }

    /**
     * A one-case YAML list. The {@code expect.fees} block holds the <em>observed</em> amounts (a
     * comment says so): replace them with the lawful amounts before pasting.
     *
     * @param name     the case's sentence (Vietnamese first)
     * @param dossier  the dossier JSON shape
     * @param observed what the oracle returned, or {@code null} when it threw
     * @param comment  why this case was printed (one or more lines, without '#')
     */
    public static String of(String name, Map<String, Object> dossier, FeeAssessment observed, String comment) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("dossier", dossier);
        if (observed != null) {
            Map<String, Object> lines = new LinkedHashMap<>();
            for (FeeLine l : observed.lines()) {
                lines.merge(l.item(), l.amount().dong(), (a, b) -> (Long) a + (Long) b);
            }
            Map<String, Object> fees = new LinkedHashMap<>();
            fees.put("total", observed.total().dong());
            fees.put("lines", lines);
            c.put("expect", Map.of("fees", fees));
        }
        StringBuilder sb = new StringBuilder();
        for (String line : comment.split("\n")) {
            sb.append("# ").append(line).append('\n');
        }
        sb.append("# expect.fees = ").append(KitMessages.both("case.observed")).append('\n');
        sb.append(YAML.writeValueAsString(List.of(c)));
        return sb.toString();
    }
}
