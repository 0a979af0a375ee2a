package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.ReloadResult;
import io.github.motcua.rules.UnableToLoadPackException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The two compile modes: what a load reports, what a lazy engine serves, and how failures surface. */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class LazyCompileTest {
    static final String BROKEN = "procedures/1.000894/extra.drl";
    /** Passes the linter; only the Drools compiler sees that Form has no such method. */
    static final String TYPE_ERROR = "rule \"Sai kiểu\"\n  @basis(\"HNGD-2014-D8\")\nwhen\n  Form( khongCoPhuongThucNay(\"x\") == 1 )\n"
            + "then\n  decision.note(\"x\");\nend\n";
    static final String MARRIAGE = "{\"procedure\":\"1.000894\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\","
            + "\"form\":{\"chong\":{\"ngaySinh\":\"2006-03-03\"},\"vo\":{\"ngaySinh\":\"2000-01-01\"},\"haiBenCoMat\":true}}";

    @TempDir
    Path dir;

    @Test
    void load_eagerWithCompileOnlyError_refusesThePackNamingTheFile() {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.write(pack.resolve(BROKEN), TYPE_ERROR);
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(pack);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(BROKEN) && p.code().equals("DRL_COMPILE")),
                    r.problems().toString());
            assertTrue(e.pack().isEmpty());
        }
    }

    @Test
    void load_lazyWithCompileOnlyError_servesOtherProceduresAndSurfacesTheError() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.write(pack.resolve(BROKEN), TYPE_ERROR);
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            assertTrue(e.load(pack).ok());
            List<PackProblem> problems = e.compiled().get(60, TimeUnit.SECONDS);
            assertTrue(problems.stream().anyMatch(p -> p.file().equals(BROKEN) && p.code().equals("DRL_COMPILE")),
                    problems.toString());
            UnableToLoadPackException x = assertThrows(UnableToLoadPackException.class, () -> e.decide(MARRIAGE));
            assertTrue(x.problems().stream().anyMatch(p -> p.file().equals(BROKEN)), x.problems().toString());
            Decision birth = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            assertEquals(Eligibility.ELIGIBLE, birth.eligibility());
        }
    }

    static final String NO_BASIS = "rule \"Không căn cứ\"\nwhen\n  Form()\nthen\n  decision.note(\"x\");\nend\n";
    /** Fails the linter (the safety boundary): it must never reach the Drools compiler. */
    static final String EXIT = "rule \"Thoát\"\n  @basis(\"HNGD-2014-D8\")\nwhen\n  Form()\nthen\n  System.exit(3);\nend\n";

    @Test
    void load_eagerWithLintError_refusesThePack() {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.write(pack.resolve(BROKEN), NO_BASIS);
        try (Engine e = Motcua.engine().build()) {
            LoadResult r = e.load(pack);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(BROKEN) && p.code().equals("LINT_NO_BASIS")));
        }
    }

    @Test
    void load_lazyWithLintError_servesOtherProceduresNeverTheBrokenOne() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.write(pack.resolve(BROKEN), EXIT);
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            assertTrue(e.load(pack).ok());
            List<PackProblem> problems = e.compiled().get(60, TimeUnit.SECONDS);
            assertTrue(problems.stream().anyMatch(p -> p.file().equals(BROKEN) && p.code().equals("LINT_FORBIDDEN_NAME")),
                    problems.toString());
            UnableToLoadPackException x = assertThrows(UnableToLoadPackException.class, () -> e.decide(MARRIAGE));
            assertTrue(x.problems().stream().anyMatch(p -> p.file().equals(BROKEN) && p.code().equals("LINT_FORBIDDEN_NAME")),
                    x.problems().toString());
            assertEquals(Eligibility.ELIGIBLE, e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}")).eligibility());
        }
    }

    @Test
    void reload_lazyEngineWithLintErrorInEdit_refusesTheEditBeforeSwapping() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            String good = e.load(pack).orThrow().sha256();
            HardeningPacks.write(pack.resolve(BROKEN), NO_BASIS);
            ReloadResult r = e.reload(pack).get(60, TimeUnit.SECONDS);
            assertFalse(r.swapped());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(BROKEN) && p.code().equals("LINT_NO_BASIS")),
                    r.problems().toString());
            assertEquals(good, e.pack().orElseThrow().sha256());
            assertEquals(Eligibility.INELIGIBLE, e.decide(MARRIAGE).eligibility());
        }
    }

    @Test
    void reload_lazyEngineWithCompileOnlyErrorInEdit_refusesTheEditBeforeSwapping() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            String good = e.load(pack).orThrow().sha256();
            HardeningPacks.write(pack.resolve(BROKEN), TYPE_ERROR);
            ReloadResult r = e.reload(pack).get(60, TimeUnit.SECONDS);
            assertFalse(r.swapped());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(BROKEN)), r.problems().toString());
            assertEquals(good, e.pack().orElseThrow().sha256());
            assertEquals(Eligibility.INELIGIBLE, e.decide(MARRIAGE).eligibility());
        }
    }

    @Test
    void decide_lazyFirstDecisionFromManyThreads_allGetTheSameAnswer() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        try (Engine e = Motcua.engine().lazyCompile(true).compileThreads(1).build()) {
            e.load(pack).orThrow();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Callable<Decision>> jobs = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    jobs.add(() -> e.decide(MARRIAGE));
                }
                for (Future<Decision> f : pool.invokeAll(jobs)) {
                    Decision d = f.get(60, TimeUnit.SECONDS);
                    assertEquals(Eligibility.INELIGIBLE, d.eligibility());
                    assertFalse(d.reasons().isEmpty());
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(e.compiled().get(60, TimeUnit.SECONDS).isEmpty());
        }
    }

    @Test
    void reload_unchangedProcedureAfterBrokenOne_isServedAgainOnceFixed() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            e.load(pack).orThrow();
            HardeningPacks.write(pack.resolve(BROKEN), TYPE_ERROR);
            assertFalse(e.reload(pack).get(60, TimeUnit.SECONDS).swapped());
            java.nio.file.Files.delete(pack.resolve(BROKEN));
            ReloadResult r = e.reload(pack).get(60, TimeUnit.SECONDS);
            assertTrue(r.swapped(), r.problems().toString());
            assertEquals(Eligibility.INELIGIBLE, e.decide(MARRIAGE).eligibility());
        }
    }

    /** Valid JSON and a pack-internal schema; only the validator's compiler finds the broken pattern. */
    static final String FORM_COMPILE_ONLY_ERROR = "{\"type\": \"object\", \"properties\": {\"giayChungSinh\": "
            + "{\"type\": \"string\", \"pattern\": \"([\"}, \"nguoiLamChung\": {\"type\": \"string\"}, \"treEm\": {\"type\": \"object\"}}}";
    static final String BIRTH_FORM = "procedures/1.001193/form.schema.json";

    @Test
    void load_lazyWithFormThatDoesNotCompile_quarantinesThatProcedureOnly() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.write(pack.resolve(BIRTH_FORM), FORM_COMPILE_ONLY_ERROR);
        try (Engine eager = Motcua.engine().build()) {
            LoadResult r = eager.load(pack);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(BIRTH_FORM)), r.problems().toString());
        }
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            assertTrue(e.load(pack).ok());
            UnableToLoadPackException x = assertThrows(UnableToLoadPackException.class,
                    () -> e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}")));
            PackProblem formProblem = x.problems().stream().filter(p -> p.file().equals(BIRTH_FORM) && p.code().equals("FORMS"))
                    .findFirst().orElseThrow(() -> new AssertionError(x.problems().toString()));
            // "cannot load the e-forms" is worded once, by the engine, in each language (forms-core's detail follows)
            assertEquals(1, occurrences(formProblem.messageVi(), "Không nạp được tờ khai điện tử"), formProblem.messageVi());
            assertEquals(1, occurrences(formProblem.messageEn(), "annot load the e-form"), formProblem.messageEn());
            assertTrue(formProblem.messageVi().contains("[urn:") || formProblem.messageVi().contains("lược đồ")
                    || formProblem.messageVi().contains("Lược đồ"), formProblem.messageVi());
            assertEquals(Eligibility.INELIGIBLE, e.decide(MARRIAGE).eligibility());
            List<PackProblem> problems = e.compiled().get(60, TimeUnit.SECONDS);
            assertTrue(problems.stream().anyMatch(p -> p.file().equals(BIRTH_FORM)), problems.toString());
        }
    }

    @Test
    void reload_lazyEngineWithFormThatDoesNotCompile_refusesTheEditBeforeSwapping() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir);
        HardeningPacks.write(pack.resolve(BIRTH_FORM), "{\"type\": \"object\"}");
        try (Engine e = Motcua.engine().lazyCompile(true).build()) {
            String good = e.load(pack).orThrow().sha256();
            assertEquals(Eligibility.ELIGIBLE, e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}")).eligibility());
            HardeningPacks.write(pack.resolve(BIRTH_FORM), FORM_COMPILE_ONLY_ERROR);
            ReloadResult r = e.reload(pack).get(60, TimeUnit.SECONDS);
            assertFalse(r.swapped());
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(BIRTH_FORM)), r.problems().toString());
            assertEquals(good, e.pack().orElseThrow().sha256());
            assertEquals(Eligibility.ELIGIBLE, e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}")).eligibility());
        }
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
