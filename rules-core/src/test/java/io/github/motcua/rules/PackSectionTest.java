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

/**
 * The seam for modules that own files of a pack: claimed files go to their section, problems come
 * back, and a section never silently takes another's name or files.
 */
class PackSectionTest {
    @TempDir
    Path dir;

    /** A stand-in loader: counts the lines of the files it claims, rejects a negative amount. */
    static final class Lines implements PackSection {
        private final String name;
        private final String suffix;

        Lines(String name, String suffix) {
            this.name = name;
            this.suffix = suffix;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean claims(String path) {
            return path.endsWith(suffix);
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
                        problems.add(new PackProblem(f.getKey(), i + 1, rows[i].indexOf(",-") + 2, "AMOUNT_NEGATIVE",
                                "Số tiền âm", "negative amount"));
                    }
                }
            }
            return new Result(lines, problems);
        }
    }

    @Test
    void load_sectionClaimsItsFiles_andItsValueServesWithThePack() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("postage.csv"), "item,amount\nbuu-chinh,0\n");
        try (Engine e = Motcua.engine().section(new Lines("postage", "postage.csv")).build()) {
            assertTrue(e.load(p).ok());
            assertEquals(2, e.section("postage", Integer.class).orElseThrow());
        }
    }

    @Test
    void load_sectionProblem_isReportedWithFileLineColumnAndBlocksTheLoad() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("postage.csv"), "item,amount\nbuu-chinh,-5\n");
        try (Engine e = Motcua.engine().section(new Lines("postage", "postage.csv")).build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            assertEquals("postage.csv:2:11: [AMOUNT_NEGATIVE] Số tiền âm", r.problems().get(0).toString());
        }
    }

    @Test
    void load_sectionNamedLikeABuiltInOne_isAProblemNotASilentDropOfTheFees() {
        Path p = TestPacks.copy("ho-tich", dir);
        try (Engine e = Motcua.engine().section(new Lines("fees", "/fees.csv")).build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(x -> x.code().equals("DUPLICATE_SECTION")
                    && x.messageEn().contains("[fees]")), r.problems().toString());
        }
    }

    @Test
    void load_fileClaimedByTwoSections_isAProblemAtThatFile() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.001193/fees.csv"), "item,amount\nle-phi,0\n");
        try (Engine e = Motcua.engine().section(new Lines("fee-lines", "/fees.csv")).build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(x -> x.code().equals("SECTION_CLAIM_CONFLICT")
                    && x.file().equals("procedures/1.001193/fees.csv") && x.messageEn().contains("[fees] and [fee-lines]")),
                    r.problems().toString());
        }
    }

    @Test
    void load_sectionClaimingTheEnginesOwnFile_isAProblemAndTheRulesStillLoad() {
        Path p = TestPacks.copy("ho-tich", dir);
        try (Engine e = Motcua.engine().section(new Lines("rules-counter", ".drl")).build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(x -> x.code().equals("SECTION_CLAIM_CONFLICT")
                    && x.file().equals("procedures/1.001193/rules.drl") && x.messageEn().contains("[engine] and [rules-counter]")),
                    r.problems().toString());
        }
    }

    /**
     * Several sections claiming one file: the first claimer (a built-in section first) keeps it, each later one is a
     * conflict naming the first, in the sections' order; any claimer of a file the engine reads is a conflict with the
     * engine (session 20: the files are asked of every section in one pass instead of one pass a section).
     */
    @Test
    void load_fileClaimedBySeveralSections_eachLaterClaimerIsAConflictNamingTheFirst_inSectionOrder() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.001193/fees.csv"), "item,amount\nle-phi,0\n");
        try (Engine e = Motcua.engine().section(new Lines("csv-all", ".csv")).section(new Lines("fee-copy", "fees.csv"))
                .section(new Lines("drl", ".drl")).section(new Lines("drl-again", "rules.drl")).build()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            List<String> fees = r.problems().stream().filter(x -> x.code().equals("SECTION_CLAIM_CONFLICT")
                    && x.file().equals("procedures/1.001193/fees.csv")).map(PackProblem::messageEn).toList();
            assertEquals(2, fees.size(), fees.toString());
            assertTrue(fees.get(0).contains("[fees] and [csv-all]") && fees.get(1).contains("[fees] and [fee-copy]"), fees.toString());
            List<String> drl = r.problems().stream().filter(x -> x.code().equals("SECTION_CLAIM_CONFLICT")
                    && x.file().equals("procedures/1.001193/rules.drl")).map(PackProblem::messageEn).toList();
            assertEquals(2, drl.size(), drl.toString());
            assertTrue(drl.get(0).contains("[engine] and [drl]") && drl.get(1).contains("[engine] and [drl-again]"), drl.toString());
        }
    }
}
