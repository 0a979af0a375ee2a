package io.github.motcua.rules;

import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.fees.FeeTable;
import io.github.motcua.forms.FormRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The rule-pack engine (bộ máy quy tắc): loads one pack and decides dossiers against it. Build it
 * with {@link Motcua#engine()}.
 *
 * <p>Thread-safe: build it once and share it. Any number of threads may call {@link #decide}
 * while a {@link #reload} compiles in the background; the new pack replaces the old one
 * atomically, and a decision in flight finishes on the pack it started with. Reloads run one at a
 * time, in the order they were asked; a synchronous {@link #load} racing a reload swaps in
 * whichever finishes last.
 */
public interface Engine extends AutoCloseable {

    /**
     * Loads (parses, validates, lints and compiles) a pack folder and, if it has no problem, makes
     * it the serving pack. Blocks until done.
     *
     * <p>Given a regular file instead of a folder, loads it as a {@link PrebuiltPack prebuilt pack}:
     * the same parsing and validation, but no rule compilation — every procedure's classes are
     * verified again and assembled, and every procedure is ready when this returns (also on a lazy
     * engine). A prebuilt pack of another version, a damaged or an altered one is refused with one
     * problem ({@code PREBUILT_*}) and nothing of it is loaded.
     */
    LoadResult load(Path packDir);

    /** Loads a pack from the classpath, e.g. {@code load(cl, "packs/gia-lai")}. */
    LoadResult load(ClassLoader classLoader, String resourceRoot);

    /**
     * Like {@link #load(Path)} (a folder or a prebuilt pack), compiled in the background; the old
     * pack serves until the swap.
     */
    CompletableFuture<ReloadResult> reload(Path packDir);

    /** Like {@link #load(ClassLoader, String)}, compiled in the background. */
    CompletableFuture<ReloadResult> reload(ClassLoader classLoader, String resourceRoot);

    /**
     * Decides one dossier with the rules in force on its as-of date.
     *
     * @throws NoPackLoadedException     when no pack serves yet
     * @throws NoSuchProcedureException  when the pack has no such procedure
     * @throws UnableToLoadPackException when lazy checking found that this procedure's rules fail
     *                                   the linter or do not compile, or its form schema does not
     *                                   compile, or (with {@link EngineBuilder#lazyParse(boolean) lazy
     *                                   parsing}) its folder fails a check a full load runs (see
     *                                   {@link #compiled()})
     * @throws InvalidDossierException   when the dossier names a receiving unit the pack does not list,
     *                                   or holds what its JSON form could not: a date or date-time
     *                                   outside the years 0000-9999, a personal number that is not 12
     *                                   digits, an unknown category, NaN or an infinite number in the
     *                                   form (the checks a JSON dossier gets)
     */
    Decision decide(Dossier dossier);

    /**
     * Parses dossier JSON, then decides it.
     *
     * @throws InvalidDossierException when the JSON is malformed or breaks the dossier schema (the text
     *                                 {@code "null"} is input: {@code DOSSIER_EMPTY})
     * @throws NullPointerException    when {@code dossierJson} is {@code null}: a programming error, as a
     *                                 {@code null} {@link Dossier} is
     */
    Decision decide(String dossierJson);

    /** The serving pack, if any. */
    Optional<PackInfo> pack();

    /**
     * The serving pack's procedures, ordered by code. With {@link EngineBuilder#lazyParse(boolean) lazy parsing} it first
     * waits until every procedure folder is parsed and checked, and leaves out the quarantined ones ({@link #compiled()}
     * lists their problems).
     */
    List<Procedure> catalog();

    /** The serving pack's receiving units, ordered by code. */
    List<ReceivingUnit> units();

    /**
     * The serving pack's analyst cases (cases/*.yaml), in file order. With {@link EngineBuilder#lazyParse(boolean) lazy
     * parsing}, as {@link #catalog()}: every folder parsed first, the quarantined procedures' cases left out.
     */
    List<PackCase> cases();

    /**
     * What a registered {@link io.github.motcua.rules.spi.PackSection} built for the serving pack
     * (e.g. the calendar or the fee tables), for module integration.
     *
     * @throws ClassCastException when the section built something else than {@code type}
     */
    <T> Optional<T> section(String name, Class<T> type);

    /**
     * The rules of a procedure of the serving pack as a guide describes them, in file order: each rule's
     * name (a plain sentence by the pack's convention), basis and the actions its consequence takes,
     * read from its text without running it. Empty for an unknown code or a procedure without rules.
     *
     * @throws NullPointerException when {@code procedureCode} is {@code null}
     */
    default List<RuleSummary> rules(String procedureCode) {
        return List.of();
    }

    /**
     * Which path decides a procedure of the serving pack ({@link DecisionPath}): its rules as data, decided without a
     * Drools session, or compiled, with the first construct that sent it to the compiler. Read from the rule texts
     * (parsed again on each call: for tools such as {@code check}, not for every decision). Empty for an unknown code,
     * when no pack serves, or when the procedure's rules do not parse (the load reports that). With
     * {@link EngineBuilder#lazyParse(boolean) lazy parse}, the procedure's folder is parsed and checked first, as for
     * {@link #rules(String)}.
     *
     * @throws UnableToLoadPackException with lazy parse, when the procedure's folder failed a check
     * @throws NullPointerException      when {@code procedureCode} is {@code null}
     */
    default Optional<DecisionPath> decisionPath(String procedureCode) {
        return Optional.empty();
    }

    /**
     * The decision sections of this engine in registration order, which is the decision JSON's key
     * order (the built-in form, deadline, commitment, routing and fees, then the registered ones; the
     * pipeline runs them by {@link io.github.motcua.rules.spi.DecisionSection#stage() stage}): each
     * writes its part of every decision and checks its part of the analysts' cases.
     */
    default List<io.github.motcua.rules.spi.DecisionSection<?>> decisionSections() {
        return List.of();
    }

    /**
     * Completes when every procedure of the pack serving now is linted and compiled (rules and form
     * schema), with the problems found (empty when all passed). With eager compilation (the default)
     * it is complete as soon as {@link #load} returns; with {@link EngineBuilder#lazyCompile(boolean)
     * lazy compilation}, or after a prebuilt load, it completes when the background warm-up ends (with
     * {@link EngineBuilder#backgroundWarmUp(boolean) the warm-up off}: when every procedure has been prepared by its
     * first decision, or at {@link #close()}). With {@link EngineBuilder#lazyParse(boolean) lazy parsing} it also waits
     * until every procedure folder is parsed and checked, and lists the problems of the folders that failed. A procedure
     * that failed is
     * never served: deciding it throws {@link UnableToLoadPackException} naming the problems.
     * Completes at once with an empty list when no pack serves. Complete means every procedure is ready to decide with
     * nothing left that could refuse it; it does not mean every procedure has a Drools KieBase: a procedure whose rules
     * are all data and decided without a Drools session ({@link DecisionPath}) gets its KieBase only if a dossier ever
     * needs its session (a data condition that throws), which cannot refuse the procedure (docs/performance.md,
     * "Session 14").
     */
    default CompletableFuture<List<PackProblem>> compiled() {
        return CompletableFuture.completedFuture(List.of());
    }

    /**
     * The fee table (biểu phí) of a procedure of the serving pack ({@code procedures/<code>/fees.csv}
     * or {@code fees.xlsx}), e.g. to publish the catalogue; empty when no pack serves or the procedure
     * has no fee table.
     */
    Optional<FeeTable> feeTable(String procedureCode);

    /**
     * The deadline engine of the serving pack: its working calendar ({@code calendar/}) and the
     * deadline settings of pack.yaml's {@code defaults}; empty when no pack serves. Use it to show
     * holidays, or to {@link DeadlineEngine#reschedule reschedule} a decision's deadline.
     */
    Optional<DeadlineEngine> deadlineEngine();

    /**
     * The e-forms (tờ khai điện tử) of the serving pack ({@code forms/}, each procedure's
     * {@code form.schema.json}), to render, prefill and print; empty when no pack serves or the pack
     * has no form. {@link #decide} validates with the same registry.
     */
    Optional<FormRegistry> forms();

    /** Stops the background compiler threads. Decisions keep working. */
    @Override
    void close();
}
