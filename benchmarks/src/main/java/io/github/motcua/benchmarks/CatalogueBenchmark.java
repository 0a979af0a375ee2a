package io.github.motcua.benchmarks;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Cost of one decision with 10 versus 2,000 procedures of a synthetic catalogue built from the Gia
 * Lai pack ({@link CatalogueGenerator}) loaded: always the same procedure, and a skewed desk mix
 * (80 % of dossiers to the first 20 % of procedures). Every procedure is compiled and has decided
 * once before measuring; for the skewed mix the set-up then decides the whole mix at least 128 times over (524,288
 * decisions) and until the JIT is quiet, the same count on both sides ({@link Catalogue#warmUp}), so JMH measures both
 * in their steady state (session 23: without it the 10-procedure side was measured while still being compiled).
 * Results in docs/performance.md.
 *
 * <p>Run from the repository root (it reads {@code examples/packs/gia-lai}; override with
 * {@code -Dmotcua.reference=DIR}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CatalogueBenchmark {

    /** An engine with N synthetic procedures loaded and compiled. */
    @State(Scope.Benchmark)
    public static class Catalogue {
        @Param({"10", "2000"})
        public int procedures;

        /**
         * How many of the loaded procedures the skewed mix draws from (all when 0): the first {@code touched}
         * (CpuTimeHarness {@code catalogue:N/K}, to tell "many loaded" from "many decided"; not a JMH parameter).
         */
        int touched;
        /**
         * Whether the mix's 4,096 dossiers are ordered by procedure (the same decisions, each procedure's in a row:
         * CpuTimeHarness {@code catalogue:N/K/sorted}, to tell cold caches from anything else; not a JMH parameter).
         */
        boolean grouped;
        /**
         * Whether the mix draws evenly from the procedures it draws from instead of 80 % from their first fifth
         * (CpuTimeHarness {@code catalogue:N/14/uniform}: the first 14 procedures, one per template, drawn evenly, decide
         * the templates in the proportions the skewed mix over 2,000 does, over a working set of 14 procedures; not a JMH
         * parameter).
         */
        boolean uniform;
        /**
         * Whether each of the mix's 4,096 slots holds a dossier object of its own (a copy of its procedure's) instead
         * of the one dossier object per procedure that decided at set-up (default). With the default, the mix over 10
         * procedures cycles 10 dossier objects, always in the cache, and the mix over 2,000 about 940: the two sides
         * then differ in the dossiers' memory as well as in the number of procedures. {@code true} holds that equal
         * (4,096 dossier objects on both sides), so the ratio measures the procedures alone; a supplementary figure in
         * docs/performance.md, not the benchmark, which runs with the default.
         */
        @Param({"false"})
        public boolean distinctDossiers;
        /**
         * With {@link #distinctDossiers}: each slot's dossier object also has its own form strings, maps and lists and its
         * own procedure code string, as a dossier parsed from its own JSON would (the default copies share the reference
         * dossier's strings, so every copy of a template reads the same string objects). A supplementary control
         * (docs/performance.md "Session 15"), not the benchmark.
         */
        @Param({"false"})
        public boolean freshDossiers;

        /**
         * System property: the fewest rounds of the whole mix (4,096 decisions each) JMH's set-up decides for
         * {@code skewedMix} before JMH's own warm-up, {@value #MIN_WARM_ROUNDS} by default; 0 turns the set-up's warm-up
         * off (the benchmark as it was before session 23).
         */
        public static final String WARM_ROUNDS_PROPERTY = "motcua.catalogue.warmRounds";
        /**
         * Default of {@link #WARM_ROUNDS_PROPERTY}: 128 rounds, 524,288 decisions. Without it the mix over 10 procedures
         * was still being compiled 60–100 rounds after the set-up (session 23's per-round probe), where JMH's 3 × 2 s
         * warm-up ends after ≈ 35 rounds on an idle host.
         */
        public static final int MIN_WARM_ROUNDS = 128;
        /** Rounds in a row without a JIT compilation that end the set-up's warm-up once its minimum is done. */
        public static final int QUIET_ROUNDS = 8;
        /** The set-up's warm-up stops here whatever the JIT does (a bound on the set-up's time). */
        public static final int MAX_WARM_ROUNDS = 512;
        /** Rounds of the mix the set-up decided ({@link #warmUp}). */
        int warmRounds;
        Object sink;

        Engine engine;
        Dossier same;
        Dossier[] mixed;
        int next;

        /**
         * JMH's set-up: {@link #setUp()}, then for {@code skewedMix} the mix's warm-up ({@link #warmUp}, at least
         * {@value #MIN_WARM_ROUNDS} rounds or {@link #WARM_ROUNDS_PROPERTY}). {@code sameProcedure} gets none: it is
         * measured as before session 23 (JMH's own warm-up of one procedure after every procedure decided once).
         */
        @Setup(Level.Trial)
        public void setUpTrial(BenchmarkParams params) throws IOException {
            setUp();
            if (params.getBenchmark().endsWith(".skewedMix")) {
                long t0 = System.nanoTime();
                warmRounds = warmUp(Integer.getInteger(WARM_ROUNDS_PROPERTY, MIN_WARM_ROUNDS));
                System.out.printf(java.util.Locale.ROOT, "%nset-up: %d procedures; the mix decided %d times over (%d decisions,"
                        + " %.1f s) before JMH's warm-up%n", procedures, warmRounds, warmRounds * mixed.length,
                        (System.nanoTime() - t0) / 1e9);
            }
        }

        /** Loads the catalogue, decides every procedure once and draws the mix; no warm-up of the mix. */
        public void setUp() throws IOException {
            Path reference = Path.of(System.getProperty("motcua.reference", "examples/packs/gia-lai"));
            Path dir = Scratch.directory("motcua-catalogue");
            CatalogueGenerator.write(reference, dir, procedures);
            List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(reference);
            Map<String, Dossier> byTemplate = CatalogueScale.referenceDossiers(reference);
            engine = Motcua.engine().lazyCompile(true).build();
            // -Dmotcua.catalogue.prebuilt=DIR (CpuTimeHarness on a loaded machine only, never for the JMH figures):
            // the catalogue's prebuilt pack is kept in DIR and loaded by later runs instead of compiling it again
            String cache = System.getProperty("motcua.catalogue.prebuilt");
            if (cache != null) {
                Path artifact = Path.of(cache).resolve("catalogue-" + procedures + ".motcua");
                if (!Files.exists(artifact)) {
                    Files.createDirectories(artifact.getParent());
                    try (io.github.motcua.rules.PrebuiltPack p = io.github.motcua.rules.PrebuiltPack.compile(dir)) {
                        p.load().orThrow();
                        p.write(artifact);
                    }
                }
                engine.load(artifact).orThrow();
            } else {
                engine.load(dir).orThrow();
            }
            if (!engine.compiled().join().isEmpty()) {
                throw new IllegalStateException("synthetic catalogue does not compile");
            }
            Dossier[] each = new Dossier[procedures];
            for (int i = 0; i < procedures; i++) {
                each[i] = CatalogueScale.dossierFor(byTemplate, templates, i, Map.of());
                engine.decide(each[i]); // the first session of every KieBase sets up its network
            }
            // procedure 2 copies the same reference procedure whatever N is
            same = each[2];
            Random random = new Random(42);
            mixed = new Dossier[4096];
            int drawn = touched > 0 && touched < procedures ? touched : procedures;
            int hot = Math.max(1, drawn / 5);
            for (int i = 0; i < mixed.length; i++) {
                int p = uniform ? random.nextInt(drawn) : random.nextInt(10) < 8 ? random.nextInt(hot) : random.nextInt(drawn);
                mixed[i] = !distinctDossiers ? each[p]
                        : freshDossiers ? fresh(CatalogueScale.dossierFor(byTemplate, templates, p, Map.of()))
                        : CatalogueScale.dossierFor(byTemplate, templates, p, Map.of());
            }
            if (grouped) {
                java.util.Arrays.sort(mixed, java.util.Comparator.comparing(Dossier::procedure));
            }
        }

        /**
         * Decides the whole mix (its 4,096 dossiers, in the benchmark's order) round after round, at least
         * {@code minRounds} rounds, then until the JIT has compiled nothing for {@link #QUIET_ROUNDS} rounds in a row, at
         * most {@link #MAX_WARM_ROUNDS}; returns the rounds decided. A count, not a time: both sides of a comparison (10
         * and 2,000 procedures) reach the measurement after the same number of the mix's decisions whatever the host's
         * load, and with their compiled code settled (docs/performance.md "Session 23 — the skewed mix made quotable").
         * {@code minRounds} 0: none (the benchmark as it was before session 23).
         */
        int warmUp(int minRounds) {
            if (minRounds <= 0) {
                return 0;
            }
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
            long compiled = timed ? jit.getTotalCompilationTime() : 0;
            int quiet = 0;
            int rounds = 0;
            while (rounds < MAX_WARM_ROUNDS && (rounds < minRounds || timed && quiet < QUIET_ROUNDS)) {
                for (Dossier d : mixed) {
                    sink = engine.decide(d);
                }
                rounds++;
                long now = timed ? jit.getTotalCompilationTime() : 0;
                quiet = now == compiled ? quiet + 1 : 0;
                compiled = now;
            }
            return rounds;
        }

        /** A copy of {@code d} with its own form strings, maps and lists and its own procedure code string. */
        static Dossier fresh(Dossier d) {
            @SuppressWarnings("unchecked")
            Map<String, Object> form = (Map<String, Object>) freshValue(d.form());
            return Dossier.builder(new String(d.procedure()), d.channel(), d.receivedAt()).unit(d.unit()).asOf(d.asOf())
                    .applicant(d.applicant()).form(form).heldData(d.heldData()).excludedPeriods(d.excludedPeriods()).build();
        }

        private static Object freshValue(Object v) {
            if (v instanceof String s) {
                return new String(s);
            }
            if (v instanceof Map<?, ?> m) {
                Map<String, Object> out = new java.util.LinkedHashMap<>();
                m.forEach((k, x) -> out.put(new String((String) k), freshValue(x)));
                return out;
            }
            if (v instanceof List<?> l) {
                List<Object> out = new java.util.ArrayList<>();
                l.forEach(x -> out.add(freshValue(x)));
                return out;
            }
            return v;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
        }
    }

    @Benchmark
    public Decision sameProcedure(Catalogue c) {
        return c.engine.decide(c.same);
    }

    @Benchmark
    public Decision skewedMix(Catalogue c) {
        return c.engine.decide(c.mixed[c.next++ & (c.mixed.length - 1)]);
    }
}
