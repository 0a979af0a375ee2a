package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A well-formed YAML text larger than snakeyaml-engine's default code-point limit (3 MiB) but within the pack's file-size
 * limit is read, not refused as a syntax mistake (session 23: it was refused as {@code YAML_SYNTAX}, "check the
 * indentation", at whatever line the parser's limit fell on). Only the file-size limit bounds a pack file's text.
 */
class YamlLargeTextTest {
    private static final int DEPTH = 64;

    /** A flow-style list (outside the subset reader, so Jackson's parser reads it) of {@code n} units. */
    private static String flowUnits(int n) {
        StringBuilder b = new StringBuilder(n * 48).append("units: [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ", ").append("{code: U").append(i).append(", name: \"Đơn vị số ").append(i).append("\"}");
        }
        return b.append("]\n").toString();
    }

    @Test
    void flowTextPastThreeMebibytes_readWhole() {
        String text = flowUnits(110_000);
        assertTrue(text.codePointCount(0, text.length()) > 3 * 1024 * 1024 + 100_000, "the text must pass the old limit");
        assertNull(YamlSubset.read("units.yaml", text, DEPTH), "the subset reader must leave this text to Jackson");
        PackNode root = YamlTrees.read("units.yaml", text, DEPTH);
        assertEquals(110_000, root.get("units").list().size());
        PackNode last = root.get("units").list().get(109_999);
        assertEquals("U109999", last.get("code").text());
        assertEquals("Đơn vị số 109999", last.get("name").text());
    }

    @Test
    void aRealMistakePastThreeMebibytes_stillItsPlace() {
        // the same text with its closing bracket missing: a syntax problem, and at the end, not at the old limit
        String text = flowUnits(110_000);
        String broken = text.substring(0, text.length() - 2) + "\n";
        PackReadException e = assertThrows(PackReadException.class, () -> YamlTrees.read("units.yaml", broken, DEPTH));
        assertEquals(ProblemCode.YAML_SYNTAX, e.problem().code());
        assertTrue(e.problem().line() >= 1 && e.problem().line() <= 2, "the place of the unclosed list: " + e.problem());
    }
}
