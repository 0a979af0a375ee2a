package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.spi.PackSection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seam for the calendar, fee and form modules: claimed files go to their section, problems come back. */
class PackSectionTest {
    @TempDir
    Path dir;

    /** A stand-in fee loader: counts the lines of each fees.csv, rejects a negative amount. */
    static final class FeeLines implements PackSection {
        @Override
        public String name() {
            return "fees";
        }

        @Override
        public boolean claims(String path) {
            return path.endsWith("/fees.csv");
        }

        @Override
        public Result load(Map<String, byte[]> files) {
            int lines = 0;
            List<PackProblem> problems = new java.util.ArrayList<>();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                String[] rows = new String(f.getValue(), StandardCharsets.UTF_8).split("\n");
                for (int i = 0; i < rows.length; i++) {
                    lines++;
                    if (rows[i].contains(",-")) {
                        problems.add(new PackProblem(f.getKey(), i + 1, rows[i].indexOf(",-") + 2, "FEE_NEGATIVE",
                                "Mức phí âm", "negative fee"));
                    }
                }
            }
            return new Result(lines, problems);
        }
    }

    @Test
    void load_sectionClaimsItsFiles_andItsValueServesWithThePack() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.001193/fees.csv"), "item,amount\nle-phi,0\n");
        try (Engine e = Motcua.engine().section(new FeeLines()).build()) {
            assertTrue(e.load(p).ok());
            assertEquals(2, e.section("fees", Integer.class).orElseThrow());
        }
    }

    @Test
    void load_sectionProblem_isReportedWithFileLineColumnAndBlocksTheLoad() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.001193/fees.csv"), "item,amount\nle-phi,-5\n");
        try (Engine e = Motcua.engine().section(new FeeLines()).build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            assertEquals("procedures/1.001193/fees.csv:2:8: [FEE_NEGATIVE] Mức phí âm", r.problems().get(0).toString());
        }
    }
}
