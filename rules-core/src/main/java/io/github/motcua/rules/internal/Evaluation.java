package io.github.motcua.rules.internal;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.fees.FeeDirective;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.vocabulary.Actions;
import io.github.motcua.rules.vocabulary.VocabularyException;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-decision {@link Actions} bound to the {@code decision} global: records every action with
 * the firing rule. Confined to the one thread that runs the decision.
 */
final class Evaluation implements Actions {
    /** What a rule did to a component, from the weakest to the strongest (a stronger action wins). */
    enum ComponentVerb {
        /** {@code optional(id)}. */
        OPTIONAL,
        /** {@code requireOneOf(group, ids…)}. */
        ONE_OF,
        /** {@code require(id)}. */
        REQUIRE,
        /** {@code waive(id, source)}. */
        WAIVE
    }

    /** A component action, kept in firing order. */
    record ComponentAction(ComponentVerb verb, String id, String group, String source, CompiledProcedure.RuleInfo rule) {
    }

    private final java.util.Map<String, CompiledProcedure.RuleInfo> rules;
    CompiledProcedure.RuleInfo current;
    CompiledProcedure.RuleInfo last;
    final List<Decision.TraceStep> trace = new ArrayList<>();
    final List<Decision.Reason> reasons = new ArrayList<>();
    final List<Decision.Note> notes = new ArrayList<>();
    final List<ComponentAction> components = new ArrayList<>();
    final List<DeadlineAdjustment> deadline = new ArrayList<>();
    final List<FeeDirective> fees = new ArrayList<>();

    Evaluation(java.util.Map<String, CompiledProcedure.RuleInfo> rules) {
        this.rules = rules;
    }

    void enter(String ruleName) {
        enter(ruleName, rules.get(ruleName));
    }

    /** {@link #enter(String)} with the rule's information already looked up ({@code info} null when there is none). */
    void enter(String ruleName, CompiledProcedure.RuleInfo info) {
        current = info;
        if (current == null) {
            current = new CompiledProcedure.RuleInfo(ruleName, null, 0, null, null, null);
        }
        last = current;
        trace.add(current.step()); // made with the rule's info, once
    }

    void leave() {
        current = null;
    }

    private CompiledProcedure.RuleInfo rule() {
        if (current == null) {
            throw new VocabularyException(Msg.vi("vocabulary.actionOutsideThen"), Msg.en("vocabulary.actionOutsideThen"));
        }
        return current;
    }

    private static String nonBlank(String v, String what) {
        if (v == null || v.isBlank()) {
            throw new VocabularyException(Msg.vi("vocabulary.blank", "what", what), Msg.en("vocabulary.blank", "what", what));
        }
        return v;
    }

    @Override
    public void ineligible(String reasonVi) {
        ineligible(reasonVi, null);
    }

    @Override
    public void ineligible(String reasonVi, String reasonEn) {
        CompiledProcedure.RuleInfo r = rule();
        reasons.add(new Decision.Reason(nonBlank(reasonVi, "reasonVi"), reasonEn, r.basis(), r.name()));
    }

    /*
     * Checked beforehand (DataEvaluator): a procedure's rules kept as data call these with literal arguments, whose
     * checks (not blank, a deadline unit's name) do not depend on the dossier and passed when the procedure was
     * prepared (checks(Action, ...)). Each does what its public method does after those checks, nothing else: a
     * decision then reads none of the arguments' texts (docs/performance.md, "Session 20"). The checks that depend on
     * the decision (an action outside a consequence) and on numbers (amounts, percentages) still run.
     */

    /**
     * Whether {@code action}'s string arguments {@code s[a ..]} pass the checks its public method makes of them (each
     * of its Vietnamese or only texts, ids, group, source and item not blank; a deadline unit's name valid): then the
     * action may be made with {@link #checked}. {@code unit} receives the deadline unit of a deadline action.
     */
    static boolean checks(DataConditions.Action action, String[] s, int a, DeadlineUnit[] unit) {
        int strings = 0;
        for (int i = 0; i < action.params.length(); i++) {
            strings += action.params.charAt(i) == 'S' ? 1 : 0;
        }
        int unchecked = switch (action) {
            // the English text beside the Vietnamese one is not checked
            case INELIGIBLE_2, NOTE_2, EXTEND_4, PAUSE_4, REPLACE_DEADLINE_4 -> 1;
            default -> 0;
        };
        for (int i = 0; i < strings - unchecked; i++) {
            if (s[a + i] == null || s[a + i].isBlank()) {
                return false;
            }
        }
        switch (action) {
            case EXTEND_3, EXTEND_4, PAUSE_3, PAUSE_4, REPLACE_DEADLINE_3, REPLACE_DEADLINE_4 -> {
                for (DeadlineUnit u : DeadlineUnit.values()) {
                    if (u.name().equals(s[a])) { // as valueOf: the exact name
                        unit[0] = u;
                        return true;
                    }
                }
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    /**
     * {@code action} with its string arguments {@code s[a ..]}, which {@link #checks} accepted ({@code unit} the one it
     * gave), and its number {@code n} (an amount, quantity or percentage; 0 when it has none).
     */
    void checked(DataConditions.Action action, String[] s, int a, long n, DeadlineUnit unit) {
        switch (action) {
            case INELIGIBLE_1, INELIGIBLE_2 -> {
                CompiledProcedure.RuleInfo r = rule();
                reasons.add(new Decision.Reason(s[a], action == DataConditions.Action.INELIGIBLE_2 ? s[a + 1] : null,
                        r.basis(), r.name()));
            }
            case REQUIRE -> components.add(new ComponentAction(ComponentVerb.REQUIRE, s[a], null, null, rule()));
            case OPTIONAL -> components.add(new ComponentAction(ComponentVerb.OPTIONAL, s[a], null, null, rule()));
            case WAIVE -> components.add(new ComponentAction(ComponentVerb.WAIVE, s[a], null, s[a + 1], rule()));
            case REQUIRE_ONE_OF_3, REQUIRE_ONE_OF_4, REQUIRE_ONE_OF_5 -> {
                CompiledProcedure.RuleInfo r = rule();
                int ids = action == DataConditions.Action.REQUIRE_ONE_OF_3 ? 2
                        : action == DataConditions.Action.REQUIRE_ONE_OF_4 ? 3 : 4;
                for (int i = 1; i <= ids; i++) {
                    components.add(new ComponentAction(ComponentVerb.ONE_OF, s[a + i], s[a], null, r));
                }
            }
            case EXTEND_3, EXTEND_4 -> adjusted(DeadlineAdjustment.Kind.EXTEND, n, unit, s[a + 1],
                    action == DataConditions.Action.EXTEND_4 ? s[a + 2] : null);
            case PAUSE_3, PAUSE_4 -> adjusted(DeadlineAdjustment.Kind.PAUSE, n, unit, s[a + 1],
                    action == DataConditions.Action.PAUSE_4 ? s[a + 2] : null);
            case REPLACE_DEADLINE_3, REPLACE_DEADLINE_4 -> adjusted(DeadlineAdjustment.Kind.REPLACE, n, unit, s[a + 1],
                    action == DataConditions.Action.REPLACE_DEADLINE_4 ? s[a + 2] : null);
            case NOTE_1, NOTE_2 -> {
                CompiledProcedure.RuleInfo r = rule();
                notes.add(new Decision.Note(s[a], action == DataConditions.Action.NOTE_2 ? s[a + 1] : null, r.basis(),
                        r.name()));
            }
            case ADD_FEE -> {
                CompiledProcedure.RuleInfo r = rule();
                quantity(n);
                fees.add(new FeeDirective(FeeDirective.Kind.ADD, s[a], n, 0, null, r.basis(), r.name()));
            }
            case EXEMPT -> {
                CompiledProcedure.RuleInfo r = rule();
                fees.add(new FeeDirective(FeeDirective.Kind.EXEMPT, s[a], 0, 100, s[a + 1], r.basis(), r.name()));
            }
            case REDUCE -> {
                CompiledProcedure.RuleInfo r = rule();
                percent((int) n);
                fees.add(new FeeDirective(FeeDirective.Kind.REDUCE, s[a], 0, (int) n, s[a + 1], r.basis(), r.name()));
            }
        }
    }

    @Override
    public void require(String componentId) {
        components.add(new ComponentAction(ComponentVerb.REQUIRE, nonBlank(componentId, "componentId"), null, null, rule()));
    }

    @Override
    public void requireOneOf(String group, String id1, String id2) {
        oneOf(group, id1, id2);
    }

    @Override
    public void requireOneOf(String group, String id1, String id2, String id3) {
        oneOf(group, id1, id2, id3);
    }

    @Override
    public void requireOneOf(String group, String id1, String id2, String id3, String id4) {
        oneOf(group, id1, id2, id3, id4);
    }

    private void oneOf(String group, String... ids) {
        CompiledProcedure.RuleInfo r = rule();
        nonBlank(group, "group");
        for (String id : ids) {
            components.add(new ComponentAction(ComponentVerb.ONE_OF, nonBlank(id, "componentId"), group, null, r));
        }
    }

    @Override
    public void optional(String componentId) {
        components.add(new ComponentAction(ComponentVerb.OPTIONAL, nonBlank(componentId, "componentId"), null, null, rule()));
    }

    @Override
    public void waive(String componentId, String source) {
        components.add(new ComponentAction(ComponentVerb.WAIVE, nonBlank(componentId, "componentId"), null,
                nonBlank(source, "source"), rule()));
    }

    @Override
    public void extend(long amount, String unit, String reasonVi) {
        adjust(DeadlineAdjustment.Kind.EXTEND, amount, unit, reasonVi, null);
    }

    @Override
    public void pause(long amount, String unit, String reasonVi) {
        adjust(DeadlineAdjustment.Kind.PAUSE, amount, unit, reasonVi, null);
    }

    @Override
    public void replaceDeadline(long amount, String unit, String reasonVi) {
        adjust(DeadlineAdjustment.Kind.REPLACE, amount, unit, reasonVi, null);
    }

    @Override
    public void extend(long amount, String unit, String reasonVi, String reasonEn) {
        adjust(DeadlineAdjustment.Kind.EXTEND, amount, unit, reasonVi, reasonEn);
    }

    @Override
    public void pause(long amount, String unit, String reasonVi, String reasonEn) {
        adjust(DeadlineAdjustment.Kind.PAUSE, amount, unit, reasonVi, reasonEn);
    }

    @Override
    public void replaceDeadline(long amount, String unit, String reasonVi, String reasonEn) {
        adjust(DeadlineAdjustment.Kind.REPLACE, amount, unit, reasonVi, reasonEn);
    }

    private void adjust(DeadlineAdjustment.Kind kind, long amount, String unit, String reasonVi, String reasonEn) {
        CompiledProcedure.RuleInfo r = rule();
        DeadlineUnit u;
        try {
            u = DeadlineUnit.valueOf(nonBlank(unit, "unit"));
        } catch (IllegalArgumentException e) {
            throw new VocabularyException(Msg.vi("vocabulary.badUnit", "unit", String.valueOf(unit)),
                    Msg.en("vocabulary.badUnit", "unit", String.valueOf(unit)));
        }
        adjusted(kind, amount, u, nonBlank(reasonVi, "reasonVi"), reasonEn, r);
    }

    /** {@link #adjust} once the unit and reason are checked. */
    private void adjusted(DeadlineAdjustment.Kind kind, long amount, DeadlineUnit u, String reasonVi, String reasonEn) {
        adjusted(kind, amount, u, reasonVi, reasonEn, rule());
    }

    private void adjusted(DeadlineAdjustment.Kind kind, long amount, DeadlineUnit u, String reasonVi, String reasonEn,
            CompiledProcedure.RuleInfo r) {
        if (amount < 0 || (amount == 0 && u != DeadlineUnit.SAME_DAY)) {
            throw new VocabularyException(Msg.vi("vocabulary.badAmount", "amount", String.valueOf(amount)),
                    Msg.en("vocabulary.badAmount", "amount", String.valueOf(amount)));
        }
        deadline.add(new DeadlineAdjustment(kind, new TimeLimit(amount, u), null, null, reasonVi, reasonEn, r.basis(),
                r.name()));
    }

    @Override
    public void note(String messageVi) {
        note(messageVi, null);
    }

    @Override
    public void note(String messageVi, String messageEn) {
        CompiledProcedure.RuleInfo r = rule();
        notes.add(new Decision.Note(nonBlank(messageVi, "messageVi"), messageEn, r.basis(), r.name()));
    }

    @Override
    public void addFee(String item, long quantity) {
        CompiledProcedure.RuleInfo r = rule();
        quantity(quantity);
        fees.add(new FeeDirective(FeeDirective.Kind.ADD, nonBlank(item, "item"), quantity, 0, null, r.basis(), r.name()));
    }

    @Override
    public void exempt(String item, String reasonVi) {
        CompiledProcedure.RuleInfo r = rule();
        fees.add(new FeeDirective(FeeDirective.Kind.EXEMPT, nonBlank(item, "item"), 0, 100,
                nonBlank(reasonVi, "reasonVi"), r.basis(), r.name()));
    }

    @Override
    public void reduce(String item, int percent, String reasonVi) {
        CompiledProcedure.RuleInfo r = rule();
        percent(percent);
        fees.add(new FeeDirective(FeeDirective.Kind.REDUCE, nonBlank(item, "item"), 0, percent,
                nonBlank(reasonVi, "reasonVi"), r.basis(), r.name()));
    }

    private static void quantity(long quantity) {
        if (quantity < 1) {
            throw new VocabularyException(Msg.vi("vocabulary.feeQuantity", "quantity", String.valueOf(quantity)),
                    Msg.en("vocabulary.feeQuantity", "quantity", String.valueOf(quantity)));
        }
    }

    private static void percent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new VocabularyException(Msg.vi("vocabulary.percent", "percent", String.valueOf(percent)),
                    Msg.en("vocabulary.percent", "percent", String.valueOf(percent)));
        }
    }
}
