package io.github.motcua.rules.internal;

import io.github.motcua.rules.vocabulary.Actions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.drools.model.Rule;
import org.kie.api.KieBase;

/**
 * Decides a procedure whose rules are all data ({@link DataRules}) without a Drools session (issue 15): the decoded
 * rules as a few compact arrays of the procedure, read by this one library class, so a decision touches no
 * KieBase, pooled session or node memory of the procedure's. It gives exactly the Drools session's result, because
 * for these rules Drools' behaviour is a fixed function of the facts:
 *
 * <ul>
 *   <li><b>What matches.</b> A decision inserts at most one fact of each of the four vocabulary types and no
 *   consequence inserts, modifies or retracts one ({@link Actions} has no such method, and a data consequence calls
 *   only {@link Actions}), so the network never changes while rules fire. A rule's patterns carry no binding and no
 *   join: a pattern matches when its fact is present and its constraints, in their order, all hold (Drools chains
 *   them as alpha nodes in that order); {@code not} when that pattern does not match, {@code exists} when it does.
 *   Each rule therefore has at most one match (the one tuple of the facts present) and fires at most once.</li>
 *   <li><b>What is evaluated.</b> Drools evaluates the alpha network when a fact is inserted, for every rule, whether
 *   or not the rule will fire: the constraints of every pattern up to the first that fails. This class evaluates
 *   the same constraints of every pattern of every rule before firing any, so it meets a throwing condition exactly
 *   when the session would (a shared or hashed alpha node evaluates a constraint once, a chain of its own once each:
 *   the conditions are pure reads of immutable facts, so how often one is evaluated changes nothing).</li>
 *   <li><b>The order.</b> Drools' agenda ({@code RuleAgendaConflictResolver}, drools-core 10.2.0) puts the higher
 *   salience first and, at equal salience, the lower load order; the executable model's {@code KiePackagesBuilder}
 *   numbers the rules of a model from 0 in the model's order, which is {@link DataRules.Translated#rules}' order. The
 *   rules here are sorted by salience (descending), stably, in that order.</li>
 *   <li><b>Firing.</b> As {@code RuleExecutor} does: a match the agenda filter refuses (a rule not in force on the
 *   decision's date) is skipped and not counted; otherwise the before-firing callback runs, then the consequence
 *   (even when that callback halts, as Drools' {@code halt()} from {@code beforeMatchFired} lets the current firing
 *   finish), then the after-firing callback; firing stops after {@code max} firings or a halt.</li>
 * </ul>
 *
 * <p>When a condition or a consequence throws (a value of the wrong type, a blank action argument), this class
 * does not make up a failure: {@link #fire} returns {@link #DROOLS} and the caller decides that dossier again with
 * the procedure's Drools session, from the start, so the failure — its code, message and the rule it names — is
 * exactly the session's. A procedure qualifies only when every rule's attributes are those above (salience,
 * {@code no-loop}, {@code lock-on-active false}); an agenda group, an activation group or {@code lock-on-active
 * true} keeps the whole procedure on Drools sessions. {@code -Dmotcua.rules.droolsSessions=true} keeps every
 * procedure on Drools sessions.
 *
 * <p>Security: it interprets the checked trees with library code only (the {@link DataConditions} reads and the
 * closed {@link DataConditions.Action} table, no reflection on names from the pack); nothing loops over pack
 * content at decision time except the procedure's fixed arrays, and at most {@code max} consequences run.
 * Immutable once built; thread-safe.
 */
final class DataEvaluator {
    /**
     * {@code -Dmotcua.rules.droolsSessions=true}: decide every procedure with its Drools session, as before this class
     * existed (read when a procedure's KieBase is assembled).
     */
    static final String FORCE_SESSIONS = "motcua.rules.droolsSessions";
    /** What {@link #fire} returns when a condition or consequence threw: decide again with the Drools session. */
    static final int DROOLS = -1;

    /** The evaluator each data KieBase was assembled from the rules of (weak keys: it goes with its KieBase). */
    private static final Map<KieBase, DataEvaluator> BY_KIE_BASE = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /*
     * A handful of flat arrays per procedure, whatever its number of rules: a decision over many procedures reads
     * each procedure's from cold memory, and fewer, contiguous objects are fewer cache misses.
     */
    /** Rule names, in firing order. */
    private final String[] names;
    /**
     * The patterns of rule k (firing order) are {@code patterns[patternStart[k] .. patternStart[k + 1])}: a chain index
     * that must match (a pattern or an {@code exists}), or its complement {@code ~index} that must not (a {@code not}).
     */
    private final int[] patterns;
    private final int[] patternStart;
    /** The calls of rule k's consequence are {@code calls[callStart[k] .. callStart[k + 1])}. */
    private final DataConditions.Call[] calls;
    private final int[] callStart;
    /**
     * The procedure's distinct patterns ("chains"): chain c is the fact {@code chainFact[c]} (a {@link DataConditions.Fact}
     * ordinal) and its constraints {@code nodes[chainStart[c] .. chainStart[c + 1])}, in order.
     */
    private final DataConditions.Node[] nodes;
    private final int[] chainStart;
    private final int[] chainFact;
    /**
     * Per rule (firing order): its trace and validity information in the procedure ({@link #bind}), or null in an
     * evaluator not bound to a procedure's rule information.
     */
    private final CompiledProcedure.RuleInfo[] infos;

    private DataEvaluator(String[] names, int[] patterns, int[] patternStart, DataConditions.Call[] calls, int[] callStart,
            DataConditions.Node[] nodes, int[] chainStart, int[] chainFact, CompiledProcedure.RuleInfo[] infos) {
        this.names = names;
        this.patterns = patterns;
        this.patternStart = patternStart;
        this.calls = calls;
        this.callStart = callStart;
        this.nodes = nodes;
        this.chainStart = chainStart;
        this.chainFact = chainFact;
        this.infos = infos;
    }

    /** Whether procedures may be decided without a Drools session (not forced off). */
    static boolean enabled() {
        return !Boolean.getBoolean(FORCE_SESSIONS);
    }

    /** Records the evaluator of a data KieBase just assembled from {@code t} (none when it does not qualify). */
    static void register(KieBase kieBase, DataRules.Translated t) {
        DataEvaluator e = of(t);
        if (e != null) {
            BY_KIE_BASE.put(kieBase, e);
        }
    }

    /**
     * The evaluator of a KieBase assembled from rules as data, bound to the procedure's rule information; null for any
     * other KieBase, or when forced off.
     */
    static DataEvaluator of(KieBase kieBase, Map<String, CompiledProcedure.RuleInfo> rules) {
        DataEvaluator e = enabled() ? BY_KIE_BASE.get(kieBase) : null;
        return e == null ? null : e.bind(rules);
    }

    /**
     * This evaluator with each rule's information looked up once, as {@link Evaluation#enter(String)} and the
     * validity filter would look it up at every firing (a rule the map lacks gets the same bare information).
     */
    DataEvaluator bind(Map<String, CompiledProcedure.RuleInfo> rules) {
        CompiledProcedure.RuleInfo[] bound = new CompiledProcedure.RuleInfo[names.length];
        for (int k = 0; k < names.length; k++) {
            bound[k] = rules.get(names[k]);
        }
        return new DataEvaluator(names, patterns, patternStart, calls, callStart, nodes, chainStart, chainFact, bound);
    }

    /** The evaluator of the rules, or null when they do not qualify (or Drools sessions are forced). */
    static DataEvaluator of(DataRules.Translated t) {
        if (!enabled()) {
            return null;
        }
        List<DataRules.DataRule> rules = t.rules();
        int n = rules.size();
        int[] salience = new int[n];
        for (int i = 0; i < n; i++) {
            for (DataRules.Attribute a : rules.get(i).attributes()) {
                if (a.name() == Rule.Attribute.SALIENCE) {
                    salience[i] = (Integer) a.value();
                } else if (a.name() == Rule.Attribute.LOCK_ON_ACTIVE && Boolean.TRUE.equals(a.value())
                        || a.name() != Rule.Attribute.NO_LOOP && a.name() != Rule.Attribute.LOCK_ON_ACTIVE) {
                    return null; // agenda or activation group, lock-on-active: the agenda's own business
                }
            }
        }
        // higher salience first; at equal salience the model's order (Drools' load order); List.sort is stable
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Integer.compare(salience[b], salience[a]));
        Map<String, Integer> chainIds = new HashMap<>();
        List<DataConditions.Node> nodes = new ArrayList<>();
        List<Integer> chainStart = new ArrayList<>();
        List<Integer> chainFact = new ArrayList<>();
        List<Integer> patterns = new ArrayList<>();
        List<DataConditions.Call> calls = new ArrayList<>();
        String[] names = new String[n];
        int[] patternStart = new int[n + 1];
        int[] callStart = new int[n + 1];
        for (int k = 0; k < n; k++) {
            DataRules.DataRule r = rules.get(order.get(k));
            names[k] = r.name();
            patternStart[k] = patterns.size();
            for (DataRules.Pattern p : r.lhs()) {
                // identical patterns (the same fact and constraints, printed) hold or fail together: evaluated once
                StringBuilder key = new StringBuilder(p.fact().name());
                for (DataConditions.Node c : p.constraints()) {
                    key.append('\u0000').append(DataConditions.print(c));
                }
                Integer id = chainIds.get(key.toString());
                if (id == null) {
                    id = chainFact.size();
                    chainIds.put(key.toString(), id);
                    chainStart.add(nodes.size());
                    nodes.addAll(p.constraints());
                    chainFact.add(p.fact().ordinal());
                }
                patterns.add(p.kind() == DataRules.Kind.NOT ? ~id : id);
            }
            callStart[k] = calls.size();
            calls.addAll(r.rhs());
        }
        patternStart[n] = patterns.size();
        callStart[n] = calls.size();
        chainStart.add(nodes.size());
        return new DataEvaluator(names, ints(patterns), patternStart, calls.toArray(new DataConditions.Call[0]), callStart,
                nodes.toArray(new DataConditions.Node[0]), ints(chainStart), ints(chainFact), new CompiledProcedure.RuleInfo[n]);
    }

    private static int[] ints(List<Integer> l) {
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    /** What a decision is told around each firing. */
    interface Firing {
        /**
         * Before a rule's consequence runs; true halts the firing once this consequence has run.
         *
         * @param info the rule's information in the procedure, or null when unbound or the procedure has none for it
         */
        boolean before(String rule, CompiledProcedure.RuleInfo info);

        /** After the consequence. */
        void after();
    }

    /**
     * Fires the rules on the facts, as the procedure's Drools session would with them inserted.
     *
     * @param facts    by {@link DataConditions.Fact} ordinal: the fact of that type inserted, or null when none is
     * @param decision the {@code decision} global
     * @param accept   which rules may fire (Drools' agenda filter, given the rule's information as {@link Firing#before}
     *                 is), or null for all
     * @param max      the most firings (as {@code fireAllRules(max)})
     * @return the number of firings, or {@link #DROOLS} when a condition or consequence threw (the caller then
     *         decides again with the Drools session; anything {@code decision} recorded is to be dropped)
     */
    int fire(Object[] facts, Actions decision, Firing firing, Predicate<CompiledProcedure.RuleInfo> accept, int max) {
        // every pattern's constraints, up to the first that fails, as Drools' alpha network evaluates them on insert
        int m = chainFact.length;
        boolean[] match = new boolean[m];
        try {
            for (int c = 0; c < m; c++) {
                Object fact = facts[chainFact[c]];
                if (fact == null) {
                    continue;
                }
                int i = chainStart[c];
                int end = chainStart[c + 1];
                while (i < end && nodes[i].test(fact)) {
                    i++;
                }
                match[c] = i == end;
            }
        } catch (RuntimeException | StackOverflowError e) {
            return DROOLS;
        }
        int fired = 0;
        for (int k = 0; k < names.length && fired < max; k++) {
            if (!holds(k, match) || accept != null && !accept.test(infos[k])) {
                continue;
            }
            boolean halt = firing.before(names[k], infos[k]);
            try {
                for (int i = callStart[k]; i < callStart[k + 1]; i++) {
                    calls[i].action().call(decision, calls[i].args());
                }
            } catch (RuntimeException e) {
                return DROOLS;
            }
            firing.after();
            fired++;
            if (halt) {
                break;
            }
        }
        return fired;
    }

    private boolean holds(int k, boolean[] match) {
        for (int i = patternStart[k]; i < patternStart[k + 1]; i++) {
            int c = patterns[i];
            if (c >= 0 ? !match[c] : match[~c]) {
                return false;
            }
        }
        return true;
    }

    /** The rules in firing order (for tests and diagnostics). */
    List<String> order() {
        return List.of(names);
    }
}
