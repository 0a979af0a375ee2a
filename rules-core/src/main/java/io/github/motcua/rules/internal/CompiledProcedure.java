package io.github.motcua.rules.internal;

import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Procedure;
import java.time.LocalDate;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSessionsPool;

/**
 * One procedure compiled: its rule information, and what decides it — its {@link DataEvaluator} when the rules are all
 * data and qualify, and its Drools network (a KieBase of its own, partitioned: decisions never scan other procedures)
 * with the pool of its sessions. A decision takes an idle session (or the pool makes one), and disposing it resets it
 * and puts it back; the pool is lock-free once warm and holds as many sessions as decisions of this procedure ever ran
 * at the same moment. {@code dated}: whether any rule has a validity period ({@code validFrom}/{@code validTo}); only
 * then does a decision need the filter that skips the rules not in force on its date. {@code matched}: which of the
 * facts a decision inserts ({@link #DOSSIER}, {@link #APPLICANT}, {@link #UNIT}, {@link #FORM}) some pattern of the
 * procedure's rules can match; a decision inserts only those (docs/performance.md, "Session 8"). {@code evaluator}:
 * when the rules are all data and qualify, what decides them without a session of the pool ({@link DataEvaluator});
 * null otherwise (and when {@code -Dmotcua.rules.droolsSessions=true} was set when this procedure was prepared).
 *
 * <p>A procedure decided as data has its KieBase assembled only when a session is first asked for ({@link #sessions()},
 * {@link #kieBase()}): when a dossier's data condition or consequence threw and the session decides it again
 * ({@link RuleNetwork}; docs/performance.md, "Session 14").
 */
final class CompiledProcedure {

    /** Bits of {@link #matched}: the vocabulary's dossier, applicant, receiving unit and form facts. */
    static final int DOSSIER = 1;
    static final int APPLICANT = 2;
    static final int UNIT = 4;
    static final int FORM = 8;
    private static final int ALL = DOSSIER | APPLICANT | UNIT | FORM;

    private final Procedure procedure;
    private final RuleNetwork network;
    private final Map<String, RuleInfo> rules;
    private final boolean dated;
    private final int matched;
    private final DataEvaluator evaluator;
    /*
     * Worked out once from the procedure (Session 20: a decision reads these fields of this object, already read,
     * instead of the procedure's lists and maps): its component plan, the channels it accepts (bits by ordinal) and
     * whether it has any rule.
     */
    private final Object[] componentPlan;
    private final int channels;
    private final boolean hasRules;
    /**
     * The procedure's internal steps worked out once (Session 21): null when a step applies only to some dossiers
     * ({@code steps[].when}), whose steps are chosen per decision.
     */
    private final io.github.motcua.calendar.StepPlan stepPlan;
    /**
     * The parts of the procedure's {@code competence} (Session 22), null when it has none: routing reads these fields
     * of this object, already read, instead of the {@link Procedure.Competence} record, one object more of the
     * procedure's own for every decision.
     */
    private final Procedure.Competence.By competenceBy;
    private final String competenceField;
    private final String competenceUnit;
    private final LegalBasis competenceBasis;
    private final Procedure.Competence.Transfer competenceTransfer;
    /** The pool of sessions of the network, made with it (at once when it is assembled already, else at first use). */
    private volatile KieSessionsPool sessions;

    CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules) {
        this(procedure, RuleNetwork.assembled(kieBase), rules);
    }

    /** The procedure decided by {@code network}: its evaluator bound to {@code rules}, its sessions' pool made with its KieBase. */
    CompiledProcedure(Procedure procedure, RuleNetwork network, Map<String, RuleInfo> rules) {
        this.procedure = procedure;
        this.network = network;
        this.rules = rules;
        this.dated = rules.values().stream().anyMatch(r -> r.validFrom() != null || r.validTo() != null);
        this.matched = network.matched();
        this.evaluator = network.evaluator() == null ? null : network.evaluator().bind(rules, procedure.components());
        this.sessions = network.isAssembled() ? network.kieBase().newKieSessionsPool(0) : null;
        this.componentPlan = ComponentPlan.of(procedure);
        this.channels = channelBits(procedure);
        this.hasRules = !rules.isEmpty();
        this.stepPlan = stepPlan(procedure);
        Procedure.Competence c = procedure.competence();
        this.competenceBy = c == null ? null : c.by();
        this.competenceField = c == null ? null : c.field();
        this.competenceUnit = c == null ? null : c.unit();
        this.competenceBasis = c == null ? null : c.basis();
        this.competenceTransfer = c == null ? null : c.transfer();
    }

    /** Every part given (tests: a procedure with a pool of sessions of their own, or without an evaluator). */
    CompiledProcedure(Procedure procedure, KieBase kieBase, Map<String, RuleInfo> rules, KieSessionsPool sessions,
            boolean dated, int matched, DataEvaluator evaluator) {
        this.procedure = procedure;
        this.network = RuleNetwork.assembled(kieBase);
        this.rules = rules;
        this.sessions = sessions;
        this.dated = dated;
        this.matched = matched;
        this.evaluator = evaluator;
        this.componentPlan = ComponentPlan.of(procedure);
        this.channels = channelBits(procedure);
        this.hasRules = !rules.isEmpty();
        this.stepPlan = stepPlan(procedure);
        Procedure.Competence c = procedure.competence();
        this.competenceBy = c == null ? null : c.by();
        this.competenceField = c == null ? null : c.field();
        this.competenceUnit = c == null ? null : c.unit();
        this.competenceBasis = c == null ? null : c.basis();
        this.competenceTransfer = c == null ? null : c.transfer();
    }

    Procedure procedure() {
        return procedure;
    }

    Map<String, RuleInfo> rules() {
        return rules;
    }

    boolean dated() {
        return dated;
    }

    int matched() {
        return matched;
    }

    DataEvaluator evaluator() {
        return evaluator;
    }

    /** The component plan ({@link ComponentPlan}). */
    Object[] componentPlan() {
        return componentPlan;
    }

    /** Where the competent unit comes from ({@link Procedure.Competence#by()}), or null when the procedure has no competence. */
    Procedure.Competence.By competenceBy() {
        return competenceBy;
    }

    /** {@link Procedure.Competence#field()}, or null. */
    String competenceField() {
        return competenceField;
    }

    /** {@link Procedure.Competence#unit()}, or null. */
    String competenceUnit() {
        return competenceUnit;
    }

    /** {@link Procedure.Competence#basis()}, or null. */
    LegalBasis competenceBasis() {
        return competenceBasis;
    }

    /** {@link Procedure.Competence#transfer()}, or null. */
    Procedure.Competence.Transfer competenceTransfer() {
        return competenceTransfer;
    }

    /** The plan of the procedure's steps when they apply to every dossier, else null ({@link #stepPlan}). */
    io.github.motcua.calendar.StepPlan stepPlan() {
        return stepPlan;
    }

    private static io.github.motcua.calendar.StepPlan stepPlan(Procedure p) {
        return p.stepConditions().isEmpty() ? io.github.motcua.calendar.StepPlan.of(p.steps()) : null;
    }

    /** Whether {@code rules()} is not empty. */
    boolean hasRules() {
        return hasRules;
    }

    /** Whether the procedure accepts dossiers received through {@code channel}: {@code procedure().channels().contains}. */
    boolean accepts(io.github.motcua.dossier.Channel channel) {
        return channel == null ? procedure.channels().contains(null) : (channels & 1 << channel.ordinal()) != 0;
    }

    private static int channelBits(Procedure p) {
        int bits = 0;
        for (io.github.motcua.dossier.Channel c : p.channels()) {
            bits |= 1 << c.ordinal();
        }
        return bits;
    }

    /** The procedure's KieBase, assembled now if it was deferred ({@link RuleNetwork#kieBase()}). */
    KieBase kieBase() {
        return network.kieBase();
    }

    /** Whether the KieBase exists (assembled at preparation, or since by a session's need). */
    boolean assembled() {
        return network.isAssembled();
    }

    /**
     * The pool of the procedure's sessions; the first call on a procedure decided as data assembles its KieBase
     * (once, under the network's lock: concurrent callers wait for the one assembly).
     *
     * @throws RuntimeException when the deferred assembly fails (see {@link RuleNetwork#kieBase()})
     */
    KieSessionsPool sessions() {
        KieSessionsPool p = sessions;
        if (p == null) {
            synchronized (this) {
                p = sessions;
                if (p == null) {
                    p = network.kieBase().newKieSessionsPool(0);
                    sessions = p;
                }
            }
        }
        return p;
    }

    /** Whether some pattern of the rules can match a fact of the kind {@code bit}: only then is one inserted. */
    boolean matches(int bit) {
        return (matched & bit) != 0;
    }

    /**
     * The kinds of fact some pattern of the KieBase can match: a fact reaches a rule only through an object
     * type node of its class or of a supertype (a pattern, {@code not}, {@code exists}, {@code accumulate}
     * or query on it makes one; verified rule code cannot read the session's facts any other way), so a fact
     * no node accepts is inserted for nothing: the insert looks up its type in the KieBase and propagates
     * nowhere. Every kind when the KieBase is not one whose network can be read.
     */
    static int matched(KieBase kieBase) {
        if (!(kieBase instanceof org.drools.core.impl.InternalRuleBase rb)) {
            return ALL;
        }
        int m = 0;
        for (org.drools.core.reteoo.ObjectTypeNode otn : rb.getRete().getObjectTypeNodes()) {
            org.drools.base.base.ObjectType t = otn.getObjectType();
            m |= (t.isAssignableFrom(io.github.motcua.rules.vocabulary.Dossier.class) ? DOSSIER : 0)
                    | (t.isAssignableFrom(io.github.motcua.rules.vocabulary.Applicant.class) ? APPLICANT : 0)
                    | (t.isAssignableFrom(io.github.motcua.rules.vocabulary.Unit.class) ? UNIT : 0)
                    | (t.isAssignableFrom(io.github.motcua.rules.vocabulary.Form.class) ? FORM : 0);
        }
        return m;
    }

    /**
     * The kinds of fact some pattern of rules as data can match, read from the rules rather than from a KieBase: the
     * facts of their patterns, {@code not} and {@code exists} included. Those are exactly the object type nodes of the
     * KieBase {@link DataRules#model} would give ({@link #matched(KieBase)}): every pattern is on one of the four
     * vocabulary classes, unrelated to one another, and makes a node of its class; nothing else of the model makes one
     * for a vocabulary class. Tested equal to the network's for every procedure of the repository's packs and of the
     * catalogue generator's templates ({@code DeferredKieBaseTest}).
     */
    static int matched(DataRules.Translated t) {
        int m = 0;
        for (DataRules.DataRule r : t.rules()) {
            for (DataRules.Pattern p : r.lhs()) {
                m |= switch (p.fact()) {
                    case DOSSIER -> DOSSIER;
                    case APPLICANT -> APPLICANT;
                    case UNIT -> UNIT;
                    case FORM -> FORM;
                };
            }
        }
        return m;
    }

    /** What the trace and the validity filter need to know about a rule. */
    record RuleInfo(String name, String file, int line, LegalBasis basis, LocalDate validFrom, LocalDate validTo,
            io.github.motcua.rules.Decision.TraceStep step) {
        /** With {@code step}, the trace step a firing adds, made once (immutable: every decision shares it). */
        RuleInfo(String name, String file, int line, LegalBasis basis, LocalDate validFrom, LocalDate validTo) {
            this(name, file, line, basis, validFrom, validTo,
                    new io.github.motcua.rules.Decision.TraceStep(name, file, line, basis, null));
        }

        boolean inForceOn(LocalDate d) {
            return (validFrom == null || !d.isBefore(validFrom)) && (validTo == null || !d.isAfter(validTo));
        }
    }
}
