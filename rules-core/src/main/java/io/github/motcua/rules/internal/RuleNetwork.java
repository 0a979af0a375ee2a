package io.github.motcua.rules.internal;

import org.kie.api.KieBase;

/**
 * A procedure's Drools network: its KieBase, assembled when the procedure was prepared, or — for rules that are all
 * data and that {@link DataEvaluator} decides — assembled only when something needs a session of it (issue 15,
 * docs/performance.md "Session 14"). Such a procedure's decisions take no session: the evaluator gives the session's
 * result. The one thing that still needs the KieBase is a dossier on which a data condition or consequence throws:
 * the session decides that dossier again from the start, so its failure (code, message, the rule it names) is exactly
 * the session's. That dossier assembles the KieBase, once, under this object's lock (callers at the same moment wait
 * for the one assembly, as for a procedure's lazy compile); every later one reuses it.
 *
 * <p>Why deferring it cannot turn a procedure that answered into a refused one: assembling the KieBase of rules as
 * data is where Drools would refuse a model, but the model ({@link DataRules#model}) holds only library classes and
 * is a fixed function of the translation's shape — the rule attributes the evaluator accepts (salience, {@code
 * no-loop}, {@code lock-on-active false}), the annotations, the pattern kinds on the four facts, and conditions of the
 * closed read, comparison and operator tables ({@link DataConditions}) nested within {@link DataRules}' depth and size
 * limits, with consequences from the closed action table. {@code DeferredKieBaseTest} assembles a model of every such
 * shape (every read with every literal kind and operator the translation accepts, every action, every attribute and
 * pattern kind, the deepest and largest condition, the most calls), so a translation the evaluator accepts has a model
 * Drools assembles. A procedure whose rules do not qualify for the evaluator (an agenda or activation group, {@code
 * lock-on-active true}, arguments of other types, sessions forced) is assembled when prepared, as before; so is every
 * procedure of generated code. Should a deferred assembly fail all the same, {@link #kieBase()} throws and the one
 * dossier that needed it fails ({@link Evaluator}: a rule failure, as that dossier's throwing condition fails it
 * anyway); the procedure is not quarantined afterwards.
 *
 * <p>Thread-safe.
 */
final class RuleNetwork {
    /** The rules to assemble on first need; null once assembled (or when made assembled). */
    private DataRules.Translated data;
    private volatile KieBase kieBase;
    /** The procedure's evaluator, not bound to its rule information; null when its sessions decide it. */
    private final DataEvaluator evaluator;
    /** {@link CompiledProcedure#matched}: read from the network when assembled, from the rules when deferred. */
    private final int matched;

    private RuleNetwork(DataRules.Translated data, KieBase kieBase, DataEvaluator evaluator, int matched) {
        this.data = data;
        this.kieBase = kieBase;
        this.evaluator = evaluator;
        this.matched = matched;
    }

    /** A KieBase assembled already, of generated code or of rules the evaluator does not decide: its sessions decide. */
    static RuleNetwork assembled(KieBase kieBase) {
        return new RuleNetwork(null, kieBase, null, CompiledProcedure.matched(kieBase));
    }

    /**
     * A KieBase assembled already from the rules as data {@code from}: its evaluator is made from them when they
     * qualify ({@link DataEvaluator#of(DataRules.Translated)}), so decisions take no session of it.
     */
    static RuleNetwork assembled(KieBase kieBase, DataRules.Translated from) {
        return new RuleNetwork(null, kieBase, DataEvaluator.of(from), CompiledProcedure.matched(kieBase));
    }

    /**
     * The network of rules as data: deferred when the evaluator decides them ({@link DataEvaluator#of(DataRules.Translated)}
     * not null), else assembled now — where a procedure of generated code is, so a failure to assemble is found (and the
     * procedure quarantined) exactly where it was before.
     */
    static RuleNetwork of(DataRules.Translated data) {
        DataEvaluator e = DataEvaluator.of(data);
        if (e == null) {
            return assembled(RuleClasses.assemble(data));
        }
        return new RuleNetwork(data, null, e, CompiledProcedure.matched(data));
    }

    /**
     * The network of a procedure without rules (an imported one, NOT_ASSESSED): an evaluator of no rule, which fires
     * nothing, as its session would; the empty KieBase only if something asks for it. Assembled now when sessions are
     * forced.
     */
    static RuleNetwork empty() {
        DataRules.Translated none = new DataRules.Translated("motcua.empty", java.util.List.of());
        DataEvaluator e = DataEvaluator.of(none);
        if (e == null) {
            return assembled(RuleClasses.empty());
        }
        return new RuleNetwork(none, null, e, 0);
    }

    /** Whether the KieBase exists. */
    boolean isAssembled() {
        return kieBase != null;
    }

    /** The KieBase, assembled now (once, under this object's lock) when it was deferred. */
    KieBase kieBase() {
        KieBase kb = kieBase;
        if (kb == null) {
            synchronized (this) {
                kb = kieBase;
                if (kb == null) {
                    kb = data.rules().isEmpty() ? RuleClasses.empty() : RuleClasses.assembleModel(data);
                    kieBase = kb;
                    data = null; // the evaluator keeps its own arrays; the trees went into the KieBase
                }
            }
        }
        return kb;
    }

    DataEvaluator evaluator() {
        return evaluator;
    }

    int matched() {
        return matched;
    }
}
