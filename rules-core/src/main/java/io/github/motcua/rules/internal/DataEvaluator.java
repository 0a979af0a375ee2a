package io.github.motcua.rules.internal;

import io.github.motcua.rules.vocabulary.Actions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.drools.model.Rule;

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
     * existed (read when a procedure is prepared: its KieBase is then assembled at once, as before this class existed).
     */
    static final String FORCE_SESSIONS = "motcua.rules.droolsSessions";
    /** What {@link #fire} returns when a condition or consequence threw: decide again with the Drools session. */
    static final int DROOLS = -1;

    /*
     * Layout (issue 15, "Session 13 — compact evaluator data"): a decision over many procedures reads each
     * procedure's data from cold memory, and every object it reaches is at least one more cache line, read only after
     * the reference to it. So a procedure's rules are three flat arrays built once — its ints (rule table, patterns,
     * calls, and the condition trees as prefix code), its strings (rule names, the reads' arguments, the calls' string
     * arguments) and the comparisons' literal values — instead of a tree of records, lists and boxed arguments per
     * condition and per call. Nothing in them is shared with another procedure's.
     *
     * code[0 .. rules]: where rule k's entry starts (code[rules] is where the chain table starts). Rule k's entry:
     *   the number of its patterns, then each (a chain index that must match, or ~index that must not);
     *   the number of its calls, then each: the Action ordinal (with CHECKED and the deadline unit's ordinal + 1 from
     *   UNIT_SHIFT when its literal arguments passed Evaluation.checks), the index in strs of its first string argument
     *   (its string arguments are consecutive there), then its other arguments in order (a long as two ints, high
     *   first; an int as one).
     * Chain table, from code[rules]: per chain, its fact (a Fact ordinal), the start and the end of its constraints.
     * Constraints: prefix code, each node starting [opcode, end] (end: where the next node starts):
     *   ATOM [ATOM, end, Read ordinal, strs index of its arguments]
     *   CMP  [CMP, end, Read ordinal, strs index of its arguments, Compare ordinal * 8 + Op ordinal, values index,
     *         offset, length]: a string literal compared as OBJECTS also lies in the procedure's one text of such
     *         literals (literals) from offset, for length chars (offset -1: not there)
     *   NOT  [NOT, end, operand]; AND, OR [AND|OR, end, left, right] (right starts at left's end); a group is its inner.
     */
    private static final int ATOM = 0;
    private static final int CMP = 1;
    private static final int NOT = 2;
    private static final int AND = 3;
    private static final int OR = 4;
    /** In a call's action word: its literal arguments passed {@link Evaluation#checks} (Session 20). */
    private static final int CHECKED = 1 << 8;
    /** In a call's action word: from this bit, the deadline unit's ordinal + 1 (0: none). */
    private static final int UNIT_SHIFT = 9;
    private static final io.github.motcua.calendar.DeadlineUnit[] UNITS = io.github.motcua.calendar.DeadlineUnit.values();
    private static final DataConditions.Read[] READS = DataConditions.Read.values();
    private static final DataConditions.Compare[] COMPARES = DataConditions.Compare.values();
    private static final DataConditions.Op[] OPS = DataConditions.Op.values();
    private static final DataConditions.Action[] ACTIONS = DataConditions.Action.values();

    /** The number of rules and of distinct patterns ("chains": identical patterns hold or fail together). */
    private final int rules;
    private final int chains;
    /** The ints described above. */
    private final int[] code;
    /** Rule names in firing order ({@code strs[0 .. rules)}), then the reads' and calls' string arguments. */
    private final String[] strs;
    /** The comparisons' literal values (a String, Boolean, null, Integer, Long or Double), as the generated code passes them. */
    private final Object[] values;
    /**
     * Per rule (firing order): its trace and validity information in the procedure ({@link #bind}), or null in an
     * evaluator not bound to a procedure's rule information.
     */
    private final CompiledProcedure.RuleInfo[] infos;
    /**
     * Every distinct string literal the procedure's conditions compare as objects ({@code ==}, {@code !=}), one after
     * another in one text: a comparison reads this one string instead of a string and its bytes of each literal
     * (docs/performance.md, "Session 20"); {@link #values} keeps each literal too, for a value that is not a string.
     */
    private final String literals;
    /**
     * Its string arguments bound to the property indices of the form layout the last decision's form data had
     * ({@link io.github.motcua.forms.internal.FormLayout}), or null before a decision with such data. Written by
     * deciding threads without a lock: a {@link FormBinding} is immutable (final fields), so a thread sees none, a
     * complete one, or one for another layout (after a reload of the forms), and then binds again; each gives the same
     * answers (docs/performance.md, "Session 24").
     */
    private FormBinding formBinding;

    /**
     * {@code index[i]}: the property index in {@code layout} of the property named {@code strs[i]} when that is a
     * one-segment path, or -1. A form read whose path is bound reads the field through the form data's own key of that
     * index (equal text, so the same value), or, when the data has no such key, gives the form's answer for a missing
     * field ({@link DataConditions.Read#missing}): either way not through the procedure's own path string, which a
     * decision over 2,000 procedures would read from cold memory.
     */
    private record FormBinding(Object layout, int[] index) {
    }

    private DataEvaluator(int rules, int chains, int[] code, String[] strs, Object[] values, CompiledProcedure.RuleInfo[] infos,
            String literals) {
        this.rules = rules;
        this.chains = chains;
        this.code = code;
        this.strs = strs;
        this.values = values;
        this.infos = infos;
        this.literals = literals;
    }

    /** Whether procedures may be decided without a Drools session (not forced off). */
    static boolean enabled() {
        return !Boolean.getBoolean(FORCE_SESSIONS);
    }

    /**
     * This evaluator with each rule's information looked up once, as {@link Evaluation#enter(String)} and the
     * validity filter would look it up at every firing (a rule the map lacks gets the same bare information).
     */
    DataEvaluator bind(Map<String, CompiledProcedure.RuleInfo> rules) {
        return bind(rules, List.of());
    }

    /**
     * As {@link #bind(Map)}, and with this procedure's equal texts made one object: each string argument and string
     * literal equal to one of {@code components}' ids becomes that component's id object (the first such component's),
     * and equal arguments and literals become the first of them. A decision over many procedures reads each of these
     * from cold memory (a {@code String} and its byte array each); a field path read by three rules is then two objects
     * instead of six, and the component a rule requires is found by identity ({@link Evaluator}) without reading the ids
     * before it (docs/performance.md, "Session 16 — what a decision touches per procedure"). Equal content only, so
     * every comparison and look-up gives what it gave; within this procedure only: nothing is shared with another
     * procedure's evaluator.
     *
     * @param components the procedure's component catalogue, in declaration order
     */
    DataEvaluator bind(Map<String, CompiledProcedure.RuleInfo> rules, List<io.github.motcua.rules.DossierComponent> components) {
        CompiledProcedure.RuleInfo[] bound = new CompiledProcedure.RuleInfo[this.rules];
        for (int k = 0; k < this.rules; k++) {
            bound[k] = rules.get(strs[k]);
        }
        Map<String, String> own = new HashMap<>();
        for (io.github.motcua.rules.DossierComponent c : components) {
            own.putIfAbsent(c.id(), c.id());
        }
        String[] s = strs.clone();
        for (int i = this.rules; i < s.length; i++) { // the rule names stay the names the rules were compiled with
            if (s[i] != null) {
                s[i] = own.computeIfAbsent(s[i], x -> x);
            }
        }
        Object[] v = values.clone();
        for (int i = 0; i < v.length; i++) {
            if (v[i] instanceof String x) {
                v[i] = own.computeIfAbsent(x, y -> y);
            }
        }
        return new DataEvaluator(this.rules, chains, code, s, v, bound, literals);
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
        Builder b = new Builder();
        // the distinct patterns, in order of first use; identical ones (the same fact and constraints, printed) hold
        // or fail together: evaluated once
        Map<String, Integer> chainIds = new HashMap<>();
        List<DataRules.Pattern> chains = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            b.strs.add(rules.get(order.get(k)).name());
        }
        int[] ruleStart = new int[n + 1];
        List<int[]> ruleCode = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            DataRules.DataRule r = rules.get(order.get(k));
            IntList rc = new IntList();
            rc.add(r.lhs().size());
            for (DataRules.Pattern p : r.lhs()) {
                StringBuilder key = new StringBuilder(p.fact().name());
                for (DataConditions.Node c : p.constraints()) {
                    key.append('\u0000').append(DataConditions.print(c));
                }
                Integer id = chainIds.get(key.toString());
                if (id == null) {
                    id = chains.size();
                    chainIds.put(key.toString(), id);
                    chains.add(p);
                }
                rc.add(p.kind() == DataRules.Kind.NOT ? ~id : id);
            }
            rc.add(r.rhs().size());
            for (DataConditions.Call c : r.rhs()) {
                if (!b.call(c, rc)) {
                    return null; // arguments not of the action's parameter types: only Drools knows what it does then
                }
            }
            ruleCode.add(rc.toArray());
        }
        IntList code = new IntList();
        code.add(new int[n + 1]);
        for (int k = 0; k < n; k++) {
            ruleStart[k] = code.size();
            code.add(ruleCode.get(k));
        }
        ruleStart[n] = code.size();
        System.arraycopy(ruleStart, 0, code.a, 0, n + 1);
        int table = code.size();
        code.add(new int[3 * chains.size()]);
        for (int c = 0; c < chains.size(); c++) {
            DataRules.Pattern p = chains.get(c);
            code.a[table + 3 * c] = p.fact().ordinal();
            code.a[table + 3 * c + 1] = code.size();
            for (DataConditions.Node node : p.constraints()) {
                b.node(node, code);
            }
            code.a[table + 3 * c + 2] = code.size();
        }
        return new DataEvaluator(n, chains.size(), code.toArray(), b.strs.toArray(new String[0]), b.values.toArray(),
                new CompiledProcedure.RuleInfo[n], b.literals.toString());
    }

    /** The strings and literal values of a procedure's evaluator while it is built. */
    private static final class Builder {
        final List<String> strs = new ArrayList<>();
        final List<Object> values = new ArrayList<>();
        /** The string literals compared as objects, one after another, and where each starts there. */
        final StringBuilder literals = new StringBuilder();
        final Map<String, Integer> literalAt = new HashMap<>();

        /** Appends a call to {@code out}; false when an argument is not of its parameter's type. */
        boolean call(DataConditions.Call c, IntList out) {
            DataConditions.Action action = c.action();
            List<Object> args = c.args();
            if (args.size() != action.arity()) {
                return false;
            }
            int word = out.size();
            out.add(action.ordinal());
            int first = strs.size();
            out.add(first);
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                switch (action.params.charAt(i)) {
                    case 'S' -> {
                        if (a != null && !(a instanceof String)) {
                            return false;
                        }
                        strs.add((String) a);
                    }
                    case 'L' -> {
                        if (!(a instanceof Long l)) {
                            return false;
                        }
                        out.add((int) (l >>> 32));
                        out.add((int) (long) l);
                    }
                    case 'I' -> {
                        if (!(a instanceof Integer v)) {
                            return false;
                        }
                        out.add(v);
                    }
                    default -> {
                        return false;
                    }
                }
            }
            // the literal arguments' checks, made once here instead of at every firing
            io.github.motcua.calendar.DeadlineUnit[] unit = new io.github.motcua.calendar.DeadlineUnit[1];
            if (Evaluation.checks(action, strs.subList(first, strs.size()).toArray(new String[0]), 0, unit)) {
                out.a[word] |= CHECKED | (unit[0] == null ? 0 : unit[0].ordinal() + 1) << UNIT_SHIFT;
            }
            return true;
        }

        /** Appends a condition node (prefix code, see the layout above) to {@code out}. */
        void node(DataConditions.Node node, IntList out) {
            int at = out.size();
            if (node instanceof DataConditions.Group g) {
                node(g.inner(), out);
                return;
            } else if (node instanceof DataConditions.Atom a) {
                out.add(new int[] {ATOM, 0, a.read().ordinal(), args(a.read(), a.args())});
            } else if (node instanceof DataConditions.Comparison c) {
                int offset = -1;
                int length = 0;
                if (c.kind() == DataConditions.Compare.OBJECTS && c.value() instanceof String lit) {
                    Integer known = literalAt.get(lit);
                    if (known == null) {
                        known = literals.length();
                        literalAt.put(lit, known);
                        literals.append(lit);
                    }
                    offset = known;
                    length = lit.length();
                }
                out.add(new int[] {CMP, 0, c.read().ordinal(), args(c.read(), c.args()), c.kind().ordinal() * 8 + c.op().ordinal(),
                        values.size(), offset, length});
                values.add(c.value());
            } else if (node instanceof DataConditions.Not x) {
                out.add(new int[] {NOT, 0});
                node(x.operand(), out);
            } else if (node instanceof DataConditions.And x) {
                out.add(new int[] {AND, 0});
                node(x.left(), out);
                node(x.right(), out);
            } else if (node instanceof DataConditions.Or x) {
                out.add(new int[] {OR, 0});
                node(x.left(), out);
                node(x.right(), out);
            } else {
                throw new IllegalArgumentException(String.valueOf(node));
            }
            out.a[at + 1] = out.size();
        }

        /** The read's arguments appended to the strings (as many as its arity: a property has none); their index. */
        private int args(DataConditions.Read read, List<String> args) {
            int at = strs.size();
            for (int i = 0; i < Math.max(0, read.arity); i++) {
                strs.add(args.get(i));
            }
            return at;
        }
    }

    /** A growable int array, for building only. */
    private static final class IntList {
        int[] a = new int[64];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, 2 * n);
            }
            a[n++] = v;
        }

        void add(int[] vs) {
            for (int v : vs) {
                add(v);
            }
        }

        int size() {
            return n;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
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
        return fire(facts, null, decision, firing, accept, max);
    }

    /**
     * As {@link #fire(Object[], Actions, Firing, Predicate, int)}, with the form data the form fact holds: when forms-core
     * kept its top-level keys by property index, a form read of a top-level field reads it through the data's own key
     * (equal to the rule's path), so the rule's path string is not read.
     */
    int fire(Object[] facts, Map<String, Object> formData, Actions decision, Firing firing,
            Predicate<CompiledProcedure.RuleInfo> accept, int max) {
        int[] index = null;
        String[] keys = null;
        Object layout = formData == null ? null : io.github.motcua.forms.internal.FormLayout.layout(formData);
        if (layout != null) {
            FormBinding b = formBinding;
            if (b == null || b.layout() != layout) {
                b = bindForm(layout);
                formBinding = b;
            }
            index = b.index();
            keys = io.github.motcua.forms.internal.FormLayout.keys(formData);
        }
        int[] code = this.code;
        int table = code[rules];
        // every pattern's constraints, up to the first that fails, as Drools' alpha network evaluates them on insert;
        // which patterns match: bits of one long for the usual procedure, an array beyond 64 distinct patterns
        long bits = 0;
        boolean[] match = chains > 64 ? new boolean[chains] : null;
        try {
            for (int c = 0; c < chains; c++) {
                int t = table + 3 * c;
                Object fact = facts[code[t]];
                if (fact == null) {
                    continue;
                }
                int i = code[t + 1];
                int end = code[t + 2];
                while (i < end && test(i, fact, index, keys)) {
                    i = code[i + 1];
                }
                if (i == end) {
                    if (match == null) {
                        bits |= 1L << c;
                    } else {
                        match[c] = true;
                    }
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            return DROOLS;
        }
        int fired = 0;
        for (int k = 0; k < rules && fired < max; k++) {
            int pc = code[k];
            if (!holds(pc, bits, match) || accept != null && !accept.test(infos[k])) {
                continue;
            }
            boolean halt = firing.before(strs[k], infos[k]);
            pc += 1 + code[pc];
            try {
                for (int calls = code[pc++]; calls > 0; calls--) {
                    pc = call(pc, decision);
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

    /** Whether the patterns of the rule whose entry starts at {@code pc} hold. */
    private boolean holds(int pc, long bits, boolean[] match) {
        int end = pc + 1 + code[pc];
        for (int i = pc + 1; i < end; i++) {
            int c = code[i];
            boolean m = c >= 0 ? matched(c, bits, match) : !matched(~c, bits, match);
            if (!m) {
                return false;
            }
        }
        return true;
    }

    private static boolean matched(int c, long bits, boolean[] match) {
        return match == null ? (bits & 1L << c) != 0 : match[c];
    }

    /**
     * The binding of every string argument that is a one-segment path (not empty, no dot: the form fact reads it as
     * one key of the data) to {@code layout}'s property indices.
     */
    private FormBinding bindForm(Object layout) {
        int[] index = new int[strs.length];
        for (int i = 0; i < index.length; i++) {
            String s = strs[i];
            index[i] = i < rules || s == null || s.isEmpty() || s.indexOf('.') >= 0 ? -1
                    : io.github.motcua.forms.internal.FormLayout.indexOf(layout, s);
        }
        return new FormBinding(layout, index);
    }

    /**
     * For a form read whose path (argument {@code a}) is bound to a property index, that index: the form data's key
     * {@code keys[index]} is then the path's text, or null when the data has no such field ({@link #fire}); else -1.
     */
    private static int bound(DataConditions.Read read, int a, int[] index, String[] keys) {
        return keys != null && read.fact == DataConditions.Fact.FORM ? index[a] : -1;
    }

    /**
     * The condition node at {@code pc} on the fact, as {@link DataConditions.Node#test} evaluates its tree; {@code index}
     * and {@code keys}: the form binding and the form data's keys by property index, or null ({@link #fire}).
     */
    private boolean test(int pc, Object fact, int[] index, String[] keys) {
        int[] code = this.code;
        switch (code[pc]) {
            case ATOM -> {
                DataConditions.Read read = READS[code[pc + 2]];
                int a = code[pc + 3];
                int k = bound(read, a, index, keys);
                if (k >= 0) { // read through the data's own key, or the field is missing: the path is not read
                    String key = keys[k];
                    return key == null ? read.testMissing() : read.test(fact, key, read.arity > 1 ? strs[a + 1] : null);
                }
                return read.test(fact, read.arity > 0 ? strs[a] : null, read.arity > 1 ? strs[a + 1] : null);
            }
            case CMP -> {
                DataConditions.Read read = READS[code[pc + 2]];
                int a = code[pc + 3];
                int how = code[pc + 4];
                int k = bound(read, a, index, keys);
                Object v;
                if (k >= 0) { // as for ATOM
                    String key = keys[k];
                    v = key == null ? read.missing() : read.read(fact, key, read.arity > 1 ? strs[a + 1] : null);
                } else {
                    v = read.read(fact, read.arity > 0 ? strs[a] : null, read.arity > 1 ? strs[a + 1] : null);
                }
                int offset = code[pc + 6];
                if (offset >= 0 && v instanceof String text) {
                    // Objects.equals(v, literal), as the generated code's areNullSafeEquals: for a string, the same chars
                    int length = code[pc + 7];
                    boolean equal = text.length() == length && text.regionMatches(0, literals, offset, length);
                    return OPS[how & 7] == DataConditions.Op.EQ ? equal : !equal;
                }
                return DataConditions.compare(COMPARES[how >>> 3], OPS[how & 7], v, values[code[pc + 5]]);
            }
            case NOT -> {
                return !test(pc + 2, fact, index, keys);
            }
            case AND -> {
                return test(pc + 2, fact, index, keys) && test(code[pc + 3], fact, index, keys);
            }
            case OR -> {
                return test(pc + 2, fact, index, keys) || test(code[pc + 3], fact, index, keys);
            }
            default -> throw new IllegalStateException("opcode " + code[pc]);
        }
    }

    /** Calls the call whose code starts at {@code pc}; where the next one starts. */
    private int call(int pc, Actions d) {
        int[] code = this.code;
        String[] s = strs;
        int word = code[pc];
        DataConditions.Action action = ACTIONS[word & 0xFF];
        int a = code[pc + 1];
        pc += 2;
        if ((word & CHECKED) != 0 && d instanceof Evaluation ev) {
            // its literal arguments were checked when the procedure was prepared: none of their texts is read now
            int number = action.params.indexOf('L') >= 0 ? 1 : action.params.indexOf('I') >= 0 ? 2 : 0;
            int units = word >>> UNIT_SHIFT;
            ev.checked(action, s, a, number == 1 ? longAt(pc) : number == 2 ? code[pc] : 0,
                    units == 0 ? null : UNITS[units - 1]);
        } else {
            called(action, s, a, pc, d);
        }
        for (int i = 0; i < action.params.length(); i++) {
            char p = action.params.charAt(i);
            pc += p == 'L' ? 2 : p == 'I' ? 1 : 0;
        }
        return pc;
    }

    /** The call through {@link Actions}, its arguments checked there. */
    private void called(DataConditions.Action action, String[] s, int a, int pc, Actions d) {
        switch (action) {
            case INELIGIBLE_1 -> d.ineligible(s[a]);
            case INELIGIBLE_2 -> d.ineligible(s[a], s[a + 1]);
            case REQUIRE -> d.require(s[a]);
            case REQUIRE_ONE_OF_3 -> d.requireOneOf(s[a], s[a + 1], s[a + 2]);
            case REQUIRE_ONE_OF_4 -> d.requireOneOf(s[a], s[a + 1], s[a + 2], s[a + 3]);
            case REQUIRE_ONE_OF_5 -> d.requireOneOf(s[a], s[a + 1], s[a + 2], s[a + 3], s[a + 4]);
            case OPTIONAL -> d.optional(s[a]);
            case WAIVE -> d.waive(s[a], s[a + 1]);
            case EXTEND_3 -> d.extend(longAt(pc), s[a], s[a + 1]);
            case EXTEND_4 -> d.extend(longAt(pc), s[a], s[a + 1], s[a + 2]);
            case PAUSE_3 -> d.pause(longAt(pc), s[a], s[a + 1]);
            case PAUSE_4 -> d.pause(longAt(pc), s[a], s[a + 1], s[a + 2]);
            case REPLACE_DEADLINE_3 -> d.replaceDeadline(longAt(pc), s[a], s[a + 1]);
            case REPLACE_DEADLINE_4 -> d.replaceDeadline(longAt(pc), s[a], s[a + 1], s[a + 2]);
            case NOTE_1 -> d.note(s[a]);
            case NOTE_2 -> d.note(s[a], s[a + 1]);
            case ADD_FEE -> d.addFee(s[a], longAt(pc));
            case EXEMPT -> d.exempt(s[a], s[a + 1]);
            case REDUCE -> d.reduce(s[a], code[pc], s[a + 1]);
        }
    }

    private long longAt(int pc) {
        return (long) code[pc] << 32 | code[pc + 1] & 0xFFFFFFFFL;
    }

    /** How many of the calls had their literal arguments checked when the procedure was prepared (tests). */
    int checkedCalls() {
        int n = 0;
        for (int k = 0; k < rules; k++) {
            int pc = code[k];
            pc += 1 + code[pc];
            for (int calls = code[pc++]; calls > 0; calls--) {
                int word = code[pc];
                n += (word & CHECKED) != 0 ? 1 : 0;
                pc += 2;
                for (char p : ACTIONS[word & 0xFF].params.toCharArray()) {
                    pc += p == 'L' ? 2 : p == 'I' ? 1 : 0;
                }
            }
        }
        return n;
    }

    /** The rules in firing order (for tests and diagnostics). */
    List<String> order() {
        return List.of(java.util.Arrays.copyOf(strs, rules));
    }
}
