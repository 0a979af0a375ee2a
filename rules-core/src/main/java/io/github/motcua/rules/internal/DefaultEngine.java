package io.github.motcua.rules.internal;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.NoPackLoadedException;
import io.github.motcua.rules.NoSuchProcedureException;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import io.github.motcua.rules.ReloadResult;
import io.github.motcua.rules.spi.PackSection;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The engine: one serving pack behind an atomic reference. A load parses, lints and checks every
 * procedure, then compiles each into its own KieBase: all before serving (eager), or in the
 * background and on first use (lazy). KieBases are shared between pack versions by content key,
 * so a reload recompiles only the procedures whose rule texts changed, and compiles them before
 * the swap. Reloads run one at a time on their own thread and swap only when the new pack has no
 * problem. Thread-safe.
 */
public final class DefaultEngine implements Engine {
    /**
     * What serves decisions: the parsed pack and one slot per procedure. Immutable apart from the
     * slots' single-flight compile; one Serving is one complete pack version.
     */
    record Serving(LoadedPack pack, Map<String, Slot> slots,
            Map<String, io.github.motcua.rules.vocabulary.Unit> unitFacts, Map<String, Lazy> byKey,
            CompletableFuture<List<PackProblem>> warm, PackLoader.Memo memo, DeferredProcedures deferred) {
        Serving(LoadedPack pack, Map<String, Slot> slots, Map<String, io.github.motcua.rules.vocabulary.Unit> unitFacts,
                Map<String, Lazy> byKey, CompletableFuture<List<PackProblem>> warm, PackLoader.Memo memo) {
            this(pack, slots, unitFacts, byKey, warm, memo, null);
        }
    }

    /**
     * What a prebuilt load works out of a procedure on the thread that read its folder ({@link PackLoader}'s
     * {@code afterFolder}; issue 15, session 24): its rule key ({@link ProcedureCompiler#key}) and the check of its rule
     * headers a prebuilt procedure gets ({@link ProcedureCompiler#check} without lint), with the problems that check
     * made — exactly what {@code ruleKeys} and {@code Lazy.prepare} would work out after the load, which take it from
     * here instead. Worked out while the calling thread loads the forms section, so the load threads no longer do it
     * after the whole load while the calling thread waits.
     */
    record EarlyCheck(String key, ProcedureCompiler.Checked checked, List<PackProblem> problems) {
        /** Null when anything unexpected is thrown: the procedure is then keyed and checked after the load, as before. */
        static EarlyCheck of(LoadedPack.ProcedureSource src, Map<String, io.github.motcua.law.LegalBasis> bases) {
            try {
                String key = ProcedureCompiler.key(src);
                io.github.motcua.kernel.ProblemSink<PackProblem> found = ProblemCap.sink();
                ProcedureCompiler.Checked c = ProcedureCompiler.check(src, bases, found, false);
                return new EarlyCheck(key, c, found.isEmpty() ? List.of() : found);
            } catch (RuntimeException | StackOverflowError e) {
                return null; // prepare runs the check again and reports what it throws, at its place
            }
        }
    }

    /**
     * One procedure's checked and compiled rules, made at most once (single-flight: concurrent callers
     * wait for the one build): lint and rule metadata ({@link ProcedureCompiler#check}), then the
     * KieBase — taken from the previous pack version's {@code Lazy} with the same rule texts when that
     * one was built, else compiled. Thread-safe.
     */
    static final class Lazy {
        final LoadedPack.ProcedureSource src;
        /**
         * SHA-256 over the procedure code and its rule texts ({@link ProcedureCompiler#key}); null until {@link #key()}
         * first works it out, for a first load's procedures (only a later reload or a prebuilt build looks them up).
         */
        private volatile String key;
        private final Map<String, io.github.motcua.law.LegalBasis> bases;
        /** The pack's form registry when it has this procedure's form (compiled with the rules), else null. */
        private final io.github.motcua.forms.FormRegistry forms;
        private Lazy sameRules;
        /**
         * The classes of a prebuilt pack for these rules (verified again before use), else null; dropped
         * once they are defined.
         */
        private RuleClasses.Generated prebuilt;
        /** The prebuilt classes verified and linked while the pack files were parsed ({@link RuleClasses#early}), or null. */
        private CompletableFuture<RuleClasses.Early> early;
        /**
         * A prebuilt procedure checked, its classes verified, defined and linked at load ({@link #prepare}), but not
         * yet assembled into its KieBase: that happens at its first decision or in the background warm-up.
         */
        private boolean assemblyPending;
        /** The prebuilt classes defined and linked by {@link #prepare}, until {@link #get} assembles them. */
        private RuleClasses.Linked linked;
        /** Keep the generated classes after a compile (to write a prebuilt pack). */
        private final boolean keep;
        private RuleClasses.Generated generated;
        private volatile boolean done;
        /**
         * Completes once nothing is left for {@link #get} to do (checked and built, or assembled, or failed): what
         * {@link Engine#compiled()} waits for, whoever did the work (the warm-up, a decision, a load).
         */
        private final CompletableFuture<Void> ready = new CompletableFuture<>();
        /**
         * The procedure's network: its KieBase, or for rules as data that {@link DataEvaluator} decides, the evaluator
         * with a KieBase assembled only if a session is ever needed ({@link RuleNetwork}); null until built or on failure.
         */
        private RuleNetwork network;
        private Map<String, CompiledProcedure.RuleInfo> rules = Map.of();
        private List<PackProblem> problems = List.of();
        /** A prebuilt procedure's rule headers already read while its folder was ({@link EarlyCheck}), or null. */
        private EarlyCheck earlyCheck;

        private long generations;

        Lazy(LoadedPack.ProcedureSource src, Map<String, io.github.motcua.law.LegalBasis> bases,
                io.github.motcua.forms.FormRegistry forms, String key, Lazy sameRules) {
            this(src, bases, forms, key, sameRules, null, false);
        }

        Lazy(LoadedPack.ProcedureSource src, Map<String, io.github.motcua.law.LegalBasis> bases,
                io.github.motcua.forms.FormRegistry forms, String key, Lazy sameRules, RuleClasses.Generated prebuilt,
                boolean keep) {
            this.prebuilt = prebuilt;
            this.keep = keep;
            this.src = src;
            this.bases = bases;
            this.forms = forms != null && forms.hasForm(src.procedure().code()) ? forms : null;
            this.key = key;
            this.sameRules = sameRules;
        }

        /**
         * {@link #key}, worked out at the first call when the load left it (the same digest of the same immutable texts,
         * so two threads that race here store equal strings).
         */
        String key() {
            String k = key;
            if (k == null) {
                k = ProcedureCompiler.key(src);
                key = k;
            }
            return k;
        }

        boolean done() {
            return done;
        }

        /** Whether {@link #get} still has work to do: check and build, or assemble a prebuilt procedure. */
        synchronized boolean pending() {
            return !done || assemblyPending;
        }

        /**
         * Checks and builds on first call; the network, or null when it fails (see {@link #problems()}). A prebuilt
         * procedure's classes are assembled into its KieBase here; its rules as data, when {@link DataEvaluator} decides
         * them, only get their evaluator here (the KieBase waits for a need: {@link RuleNetwork}).
         */
        synchronized RuleNetwork get() {
            prepare();
            if (assemblyPending) {
                assemblyPending = false;
                try {
                    network = RuleClasses.network(linked);
                } catch (RuntimeException | LinkageError e) {
                    // classes verified and linked at load whose model Drools cannot assemble: quarantined like a failed compile
                    problems = List.of(Msg.problem(ProcedureCompiler.blame(src), 0, 0, "PREBUILT_REFUSED_CODE",
                            "load.prebuilt.assemblyFailed", "detail", io.github.motcua.kernel.Failures.describe(e)));
                    network = null;
                }
                linked = null;
            }
            ready.complete(null);
            return network;
        }

        /** {@link #ready}: completes when {@link #pending()} turns false. */
        CompletableFuture<Void> ready() {
            return ready;
        }

        /**
         * Checks on first call; builds the KieBase too, except for a prebuilt procedure, whose classes are
         * only verified here (every class, before anything of the pack serves) and defined by {@link #get}.
         */
        synchronized void prepare() {
            if (!done) {
                // bounded as made (issue 15 session 23): a procedure checked at its first use can make as many problems
                // as its rule texts have mistakes; at most ProblemCap.MAX kept, the rest counted and folded by the lists
                // that take this one (the load's, the warm-up's report) or rendered last for the refusal at first use
                io.github.motcua.kernel.ProblemSink<PackProblem> mine = ProblemCap.sink();
                long generatedBefore = RuleClasses.generationsOnThisThread();
                try {
                    compileForm(mine);
                    // a lazy load left these checks of the rule texts for now; a problem stops here, as it stops an eager load
                    List<PackProblem> deferred = src.deferred() == null ? List.of() : src.deferred().run(src);
                    mine.addAll(deferred);
                    // a prebuilt pack's rule texts were linted by its build and are never compiled: only their metadata is read
                    ProcedureCompiler.Checked c;
                    if (!deferred.isEmpty()) {
                        c = null;
                    } else if (earlyCheck != null) {
                        // read on the load thread that read the folder (a prebuilt pack): the same check, its problems
                        mine.addAll(earlyCheck.problems());
                        c = earlyCheck.checked();
                    } else {
                        c = ProcedureCompiler.check(src, bases, mine, prebuilt == null);
                    }
                    earlyCheck = null;
                    if (c != null && mine.isEmpty()) {
                        rules = c.rules();
                        RuleNetwork reused = sameRules == null ? null : sameRules.built();
                        if (reused != null) {
                            network = reused;
                        } else if (prebuilt != null) {
                            // a prebuilt pack: no compile, but its classes are verified again before any is defined,
                            // then defined and linked now, so one that would not link refuses the whole pack at load
                            RuleClasses.Early e = early == null ? null : early.join();
                            if (prebuilt.data() != null && !DataRules.sameRuleNames(prebuilt.data(), rules)) {
                                // a data entry stored under this procedure's key holds other rules than its texts name
                                mine.add(Msg.problem(ProcedureCompiler.blame(src), 0, 0, "PREBUILT_CORRUPT", "load.prebuilt.dataRuleNames",
                                        "code", src.procedure().code()));
                            } else if (e != null && e.linked() != null) {
                                linked = e.linked(); // verified and linked while the pack files were parsed
                                assemblyPending = true;
                            } else if (RuleClasses.verifiedPrebuilt(prebuilt, rules, ProcedureCompiler.blame(src), mine)) {
                                // verified again here when the early pass refused, so the problem names the rule
                                try {
                                    if (e != null && e.error() != null) {
                                        throw e.error();
                                    }
                                    linked = RuleClasses.link(prebuilt);
                                    assemblyPending = true;
                                } catch (LinkageError x) {
                                    mine.add(Msg.problem(ProcedureCompiler.blame(src), 0, 0, "PREBUILT_REFUSED_CODE",
                                            "load.prebuilt.assemblyFailed", "detail", io.github.motcua.kernel.Failures.describe(x)));
                                }
                            }
                            prebuilt = null; // defined now (or refused): the class files are not kept
                            early = null;
                        } else if (keep) {
                            generated = ProcedureCompiler.generate(c, mine);
                            network = generated == null ? null : RuleClasses.network(generated);
                        } else {
                            network = ProcedureCompiler.network(c, mine);
                        }
                    }
                } catch (RuntimeException | LinkageError e) {
                    mine.add(Msg.problem(ProcedureCompiler.blame(src), 0, 0, "DRL_COMPILE", "load.drl.compileFailure", "detail", io.github.motcua.kernel.Failures.describe(e)));
                } catch (StackOverflowError e) {
                    mine.add(ProcedureCompiler.tooDeep(ProcedureCompiler.blame(src)));
                }
                if (!mine.isEmpty()) {
                    network = null; // a problem anywhere (form, lint, compile): never served
                    assemblyPending = false;
                    prebuilt = null;
                    early = null;
                    linked = null;
                }
                problems = mine.isEmpty() ? List.of() : mine; // no thread adds to it any more: read-only from here
                generations = RuleClasses.generationsOnThisThread() - generatedBefore; // this thread ran the compile, if any
                sameRules = null; // let the previous version go
                for (LoadedPack.RuleText t : src.rules()) {
                    t.source().release(); // checked: the masked copies are not kept while the procedure serves
                }
                done = true;
                if (!assemblyPending) {
                    ready.complete(null);
                }
            }
        }

        /** A lazy form registry compiles this procedure's schema here, so a broken one quarantines it. */
        private void compileForm(List<PackProblem> mine) {
            if (forms != null) {
                try {
                    forms.compile(src.procedure().code());
                } catch (io.github.motcua.forms.FormsException e) {
                    mine.add(formProblem(e, src.procedure().code()));
                }
            }
        }

        /** The classes a compile generated, when the engine keeps them and it succeeded; else null. */
        synchronized RuleClasses.Generated generated() {
            return done && network != null ? generated : null;
        }

        /**
         * The network when already built without problems, else null; never compiles (a verified prebuilt
         * procedure is assembled now).
         */
        synchronized RuleNetwork built() {
            return !done ? null : assemblyPending ? get() : network;
        }

        /** Whether the procedure's KieBase exists now (never assembles it). */
        synchronized boolean hasKieBase() {
            return network != null && network.isAssembled();
        }

        synchronized Map<String, CompiledProcedure.RuleInfo> rules() {
            return rules;
        }

        /** How many times preparing this procedure generated and compiled rule classes (0: data, reused, prebuilt). */
        synchronized long generations() {
            return generations;
        }

        synchronized List<PackProblem> problems() {
            return problems;
        }
    }

    /** A procedure of one pack version: its catalogue entry and its shared checked and compiled rules. */
    static final class Slot {
        final Procedure procedure;
        final Lazy lazy;
        /** SHA-256 of the procedure folder's files and the legal bases: equal means lint need not run again. */
        private final Supplier<String> checkKey;
        private volatile CompiledProcedure compiled;

        Slot(Procedure procedure, Lazy lazy, String checkKey) {
            this(procedure, lazy, () -> checkKey);
        }

        /** A slot whose check key is worked out when first asked for (a first load's: {@link PackLoader.LaterKeys}). */
        Slot(Procedure procedure, Lazy lazy, Supplier<String> checkKey) {
            this.procedure = procedure;
            this.lazy = lazy;
            this.checkKey = checkKey;
        }

        /** SHA-256 of the procedure folder's files and the legal bases: equal means lint need not run again. */
        String checkKey() {
            return checkKey.get();
        }

        /**
         * Checks and compiles on first use (single-flight).
         *
         * @throws UnableToLoadPackException when its rules fail the linter or do not compile
         */
        CompiledProcedure compiled(String source, DefaultEngine engine) {
            CompiledProcedure cp = compiled;
            if (cp == null) {
                RuleNetwork n = lazy.pending() ? engine.inForeground(lazy::get) : lazy.get();
                if (n == null) {
                    // its kept problems by file, line and column, then the one counting those not kept
                    throw new io.github.motcua.rules.UnableToLoadPackException(source, ProblemCap.bounded(lazy.problems()));
                }
                cp = new CompiledProcedure(procedure, n, lazy.rules());
                compiled = cp;
            }
            return cp;
        }

        /** Whether no decision has yet made this slot's compiled procedure (its first decision is under way or to come). */
        boolean firstUse() {
            return compiled == null;
        }
    }

    /** A built pack or its problems. */
    record Built(Serving serving, List<PackProblem> problems, String source) {
    }

    private final Clock clock;
    private final int firingLimit;
    private final List<PackSection> sections;
    private final DecisionPipeline pipeline;
    private final boolean lazyCompile;
    /**
     * A folder load leaves each procedure folder's parse and checks to its first use or the background
     * ({@link io.github.motcua.rules.EngineBuilder#lazyParse}); implies {@link #lazyCompile}.
     */
    private final boolean lazyParse;
    /**
     * After a swap, prepare in the background every procedure not yet ready (check and compile, or assemble a prebuilt
     * one); false: each only at its first decision ({@link EngineBuilder#backgroundWarmUp}).
     */
    private final boolean backgroundWarmUp;
    /** Compiles keep their generated classes, so the serving pack can be written as a prebuilt pack. */
    private final boolean keepClasses;
    /** Background warm-up compiles; they wait at {@link #awaitForeground} while a load or reload runs. */
    private final ExecutorService compilePool;
    /** A load's or reload's own parallel work (parsing folders, linting, compiling what must be compiled). */
    private final ExecutorService foreground;
    /** {@link #foreground}, or the calling thread once the engine is closed. */
    private final java.util.concurrent.Executor loadPool;
    private final ExecutorService reloadThread;
    /** Loads and reloads under way; while positive, warm-up does not start another compile. */
    private final AtomicInteger foregroundBusy = new AtomicInteger();
    private final Object gate = new Object();
    private final AtomicReference<Serving> serving = new AtomicReference<>();

    public DefaultEngine(Clock clock, int firingLimit, int compileThreads, List<PackSection> sections) {
        this(clock, firingLimit, compileThreads, sections, false);
    }

    /**
     * @param lazyCompile false: {@code load} compiles every procedure before it returns (what
     *                    {@code check} needs); true: {@code load} parses, validates and lints
     *                    everything, swaps, then compiles in the background and on first use
     */
    public DefaultEngine(Clock clock, int firingLimit, int compileThreads, List<PackSection> sections,
            boolean lazyCompile) {
        this(clock, firingLimit, compileThreads, sections, lazyCompile, false);
    }

    /**
     * @param keepClasses true: every compile keeps the classes it generated, so the serving pack can
     *                    be written as a prebuilt pack ({@link PrebuiltPacks}); costs their memory
     */
    public DefaultEngine(Clock clock, int firingLimit, int compileThreads, List<PackSection> sections,
            boolean lazyCompile, boolean keepClasses) {
        this(clock, firingLimit, compileThreads, sections, lazyCompile, keepClasses, true);
    }

    /**
     * @param backgroundWarmUp true: after a load or reload swaps, the procedures not yet ready are checked and compiled
     *                         (a prebuilt pack's assembled) in the background; false: each at its first decision only
     */
    public DefaultEngine(Clock clock, int firingLimit, int compileThreads, List<PackSection> sections,
            boolean lazyCompile, boolean keepClasses, boolean backgroundWarmUp) {
        this(clock, firingLimit, compileThreads, sections, lazyCompile, keepClasses, backgroundWarmUp, false);
    }

    /**
     * @param lazyParse true: a folder {@code load} reads every file and checks the pack-wide files and the sections, then
     *                  serves, leaving each procedure folder's parse and checks to its first use or the background (see
     *                  {@link io.github.motcua.rules.EngineBuilder#lazyParse}); implies {@code lazyCompile}
     */
    public DefaultEngine(Clock clock, int firingLimit, int compileThreads, List<PackSection> sections,
            boolean lazyCompile, boolean keepClasses, boolean backgroundWarmUp, boolean lazyParse) {
        lazyCompile = lazyCompile || lazyParse;
        this.lazyParse = lazyParse;
        this.backgroundWarmUp = backgroundWarmUp;
        this.keepClasses = keepClasses;
        this.lazyCompile = lazyCompile;
        this.clock = clock;
        this.firingLimit = firingLimit;
        this.sections = withBuiltIns(sections, lazyCompile);
        this.pipeline = new DecisionPipeline(decisionSections(this.sections));
        this.compilePool = Executors.newFixedThreadPool(compileThreads, daemon("motcua-compile"));
        this.foreground = Executors.newFixedThreadPool(compileThreads, daemon("motcua-load"));
        this.loadPool = task -> {
            try {
                foreground.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                task.run(); // closed meanwhile: finish on this thread
            }
        };
        this.reloadThread = Executors.newSingleThreadExecutor(daemon("motcua-reload"));
    }

    /**
     * The built-in calendar, fee and form sections, then the registered ones. A registered section
     * never replaces a built-in one: the same name is a load problem (see {@link PackLoader}).
     */
    private static List<PackSection> withBuiltIns(List<PackSection> registered, boolean lazy) {
        List<PackSection> out = new ArrayList<>(BuiltInSections.all(lazy));
        out.addAll(registered);
        return List.copyOf(out);
    }

    private static List<io.github.motcua.rules.spi.DecisionSection<?>> decisionSections(List<PackSection> sections) {
        List<io.github.motcua.rules.spi.DecisionSection<?>> out = new ArrayList<>();
        for (PackSection s : sections) {
            if (s instanceof io.github.motcua.rules.spi.DecisionSection<?> d) {
                out.add(d);
            }
        }
        return out;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public LoadResult load(Path packDir) {
        Objects.requireNonNull(packDir, "packDir");
        return toLoadResult(build(() -> read(packDir), false));
    }

    /**
     * A pack folder, or a prebuilt pack file ({@link PrebuiltArchive}): its pack files and, third, its
     * classes by rule key. A refused artifact gives its one problem and no files.
     */
    private Object[] read(Path packDir) {
        List<PackProblem> problems = new ArrayList<>();
        if (java.nio.file.Files.isRegularFile(packDir)) {
            // data decoded on the load threads; the files' digests only for a reload (a first load's keys come later)
            PrebuiltArchive.Contents c = PrebuiltArchive.read(packDir, problems, loadPool, serving.get() != null);
            return c == null ? new Object[] {PackFiles.of(packDir.toString(), Map.of()), problems}
                    : new Object[] {c.files(), problems, c.byKey()};
        }
        return new Object[] {PackFiles.read(packDir, problems, loadPool), problems}; // one folder a task
    }

    @Override
    public LoadResult load(ClassLoader classLoader, String resourceRoot) {
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(resourceRoot, "resourceRoot");
        return toLoadResult(build(() -> {
            List<PackProblem> problems = new ArrayList<>();
            return new Object[] {PackFiles.read(classLoader, resourceRoot, problems), problems};
        }, false));
    }

    /** Loads an in-memory snapshot (tests and benchmarks). */
    public LoadResult load(PackFiles files) {
        return toLoadResult(build(() -> new Object[] {files, new ArrayList<PackProblem>()}, false));
    }

    /** Reloads an in-memory snapshot in the background (tests and benchmarks). */
    public CompletableFuture<ReloadResult> reload(PackFiles files) {
        return CompletableFuture.supplyAsync(
                () -> toReloadResult(build(() -> new Object[] {files, new ArrayList<PackProblem>()}, true)), reloadThread);
    }

    @Override
    public CompletableFuture<ReloadResult> reload(Path packDir) {
        Objects.requireNonNull(packDir, "packDir");
        return CompletableFuture.supplyAsync(() -> toReloadResult(build(() -> read(packDir), true)), reloadThread);
    }

    @Override
    public CompletableFuture<ReloadResult> reload(ClassLoader classLoader, String resourceRoot) {
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(resourceRoot, "resourceRoot");
        return CompletableFuture.supplyAsync(() -> toReloadResult(build(() -> {
            List<PackProblem> problems = new ArrayList<>();
            return new Object[] {PackFiles.read(classLoader, resourceRoot, problems), problems};
        }, true)), reloadThread);
    }

    private LoadResult toLoadResult(Built b) {
        if (b.serving() != null) {
            swap(b.serving());
            return new LoadResult(b.source(), Optional.of(b.serving().pack().info()), List.of(), b.serving().pack().warnings());
        }
        return new LoadResult(b.source(), Optional.empty(), b.problems());
    }

    private ReloadResult toReloadResult(Built b) {
        if (b.serving() != null) {
            swap(b.serving());
            return new ReloadResult(true, Optional.of(b.serving().pack().info()), List.of(), b.serving().pack().warnings());
        }
        Serving old = serving.get();
        return new ReloadResult(false, old == null ? Optional.empty() : Optional.of(old.pack().info()), b.problems());
    }

    /**
     * Makes {@code next} the serving pack, then warms its uncompiled procedures in the background (unless the
     * background warm-up is off: then each is prepared at its first decision). Its {@link #compiled()} completes when
     * every procedure is ready, whichever thread made it so.
     */
    private void swap(Serving next) {
        Serving old = serving.getAndSet(next);
        if (old != null && !backgroundWarmUp) {
            finishWarm(old); // swapped out: what it still waited for will not be prepared for it (as a skipped warm-up)
        }
        List<CompletableFuture<Void>> jobs = new ArrayList<>();
        if (next.deferred() != null) {
            warmDeferred(next, jobs);
        }
        // which procedures are not ready, asked before any warm-up task runs: a task holds its procedure's lock while it
        // prepares it, and asking behind a warm-up that has caught up (short tasks: making a data procedure's evaluator)
        // would hold this loop, and the load's return, to the warm-up's pace
        List<Slot> toWarm = new ArrayList<>();
        for (Slot slot : next.slots().values()) {
            if (!slot.lazy.pending()) {
                continue;
            }
            if (!backgroundWarmUp) {
                jobs.add(slot.lazy.ready()); // prepared by its first decision (or a later load that reuses it)
                continue;
            }
            toWarm.add(slot);
        }
        for (Slot slot : toWarm) {
            try {
                jobs.add(CompletableFuture.runAsync(() -> {
                    Serving now = serving.get();
                    // a pack swapped out meanwhile: warm only what the serving pack still uses
                    if (now == next || (now != null && now.byKey().get(slot.lazy.key()) == slot.lazy)) {
                        awaitForeground(); // a reload's edit compiles first, not behind 2,000 warm-ups
                        slot.lazy.get();
                    }
                }, compilePool));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                break; // closed: decisions compile on demand
            }
        }
        CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> finishWarm(next));
        if (next.memo() != null) {
            // a first load's reuse keys (only a later reload compares them): behind the warm-up on its threads, else
            // on a load thread now that the pack serves; a reload that comes first works them out itself
            next.memo().settle(backgroundWarmUp ? compilePool : foreground);
        }
        if (next.byKey() instanceof LaterByKey later) {
            later.settle(backgroundWarmUp ? compilePool : foreground); // the rule keys likewise
        }
    }

    /**
     * A lazy-parse pack's folders: each parsed and checked, then its rules checked and compiled, in the background on the
     * compile threads (yielding to loads, reloads and decisions that wait); with the warm-up off, each only at its first
     * use. Adds to {@code jobs} what {@link #compiled()} waits for.
     */
    private void warmDeferred(Serving next, List<CompletableFuture<Void>> jobs) {
        for (DeferredProcedures.Pending p : next.deferred().all()) {
            jobs.add(p.ready);
            if (!backgroundWarmUp) {
                continue;
            }
            try {
                compilePool.execute(() -> {
                    try {
                        if (serving.get() == next) { // a pack swapped out meanwhile is not prepared further
                            awaitForeground();
                            Slot slot = p.outcome(loadPool);
                            if (slot != null && serving.get() == next) {
                                awaitForeground();
                                slot.lazy.get();
                            }
                        }
                    } finally {
                        p.ready.complete(null); // done, or skipped as a swapped-out pack's warm-up is
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                break; // closed: first uses parse on demand
            }
        }
    }

    /** Completes {@code s}'s {@link #compiled()} future (once) with the problems of its procedures prepared so far. */
    private static void finishWarm(Serving s) {
        if (s.warm().isDone()) {
            return;
        }
        List<PackProblem> out = ProblemCap.sink(); // bounded as gathered; a folder's count folded
        if (s.deferred() != null) {
            out.addAll(s.deferred().problemsSoFar());
        }
        for (Slot slot : s.slots().values()) {
            if (slot.lazy.done()) {
                out.addAll(slot.lazy.problems());
            }
        }
        s.warm().complete(sorted(out));
    }

    /**
     * Reads, parses, lints and checks a pack; then compiles what must be compiled before it may
     * serve: everything ({@code lazyCompile} false), or on a reload the procedures whose rule texts
     * changed (so a reload never swaps in a compile error), or nothing on a lazy load. Procedures
     * byte-identical to the serving pack's reuse its KieBase.
     */
    private Built build(Supplier<Object[]> read, boolean isReload) {
        return inForeground(() -> buildNow(read, isReload));
    }

    /** A form schema that does not compile, at its file (the procedure's form when forms-core names none). */
    static PackProblem formProblem(io.github.motcua.forms.FormsException e, String procedureCode) {
        String file = e instanceof io.github.motcua.forms.UnableToLoadFormsException u && u.file() != null
                ? u.file() : "procedures/" + procedureCode + "/form.schema.json";
        // forms-core's detail in each language (its bundle); this message words "cannot load the e-forms" itself
        io.github.motcua.kernel.Problem d = e.detail();
        String vi = !(e instanceof io.github.motcua.forms.UnableToLoadFormsException) ? e.toProblem().messageVi()
                : d != null ? d.messageVi() : e.getMessage();
        // at the detail's line and column when forms-core knows them (a schema that is not JSON, a duplicate $id)
        return new PackProblem(file, d == null ? 0 : d.line(), d == null ? 0 : d.column(), "FORMS",
                Msg.vi("load.forms.formFailed", "detail", vi),
                Msg.en("load.forms.formFailed", "detail", e.getMessage()));
    }

    /** Runs {@code job} as foreground work: warm-up starts no compile meanwhile (a decision waits on it). */
    <T> T inForeground(Supplier<T> job) {
        foregroundBusy.incrementAndGet();
        try {
            return job.get();
        } finally {
            if (foregroundBusy.decrementAndGet() == 0) {
                synchronized (gate) {
                    gate.notifyAll();
                }
            }
        }
    }

    /** Waits while a load or reload is under way (warm-up yields the machine to it). */
    private void awaitForeground() {
        synchronized (gate) {
            while (foregroundBusy.get() > 0) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Built buildNow(Supplier<Object[]> read, boolean isReload) {
        Object[] r = read.get();
        PackFiles files = (PackFiles) r[0];
        List<PackProblem> problems = (List<PackProblem>) r[1];
        Map<String, RuleClasses.Generated> prebuilt = r.length > 2 ? (Map<String, RuleClasses.Generated>) r[2] : null;
        if (!problems.isEmpty()) {
            return new Built(null, ProblemCap.bounded(problems), files.source());
        }
        // the load's problems, bounded as they are made: at most ProblemCap.MAX kept, the rest counted (ProblemSink)
        problems = ProblemCap.sink();
        if (prebuilt == null && backgroundWarmUp) {
            // rules to compile: a cold compiler warms while the files are parsed (not when the embedder asked for no
            // background work: EngineBuilder.backgroundWarmUp(false))
            CompilerWarmUp.startFor(files);
        }
        java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            return buildNow(files, problems, prebuilt, isReload, prebuilt == null ? Map.of() : early(prebuilt, abandoned));
        } finally {
            abandoned.set(true); // what the build did not use is not linked any more
        }
    }

    /**
     * A prebuilt pack's classes verified, defined and linked on the load's threads, by rule key, starting now: while
     * the calling thread and the same threads read the pack files, so both cores work from the moment the artifact is
     * read. Queued before the folder reads and the procedures' checks, so a check that waits for its procedure's
     * result waits for a task already running. A task not yet started when the build ends does nothing.
     */
    private Map<String, CompletableFuture<RuleClasses.Early>> early(Map<String, RuleClasses.Generated> prebuilt,
            java.util.concurrent.atomic.AtomicBoolean abandoned) {
        Map<String, CompletableFuture<RuleClasses.Early>> out = new java.util.HashMap<>();
        for (Map.Entry<String, RuleClasses.Generated> e : new TreeMap<>(prebuilt).entrySet()) {
            RuleClasses.Generated g = e.getValue();
            out.put(e.getKey(), CompletableFuture.supplyAsync(
                    () -> abandoned.get() ? new RuleClasses.Early(null, null) : RuleClasses.early(g), loadPool));
        }
        return out;
    }

    private Built buildNow(PackFiles files, List<PackProblem> problems, Map<String, RuleClasses.Generated> prebuilt,
            boolean isReload, Map<String, CompletableFuture<RuleClasses.Early>> early) {
        LoadedPack pack;
        PackLoader.Memo memo;
        Map<String, String> checkKeys;
        boolean deferring = lazyParse && prebuilt == null && !isReload;
        // a prebuilt pack's procedures keyed and their rule headers read as each folder is read (EarlyCheck)
        Map<LoadedPack.ProcedureSource, EarlyCheck> earlyChecks = prebuilt == null ? null
                : java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
        // a lazy-parse pack serving now: every folder parsed and checked first, so a reload reuses what it can (a
        // lazy-parse load reuses nothing)
        Serving previous = deferring ? null : complete(serving.get());
        try {
            PackLoader.Loaded loaded = PackLoader.load(files, sections, problems, previous == null ? null : previous.memo(),
                    loadPool, prebuilt != null ? ProcedureReader.RuleChecks.SKIPPED
                            : lazyCompile ? ProcedureReader.RuleChecks.AT_FIRST_USE : ProcedureReader.RuleChecks.AT_LOAD,
                    deferring, earlyChecks == null ? null : (ps, bases) -> {
                        EarlyCheck e = EarlyCheck.of(ps, bases);
                        if (e != null) {
                            earlyChecks.put(ps, e);
                        }
                    });
            if (loaded.deferred() != null && loaded.pack() != null && problems.isEmpty()) {
                // a lazy-parse load: serves now; each folder is parsed and checked at its first use or in the background
                LoadedPack lp = loaded.pack();
                DeferredProcedures deferred = new DeferredProcedures(lp.info().id(), loaded.deferred(), lp.bases(),
                        lp.section(BuiltInSections.FORMS, io.github.motcua.forms.FormRegistry.class), loaded.checkKeys());
                return new Built(new Serving(lp, Map.of(), Evaluator.unitFacts(lp.units()), Map.of(), new CompletableFuture<>(), null,
                        deferred), List.of(), files.source());
            }
            pack = loaded.pack();
            memo = loaded.memo();
            checkKeys = loaded.checkKeys();
        } catch (RuntimeException e) {
            problems.add(Msg.problem(files.source(), 0, 0, "LOAD_FAILED", "load.pack.failed", "detail", io.github.motcua.kernel.Failures.describe(e)));
            return new Built(null, sorted(problems), files.source());
        }
        if (pack == null || !problems.isEmpty()) {
            return new Built(null, sorted(problems), files.source());
        }
        Serving old = previous;
        Map<String, Slot> slots = new TreeMap<>();
        Map<String, Lazy> byKey = new java.util.HashMap<>();
        List<Lazy> mustCompile = new ArrayList<>();
        java.util.Set<String> prebuiltUnused = prebuilt == null ? java.util.Set.of() : new java.util.HashSet<>(prebuilt.keySet());
        // a first load from files (nothing serving, nothing prebuilt) looks no rule key up: each procedure's is worked
        // out after the load, with the other reuse keys (LaterByKey), or when first asked for
        boolean keysLater = old == null && prebuilt == null;
        Map<LoadedPack.ProcedureSource, String> ruleKeys = keysLater ? Map.of()
                : ruleKeys(pack.procedures().values().stream().filter(ps -> {
                    Slot before = old == null ? null : old.slots().get(ps.procedure().code());
                    return prebuilt != null || before == null || !before.checkKey().equals(checkKeys.get(ps.procedure().code()));
                }).toList(), earlyChecks); // what the loop below asks for: not a procedure it takes unchanged from the serving pack
        List<Lazy> made = new ArrayList<>();
        for (LoadedPack.ProcedureSource ps : pack.procedures().values()) {
            String code = ps.procedure().code();
            Slot before = old == null ? null : old.slots().get(code);
            if (prebuilt != null) {
                String key = ruleKeys.get(ps);
                if (!prebuiltUnused.remove(key)) {
                    problems.add(Msg.problem(files.source(), 0, 0, "PREBUILT_ALTERED", "load.prebuilt.missingRules", "code", code));
                    continue;
                }
            }
            // a prebuilt pack's classes are always verified and used: what it holds is what serves
            if (prebuilt == null && before != null && before.checkKey().equals(checkKeys.get(code))) {
                // byte-identical folder and legal bases: same lint, same rules, same KieBase
                byKey.put(before.lazy.key(), before.lazy);
                slots.put(code, new Slot(ps.procedure(), before.lazy, before.checkKey()));
                if (before.lazy.done()) {
                    problems.addAll(before.lazy.problems());
                } else if (!lazyCompile) {
                    mustCompile.add(before.lazy);
                }
                continue;
            }
            String key = ruleKeys.get(ps);
            Lazy lazy = new Lazy(ps, pack.bases(), pack.section(BuiltInSections.FORMS, io.github.motcua.forms.FormRegistry.class), key,
                    old == null || prebuilt != null ? null : old.byKey().get(key), prebuilt == null ? null : prebuilt.get(key),
                    keepClasses);
            lazy.early = key == null ? null : early.get(key);
            lazy.earlyCheck = earlyChecks == null ? null : earlyChecks.get(ps);
            if (keysLater) {
                made.add(lazy);
            } else {
                byKey.put(key, lazy);
            }
            Map<String, String> keysNow = checkKeys; // a first load's: worked out after the load, when first compared
            slots.put(code, new Slot(ps.procedure(), lazy, () -> keysNow.get(code)));
            if (!lazyCompile || isReload || prebuilt != null) {
                mustCompile.add(lazy); // eager, or a reload's changed procedure: checked before it may serve
            }
        }
        if (!prebuiltUnused.isEmpty()) {
            problems.add(Msg.problem(files.source(), 0, 0, "PREBUILT_ALTERED", "load.prebuilt.strayRules"));
        }
        if (!problems.isEmpty()) {
            return new Built(null, sorted(problems), files.source());
        }
        // a prebuilt pack's procedures are checked and verified here, and assembled at first use or by the warm-up
        CompletableFuture.allOf(mustCompile.stream().map(l -> CompletableFuture.runAsync(prebuilt != null ? l::prepare : l::get, loadPool))
                .toArray(CompletableFuture[]::new)).join(); // Lazy.get reports its own failures
        for (Lazy l : mustCompile) {
            problems.addAll(l.problems());
        }
        io.github.motcua.forms.FormRegistry forms = pack.section(BuiltInSections.FORMS, io.github.motcua.forms.FormRegistry.class);
        if (lazyCompile && isReload && forms != null && (old == null || forms != old.pack().section(BuiltInSections.FORMS, io.github.motcua.forms.FormRegistry.class))) {
            // a changed form rebuilt the registry: unchanged procedures' forms must compile in it too
            for (String id : forms.formIds()) {
                try {
                    forms.compile(id);
                } catch (io.github.motcua.forms.FormsException e) {
                    problems.add(formProblem(e, id));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Built(null, sorted(problems), files.source());
        }
        // in code order as before, found by hash: a sorted map's look-up walks ~11 nodes of 2,000 (a cache miss each)
        return new Built(new Serving(pack, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(slots)),
                Evaluator.unitFacts(pack.units()), keysLater ? new LaterByKey(made) : java.util.Collections.unmodifiableMap(byKey),
                new CompletableFuture<>(), memo), List.of(), files.source());
    }

    /**
     * A first load's procedures by rule key ({@link Serving#byKey}), worked out at the first look-up or by {@link #settle}
     * after the pack serves: only a later reload (reusing a KieBase built from the same rule texts), a warm-up task of a
     * pack swapped out meanwhile and a prebuilt build look procedures up by key, and a fresh JVM's load digested every
     * rule text (≈ 0.1 s of CPU for 2,000 procedures) before the JIT had compiled SHA-256. Thread-safe; unmodifiable.
     */
    static final class LaterByKey extends java.util.AbstractMap<String, Lazy> {
        private List<Lazy> lazies;
        private volatile Map<String, Lazy> map;

        LaterByKey(List<Lazy> lazies) {
            this.lazies = List.copyOf(lazies);
        }

        private Map<String, Lazy> map() {
            Map<String, Lazy> m = map;
            if (m == null) {
                synchronized (this) {
                    m = map;
                    if (m == null) {
                        Map<String, Lazy> out = new java.util.HashMap<>();
                        for (Lazy l : lazies) {
                            out.put(l.key(), l);
                        }
                        m = java.util.Collections.unmodifiableMap(out);
                        map = m;
                        lazies = null;
                    }
                }
            }
            return m;
        }

        /** Queues the keys' work on {@code executor} (a closed one leaves it to the first look-up). */
        void settle(java.util.concurrent.Executor executor) {
            if (map != null) {
                return;
            }
            try {
                executor.execute(this::map);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed: the first look-up works them out
            }
        }

        @Override
        public Lazy get(Object key) {
            return map().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map().containsKey(key);
        }

        @Override
        public java.util.Set<Map.Entry<String, Lazy>> entrySet() {
            return map().entrySet();
        }
    }

    /** Each procedure's rule key ({@link ProcedureCompiler#key}: SHA-256 over its rule texts), digested in batches on the load's threads. */
    private Map<LoadedPack.ProcedureSource, String> ruleKeys(java.util.Collection<LoadedPack.ProcedureSource> all,
            Map<LoadedPack.ProcedureSource, EarlyCheck> earlyChecks) {
        Map<LoadedPack.ProcedureSource, String> known = new java.util.IdentityHashMap<>();
        List<LoadedPack.ProcedureSource> list = new ArrayList<>();
        for (LoadedPack.ProcedureSource ps : all) {
            EarlyCheck e = earlyChecks == null ? null : earlyChecks.get(ps);
            if (e != null) {
                known.put(ps, e.key()); // worked out as its folder was read
            } else {
                list.add(ps);
            }
        }
        if (list.isEmpty()) {
            return known;
        }
        List<CompletableFuture<Map<LoadedPack.ProcedureSource, String>>> batches = new ArrayList<>();
        for (int from = 0; from < list.size(); from += 64) {
            List<LoadedPack.ProcedureSource> mine = list.subList(from, Math.min(list.size(), from + 64));
            batches.add(CompletableFuture.supplyAsync(() -> {
                Map<LoadedPack.ProcedureSource, String> out = new java.util.IdentityHashMap<>();
                mine.forEach(ps -> out.put(ps, ProcedureCompiler.key(ps)));
                return out;
            }, loadPool));
        }
        Map<LoadedPack.ProcedureSource, String> out = known;
        batches.forEach(b -> out.putAll(b.join()));
        return out;
    }

    /**
     * The serving pack's generated classes by rule key, for a prebuilt pack; null when no pack serves,
     * the engine does not keep classes, or some procedure is not compiled.
     */
    Map<String, RuleClasses.Generated> generatedByKey() {
        Serving s = serving.get();
        if (s == null || !keepClasses) {
            return null;
        }
        Map<String, RuleClasses.Generated> out = new TreeMap<>();
        for (Slot slot : s.slots().values()) {
            RuleClasses.Generated g = slot.lazy.generated();
            if (g == null) {
                return null;
            }
            out.put(slot.lazy.key(), g);
        }
        return out;
    }

    /**
     * {@code s} with every procedure parsed and checked when it is a lazy-parse pack (its quarantined procedures left
     * out), for what needs the whole catalogue; else {@code s}. The returned value is a view: it never serves.
     */
    private Serving complete(Serving s) {
        if (s == null || s.deferred() == null) {
            return s;
        }
        DeferredProcedures.Complete c = inForeground(() -> s.deferred().complete(loadPool));
        return new Serving(s.pack(), c.slots(), s.unitFacts(), c.byKey(), s.warm(), c.memo(), null);
    }

    /**
     * The slot of {@code code} in {@code s}, parsed and checked first in a lazy-parse pack; null when it has no such
     * procedure (an alias is not looked up here).
     *
     * @throws io.github.motcua.rules.UnableToLoadPackException when its folder failed a check
     */
    private Slot slot(Serving s, String code) {
        Slot slot = s.slots().get(code);
        if (slot == null && s.deferred() != null) {
            slot = s.deferred().parsedSlot(code); // already prepared: no lock, no foreground count
            if (slot == null && s.deferred().has(code)) {
                slot = inForeground(() -> s.deferred().slot(code, loadPool));
            }
        }
        return slot;
    }

    /**
     * By file, line and column (problems at one place in the order found), at most {@link ProblemCap#MAX} of them and
     * then one {@code PROBLEMS_MORE} counting the rest: what a load, a reload and the warm-up report.
     */
    private static List<PackProblem> sorted(List<PackProblem> problems) {
        return problems instanceof io.github.motcua.kernel.ProblemSink<PackProblem> sink ? sink.list() : ProblemCap.sorted(problems);
    }

    private Serving serving() {
        Serving s = serving.get();
        if (s == null) {
            throw new NoPackLoadedException();
        }
        return s;
    }

    @Override
    public Decision decide(Dossier dossier) {
        Objects.requireNonNull(dossier, "dossier");
        // a dossier built in Java gets the checks a JSON dossier gets (issue 11 item 5)
        List<io.github.motcua.kernel.Problem> refused = DossierJson.check(dossier);
        if (!refused.isEmpty()) {
            throw io.github.motcua.rules.InvalidDossierException.of(refused);
        }
        return decideChecked(dossier, null);
    }

    /**
     * Decides a checked dossier; {@code text} is its JSON text (null for a dossier built in Java), read
     * only when a refusal must give the line and column of the value at fault.
     */
    private Decision decideChecked(Dossier dossier, String text) {
        Serving s = serving();
        Slot slot = slot(s, dossier.procedure());
        Procedure.Alias alias = null;
        if (slot == null && s.deferred() != null) { // an alias, or no such procedure: every folder is needed
            DeferredProcedures.Complete c = inForeground(() -> s.deferred().complete(loadPool));
            String owner = null;
            for (Procedure candidate : c.parsed().values()) {
                for (Procedure.Alias a : candidate.aliases()) {
                    if (a.code().equals(dossier.procedure())) {
                        owner = candidate.code();
                        alias = a;
                    }
                }
            }
            if (owner != null) {
                slot = slot(s, owner); // a quarantined owner is refused with its problems
            } else {
                int[] at = DossierJson.position(text, "/procedure");
                throw new NoSuchProcedureException(dossier.procedure(), s.pack().info().id(),
                        DossierProblems.closestProcedures(dossier.procedure(),
                                c.slots().values().stream().map(x -> x.procedure).toList()), at[0], at[1]);
            }
        }
        if (slot == null) { // an old code (mã cũ) a procedure lists among its aliases
            for (Slot candidate : s.slots().values()) {
                for (Procedure.Alias a : candidate.procedure.aliases()) {
                    if (a.code().equals(dossier.procedure())) {
                        slot = candidate;
                        alias = a;
                    }
                }
            }
        }
        if (slot == null) {
            int[] at = DossierJson.position(text, "/procedure");
            throw new NoSuchProcedureException(dossier.procedure(), s.pack().info().id(),
                    DossierProblems.closestProcedures(dossier.procedure(), s.slots().values().stream().map(x -> x.procedure)
                            .toList()), at[0], at[1]);
        }
        if (slot.firstUse()) {
            // a procedure's first decision — its check and compile, and the decision's own first run of the form's
            // validator, fee table and calendar — is foreground work as a load is: the background warm-up starts no
            // compile meanwhile, so the first answer after a load does not share the cores with it
            Slot target = slot;
            io.github.motcua.rules.Procedure.Alias as = alias;
            return inForeground(() -> decideWith(s, target, as, dossier, text));
        }
        return decideWith(s, slot, alias, dossier, text);
    }

    private Decision decideWith(Serving s, Slot slot, io.github.motcua.rules.Procedure.Alias alias, Dossier dossier, String text) {
        CompiledProcedure cp = slot.compiled(s.pack().info().id(), this);
        try {
            if (alias == null) {
                return pipeline.decide(s.pack(), s.unitFacts(), cp, dossier, clock, firingLimit, null);
            }
            Dossier renamed = new Dossier(slot.procedure.code(), dossier.channel(), dossier.receivedAt(), dossier.unit(),
                    dossier.asOf(), dossier.applicant(), dossier.form(), dossier.heldData(), dossier.excludedPeriods());
            return pipeline.decide(s.pack(), s.unitFacts(), cp, renamed, clock, firingLimit, alias);
        } catch (io.github.motcua.rules.InvalidDossierException e) {
            // e.g. an unknown receiving unit at /unit: give the line and column of the value in the text
            throw text == null ? e : DossierJson.located(e, text);
        }
    }

    @Override
    public Decision decide(String dossierJson) {
        Objects.requireNonNull(dossierJson, "dossierJson");
        Serving s = serving.get(); // a local receivedAt at the desk is read in the pack's zone
        return decideChecked(DossierJson.parse(dossierJson, s == null ? null : s.pack().info().zone()), dossierJson);
    }

    @Override
    public Optional<PackInfo> pack() {
        Serving s = serving.get();
        return s == null ? Optional.empty() : Optional.of(s.pack().info());
    }

    @Override
    public List<Procedure> catalog() {
        Serving s = serving.get();
        if (s != null && s.deferred() != null) { // every folder parsed and checked first; the quarantined ones left out
            return complete(s).slots().values().stream().map(x -> x.procedure).toList();
        }
        return s == null ? List.of() : s.pack().procedures().values().stream().map(LoadedPack.ProcedureSource::procedure).toList();
    }

    @Override
    public List<io.github.motcua.rules.RuleSummary> rules(String procedureCode) {
        Serving s = serving.get();
        Objects.requireNonNull(procedureCode, "procedureCode");
        LoadedPack.ProcedureSource ps = s == null ? null
                : s.deferred() != null ? java.util.Optional.ofNullable(slot(s, procedureCode)).map(x -> x.lazy.src).orElse(null)
                : s.pack().procedures().get(procedureCode);
        if (ps == null) {
            return List.of();
        }
        List<io.github.motcua.rules.RuleSummary> out = new ArrayList<>();
        for (LoadedPack.RuleText t : ps.rules()) {
            out.addAll(RuleSummaries.of(t, s.pack().bases()));
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<io.github.motcua.rules.DecisionPath> decisionPath(String procedureCode) {
        Serving s = serving.get();
        Objects.requireNonNull(procedureCode, "procedureCode");
        LoadedPack.ProcedureSource ps = s == null ? null
                : s.deferred() != null ? Optional.ofNullable(slot(s, procedureCode)).map(x -> x.lazy.src).orElse(null)
                : s.pack().procedures().get(procedureCode);
        return ps == null ? Optional.empty() : Optional.ofNullable(DecisionPaths.of(ps));
    }

    @Override
    public List<ReceivingUnit> units() {
        Serving s = serving.get();
        return s == null ? List.of() : List.copyOf(s.pack().units().values());
    }

    @Override
    public List<PackCase> cases() {
        Serving s = serving.get();
        if (s != null && s.deferred() != null) { // every folder parsed and checked first; the quarantined ones' left out
            return inForeground(() -> s.deferred().complete(loadPool)).cases();
        }
        return s == null ? List.of() : s.pack().cases();
    }

    @Override
    public <T> Optional<T> section(String name, Class<T> type) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Serving s = serving.get();
        return s == null ? Optional.empty() : Optional.ofNullable(s.pack().sections().get(name)).map(type::cast);
    }

    @Override
    public List<io.github.motcua.rules.spi.DecisionSection<?>> decisionSections() {
        return pipeline.sections();
    }

    /**
     * Tests: how many times this engine generated and compiled rule classes for the procedures of the pack serving now
     * that are prepared so far (with lazy parse: of the folders parsed into the serving slots) — a count of its own, unlike {@link RuleClasses#generations()}, so other engines
     * compiling meanwhile in the same JVM do not change it.
     */
    /** The serving pack's state, or null (for tests of what a load leaves for later). */
    Serving servingNow() {
        return serving.get();
    }

    long generations() {
        Serving s = serving.get();
        return s == null ? 0 : s.slots().values().stream().mapToLong(x -> x.lazy.generations()).sum();
    }

    /**
     * Tests: the codes of the serving pack's procedures whose Drools KieBase exists now, in code order (a procedure decided
     * as data has one only once a dossier needed its session: {@link RuleNetwork}).
     */
    List<String> withKieBase() {
        Serving s = serving.get();
        return s == null ? List.of() : s.slots().entrySet().stream().filter(e -> e.getValue().lazy.hasKieBase())
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The codes of the serving pack's procedures not yet ready (to check, compile or assemble), in code order. */
    List<String> pending() {
        Serving s = complete(serving.get());
        return s == null ? List.of() : s.slots().entrySet().stream().filter(e -> e.getValue().lazy.pending()).map(Map.Entry::getKey).toList();
    }

    @Override
    public CompletableFuture<List<PackProblem>> compiled() {
        Serving s = serving.get();
        return s == null ? CompletableFuture.completedFuture(List.of()) : s.warm().copy();
    }

    @Override
    public Optional<io.github.motcua.fees.FeeTable> feeTable(String procedureCode) {
        Objects.requireNonNull(procedureCode, "procedureCode");
        Serving s = serving.get();
        if (s != null && s.deferred() != null) {
            slot(s, procedureCode); // its folder parsed and checked first: a quarantined procedure is refused
        }
        return s == null ? Optional.empty() : Optional.ofNullable(s.pack().section(BuiltInSections.FEES, BuiltInSections.PackFees.class))
                .map(f -> f.tables().get(procedureCode));
    }

    @Override
    public Optional<io.github.motcua.calendar.DeadlineEngine> deadlineEngine() {
        Serving s = serving.get();
        return s == null ? Optional.empty() : Optional.ofNullable(s.pack().section(BuiltInSections.CALENDAR, io.github.motcua.calendar.DeadlineEngine.class));
    }

    @Override
    public Optional<io.github.motcua.forms.FormRegistry> forms() {
        Serving s = serving.get();
        return s == null ? Optional.empty() : Optional.ofNullable(s.pack().section(BuiltInSections.FORMS, io.github.motcua.forms.FormRegistry.class));
    }

    @Override
    public void close() {
        Serving s = serving.get();
        if (s != null && !backgroundWarmUp) {
            finishWarm(s); // no decision will prepare the rest now
        }
        compilePool.shutdownNow();
        foreground.shutdown(); // a load under way finishes its queued tasks rather than wait for them for ever
        reloadThread.shutdownNow();
    }
}
