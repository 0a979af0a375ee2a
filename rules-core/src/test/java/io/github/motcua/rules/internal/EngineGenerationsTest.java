package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.TestPacks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DefaultEngine#generations()} counts the compiles of one engine's serving pack: what the tests that assert "this
 * load compiled nothing" or "exactly one procedure compiled" measure, so another engine compiling in the same JVM at the
 * same time (a background warm-up of an earlier test) cannot make them fail or pass.
 */
class EngineGenerationsTest {
    @TempDir
    Path dir;

    @Test
    void generations_countsThisEnginesCompiles_notAnotherEnginesMeanwhile() {
        Path data = TestPacks.copy("ho-tich", dir.resolve("data"));
        Path code = TestPacks.copy("ho-tich", dir.resolve("code"));
        // a second pair of parentheses around a whole constraint: outside the data subset, so 1.001193 compiles
        TestPacks.write(code.resolve("procedures/1.001193/extra.drl"), "rule \"Có a thì ghi chú\"\n  @basis(\"LHT-2014-D16\")\n"
                + "when\n  Form( ((has(\"a\"))) )\nthen\n  decision.note(\"x\");\nend\n");
        try (Engine mine = Motcua.engine().build(); Engine other = Motcua.engine().build()) {
            mine.load(data).orThrow();
            long jvm = RuleClasses.generations();
            other.load(code).orThrow(); // another engine compiles while this one serves
            assertTrue(RuleClasses.generations() > jvm, "the other engine compiled nothing");
            assertEquals(0, ((DefaultEngine) mine).generations(), "rules as data: nothing compiled by this engine");
            assertEquals(1, ((DefaultEngine) other).generations(), "one procedure of the other engine compiled");
        }
    }
}
