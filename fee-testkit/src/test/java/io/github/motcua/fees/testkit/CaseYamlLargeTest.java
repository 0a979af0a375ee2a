package io.github.motcua.fees.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.PackNode;
import io.github.motcua.kernel.PackReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Session 23's closing review named {@link CaseYaml} beside catalogue-import's layers as a Jackson YAML mapper with
 * snakeyaml-engine's 3 MiB code-point limit (issue 15 session 24). {@link CaseYaml} only writes YAML, and that limit is
 * a reading setting: a case past 3 MiB is written whole, and the kernel's reader (the limit lifted in session 23) reads
 * it back. Nothing was changed in {@link CaseYaml}; this test shows why, and fails if a limit on writing appears.
 */
class CaseYamlLargeTest {
    @Test
    void aCasePastThreeMebibytes_isWrittenWhole_andReadBackByTheKernel() {
        String name = "Hồ sơ rất dài ".repeat(300_000); // 4.2 M code points
        Map<String, Object> dossier = new LinkedHashMap<>();
        dossier.put("procedure", "2.000815");
        dossier.put("channel", "DESK");
        dossier.put("receivedAt", "2026-02-13T09:00:00+07:00");
        String yaml = CaseYaml.of(name, dossier, null, "một ca rất dài");
        assertTrue(yaml.codePointCount(0, yaml.length()) > 4 * 1024 * 1024, "past the parser's default limit");
        PackNode root = PackReader.yaml("cases/dai.yaml", yaml, PackReader.Limits.DEFAULT);
        PackNode c = root.list().get(0);
        assertEquals(name, c.get("name").text());
        assertEquals("2.000815", c.get("dossier").get("procedure").text());
    }
}
