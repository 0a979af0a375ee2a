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
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
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
            CompletableFuture<List<PackProblem>> warm, PackLoader.Memo memo) {
    }

    /**
     * One procedure's KieBase, built at most once (single-flight: concurrent callers wait for the
     * one build) and shared by every pack version whose rule texts for it are byte-identical
     * (same {@link ProcedureCompiler.Checked#key()}). Thread-safe.
     */
    static final class Lazy {
        final ProcedureCompiler.Checked checked;
        private volatile boolean done;
        private org.kie.api.KieBase kieBase;
        private List<PackProblem> problems = List.of();

        Lazy(ProcedureCompiler.Checked checked) {
            this.checked = checked;
        }

        boolean done() {
            return done;
        }

        /** Builds on first call; the KieBase, or null when it does not compile (see {@link #problems()}). */
        synchronized org.kie.api.KieBase get() {
            if (!done) {
                List<PackProblem> mine = new ArrayList<>();
                try {
                    kieBase = ProcedureCompiler.build(checked, mine);
                } catch (RuntimeException | LinkageError e) {
                    kieBase = null;
                    mine.add(new PackProblem(ProcedureCompiler.blame(checked.src()), 0, 0, "DRL_COMPILE",
                            "Lỗi biên dịch: " + e, "compile failure: " + e));
                } catch (StackOverflowError e) {
                    kieBase = null;
                    mine.add(ProcedureCompiler.tooDeep(ProcedureCompiler.blame(checked.src())));
                }
                problems = List.copyOf(mine);
                done = true;
            }
            return kieBase;
        }

        synchronized List<PackProblem> problems() {
            return problems;
        }
    }

    /** A procedure of one pack version: its catalogue entry and rule metadata, and its shared KieBase. */
    static final class Slot {
        final Procedure procedure;
        final Map<String, CompiledProcedure.RuleInfo> rules;
        final Lazy lazy;
        /** SHA-256 of the procedure folder's files and the legal bases: equal means lint need not run again. */
        final String checkKey;
        private volatile CompiledProcedure compiled;

        Slot(Procedure procedure, Map<String, CompiledProcedure.RuleInfo> rules, Lazy lazy, String checkKey) {
            this.procedure = procedure;
            this.rules = rules;
            this.lazy = lazy;
            this.checkKey = checkKey;
        }

        /** Compiles on first use (single-flight). @throws UnableToLoadPackException when it does not compile */
        CompiledProcedure compiled(String source) {
            CompiledProcedure cp = compiled;
            if (cp == null) {
                org.kie.api.KieBase kb = lazy.get();
                if (kb == null) {
                    throw new io.github.motcua.rules.UnableToLoadPackException(source, lazy.problems());
                }
                cp = new CompiledProcedure(procedure, kb, rules);
                compiled = cp;
            }
            return cp;
        }
    }

    /** A built pack or its problems. */
    record Built(Serving serving, List<PackProblem> problems, String source) {
    }

    private final Clock clock;
    private final int firingLimit;
    private final List<PackSection> sections;
    private final boolean lazyCompile;
    private final ExecutorService compilePool;
    private final ExecutorService reloadThread;
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
        this.lazyCompile = lazyCompile;
        this.clock = clock;
        this.firingLimit = firingLimit;
        this.sections = withBuiltIns(sections);
        this.compilePool = Executors.newFixedThreadPool(compileThreads, daemon("motcua-compile"));
        this.reloadThread = Executors.newSingleThreadExecutor(daemon("motcua-reload"));
    }

    /** The built-in calendar, fee and form sections, each replaced by a registered section of the same name. */
    private static List<PackSection> withBuiltIns(List<PackSection> registered) {
        java.util.Set<String> names = new java.util.HashSet<>();
        registered.forEach(s -> names.add(s.name()));
        List<PackSection> out = new ArrayList<>();
        for (PackSection s : BuiltInSections.all()) {
            if (!names.contains(s.name())) {
                out.add(s);
            }
        }
        out.addAll(registered);
        return List.copyOf(out);
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
        return toLoadResult(build(() -> {
            List<PackProblem> problems = new ArrayList<>();
            return new Object[] {PackFiles.read(packDir, problems), problems};
        }, false));
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
        return CompletableFuture.supplyAsync(() -> toReloadResult(build(() -> {
            List<PackProblem> problems = new ArrayList<>();
            return new Object[] {PackFiles.read(packDir, problems), problems};
        }, true)), reloadThread);
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
            return new LoadResult(b.source(), Optional.of(b.serving().pack().info()), List.of());
        }
        return new LoadResult(b.source(), Optional.empty(), b.problems());
    }

    private ReloadResult toReloadResult(Built b) {
        if (b.serving() != null) {
            swap(b.serving());
            return new ReloadResult(true, Optional.of(b.serving().pack().info()), List.of());
        }
        Serving old = serving.get();
        return new ReloadResult(false, old == null ? Optional.empty() : Optional.of(old.pack().info()), b.problems());
    }

    /** Makes {@code next} the serving pack, then warms its uncompiled procedures in the background. */
    private void swap(Serving next) {
        serving.set(next);
        List<CompletableFuture<Void>> jobs = new ArrayList<>();
        for (Slot slot : next.slots().values()) {
            if (slot.lazy.done()) {
                continue;
            }
            try {
                jobs.add(CompletableFuture.runAsync(() -> {
                    Serving now = serving.get();
                    // a pack swapped out meanwhile: warm only what the serving pack still uses
                    if (now == next || (now != null && now.byKey().get(slot.lazy.checked.key()) == slot.lazy)) {
                        slot.lazy.get();
                    }
                }, compilePool));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                break; // closed: decisions compile on demand
            }
        }
        CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            List<PackProblem> out = new ArrayList<>();
            for (Slot slot : next.slots().values()) {
                if (slot.lazy.done()) {
                    out.addAll(slot.lazy.problems());
                }
            }
            next.warm().complete(sorted(out));
        });
    }

    /**
     * Reads, parses, lints and checks a pack; then compiles what must be compiled before it may
     * serve: everything ({@code lazyCompile} false), or on a reload the procedures whose rule texts
     * changed (so a reload never swaps in a compile error), or nothing on a lazy load. Procedures
     * byte-identical to the serving pack's reuse its KieBase.
     */
    @SuppressWarnings("unchecked")
    private Built build(Supplier<Object[]> read, boolean isReload) {
        Object[] r = read.get();
        PackFiles files = (PackFiles) r[0];
        List<PackProblem> problems = (List<PackProblem>) r[1];
        if (!problems.isEmpty()) {
            return new Built(null, problems, files.source());
        }
        LoadedPack pack;
        PackLoader.Memo memo;
        Serving previous = serving.get();
        try {
            PackLoader.Loaded loaded = PackLoader.load(files, sections, problems, previous == null ? null : previous.memo());
            pack = loaded.pack();
            memo = loaded.memo();
        } catch (RuntimeException e) {
            problems.add(new PackProblem(files.source(), 0, 0, "LOAD_FAILED",
                    "Không nạp được bộ quy tắc: " + e, "cannot load the pack: " + e));
            return new Built(null, sorted(problems), files.source());
        }
        if (pack == null || !problems.isEmpty()) {
            return new Built(null, sorted(problems), files.source());
        }
        Serving old = serving.get();
        Map<String, ProcedureCompiler.Checked> checked = new TreeMap<>();
        Map<String, String> checkKeys = checkKeys(files, pack);
        Map<String, Slot> reusedSlots = new java.util.HashMap<>();
        List<Map.Entry<String, Future<Object[]>>> checks = new ArrayList<>();
        for (LoadedPack.ProcedureSource ps : pack.procedures().values()) {
            Slot before = old == null ? null : old.slots().get(ps.procedure().code());
            if (before != null && before.checkKey.equals(checkKeys.get(ps.procedure().code()))) {
                reusedSlots.put(ps.procedure().code(), before); // byte-identical folder and bases: already linted
                continue;
            }
            checks.add(Map.entry(ps.procedure().code(), submit(() -> {
                List<PackProblem> mine = new ArrayList<>();
                ProcedureCompiler.Checked c;
                try {
                    c = ProcedureCompiler.check(ps, pack.bases(), mine);
                } catch (RuntimeException e) {
                    c = null;
                    mine.add(new PackProblem(ProcedureCompiler.blame(ps), 0, 0, "DRL_COMPILE",
                            "Lỗi biên dịch: " + e.getMessage(), "compile failure: " + e.getMessage()));
                } catch (StackOverflowError e) {
                    c = null;
                    mine.add(ProcedureCompiler.tooDeep(ProcedureCompiler.blame(ps)));
                }
                return new Object[] {c, mine};
            })));
        }
        for (Map.Entry<String, Future<Object[]>> j : checks) {
            Object[] res = await(j.getKey(), j.getValue(), problems);
            if (res != null) {
                problems.addAll((List<PackProblem>) res[1]);
                if (res[0] != null) {
                    checked.put(j.getKey(), (ProcedureCompiler.Checked) res[0]);
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Built(null, sorted(problems), files.source());
        }
        Map<String, Slot> slots = new TreeMap<>();
        Map<String, Lazy> byKey = new java.util.HashMap<>();
        List<Lazy> mustCompile = new ArrayList<>();
        for (Map.Entry<String, Slot> e : reusedSlots.entrySet()) {
            Slot before = e.getValue();
            byKey.put(before.lazy.checked.key(), before.lazy);
            slots.put(e.getKey(), new Slot(pack.procedures().get(e.getKey()).procedure(), before.rules, before.lazy,
                    before.checkKey));
            if (before.lazy.done()) {
                problems.addAll(before.lazy.problems());
            } else if (!lazyCompile) {
                mustCompile.add(before.lazy);
            }
        }
        for (ProcedureCompiler.Checked c : checked.values()) {
            Lazy reused = old == null ? null : old.byKey().get(c.key());
            Lazy lazy = reused != null ? reused : new Lazy(c);
            byKey.put(c.key(), lazy);
            slots.put(c.src().procedure().code(), new Slot(c.src().procedure(), c.rules(), lazy,
                    checkKeys.get(c.src().procedure().code())));
            if (lazy.done()) {
                problems.addAll(lazy.problems()); // known not to compile: never serve it again
            } else if (!lazyCompile || (isReload && reused == null)) {
                mustCompile.add(lazy);
            }
        }
        if (mustCompile.size() <= 1) {
            mustCompile.forEach(Lazy::get); // one edit: compile here rather than queue behind warm-up
        } else {
            List<Map.Entry<String, Future<Object[]>>> jobs = new ArrayList<>();
            for (Lazy l : mustCompile) {
                jobs.add(Map.entry(l.checked.src().procedure().code(), submit(() -> {
                    l.get();
                    return new Object[0];
                })));
            }
            for (Map.Entry<String, Future<Object[]>> j : jobs) {
                await(j.getKey(), j.getValue(), problems);
            }
        }
        for (Lazy l : mustCompile) {
            problems.addAll(l.problems());
        }
        if (!problems.isEmpty()) {
            return new Built(null, sorted(problems), files.source());
        }
        return new Built(new Serving(pack, java.util.Collections.unmodifiableMap(slots),
                Evaluator.unitFacts(pack.units()), java.util.Collections.unmodifiableMap(byKey),
                new CompletableFuture<>(), memo), List.of(), files.source());
    }

    /**
     * Per procedure code: SHA-256 over the legal-bases files and every file of the procedure's
     * folder (paths and bytes). What lint and rule metadata depend on, so equal keys may reuse them.
     */
    private static Map<String, String> checkKeys(PackFiles files, LoadedPack pack) {
        java.security.MessageDigest bases = sha256();
        files.files().forEach((path, bytes) -> {
            if (path.startsWith("legal-bases/") || path.equals("legal-bases.yaml")) {
                digest(bases, path, bytes);
            }
        });
        byte[] basesHash = bases.digest();
        Map<String, String> out = new java.util.HashMap<>();
        for (LoadedPack.ProcedureSource ps : pack.procedures().values()) {
            java.security.MessageDigest md = sha256();
            md.update(basesHash);
            String prefix = ps.folder() + "/";
            files.files().subMap(prefix, prefix + Character.MAX_VALUE).forEach((path, bytes) -> digest(md, path, bytes));
            out.put(ps.procedure().code(), java.util.HexFormat.of().formatHex(md.digest()));
        }
        return out;
    }

    private static void digest(java.security.MessageDigest md, String path, byte[] bytes) {
        md.update(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Integer.toString(bytes.length).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(bytes);
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Runs on the compile pool, or here once the engine is closed. */
    private Future<Object[]> submit(java.util.concurrent.Callable<Object[]> job) {
        try {
            return compilePool.submit(job);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            java.util.concurrent.FutureTask<Object[]> t = new java.util.concurrent.FutureTask<>(job);
            t.run();
            return t;
        }
    }

    private static Object[] await(String code, Future<Object[]> f, List<PackProblem> problems) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(new PackProblem(code, 0, 0, "INTERRUPTED", "Bị ngắt khi biên dịch", "interrupted while compiling"));
        } catch (ExecutionException e) {
            problems.add(new PackProblem(code, 0, 0, "DRL_COMPILE", "Lỗi biên dịch: " + e.getCause(),
                    "compile failure: " + e.getCause()));
        }
        return null;
    }

    private static List<PackProblem> sorted(List<PackProblem> problems) {
        List<PackProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.comparing(PackProblem::file).thenComparingInt(PackProblem::line)
                .thenComparingInt(PackProblem::column));
        return out;
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
        Serving s = serving();
        Slot slot = s.slots().get(dossier.procedure());
        if (slot == null) {
            throw new NoSuchProcedureException(dossier.procedure(), s.pack().info().id());
        }
        CompiledProcedure cp = slot.compiled(s.pack().info().id());
        return Integration.decide(s.pack(), s.unitFacts(), cp, dossier, clock, firingLimit);
    }

    @Override
    public Decision decide(String dossierJson) {
        return decide(DossierJson.parse(dossierJson));
    }

    @Override
    public Optional<PackInfo> pack() {
        Serving s = serving.get();
        return s == null ? Optional.empty() : Optional.of(s.pack().info());
    }

    @Override
    public List<Procedure> catalog() {
        Serving s = serving.get();
        return s == null ? List.of() : s.pack().procedures().values().stream().map(LoadedPack.ProcedureSource::procedure).toList();
    }

    @Override
    public List<ReceivingUnit> units() {
        Serving s = serving.get();
        return s == null ? List.of() : List.copyOf(s.pack().units().values());
    }

    @Override
    public List<PackCase> cases() {
        Serving s = serving.get();
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
    public CompletableFuture<List<PackProblem>> compiled() {
        Serving s = serving.get();
        return s == null ? CompletableFuture.completedFuture(List.of()) : s.warm().copy();
    }

    @Override
    public Optional<io.github.motcua.fees.FeeTable> feeTable(String procedureCode) {
        Objects.requireNonNull(procedureCode, "procedureCode");
        Serving s = serving.get();
        return s == null ? Optional.empty() : Optional.ofNullable(Integration.fees(s.pack()))
                .map(f -> f.tables().get(procedureCode));
    }

    @Override
    public Optional<io.github.motcua.calendar.DeadlineEngine> deadlineEngine() {
        Serving s = serving.get();
        return s == null ? Optional.empty() : Optional.ofNullable(Integration.deadlines(s.pack()));
    }

    @Override
    public Optional<io.github.motcua.forms.FormRegistry> forms() {
        Serving s = serving.get();
        return s == null ? Optional.empty() : Optional.ofNullable(Integration.forms(s.pack()));
    }

    @Override
    public void close() {
        compilePool.shutdownNow();
        reloadThread.shutdownNow();
    }
}
