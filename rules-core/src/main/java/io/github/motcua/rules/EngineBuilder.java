package io.github.motcua.rules;

import io.github.motcua.rules.internal.DefaultEngine;
import io.github.motcua.rules.internal.DroolsLogging;
import io.github.motcua.rules.spi.PackSection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of an {@link Engine}. {@link #build()} copies them, so a built engine never changes.
 *
 * <p>Not thread-safe; use it from one thread, then share the engine.
 */
public final class EngineBuilder {
    private Clock clock = Clock.systemUTC();
    private int firingLimit = 10_000;
    private int compileThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private boolean lazyCompile;
    private boolean backgroundWarmUp = true;
    private boolean lazyParse;
    private final List<PackSection> sections = new ArrayList<>();

    EngineBuilder() {
    }

    /** The clock for the evaluation instant in provenance (default: system UTC). */
    public EngineBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * How many rule firings one decision may take before it is stopped as INDETERMINATE
     * (default 10,000): a rule set that loops never hangs.
     */
    public EngineBuilder firingLimit(int firingLimit) {
        if (firingLimit < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "firingLimit must be >= 1: [%d]", firingLimit));
        }
        this.firingLimit = firingLimit;
        return this;
    }

    /**
     * Threads that check and compile procedures in parallel (default: min(4, processors)): the size
     * of the pool a load or reload uses for its own work, and of the background warm-up pool of a
     * lazy engine (which starts no compile while a load, a reload or a procedure's first decision runs).
     */
    public EngineBuilder compileThreads(int compileThreads) {
        if (compileThreads < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "compileThreads must be >= 1: [%d]", compileThreads));
        }
        this.compileThreads = compileThreads;
        return this;
    }

    /**
     * Lazy checking and compilation, for serving large catalogues (default false: eager).
     *
     * <p>Eager ({@code false}): {@link Engine#load} lints every procedure's rules, compiles its form
     * schema and builds its KieBase before it returns, so its result lists every problem of the pack:
     * what {@code check} and CI need. (A procedure whose rules are all data, decided without a Drools session, is
     * built to its evaluator; its KieBase waits until a dossier needs its session: docs/performance.md "Session 14".)
     *
     * <p>Lazy ({@code true}): {@code load} reads the pack, parses and validates every YAML, CSV and
     * JSON file against its schema and checks every reference (a broken {@code procedure.yaml}, fee
     * table, form schema structure or unknown legal basis still fails the load), makes the pack serve,
     * then lints and compiles each procedure — its rules and its form schema — in the background and
     * on its first decision (once, however many threads ask). A procedure whose rules fail the linter
     * or do not compile, or whose form schema does not compile, is quarantined: its decisions throw
     * {@link UnableToLoadPackException} naming the problems, {@link Engine#compiled()} lists them,
     * and every other procedure serves. The linter still runs before the Drools compiler sees a rule,
     * so no rule that fails it is ever compiled or run.
     *
     * <p>In both modes {@link Engine#reload} lints and compiles every procedure whose files changed
     * (and every form, when a form changed) before it swaps, so a reload never serves a broken edit,
     * and reuses the parsed files and compiled rules of every procedure whose files are byte-identical.
     */
    public EngineBuilder lazyCompile(boolean lazyCompile) {
        this.lazyCompile = lazyCompile;
        return this;
    }

    /**
     * Lazy parsing of procedure folders, for a portal node that must serve a large catalogue soon after it starts (default
     * false). {@code true} implies {@link #lazyCompile(boolean) lazy compilation}.
     *
     * <p>A folder {@link Engine#load} then still reads every file under the same limits (sizes, count, links), computes
     * the pack's content hash, parses and checks every pack-wide file ({@code pack.yaml}, legal bases, units,
     * parameters) and every section's files (calendar, fee tables, exemptions, forms, digitisation...), and reads at
     * once any folder under {@code procedures/} that cannot be a procedure (a name that is not a procedure code, no
     * {@code procedure.yaml}); a problem in any of these refuses the load as in the default mode. It leaves each
     * procedure folder's parse and checks ({@code procedure.yaml}, rule files and tables, analyst cases) to the
     * procedure's first use or the background, then its lint and compile as lazy compilation does.
     *
     * <p>No procedure is served from a folder that has not passed every check a full load runs on it. Its first
     * {@link Engine#decide decision}, or any call that needs it ({@link Engine#rules}, {@link Engine#feeTable}), parses
     * and checks it first, once however many threads ask. A folder with a problem is quarantined: those calls throw
     * {@link UnableToLoadPackException} with exactly the problems a full load reports for that folder, and every other
     * procedure serves. A procedure that lists aliases (mã cũ), and a decision by an alias or an unknown code, wait until
     * every folder is parsed (an alias conflict needs them all). {@link Engine#catalog()} and {@link Engine#cases()}
     * parse every folder first and leave out the quarantined procedures, which {@link Engine#compiled()} reports.
     *
     * <p>After {@code load} returns, the remaining folders are parsed and checked, then linted and compiled, on the
     * {@link #compileThreads(int) compile threads} (unless {@link #backgroundWarmUp(boolean) the warm-up is off}: then
     * each at its first use); {@link Engine#compiled()} completes with every problem of every folder when all are done.
     * {@link LoadResult#warnings()} of such a load leaves out the warnings about procedure codes that pack-wide files
     * name ({@code UNKNOWN_PROCEDURE}, for {@code pack.yaml}'s {@code cutOffs} and {@code digitisation.yaml}): a code
     * that is no folder may be an alias, which only the folders' {@code procedure.yaml} files say. Every other warning
     * is the strict load's. {@code check}, a strict load, and {@link Engine#reload} (its
     * {@link ReloadResult#warnings()}) report them.
     *
     * <p>{@link Engine#reload} is unchanged: it parses and checks every folder (reusing what is byte-identical) and
     * swaps only when the new pack has no problem, so the old pack serves until then. A prebuilt pack's load is
     * unchanged (its build checked every folder).
     */
    public EngineBuilder lazyParse(boolean lazyParse) {
        this.lazyParse = lazyParse;
        return this;
    }

    /**
     * Whether the procedures not yet ready when a pack starts serving are prepared in the background (default true).
     *
     * <p>A {@link PrebuiltPack prebuilt} load verifies and links every procedure's rules before it serves, and leaves
     * the assembly of each KieBase (for a procedure decided as data, the making of its evaluator: its KieBase waits until
     * a dossier needs its session); a {@link #lazyCompile(boolean) lazy} load leaves each procedure's checks and compile.
     * With the background warm-up on, that remaining work is queued on the {@link #compileThreads(int) compile threads}
     * as soon as the pack serves (it yields to a load, a reload and a procedure's first decision, compile and all), so the
     * first decision of each procedure finds it ready; for 2,000 procedures it is seconds of CPU time
     * (docs/deployment.md). Off, a procedure is prepared only at its first decision (once, however many threads ask),
     * and a procedure never asked for costs nothing: for a desk or a kiosk that decides a few procedures and would rather
     * keep its processor. {@link Engine#compiled()} then completes when every procedure has been prepared by a decision
     * (or at {@link Engine#close()}). A reload still checks and compiles every changed procedure before it swaps; an
     * eager load ({@code lazyCompile(false)} on a folder) leaves nothing to warm.
     *
     * <p>Off also means no compiler warm-up: by default, in a JVM that has not compiled a procedure yet, a folder load of
     * 10 procedures or more compiles a small rule set of the library's own on a daemon thread while the pack is parsed,
     * so the first real compile finds the compiler warm (≈ 2 s of CPU; docs/performance.md, "Session 8"). An engine
     * built with {@code backgroundWarmUp(false)} never starts it, in either mode: the first compile then pays the
     * compiler's cold start. ({@code -Dmotcua.compilerWarmUp=false} still turns it off for every engine of the JVM.)
     */
    public EngineBuilder backgroundWarmUp(boolean backgroundWarmUp) {
        this.backgroundWarmUp = backgroundWarmUp;
        return this;
    }

    /**
     * Adds a loader for a part of the pack owned by another module (calendar, fee tables, forms).
     * Its problems are reported with the pack's.
     */
    public EngineBuilder section(PackSection section) {
        sections.add(Objects.requireNonNull(section, "section"));
        return this;
    }

    /**
     * A new engine with no pack loaded. Under logback, an {@code org.drools} or {@code org.kie}
     * logger with no level of its own and DEBUG enabled is set to INFO (Drools would log its
     * generated sources); {@code -Dmotcua.logging.droolsDebug=true} keeps them (docs/integration.md).
     *
     * @throws ClasspathConflictException when the class path holds an older jackson-annotations or
     *                                    Freemarker than motcua needs (import motcua-bom first)
     */
    public Engine build() {
        ClasspathCheck.verify();
        DroolsLogging.quietUnlessConfigured();
        return new DefaultEngine(clock, firingLimit, compileThreads, List.copyOf(sections), lazyCompile, false, backgroundWarmUp,
                lazyParse);
    }

    /** An eager engine that keeps its generated rule classes, for {@link PrebuiltPack#compile}. */
    DefaultEngine buildKeepingClasses() {
        return new DefaultEngine(clock, firingLimit, compileThreads, List.copyOf(sections), false, true);
    }
}
