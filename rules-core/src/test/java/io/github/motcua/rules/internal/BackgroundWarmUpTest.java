package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.PrebuiltPack;
import io.github.motcua.rules.ReloadResult;
import io.github.motcua.rules.TestPacks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code EngineBuilder.backgroundWarmUp(false)}: after a prebuilt or lazy load nothing is prepared in the background; a
 * procedure is assembled (or checked and compiled) at its first decision and no other is, the decisions are those of an
 * engine that warms up, {@code compiled()} completes only when every procedure is ready, and a reload still compiles a
 * changed procedure before it swaps.
 */
class BackgroundWarmUpTest {
    static final String BIRTH = PrebuiltPackTest.BIRTH;
    static final String MARRIAGE = PrebuiltPackTest.MARRIAGE;
    static final List<String> BOTH = List.of("1.000894", "1.001193");

    @TempDir
    Path dir;
    Path pack;
    Path artifact;

    @BeforeEach
    void build() throws IOException {
        pack = TestPacks.copy("ho-tich", dir.resolve("pack"));
        artifact = dir.resolve("ho-tich.motcua");
        try (PrebuiltPack p = PrebuiltPack.compile(Motcua.engine().clock(PrebuiltPackTest.CLOCK), pack)) {
            p.load().orThrow();
            p.write(artifact);
        }
    }

    static DefaultEngine engine(boolean lazy, boolean warmUp) {
        return (DefaultEngine) Motcua.engine().clock(PrebuiltPackTest.CLOCK).lazyCompile(lazy).backgroundWarmUp(warmUp).build();
    }

    /** Loads {@code from} with the warm-up off: nothing is prepared until a decision asks, then only its procedure. */
    void onlyWhatIsDecided(DefaultEngine e, Path from) throws Exception {
        e.load(from).orThrow();
        assertEquals(BOTH, e.pending()); // no background work was queued: nothing runs to change this
        CompletableFuture<List<PackProblem>> compiled = e.compiled();
        assertFalse(compiled.isDone());
        e.decide(BIRTH);
        assertEquals(List.of("1.000894"), e.pending());
        assertFalse(compiled.isDone());
        assertFalse(e.compiled().isDone());
        e.decide(MARRIAGE);
        assertEquals(List.of(), e.pending());
        assertEquals(List.of(), compiled.get(60, TimeUnit.SECONDS)); // every procedure ready: it completes, truthfully
        assertEquals(List.of(), e.compiled().get(60, TimeUnit.SECONDS));
    }

    @Test
    void off_prebuiltLoad_assemblesAProcedureOnlyAtItsFirstDecision() throws Exception {
        try (DefaultEngine e = engine(false, false)) {
            onlyWhatIsDecided(e, artifact);
        }
        try (DefaultEngine e = engine(true, false)) {
            onlyWhatIsDecided(e, artifact);
        }
    }

    @Test
    void off_lazyFolderLoad_checksAndCompilesAProcedureOnlyAtItsFirstDecision() throws Exception {
        try (DefaultEngine e = engine(true, false)) {
            onlyWhatIsDecided(e, pack);
        }
    }

    @Test
    void on_prebuiltAndLazyLoads_prepareEveryProcedureInTheBackground() throws Exception {
        for (boolean lazy : new boolean[] {false, true}) {
            try (DefaultEngine e = engine(lazy, true)) {
                e.load(artifact).orThrow();
                assertEquals(List.of(), e.compiled().get(60, TimeUnit.SECONDS));
                assertEquals(List.of(), e.pending()); // with no decision asked
            }
        }
        try (DefaultEngine e = engine(true, true)) {
            e.load(pack).orThrow();
            assertEquals(List.of(), e.compiled().get(60, TimeUnit.SECONDS));
            assertEquals(List.of(), e.pending());
        }
    }

    @Test
    void eagerFolderLoad_leavesNothingToWarm_eitherWay() {
        try (DefaultEngine e = engine(false, false)) {
            e.load(pack).orThrow();
            assertEquals(List.of(), e.pending());
            assertTrue(e.compiled().isDone());
        }
    }

    @Test
    void decisions_sameWithTheWarmUpOnOrOff() throws Exception {
        for (Path from : List.of(artifact, pack)) {
            try (DefaultEngine on = engine(true, true); DefaultEngine off = engine(true, false)) {
                on.load(from).orThrow();
                off.load(from).orThrow();
                on.compiled().get(60, TimeUnit.SECONDS);
                for (String dossier : List.of(MARRIAGE, BIRTH, MARRIAGE)) {
                    assertEquals(on.decide(dossier).toJson(), off.decide(dossier).toJson(), from + " " + dossier);
                }
            }
        }
    }

    @Test
    void off_manyThreadsAskingAtOnce_allGetTheOneProcedure_andNoOther() throws Exception {
        try (DefaultEngine e = engine(false, false)) {
            e.load(artifact).orThrow();
            String expected;
            try (DefaultEngine reference = engine(false, true)) {
                reference.load(artifact).orThrow();
                expected = reference.decide(BIRTH).toJson();
            }
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    answers.add(threads.submit(() -> e.decide(BIRTH).toJson()));
                }
                for (Future<String> a : answers) {
                    assertEquals(expected, a.get(60, TimeUnit.SECONDS));
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(List.of("1.000894"), e.pending());
        }
    }

    @Test
    void off_reload_stillCompilesAChangedProcedureBeforeItSwaps_andRefusesABrokenEdit() throws Exception {
        try (DefaultEngine e = engine(true, false)) {
            e.load(pack).orThrow();
            String hash = e.pack().orElseThrow().sha256();
            Path broken = TestPacks.copy("ho-tich", dir.resolve("broken"));
            TestPacks.edit(broken.resolve("procedures/1.000894/rules.drl"), s -> s.replace("@basis(\"HNGD-2014-D8\")", ""));
            ReloadResult refused = e.reload(broken).get(120, TimeUnit.SECONDS);
            assertFalse(refused.swapped());
            assertTrue(refused.problems().stream().anyMatch(p -> p.code().equals("LINT_NO_BASIS")), refused.problems().toString());
            assertEquals(hash, e.pack().orElseThrow().sha256());
            assertEquals(BOTH, e.pending()); // the refused reload prepared nothing of the pack that serves
            Path edited = TestPacks.copy("ho-tich", dir.resolve("edited"));
            TestPacks.edit(edited.resolve("procedures/1.000894/rules.drl"), s -> s.replace("18", "16"));
            ReloadResult swapped = e.reload(edited).get(120, TimeUnit.SECONDS);
            assertTrue(swapped.swapped(), swapped.problems().toString());
            // the changed procedure was checked and compiled before the swap; the unchanged one still waits for a decision
            assertEquals(List.of("1.001193"), e.pending());
        }
    }

    @Test
    void off_close_completesCompiledWithWhatWasPrepared() {
        DefaultEngine e = engine(false, false);
        e.load(artifact).orThrow();
        e.decide(MARRIAGE);
        CompletableFuture<List<PackProblem>> compiled = e.compiled();
        assertFalse(compiled.isDone());
        e.close();
        assertEquals(List.of(), compiled.join());
    }
}
