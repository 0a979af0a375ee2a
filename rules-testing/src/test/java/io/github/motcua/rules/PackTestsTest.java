package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.testing.PackTests;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PackTests never passes silently: a pack that does not load is one failing test naming the problems. */
class PackTestsTest {
    @TempDir
    Path dir;

    @Test
    void forPack_brokenPack_givesOneFailingTestListingProblems() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("pack.yaml"), s -> s.replace("id: ho-tich-test", "id: Hộ Tịch"));
        List<DynamicNode> nodes = PackTests.forPack(p).collect(Collectors.toList());
        assertEquals(1, nodes.size());
        AssertionError failure = null;
        try {
            ((DynamicTest) nodes.get(0)).getExecutable().execute();
        } catch (AssertionError ex) {
            failure = ex;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        assertFalse(failure == null, "a broken pack must fail");
        assertTrue(failure.getMessage().startsWith("pack.yaml:1:"), failure.getMessage());
    }
}
