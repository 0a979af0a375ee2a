package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.EngineBuilder;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReloadResult;
import io.github.motcua.rules.UnableToLoadPackException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lazyParse(true)}: a folder load that leaves each procedure folder's parse and checks to its first use or the
 * background. It must never serve a procedure from a folder the full load would refuse, report for a broken folder
 * exactly what the full load reports, refuse what it checks at load as the full load does, and decide alike.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class LazyParseTest {
    static final String MARRIAGE_YAML = "procedures/1.000894/procedure.yaml";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Engine strict() {
        return Motcua.engine().clock(CLOCK).build();
    }

    private static Engine lazy() {
        return lazy(Motcua.engine().clock(CLOCK));
    }

    private static Engine lazy(EngineBuilder b) {
        return b.lazyParse(true).build();
    }

    /** Problems as comparable text (file, line, column, code and both messages), in one order. */
    private static List<String> texts(List<PackProblem> problems) {
        return problems.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + " " + p.code() + " " + p.messageVi()
                + " | " + p.messageEn()).sorted().toList();
    }

    private static List<PackProblem> strictProblems(Path pack) {
        try (Engine e = strict()) {
            LoadResult r = e.load(pack);
            assertFalse(r.ok(), "the test's broken pack must be refused by the strict load");
            return r.problems();
        }
    }

    @Test
    void load_lazyParse_decidesCatalogueAndCasesLikeTheStrictLoad() {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        try (Engine s = strict(); Engine l = lazy()) {
            String sha = s.load(pack).orThrow().sha256();
            assertEquals(sha, l.load(pack).orThrow().sha256(), "the content hash of every file, at load");
            for (String d : List.of(LazyCompileTest.MARRIAGE, HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}"),
                    HardeningPacks.birth("{}"))) {
                assertEquals(s.decide(d).toJson(), l.decide(d).toJson());
            }
            assertEquals(s.catalog(), l.catalog());
            assertEquals(s.cases().stream().map(PackCase::name).toList(), l.cases().stream().map(PackCase::name).toList());
            for (PackCase c : s.cases()) {
                assertEquals(s.decide(c.dossier()).toJson(), l.decide(c.dossier()).toJson(), c.name());
            }
            assertEquals(s.rules("1.000894"), l.rules("1.000894"));
        }
    }

    @Test
    void load_lazyParseWithBrokenProcedureYaml_servesTheOthersAndQuarantinesItWithTheStrictProblems() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        // an unknown legal basis and a component without its quantity: two problems, with lines, in one folder
        HardeningPacks.edit(pack.resolve(MARRIAGE_YAML), t -> t.replace("legalBases: [LHT-2014-D18, HNGD-2014-D8]",
                "legalBases: [LHT-2014-D18, KHONG-CO-2099]"));
        List<PackProblem> expected = strictProblems(pack);
        assertTrue(expected.stream().allMatch(p -> p.file().startsWith("procedures/1.000894/")), expected.toString());
        try (Engine l = lazy()) {
            assertTrue(l.load(pack).ok(), "a procedure folder is not parsed by a lazy-parse load");
            assertEquals(Eligibility.ELIGIBLE, l.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}")).eligibility());
            UnableToLoadPackException x = assertThrows(UnableToLoadPackException.class, () -> l.decide(LazyCompileTest.MARRIAGE));
            assertEquals(texts(expected), texts(x.problems()));
            assertEquals(texts(expected), texts(l.compiled().get(60, TimeUnit.SECONDS)));
            // every call that needs the procedure refuses it; the catalogue leaves it out, never half-built
            assertThrows(UnableToLoadPackException.class, () -> l.feeTable("1.000894"));
            assertThrows(UnableToLoadPackException.class, () -> l.rules("1.000894"));
            assertEquals(List.of("1.001193"), l.catalog().stream().map(Procedure::code).toList());
            assertTrue(l.cases().stream().noneMatch(c -> c.dossier().procedure().equals("1.000894")));
        }
    }

    @Test
    void load_lazyParseWithBrokenCaseFile_quarantinesTheProcedure() {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.write(pack.resolve("procedures/1.001193/cases/hong.yaml"), "- name: [khong dong\n");
        List<PackProblem> expected = strictProblems(pack);
        try (Engine l = lazy()) {
            assertTrue(l.load(pack).ok());
            UnableToLoadPackException x = assertThrows(UnableToLoadPackException.class,
                    () -> l.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}")));
            assertEquals(texts(expected), texts(x.problems()));
            assertEquals(Eligibility.INELIGIBLE, l.decide(LazyCompileTest.MARRIAGE).eligibility());
        }
    }

    /** A case's receiving unit not in units.yaml (CASE_UNKNOWN_UNIT): a folder read lazily is checked as the strict load's. */
    @Test
    void load_lazyParseWithACaseAtAnUnknownUnit_quarantinesTheProcedureWithTheStrictProblem() {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.edit(pack.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                t -> t.replace("unit: \"52-phuong-pleiku\"", "unit: \"52-phuong-pleikuu\""));
        List<PackProblem> expected = strictProblems(pack);
        assertEquals(List.of("CASE_UNKNOWN_UNIT"), expected.stream().map(PackProblem::code).toList());
        try (Engine l = lazy()) {
            assertTrue(l.load(pack).ok());
            UnableToLoadPackException x = assertThrows(UnableToLoadPackException.class,
                    () -> l.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}")));
            assertEquals(texts(expected), texts(x.problems()));
        }
    }

    @Test
    void load_lazyParseWithBrokenPackWideFile_refusesLikeTheStrictLoad() {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.edit(pack.resolve("legal-bases/procedures.yaml"), t -> t.replaceFirst("act: ", "acte: "));
        List<PackProblem> expected = strictProblems(pack);
        try (Engine l = lazy()) {
            LoadResult r = l.load(pack);
            assertFalse(r.ok());
            assertEquals(texts(expected), texts(r.problems()));
            assertTrue(l.pack().isEmpty());
        }
    }

    @Test
    void load_lazyParseWithFoldersThatCannotBeProcedures_refusesLikeTheStrictLoad() {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.write(pack.resolve("procedures/_nhap/procedure.yaml"), "code: \"_nhap\"\n");
        HardeningPacks.write(pack.resolve("procedures/2.000001/rules.drl"), LazyCompileTest.NO_BASIS);
        List<PackProblem> expected = strictProblems(pack);
        assertTrue(expected.stream().anyMatch(p -> p.file().contains("2.000001")), expected.toString());
        try (Engine l = lazy()) {
            LoadResult r = l.load(pack);
            assertFalse(r.ok());
            assertEquals(texts(expected), texts(r.problems()));
        }
    }

    @Test
    void load_lazyParseWithOversizedFileInAFolder_refusesAtLoad() {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.writeBytes(pack.resolve("procedures/1.000894/ghi-chu.md"), new byte[9 * 1024 * 1024]);
        List<PackProblem> expected = strictProblems(pack);
        try (Engine l = lazy()) {
            LoadResult r = l.load(pack);
            assertFalse(r.ok(), "the read limits hold for every file at load");
            assertEquals(texts(expected), texts(r.problems()));
        }
    }

    @Test
    void decide_lazyParseFirstUseFromManyThreads_allGetTheStrictAnswer() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        String expected;
        try (Engine s = strict()) {
            s.load(pack).orThrow();
            expected = s.decide(LazyCompileTest.MARRIAGE).toJson();
        }
        try (Engine l = lazy(Motcua.engine().clock(CLOCK).backgroundWarmUp(false).compileThreads(1))) {
            l.load(pack).orThrow();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<String>> jobs = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    jobs.add(() -> l.decide(LazyCompileTest.MARRIAGE).toJson());
                }
                for (Future<String> f : pool.invokeAll(jobs)) {
                    assertEquals(expected, f.get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void compiled_lazyParseWithWarmUpOff_completesOnlyWhenEveryProcedureWasUsed() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.write(pack.resolve(LazyCompileTest.BROKEN), LazyCompileTest.TYPE_ERROR);
        try (Engine l = lazy(Motcua.engine().clock(CLOCK).backgroundWarmUp(false))) {
            l.load(pack).orThrow();
            CompletableFuture<List<PackProblem>> all = l.compiled();
            l.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            assertFalse(all.isDone(), "with the warm-up off, a procedure never used is not parsed");
            assertThrows(UnableToLoadPackException.class, () -> l.decide(LazyCompileTest.MARRIAGE));
            List<PackProblem> problems = all.get(60, TimeUnit.SECONDS);
            assertTrue(problems.stream().anyMatch(p -> p.file().equals(LazyCompileTest.BROKEN) && p.code().equals("DRL_COMPILE")),
                    problems.toString());
        }
    }

    @Test
    void compiled_lazyParseWithWarmUp_reportsEveryBrokenFolderWithoutAnyDecision() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.edit(pack.resolve(MARRIAGE_YAML), t -> t.replace("level: COMMUNE", "level: HAMLET"));
        List<PackProblem> expected = strictProblems(pack);
        try (Engine l = lazy()) {
            l.load(pack).orThrow();
            assertEquals(texts(expected), texts(l.compiled().get(60, TimeUnit.SECONDS)));
        }
    }

    @Test
    void load_prebuiltPackOnALazyParseEngine_isUnchanged() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir.resolve("src"));
        Path artifact = dir.resolve("ho-tich.motcua");
        try (io.github.motcua.rules.PrebuiltPack p = io.github.motcua.rules.PrebuiltPack.compile(pack)) {
            p.load().orThrow();
            p.write(artifact);
        }
        try (Engine s = strict(); Engine l = lazy()) {
            s.load(artifact).orThrow();
            l.load(artifact).orThrow();
            assertEquals(s.catalog(), l.catalog());
            assertEquals(s.decide(LazyCompileTest.MARRIAGE).toJson(), l.decide(LazyCompileTest.MARRIAGE).toJson());
            assertEquals(List.of(), l.compiled().get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void reload_afterLazyParseLoad_reusesTheUntouchedFoldersAndRechecksTheEdited() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        try (Engine l = lazy()) {
            l.load(pack).orThrow();
            assertEquals(Eligibility.INELIGIBLE, l.decide(LazyCompileTest.MARRIAGE).eligibility());
            Procedure birthBefore = l.catalog().get(1);
            Procedure marriageBefore = l.catalog().get(0);
            HardeningPacks.edit(pack.resolve(MARRIAGE_YAML), t -> t.replace("level: COMMUNE", "level: PROVINCE"));
            ReloadResult r = l.reload(pack).get(60, TimeUnit.SECONDS);
            assertTrue(r.swapped(), r.problems().toString());
            // the untouched folder's parsed procedure is the lazy load's own object: reused, not parsed again
            org.junit.jupiter.api.Assertions.assertSame(birthBefore, l.catalog().get(1));
            assertFalse(marriageBefore == l.catalog().get(0));
            assertEquals("PROVINCE", l.catalog().get(0).level().name());
            assertEquals(Eligibility.INELIGIBLE, l.decide(LazyCompileTest.MARRIAGE).eligibility());
        }
    }

    @Test
    void reload_lazyParseEngine_checksEveryFolderBeforeItSwaps() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        try (Engine l = lazy()) {
            String good = l.load(pack).orThrow().sha256();
            HardeningPacks.edit(pack.resolve(MARRIAGE_YAML), t -> t.replace("level: COMMUNE", "level: HAMLET"));
            List<PackProblem> expected = strictProblems(pack);
            ReloadResult r = l.reload(pack).get(60, TimeUnit.SECONDS);
            assertFalse(r.swapped(), "a reload stays all-or-nothing");
            assertEquals(texts(expected), texts(r.problems()));
            assertEquals(good, l.pack().orElseThrow().sha256());
            assertEquals(Eligibility.INELIGIBLE, l.decide(LazyCompileTest.MARRIAGE).eligibility());
            HardeningPacks.edit(pack.resolve(MARRIAGE_YAML), t -> t.replace("level: HAMLET", "level: PROVINCE"));
            ReloadResult fixed = l.reload(pack).get(60, TimeUnit.SECONDS);
            assertTrue(fixed.swapped(), fixed.problems().toString());
            assertEquals("PROVINCE", l.catalog().get(0).level().name());
        }
    }

    /**
     * A lazy load has not parsed any procedure.yaml, so it cannot tell an alias (mã cũ) from an unknown code: its
     * warnings leave out {@code UNKNOWN_PROCEDURE} (README "Compile modes"), and a reload of the same engine, which parses
     * every folder, gives the strict load's warnings. The alias must not be warned about by either.
     */
    @Test
    void warnings_lazyParseLoad_leaveOutUnknownProcedure_andReloadGivesTheStrictOnes() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.edit(pack.resolve("procedures/1.001193/procedure.yaml"),
                t -> t + "\naliases:\n  - { code: \"HT.KS.01\", note: \"mã cũ\" }\n");
        HardeningPacks.edit(pack.resolve("pack.yaml"), t -> t + "cutOffs:\n"
                + "  - { procedures: [\"1.000894\", \"HT.KS.01\", \"1.00119\"], at: \"16:00\", basis: LHT-2014-D5 }\n");
        List<PackProblem> strictWarnings;
        try (Engine s = strict()) {
            LoadResult r = s.load(pack);
            assertTrue(r.ok(), r.problems().toString());
            strictWarnings = r.warnings();
        }
        assertEquals(List.of("UNKNOWN_PROCEDURE"), strictWarnings.stream().map(PackProblem::code).toList());
        assertTrue(strictWarnings.get(0).messageEn().contains("1.00119"), strictWarnings.get(0).messageEn());
        try (Engine l = lazy()) {
            LoadResult r = l.load(pack);
            assertTrue(r.ok(), r.problems().toString());
            assertEquals(List.of(), r.warnings().stream().filter(w -> w.code().equals("UNKNOWN_PROCEDURE")).toList());
            ReloadResult again = l.reload(pack).get(60, TimeUnit.SECONDS);
            assertTrue(again.swapped(), again.problems().toString());
            assertEquals(texts(strictWarnings), texts(again.warnings()));
        }
    }
}
