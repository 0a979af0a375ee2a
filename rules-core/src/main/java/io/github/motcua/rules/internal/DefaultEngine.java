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
 * The engine: one serving pack behind an atomic reference. Loads compile every procedure in
 * parallel on a bounded pool (one KieBase each); reloads run one at a time on their own thread and
 * swap only when the new pack has no problem. Thread-safe.
 */
public final class DefaultEngine implements Engine {
    /** What serves decisions: the parsed pack and its compiled procedures. Immutable. */
    record Serving(LoadedPack pack, Map<String, CompiledProcedure> compiled,
            Map<String, io.github.motcua.rules.vocabulary.Unit> unitFacts) {
    }

    /** A built pack or its problems. */
    record Built(Serving serving, List<PackProblem> problems, String source) {
    }

    private final Clock clock;
    private final int firingLimit;
    private final List<PackSection> sections;
    private final ExecutorService compilePool;
    private final ExecutorService reloadThread;
    private final AtomicReference<Serving> serving = new AtomicReference<>();

    public DefaultEngine(Clock clock, int firingLimit, int compileThreads, List<PackSection> sections) {
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
        }));
    }

    @Override
    public LoadResult load(ClassLoader classLoader, String resourceRoot) {
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(resourceRoot, "resourceRoot");
        return toLoadResult(build(() -> {
            List<PackProblem> problems = new ArrayList<>();
            return new Object[] {PackFiles.read(classLoader, resourceRoot, problems), problems};
        }));
    }

    /** Loads an in-memory snapshot (tests and benchmarks). */
    public LoadResult load(PackFiles files) {
        return toLoadResult(build(() -> new Object[] {files, new ArrayList<PackProblem>()}));
    }

    @Override
    public CompletableFuture<ReloadResult> reload(Path packDir) {
        Objects.requireNonNull(packDir, "packDir");
        return CompletableFuture.supplyAsync(() -> toReloadResult(build(() -> {
            List<PackProblem> problems = new ArrayList<>();
            return new Object[] {PackFiles.read(packDir, problems), problems};
        })), reloadThread);
    }

    @Override
    public CompletableFuture<ReloadResult> reload(ClassLoader classLoader, String resourceRoot) {
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(resourceRoot, "resourceRoot");
        return CompletableFuture.supplyAsync(() -> toReloadResult(build(() -> {
            List<PackProblem> problems = new ArrayList<>();
            return new Object[] {PackFiles.read(classLoader, resourceRoot, problems), problems};
        })), reloadThread);
    }

    private LoadResult toLoadResult(Built b) {
        if (b.serving() != null) {
            serving.set(b.serving());
            return new LoadResult(b.source(), Optional.of(b.serving().pack().info()), List.of());
        }
        return new LoadResult(b.source(), Optional.empty(), b.problems());
    }

    private ReloadResult toReloadResult(Built b) {
        if (b.serving() != null) {
            serving.set(b.serving());
            return new ReloadResult(true, Optional.of(b.serving().pack().info()), List.of());
        }
        Serving old = serving.get();
        return new ReloadResult(false, old == null ? Optional.empty() : Optional.of(old.pack().info()), b.problems());
    }

    @SuppressWarnings("unchecked")
    private Built build(Supplier<Object[]> read) {
        Object[] r = read.get();
        PackFiles files = (PackFiles) r[0];
        List<PackProblem> problems = (List<PackProblem>) r[1];
        if (!problems.isEmpty()) {
            return new Built(null, problems, files.source());
        }
        LoadedPack pack;
        try {
            pack = PackLoader.load(files, sections, problems);
        } catch (RuntimeException e) {
            problems.add(new PackProblem(files.source(), 0, 0, "LOAD_FAILED",
                    "Không nạp được bộ quy tắc: " + e, "cannot load the pack: " + e));
            return new Built(null, sorted(problems), files.source());
        }
        if (pack == null || !problems.isEmpty()) {
            return new Built(null, sorted(problems), files.source());
        }
        Map<String, Future<Object[]>> jobs = new TreeMap<>();
        for (LoadedPack.ProcedureSource ps : pack.procedures().values()) {
            jobs.put(ps.procedure().code(), compilePool.submit(() -> {
                List<PackProblem> mine = new ArrayList<>();
                CompiledProcedure cp;
                try {
                    cp = ProcedureCompiler.compile(ps, pack.bases(), mine);
                } catch (RuntimeException e) {
                    cp = null;
                    mine.add(new PackProblem(ps.folder(), 0, 0, "DRL_COMPILE",
                            "Lỗi biên dịch: " + e.getMessage(), "compile failure: " + e.getMessage()));
                }
                return new Object[] {cp, mine};
            }));
        }
        Map<String, CompiledProcedure> compiled = new TreeMap<>();
        for (Map.Entry<String, Future<Object[]>> j : jobs.entrySet()) {
            try {
                Object[] res = j.getValue().get();
                problems.addAll((List<PackProblem>) res[1]);
                if (res[0] != null) {
                    compiled.put(j.getKey(), (CompiledProcedure) res[0]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add(new PackProblem(j.getKey(), 0, 0, "INTERRUPTED", "Bị ngắt khi biên dịch", "interrupted while compiling"));
            } catch (ExecutionException e) {
                problems.add(new PackProblem(j.getKey(), 0, 0, "DRL_COMPILE", "Lỗi biên dịch: " + e.getCause(),
                        "compile failure: " + e.getCause()));
            }
        }
        if (!problems.isEmpty()) {
            return new Built(null, sorted(problems), files.source());
        }
        return new Built(new Serving(pack, Map.copyOf(compiled), Evaluator.unitFacts(pack.units())), List.of(),
                files.source());
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
        CompiledProcedure cp = s.compiled().get(dossier.procedure());
        if (cp == null) {
            throw new NoSuchProcedureException(dossier.procedure(), s.pack().info().id());
        }
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
