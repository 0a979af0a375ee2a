package io.github.motcua.rules.internal;

import io.github.motcua.rules.PackProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rule compiler's cold start taken off the first decision (khởi động trình biên dịch): in a JVM that has not
 * compiled a procedure yet, a folder load starts, on a daemon thread of its own, the compile of a fixed rule set the
 * library owns (the resource folder {@code warm-up} beside this class: one procedure, three rules, no form). It goes
 * the way every procedure goes — parse, lint, descriptor restriction, then (its rules being plain vocabulary) the
 * translation to rules as data and its evaluator ({@link DataRules}, {@link ProcedureCompiler#network}): since session
 * 14 such a procedure gets no KieBase until a dossier needs its session, and neither does the warm-up's, so the warm-up
 * no longer loads Drools' runtime and network classes (nor assembles a KieBase) that no procedure of an all-data pack
 * uses; a procedure outside that subset goes on through the executable-model generator, the in-memory Java compiler
 * and our bytecode verifier, whose assembly the warm-up does not reach — so the classes of that way are loaded and
 * their code warm when the pack's first procedure is prepared, after the load. Nothing of the pack runs in it, nothing it builds is kept, and the load never
 * waits for it; a failure is ignored (the pack's own compile reports its own problems).
 *
 * <p>Once per class loader of this class, by a load of at least {@value #MIN_PROCEDURES} procedure folders (a smaller
 * pack's load is too short to hide it behind): not when a compile has already run, not with fewer than two processors
 * (it would take the core the load needs), not when the system property {@value #PROPERTY} is {@code false}, and not
 * for an engine built with {@code EngineBuilder.backgroundWarmUp(false)} (its embedder asked for no background CPU:
 * {@link DefaultEngine} does not call {@link #startFor} then).
 * Thread-safe.
 */
final class CompilerWarmUp {
    /** System property: {@code false} turns the warm-up off. */
    static final String PROPERTY = "motcua.compilerWarmUp";
    /** The fewest procedure folders a pack has for its load to start the warm-up ({@link #startFor}). */
    static final int MIN_PROCEDURES = 10;
    private static final String ROOT = "warm-up/";
    private static final List<String> FILES = List.of("pack.yaml", "legal-bases/warm-up.yaml",
            "procedures/WARM.UP/procedure.yaml", "procedures/WARM.UP/rules.drl");
    /** Started, or no longer needed because a procedure was compiled. */
    private static final AtomicBoolean DONE = new AtomicBoolean();
    /** Whether a warm-up thread was started in this class loader (tests: in a fresh JVM). */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private CompilerWarmUp() {
    }

    /**
     * {@link #start()} for a pack of at least {@value #MIN_PROCEDURES} procedure folders: a smaller pack's load is too
     * short to hide the warm-up behind, and would share its cores with it.
     *
     * @return whether it started
     */
    static boolean startFor(PackFiles files) {
        return procedureFolders(files.files().keySet(), MIN_PROCEDURES) >= MIN_PROCEDURES && start();
    }

    /** The procedure folders among sorted pack paths ({@code procedures/CODE/...}), counted up to {@code enough}. */
    static int procedureFolders(Iterable<String> paths, int enough) {
        int folders = 0;
        String code = null;
        for (String path : paths) { // sorted: a folder's files are next to each other
            int slash = path.startsWith("procedures/") ? path.indexOf('/', 11) : -1;
            if (slash > 11 && !path.substring(11, slash).equals(code)) {
                code = path.substring(11, slash);
                if (++folders >= enough) {
                    break;
                }
            }
        }
        return folders;
    }

    /**
     * Starts the warm-up on its own daemon thread, unless it ran or a compile did, it is turned off, or there is
     * one processor.
     *
     * @return whether it started
     */
    static boolean start() {
        if (wanted(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors()) && DONE.compareAndSet(false, true)) {
            Thread t = new Thread(CompilerWarmUp::run, "motcua-compiler-warm-up");
            t.setDaemon(true);
            STARTED.set(true);
            t.start();
            return true;
        }
        return false;
    }

    /** Whether a warm-up may run: the property ({@code null} when not set) is not {@code false}, and a core is free for it. */
    static boolean wanted(String property, int processors) {
        return !"false".equalsIgnoreCase(property == null ? "" : property.strip()) && processors >= 2;
    }

    /** Whether a warm-up thread was ever started in this class loader. */
    static boolean started() {
        return STARTED.get();
    }

    /** A procedure was compiled: the compiler is warm, a later load need not warm it. */
    static void compiled() {
        DONE.set(true);
    }

    /**
     * Prepares the warm-up rule set on the calling thread, as the engine prepares a procedure.
     *
     * @return its network (rules as data, the KieBase not assembled), or null when anything refused it (then nothing
     *         is reported: the pack's compile will say)
     */
    static RuleNetwork run() {
        return run(new ArrayList<>());
    }

    /** As {@link #run()}, what refused it (if anything) in {@code problems}. */
    static RuleNetwork run(List<PackProblem> problems) {
        try {
            Map<String, byte[]> files = new TreeMap<>();
            for (String f : FILES) {
                try (InputStream in = CompilerWarmUp.class.getResourceAsStream(ROOT + f)) {
                    if (in == null) {
                        problems.add(Msg.problem(ROOT + f, 0, 0, "MISSING_FILE", "load.file.missing", "file", f));
                        return null;
                    }
                    files.put(f, in.readAllBytes());
                }
            }
            LoadedPack pack = PackLoader.load(PackFiles.of("classpath:" + ROOT, files), List.of(), problems, null).pack();
            if (pack == null || !problems.isEmpty() || pack.procedures().size() != 1) {
                return null;
            }
            LoadedPack.ProcedureSource src = pack.procedures().values().iterator().next();
            ProcedureCompiler.Checked checked = ProcedureCompiler.check(src, pack.bases(), problems);
            RuleNetwork network = checked == null ? null : ProcedureCompiler.network(checked, problems);
            return problems.isEmpty() ? network : null;
        } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
            problems.add(Msg.problem(ROOT, 0, 0, "LOAD_FAILED", "load.pack.failed", "detail", io.github.motcua.kernel.Failures.describe(e)));
            return null;
        }
    }
}
