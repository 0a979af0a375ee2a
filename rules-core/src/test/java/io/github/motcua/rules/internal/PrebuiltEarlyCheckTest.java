package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.PackProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, session 24: a prebuilt load works out each procedure's rule key and reads its rule headers on the thread that
 * read its folder ({@link PackLoader}'s {@code afterFolder}, {@link DefaultEngine.EarlyCheck}), while the calling thread
 * loads the forms section, instead of after the whole load. What it works out must be exactly what the load worked out
 * after it: the same key, the same rules, the same problems.
 */
class PrebuiltEarlyCheckTest {

    private record Seen(Map<LoadedPack.ProcedureSource, DefaultEngine.EarlyCheck> checks, List<Thread> threads,
            Map<LoadedPack.ProcedureSource, Map<String, LegalBasis>> bases) {
    }

    private static PackLoader.Loaded load(PackFiles files, List<PackProblem> problems, Seen seen, ExecutorService pool) {
        return PackLoader.load(files, BuiltInSections.all(), problems, null, pool, ProcedureReader.RuleChecks.SKIPPED, false,
                (ps, bases) -> {
                    DefaultEngine.EarlyCheck e = DefaultEngine.EarlyCheck.of(ps, bases);
                    synchronized (seen) {
                        assertNull(seen.checks().put(ps, e), "one call a folder");
                        seen.threads().add(Thread.currentThread());
                        seen.bases().put(ps, bases);
                    }
                });
    }

    private static Seen seen() {
        return new Seen(new IdentityHashMap<>(), new ArrayList<>(), new IdentityHashMap<>());
    }

    @Test
    void everyProcedureIsKeyedAndCheckedAsTheLoadWouldAfterIt() {
        List<PackProblem> problems = new ArrayList<>();
        PackFiles files = PackFiles.read(DataRulesTest.GIA_LAI, problems);
        Seen seen = seen();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            PackLoader.Loaded loaded = load(files, problems, seen, pool);
            assertTrue(problems.isEmpty(), problems::toString);
            Map<String, LoadedPack.ProcedureSource> procedures = loaded.pack().procedures();
            assertTrue(procedures.size() >= 30, "the Gia Lai pack's procedures: " + procedures.size());
            assertEquals(procedures.size(), seen.checks().size(), "every procedure folder, once");
            int withRules = 0;
            for (LoadedPack.ProcedureSource ps : procedures.values()) {
                DefaultEngine.EarlyCheck e = seen.checks().get(ps); // the very source the pack holds
                assertNotNull(e, ps.procedure().code());
                assertEquals(loaded.pack().bases(), seen.bases().get(ps), "the pack's legal bases");
                assertEquals(ProcedureCompiler.key(ps), e.key(), ps.procedure().code());
                List<PackProblem> late = new ArrayList<>();
                ProcedureCompiler.Checked c = ProcedureCompiler.check(ps, loaded.pack().bases(), late, false);
                assertTrue(late.isEmpty() && e.problems().isEmpty(), ps.procedure().code());
                assertNotNull(e.checked());
                withRules += e.checked().rules().isEmpty() ? 0 : 1;
                assertEquals(c.rules(), e.checked().rules(), ps.procedure().code());
            }
            assertTrue(withRules >= 10, "procedures with rules: " + withRules);
            // on the threads that read the folders: the load's own pool, or the calling thread taking a folder no load thread started
            for (Thread t : seen.threads()) {
                assertTrue(t.getName().startsWith("pool-") || t == Thread.currentThread(), t.getName());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDuplicateRuleGivesTheProblemTheLoadGaveAfterIt() {
        List<PackProblem> problems = new ArrayList<>();
        PackFiles base = PackFiles.read(DataRulesTest.GIA_LAI, problems);
        String path = "procedures/1.000894/rules.drl";
        String drl = new String(base.files().get(path), StandardCharsets.UTF_8);
        int second = drl.indexOf("rule \"Người yêu cầu là nữ chưa đủ 18 tuổi\"");
        assertTrue(second > 0);
        // the second rule renamed as the first: a duplicate rule name, which only the header check reports
        String twice = drl.substring(0, second) + "rule \"Người yêu cầu là nam chưa đủ 20 tuổi\""
                + drl.substring(second + "rule \"Người yêu cầu là nữ chưa đủ 18 tuổi\"".length());
        Map<String, byte[]> files = new TreeMap<>(base.files());
        files.put(path, twice.getBytes(StandardCharsets.UTF_8));
        Seen seen = seen();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            PackLoader.Loaded loaded = load(PackFiles.of("gia-lai", files), problems, seen, pool);
            assertTrue(problems.isEmpty(), "a prebuilt load's folder read does not check the headers: " + problems);
            LoadedPack.ProcedureSource ps = loaded.pack().procedures().get("1.000894");
            DefaultEngine.EarlyCheck e = seen.checks().get(ps);
            assertNotNull(e);
            List<PackProblem> late = new ArrayList<>();
            assertNull(ProcedureCompiler.check(ps, loaded.pack().bases(), late, false));
            assertEquals(1, late.size(), late::toString);
            assertEquals("DUPLICATE_RULE", late.get(0).code());
            assertNull(e.checked(), "refused, as the check after the load refuses it");
            assertEquals(late, List.copyOf(e.problems()));
            assertEquals(ProcedureCompiler.key(ps), e.key());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFolderWithAProblemIsNotChecked() {
        List<PackProblem> problems = new ArrayList<>();
        PackFiles base = PackFiles.read(DataRulesTest.GIA_LAI, problems);
        Map<String, byte[]> files = new TreeMap<>(base.files());
        String path = "procedures/1.000894/procedure.yaml";
        files.put(path, "code: [\n".getBytes(StandardCharsets.UTF_8)); // not YAML
        Seen seen = seen();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            PackLoader.Loaded loaded = load(PackFiles.of("gia-lai", files), problems, seen, pool);
            assertFalse(problems.isEmpty());
            assertTrue(problems.stream().anyMatch(p -> p.file().equals(path)), problems::toString);
            assertFalse(seen.checks().keySet().stream().anyMatch(ps -> ps.procedure().code().equals("1.000894")));
            assertFalse(seen.checks().isEmpty(), "the other folders are");
            assertSame(null, loaded.pack() == null ? null : loaded.pack().procedures().get("1.000894"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCheckThatThrowsIsLeftToTheLoad() {
        // a source whose rule texts cannot be read: no early check, so the procedure is checked after the load as before
        assertNull(DefaultEngine.EarlyCheck.of(new LoadedPack.ProcedureSource(null, "procedures/x", List.of()),
                Collections.emptyMap()));
    }
}
