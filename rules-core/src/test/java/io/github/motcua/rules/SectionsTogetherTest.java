package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.spi.PackSection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack's sections load at the same time as each other (on the calling thread and the engine's load threads):
 * each section's problems and warnings still come in the sections' order, whatever thread loaded which.
 */
class SectionsTogetherTest {
    @TempDir
    Path dir;

    /** Claims {@code extra/NAME.txt}; waits {@code millis}, then reports a problem and a warning at pack.yaml, or throws. */
    record Slow(String name, long millis, boolean fails) implements PackSection {
        @Override
        public boolean claims(String path) {
            return path.equals("extra/" + name + ".txt");
        }

        @Override
        public Result load(Map<String, byte[]> files) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fails) {
                throw new IllegalStateException("hỏng " + name);
            }
            String seen = new String(files.get("extra/" + name + ".txt"), StandardCharsets.UTF_8);
            return new Result(name, List.of(problem("problem of " + name + ": " + seen)), List.of(problem("warning of " + name)));
        }

        private static PackProblem problem(String text) {
            return new PackProblem("pack.yaml", 0, 0, "TEST_SECTION", text, text);
        }
    }

    private Engine engine(int threads, boolean problems) {
        EngineBuilder b = Motcua.engine().clock(TestPacks.CLOCK).compileThreads(threads);
        // the first is the slowest: a load thread may finish the later ones first
        b.section(new Slow("a", 60, !problems)).section(new Slow("b", 30, false)).section(new Slow("c", 0, !problems))
                .section(new Slow("d", 10, false));
        return b.build();
    }

    @Test
    void load_sectionsTogether_problemsInTheSectionsOrder_onOneThreadOrMany() {
        Path pack = TestPacks.copy("ho-tich", dir.resolve("pack"));
        for (String s : List.of("a", "b", "c", "d")) {
            TestPacks.write(pack.resolve("extra/" + s + ".txt"), "nội dung " + s);
        }
        for (boolean problems : new boolean[] {true, false}) {
            List<String> expected = null;
            for (int threads : new int[] {1, 4, 2, 1, 4}) {
                try (Engine e = engine(threads, problems)) {
                    LoadResult r = e.load(pack);
                    assertFalse(r.ok());
                    assertTrue(e.pack().isEmpty(), "never half-loaded");
                    List<String> seen = new ArrayList<>();
                    r.problems().forEach(p -> seen.add(p.code() + " " + p.messageEn()));
                    if (expected == null) {
                        expected = seen;
                        List<String> mine = seen.stream().filter(x -> x.startsWith("TEST_SECTION") || x.startsWith("SECTION_FAILED")).toList();
                        if (problems) {
                            assertEquals(List.of("TEST_SECTION problem of a: nội dung a", "TEST_SECTION problem of b: nội dung b",
                                    "TEST_SECTION problem of c: nội dung c", "TEST_SECTION problem of d: nội dung d"), mine);
                        } else {
                            // a failed section's problem is at its first file (extra/…), before pack.yaml
                            assertEquals(4, mine.size(), mine.toString());
                            assertTrue(mine.get(0).startsWith("SECTION_FAILED") && mine.get(0).contains("hỏng a"), mine.toString());
                            assertTrue(mine.get(1).startsWith("SECTION_FAILED") && mine.get(1).contains("hỏng c"), mine.toString());
                            assertEquals("TEST_SECTION problem of b: nội dung b", mine.get(2));
                            assertEquals("TEST_SECTION problem of d: nội dung d", mine.get(3));
                        }
                    } else {
                        assertEquals(expected, seen, threads + " threads");
                    }
                }
            }
        }
    }
}
