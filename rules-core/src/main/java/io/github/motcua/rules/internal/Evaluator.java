package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.DossierComponent;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.PackInfo;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import io.github.motcua.rules.RequiredComponent;
import io.github.motcua.rules.RequiredComponent.ComponentStatus;
import io.github.motcua.rules.vocabulary.Applicant;
import io.github.motcua.rules.vocabulary.Form;
import io.github.motcua.rules.vocabulary.Unit;
import io.github.motcua.rules.vocabulary.VocabularyException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/** Runs one decision on a compiled procedure: a fresh session per call, so threads never share state. */
final class Evaluator {
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule \"?name=?\"?([^\"\\],]+)|Rule \"([^\"]+)\"");

    private Evaluator() {
    }

    /** The unit facts of a pack, built once per pack (immutable, shared by all decisions). */
    static Map<String, Unit> unitFacts(Map<String, ReceivingUnit> units) {
        Map<String, Unit> out = new HashMap<>();
        units.forEach((code, u) -> out.put(code, new Unit(code, u.name().vi(), u.kind(), u.flags())));
        return Map.copyOf(out);
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    /**
     * The deciding thread's CPU time (wall time where the JVM cannot measure it): on a busy machine a
     * decision that waits for a processor is not charged for the wait, so the budget never turns a
     * slow host into INDETERMINATE decisions; rules that keep working are charged every nanosecond.
     */
    private static long cpuNanos() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /**
     * The deciding thread's last reading of both clocks: {wall, CPU}, the wall clock read first. Reading
     * the CPU time is a system call (~0.6 µs here, as much as a tenth of what the engine adds to a
     * decision), so a decision starting within {@link #STALE_FRACTION} of its budget after the last
     * reading reuses it instead of reading again (see {@link #decide}).
     */
    private static final ThreadLocal<long[]> LAST_READING = ThreadLocal.withInitial(() -> new long[] {Long.MIN_VALUE, 0});
    /** A reading older than budget / this (31 ms of the default 2 s) is taken again at a decision's start. */
    private static final long STALE_FRACTION = 64;

    /** The time one decision's rules may take when pack.yaml does not set {@code rules.decisionBudgetMs}. */
    static final java.time.Duration DEFAULT_BUDGET = java.time.Duration.ofSeconds(2);

    /**
     * What the rules decided: the outcome, reasons, components, the rules' deadline and fee actions,
     * notes and trace; {@code cause} non-null when INDETERMINATE (then no reasons, components or actions).
     */
    record Ruled(Eligibility eligibility, List<Decision.Reason> reasons, List<RequiredComponent> components,
            List<io.github.motcua.calendar.DeadlineAdjustment> deadlineAdjustments,
            List<io.github.motcua.fees.FeeDirective> feeDirectives, List<Decision.Note> notes,
            List<Decision.TraceStep> trace, Decision.Cause cause) {
        static Ruled failed(List<Decision.TraceStep> trace, Decision.Cause cause) {
            return new Ruled(Eligibility.INDETERMINATE, List.of(), List.of(), List.of(), List.of(), List.of(), trace, cause);
        }
    }

    /** The as-of date of a dossier: its own, or the date of its receipt in the pack's zone. */
    static LocalDate asOf(PackInfo pack, Dossier d) {
        return d.asOf() != null ? d.asOf() : d.receivedAt().atZoneSameInstant(pack.zone()).toLocalDate();
    }

    /**
     * The dossier with its unit codes as units.yaml writes them, or a refusal: a receiving unit
     * ({@code UNKNOWN_UNIT} at {@code /unit}) or a residence unit ({@code UNKNOWN_RESIDENCE_UNIT} at
     * {@code /applicant/residenceUnit}) the pack does not list. A code found only once put in Unicode NFC (a
     * portal that sends {@code xã} decomposed) is that unit: the dossier returned names it as units.yaml does,
     * so routing, the rules' facts and the fees all find it. An absent code is not checked.
     *
     * <p>A residence unit the pack cannot find is refused rather than read as a unit without flags: every
     * exemption, reduction or condition keyed on where the applicant lives (phí, lệ phí miễn cho người cư trú
     * tại xã biên giới, xã đặc biệt khó khăn: TT 244/2016/TT-BTC Art. 5) would otherwise be silently not
     * applied, and the fee shown as if final (docs/integration.md, "Unknown residence unit").
     *
     * @param codes the pack's unit codes in a fixed order, for the closest-code hint (the same hint every run)
     */
    static Dossier checkUnits(Map<String, Unit> unitFacts, java.util.Collection<String> codes, Dossier d) {
        String unit = known(unitFacts, d.unit());
        Dossier.Applicant a = d.applicant();
        String residence = a == null ? null : known(unitFacts, a.residenceUnit());
        if (unit == d.unit() && (a == null || residence == a.residenceUnit())) {
            return d; // the usual case: both found as written, or absent
        }
        List<io.github.motcua.kernel.Problem> problems = new ArrayList<>(2);
        if (unit == null && d.unit() != null) {
            problems.add(DossierProblems.coded("UNKNOWN_UNIT", "/unit", DossierProblems.Positions.UNKNOWN, "UNKNOWN_UNIT",
                    "unit", d.unit()));
        }
        if (a != null && residence == null && a.residenceUnit() != null) {
            String wrong = a.residenceUnit();
            List<String> closest = wrong.isBlank() ? List.of() : FormFields.closest(wrong, codes); // no hint for a blank
            String shown = wrong.length() <= 120 ? wrong : wrong.substring(0, 120) + "…"; // a message quotes its start
            problems.add(closest.isEmpty()
                    ? DossierProblems.coded("UNKNOWN_RESIDENCE_UNIT", "/applicant/residenceUnit",
                            DossierProblems.Positions.UNKNOWN, "UNKNOWN_RESIDENCE_UNIT", "unit", shown)
                    : DossierProblems.coded("UNKNOWN_RESIDENCE_UNIT", "/applicant/residenceUnit",
                            DossierProblems.Positions.UNKNOWN, "UNKNOWN_RESIDENCE_UNIT_CLOSEST", "unit", shown,
                            "closest", String.join(", ", closest)));
        }
        if (!problems.isEmpty()) {
            throw InvalidDossierException.of(problems);
        }
        Dossier.Applicant applicant = a == null || residence == a.residenceUnit() ? a
                : new Dossier.Applicant(a.personalId(), a.fullName(), a.birthDate(), a.sex(), a.categories(), residence);
        return new Dossier(d.procedure(), d.channel(), d.receivedAt(), unit, d.asOf(), applicant, d.form(), d.heldData(),
                d.excludedPeriods());
    }

    /**
     * {@code code} itself when the pack lists it or it is null; its NFC form when only that is listed; else null.
     * The same string instance is returned for a code found as written (the caller compares by identity).
     */
    private static String known(Map<String, Unit> unitFacts, String code) {
        if (code == null || unitFacts.containsKey(code)) {
            return code;
        }
        if (!java.text.Normalizer.isNormalized(code, java.text.Normalizer.Form.NFC)) {
            String nfc = java.text.Normalizer.normalize(code, java.text.Normalizer.Form.NFC);
            if (unitFacts.containsKey(nfc)) {
                return nfc;
            }
        }
        return null;
    }

    /**
     * Runs the rules with {@code formData} (the validated, NFC-normalised form) as the form fact, on
     * {@code asOf} (the dossier's {@link #asOf}),
     * within {@code firingLimit} firings and the time {@code budget} (CPU time of the deciding
     * thread, see {@link #cpuNanos}): an agenda listener checks the deadline before every firing and
     * halts the session once it has passed, without the rules' cooperation (verified rules have no
     * loops, so a single condition or consequence is short; what can grow is the number of firings).
     */
    static Ruled decide(PackInfo pack, Map<String, Unit> unitFacts, CompiledProcedure cp, Dossier d, LocalDate asOf,
            Map<String, Object> formData, int firingLimit, java.time.Duration budget, Integer childUnder,
            Integer elderlyFrom) {
        long budgetNanos = budget.toNanos();
        long wallStart = System.nanoTime();
        // The CPU time this decision used is at least (CPU now - CPU at the reading) - (wall at start - wall
        // at the reading): the thread cannot have used more CPU than wall time between the reading and the
        // start. So the budget is never charged for work before the decision, and a decision past its
        // budget is halted at most (start - reading) <= budget / STALE_FRACTION of CPU time later than with
        // a reading taken at its start; a fresh reading (the first decision, or a stale one) is exact.
        long[] reading = LAST_READING.get();
        if (wallStart - reading[0] > budgetNanos / STALE_FRACTION || wallStart - reading[0] < 0) {
            reading[0] = wallStart; // read before the CPU time, as the bound needs
            reading[1] = cpuNanos();
        }
        long cpuStart = reading[1] + (wallStart - reading[0]);
        // asOf is the pipeline's, computed once per decision (Evaluator.asOf)
        // the dossier's unit was checked by the pipeline before any stage ran (DecisionPipeline.decide)
        Procedure p = cp.procedure();
        Decision.Reason channel = null;
        if (!cp.accepts(d.channel())) {
            LegalBasis b = p.legalBases().isEmpty() ? null : p.legalBases().get(0);
            channel = new Decision.Reason(
                    Msg.vi("REASON_CHANNEL_NOT_ACCEPTED", "code", p.code(), "channel", d.channel().labelVi().toLowerCase(Locale.ROOT)),
                    Msg.en("REASON_CHANNEL_NOT_ACCEPTED", "code", p.code(), "channel", d.channel().labelEn().toLowerCase(Locale.ROOT)),
                    b, "procedure.yaml: channels");
        }
        Budget started = new Budget(budgetNanos, wallStart, cpuStart);
        DataEvaluator data = cp.evaluator();
        if (data != null) {
            Ruled r = decideData(pack, unitFacts, cp, d, asOf, formData, firingLimit, budget, childUnder, elderlyFrom, channel,
                    started, data);
            if (r != null) {
                return r;
            }
            // a condition or consequence threw: the procedure's session decides this dossier from the start, so the
            // failure (its code, message and the rule it names) is exactly the session's (DataEvaluator)
        }
        Evaluation ev = evaluation(cp, channel);
        Decision.Cause cause = null;
        boolean[] outOfTime = {false};

        // a session of this procedure's pool: made once, then reset and reused (docs/performance.md, "Threads"). A
        // procedure decided as data assembles its KieBase here, at the first dossier it hands to the session
        // (RuleNetwork): outside this dossier's time budget, as a procedure's lazy compile before its decision is, so a
        // slow first assembly never turns the session's failure into a time-budget stop. Should the assembly fail, this
        // dossier fails, as its throwing condition or consequence makes it fail anyway
        Budget shifted = started;
        org.kie.api.runtime.KieSessionsPool pool;
        if (cp.assembled()) {
            pool = cp.sessions();
        } else {
            long wall0 = System.nanoTime();
            long cpu0 = cpuNanos();
            try {
                pool = cp.sessions();
            } catch (RuntimeException e) {
                return ruled(cp.componentPlan(), ev, d, failure(e, ev, cp));
            }
            shifted = new Budget(budgetNanos, wallStart + (System.nanoTime() - wall0), cpuStart + (cpuNanos() - cpu0));
        }
        Budget clock = shifted;
        KieSession s = pool.newKieSession();
        try {
            if (cp.hasRules()) {
                // a procedure without any rule compiles to a KieBase that may declare no global: nothing to set
                s.setGlobal("decision", ev);
            }
            s.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    ev.enter(event.getMatch().getRule().getName());
                    if (!outOfTime[0] && clock.spent()) {
                        outOfTime[0] = true;
                        event.getKieRuntime().halt();
                    }
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    ev.leave();
                }
            });
            // only the facts some pattern of this procedure can match: any other would be looked up in its
            // KieBase and propagate nowhere (CompiledProcedure.matched; the same rules fire in the same order)
            Object[] facts = facts(pack, unitFacts, cp, d, asOf, formData, childUnder, elderlyFrom);
            for (Object f : facts) {
                if (f != null) {
                    s.insert(f);
                }
            }
            // the validity filter only where a rule is dated: with none, it would accept every match
            int fired = cp.dated() ? s.fireAllRules(m -> {
                CompiledProcedure.RuleInfo r = cp.rules().get(m.getRule().getName());
                return r == null || r.inForceOn(asOf);
            }, firingLimit + 1) : s.fireAllRules(firingLimit + 1);
            cause = stopped(ev, outOfTime[0], fired, firingLimit, budget);
        } catch (RuntimeException e) {
            cause = failure(e, ev, cp);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // Safe to catch here only: the memory or stack was taken by this decision's own session, whose
            // facts and memories are cleared below; verified rules cannot recurse or build huge values, so
            // this is a last line.
            CompiledProcedure.RuleInfo r = ev.current != null ? ev.current : ev.last;
            cause = new Decision.Cause(Decision.Cause.Code.RESOURCE_LIMIT, r == null ? null : r.name(), r == null ? null : r.file(),
                    r == null ? 0 : r.line(),
                    Msg.vi("CAUSE_RESOURCE_LIMIT", "rule", r == null ? "" : r.name()),
                    Msg.en("CAUSE_RESOURCE_LIMIT", "rule", r == null ? "" : r.name()));
        } finally {
            release(s);
        }
        return ruled(cp.componentPlan(), ev, d, cause);
    }

    /**
     * The rules decided by the procedure's {@link DataEvaluator} instead of a session: the same facts, the same
     * listener work around each firing (trace, time budget) and the same stops as {@link #decide}'s session; null
     * when a condition or consequence threw (then the session decides).
     */
    private static Ruled decideData(PackInfo pack, Map<String, Unit> unitFacts, CompiledProcedure cp, Dossier d, LocalDate asOf,
            Map<String, Object> formData, int firingLimit, java.time.Duration budget, Integer childUnder, Integer elderlyFrom,
            Decision.Reason channel, Budget clock, DataEvaluator data) {
        Evaluation ev = evaluation(cp, channel);
        boolean[] outOfTime = {false};
        int fired;
        try {
            Object[] facts = facts(pack, unitFacts, cp, d, asOf, formData, childUnder, elderlyFrom);
            fired = data.fire(facts, formData, ev, new DataEvaluator.Firing() {
                @Override
                public boolean before(String rule, CompiledProcedure.RuleInfo info) {
                    ev.enter(rule, info);
                    if (!outOfTime[0] && clock.spent()) {
                        outOfTime[0] = true;
                    }
                    return outOfTime[0];
                }

                @Override
                public void after() {
                    ev.leave();
                }
            }, cp.dated() ? r -> r == null || r.inForceOn(asOf) : null, firingLimit + 1);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return null; // the session decides, and fails as it fails
        }
        if (fired == DataEvaluator.DROOLS) {
            return null;
        }
        return ruled(cp.componentPlan(), ev, d, stopped(ev, outOfTime[0], fired, firingLimit, budget));
    }

    /** A decision's {@code decision} global, with the channel's reason first when the procedure refuses the channel. */
    private static Evaluation evaluation(CompiledProcedure cp, Decision.Reason channel) {
        Evaluation ev = new Evaluation(cp.rules());
        if (channel != null) {
            ev.reasons.add(channel);
        }
        return ev;
    }

    /**
     * The facts a decision inserts, by {@link DataConditions.Fact} ordinal (dossier, applicant, receiving unit, form):
     * null where no pattern of the procedure can match that kind ({@link CompiledProcedure#matches}) or, for the unit,
     * where the dossier names none.
     */
    private static Object[] facts(PackInfo pack, Map<String, Unit> unitFacts, CompiledProcedure cp, Dossier d, LocalDate asOf,
            Map<String, Object> formData, Integer childUnder, Integer elderlyFrom) {
        Object[] facts = new Object[4];
        Procedure p = cp.procedure();
        if (cp.matches(CompiledProcedure.DOSSIER)) {
            LocalDateTime receivedLocal = d.receivedAt().atZoneSameInstant(pack.zone()).toLocalDateTime();
            facts[0] = new io.github.motcua.rules.vocabulary.Dossier(p.code(), d.channel().name(), receivedLocal, asOf,
                    d.unit(), d.heldData());
        }
        if (cp.matches(CompiledProcedure.APPLICANT)) {
            Dossier.Applicant a = d.applicant();
            facts[1] = new Applicant(a == null ? null : a.personalId(), a == null ? null : a.fullName(),
                    a == null ? null : a.birthDate(), a == null ? null : a.sex(),
                    a == null ? java.util.Set.of() : a.categories(),
                    a == null || a.residenceUnit() == null ? null : unitFacts.get(a.residenceUnit()), asOf, childUnder,
                    elderlyFrom);
        }
        if (d.unit() != null && cp.matches(CompiledProcedure.UNIT)) {
            facts[2] = unitFacts.get(d.unit());
        }
        if (cp.matches(CompiledProcedure.FORM)) {
            facts[3] = new Form(formData, asOf, unitFacts::get);
        }
        return facts;
    }

    /** Why the firing stopped early: the time budget, or more firings than the limit; null when it ran to the end. */
    private static Decision.Cause stopped(Evaluation ev, boolean outOfTime, int fired, int firingLimit, java.time.Duration budget) {
        CompiledProcedure.RuleInfo r = ev.last;
        if (outOfTime) {
            return new Decision.Cause(Decision.Cause.Code.TIME_BUDGET, r == null ? null : r.name(), r == null ? null : r.file(),
                    r == null ? 0 : r.line(),
                    Msg.vi("CAUSE_TIME_BUDGET", "ms", String.valueOf(budget.toMillis()), "rule", r == null ? "" : r.name()),
                    Msg.en("CAUSE_TIME_BUDGET", "ms", String.valueOf(budget.toMillis()), "rule", r == null ? "" : r.name()));
        } else if (fired > firingLimit) {
            return new Decision.Cause(Decision.Cause.Code.FIRING_LIMIT, r == null ? null : r.name(), r == null ? null : r.file(),
                    r == null ? 0 : r.line(),
                    Msg.vi("CAUSE_FIRING_LIMIT", "limit", String.valueOf(firingLimit), "rule", r == null ? "" : r.name()),
                    Msg.en("CAUSE_FIRING_LIMIT", "limit", String.valueOf(firingLimit), "rule", r == null ? "" : r.name()));
        }
        return null;
    }

    /** What the rules decided, from what they recorded; failed with {@code cause} when it is not null. */
    private static Ruled ruled(Object[] plan, Evaluation ev, Dossier d, Decision.Cause cause) {
        if (cause != null) {
            return Ruled.failed(ev.trace, cause);
        }
        List<RequiredComponent> comps;
        try {
            comps = components(plan, ev, d);
        } catch (VocabularyException e) {
            // a component id computed at run time that the catalogue does not declare
            return Ruled.failed(ev.trace, new Decision.Cause(Decision.Cause.Code.RULE_FAILED, null, null, 0,
                    e.messageVi(), e.getMessage()));
        }
        return new Ruled(ev.reasons.isEmpty() ? Eligibility.ELIGIBLE : Eligibility.INELIGIBLE, List.copyOf(ev.reasons),
                comps, List.copyOf(ev.deadline), List.copyOf(ev.fees), List.copyOf(ev.notes), ev.trace, null);
    }

    /**
     * The time budget of one decision, in CPU time of the deciding thread: a thread's CPU time never grows faster than
     * the wall clock, so until the wall clock has passed the budget the CPU time cannot have: reading it (a system
     * call, ~0.6 µs here) is needed only then, not before every firing.
     */
    private record Budget(long nanos, long wallStart, long cpuStart) {
        boolean spent() {
            return System.nanoTime() - wallStart > nanos && cpuNanos() - cpuStart > nanos;
        }
    }

    /**
     * Returns a pooled session: Drools resets it (facts, node memories, agenda and its halt state,
     * globals, listeners) and puts it back. A session that cannot be reset (only after an error inside
     * Drools) is not put back; the pool makes a new one when it needs one.
     */
    private static void release(KieSession s) {
        try {
            s.dispose();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // dropped: never reused
        }
    }

    /** A failure's root in words that do not depend on the JIT: {@link io.github.motcua.kernel.Failures#describe}. */
    static String describe(Throwable root) {
        return io.github.motcua.kernel.Failures.describe(root);
    }

    private static Decision.Cause failure(RuntimeException e, Evaluation ev, CompiledProcedure cp) {
        Throwable root = e;
        VocabularyException voc = null;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof VocabularyException v) {
                voc = v;
            }
            root = root.getCause();
        }
        if (root instanceof VocabularyException v) {
            voc = v;
        }
        CompiledProcedure.RuleInfo r = ev.current;
        if (r == null) {
            for (Throwable t = e; t != null && r == null; t = t.getCause() == t ? null : t.getCause()) {
                Matcher m = RULE_IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
                if (m.find()) {
                    String name = (m.group(1) != null ? m.group(1) : m.group(2)).trim();
                    r = cp.rules().get(name);
                }
            }
        }
        String where = r == null ? "" : String.format(Locale.ROOT, " (%s:%d)", r.file(), r.line());
        if (root instanceof io.github.motcua.rules.vocabulary.RegexBudgetException x) {
            return new Decision.Cause(Decision.Cause.Code.REGEX_BUDGET, r == null ? null : r.name(), r == null ? null : r.file(),
                    r == null ? 0 : r.line(),
                    Msg.vi("CAUSE_REGEX_BUDGET", "rule", r == null ? "?" : r.name(), "where", where, "detail", x.messageVi()),
                    Msg.en("CAUSE_REGEX_BUDGET", "rule", r == null ? "?" : r.name(), "where", where, "detail", x.getMessage()));
        }
        String rootMsg = describe(root);
        String vi = voc != null ? voc.messageVi() : rootMsg;
        String en = voc != null ? voc.getMessage() : rootMsg;
        return new Decision.Cause(Decision.Cause.Code.RULE_FAILED, r == null ? null : r.name(), r == null ? null : r.file(),
                r == null ? 0 : r.line(),
                Msg.vi("CAUSE_RULE_FAILED", "rule", r == null ? "?" : r.name(), "where", where, "detail", vi),
                Msg.en("CAUSE_RULE_FAILED", "rule", r == null ? "?" : r.name(), "where", where, "detail", en));
    }

    /** The catalogue's REQUIRED components, as listed when the rules did not run (form invalid). */
    static List<RequiredComponent> catalogueRequired(Procedure p) {
        LegalBasis procBasis = p.legalBases().isEmpty() ? null : p.legalBases().get(0);
        List<RequiredComponent> out = new ArrayList<>();
        for (DossierComponent c : p.components()) {
            if (c.presence() == DossierComponent.Presence.REQUIRED) {
                out.add(rc(c, ComponentStatus.REQUIRED, null, null, "procedure.yaml", c.basis() != null ? c.basis() : procBasis));
            }
        }
        return out;
    }

    /**
     * The components' statuses, in catalogue order (component ids are unique in a procedure: the loader refuses a
     * repeat). What does not depend on the dossier comes from the procedure's {@link ComponentPlan}, made once.
     */
    static List<RequiredComponent> components(Object[] plan, Evaluation ev, Dossier d) {
        int n = plan.length / 4;
        RequiredComponent[] status = new RequiredComponent[n];
        System.arraycopy(plan, n, status, 0, n);
        int[] rank = null;
        for (Evaluation.ComponentAction a : ev.components) {
            // by identity first: a data-path procedure's rules pass the first equal component's own id object
            // (DataEvaluator.bind), so the ids before it need not be read; else by content, as always
            String id = a.id();
            int i = 0;
            while (i < n && plan[i] != id) {
                i++;
            }
            if (i == n) {
                i = 0;
                while (i < n && !plan[i].equals(id)) {
                    i++;
                }
            }
            if (i == n) {
                throw new VocabularyException(Msg.vi("COMPONENT_NOT_IN_PROCEDURE", "id", a.id()),
                        Msg.en("COMPONENT_NOT_IN_PROCEDURE", "id", a.id()));
            }
            if (rank == null) {
                rank = new int[n];
                java.util.Arrays.fill(rank, -1);
            }
            int r = a.verb().ordinal();
            if (rank[i] > r) {
                continue; // a stronger rule action already decided this component
            }
            rank[i] = r;
            ComponentStatus st = switch (a.verb()) {
                case WAIVE -> ComponentStatus.WAIVED;
                case REQUIRE -> ComponentStatus.REQUIRED;
                case ONE_OF -> ComponentStatus.ONE_OF;
                case OPTIONAL -> ComponentStatus.OPTIONAL;
            };
            status[i] = rc((DossierComponent) plan[3 * n + i], st, a.group(), a.source(), a.rule().name(), a.rule().basis());
        }
        List<RequiredComponent> out = new ArrayList<>(n);
        int waived = Evaluation.ComponentVerb.WAIVE.ordinal();
        for (int i = 0; i < n; i++) {
            RequiredComponent rc = status[i];
            if (rc == null) {
                continue;
            }
            // WAIVED only by a rule's waive: the catalogue's own statuses are REQUIRED or OPTIONAL
            String source = (String) plan[2 * n + i];
            if (source != null && (rank == null || rank[i] != waived) && d.heldData().contains(source)) {
                rc = rc((DossierComponent) plan[3 * n + i], ComponentStatus.WAIVED, null, source, "heldData", rc.basis());
            }
            out.add(rc);
        }
        return out;
    }

    static RequiredComponent rc(DossierComponent c, ComponentStatus st, String group, String source,
            String condition, LegalBasis basis) {
        return new RequiredComponent(c.id(), c.name(), c.form(), c.quantity(), st, group, source, condition, basis);
    }
}
