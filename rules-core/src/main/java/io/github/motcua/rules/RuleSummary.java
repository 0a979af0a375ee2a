package io.github.motcua.rules;

import io.github.motcua.law.LegalBasis;
import java.util.List;
import java.util.Objects;

/**
 * One rule of a procedure as a guide describes it to a citizen (quy tắc, điều kiện): its name — by the
 * pack's convention a plain sentence saying the condition and what follows, e.g. <i>"Thửa đất tại xã
 * miền núi, hải đảo, vùng sâu, vùng xa, vùng khó khăn thì cộng thêm 10 ngày làm việc"</i> — its legal
 * basis, and the actions its consequence takes, read from the rule's text without running it.
 * {@code Engine.rules(code)} lists them; the citizen guide prints, for each paper asked for only in
 * some cases, the rules that ask for it, and every condition, extension and exemption by name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name    the rule's name
 * @param file    its pack-relative file
 * @param basis   its {@code @basis}, or {@code null}
 * @param actions what it does, in the order its consequence writes them
 */
public record RuleSummary(String name, String file, LegalBasis basis, List<Action> actions) {
    public RuleSummary {
        Objects.requireNonNull(name, "name");
        actions = List.copyOf(actions);
    }

    /** Whether the rule takes an action of this kind. */
    public boolean does(Kind kind) {
        return actions.stream().anyMatch(a -> a.kind() == kind);
    }

    /** Whether the rule asks for this component (required, one of a group, or optional). */
    public boolean asksFor(String componentId) {
        return actions.stream().anyMatch(a -> componentId.equals(a.target())
                && (a.kind() == Kind.REQUIRE || a.kind() == Kind.REQUIRE_ONE_OF || a.kind() == Kind.OPTIONAL));
    }

    /**
     * One action of the rule vocabulary ({@code io.github.motcua.rules.vocabulary.Actions}).
     *
     * @param kind   which
     * @param target the component id or fee item it acts on, or {@code null}
     * @param text   its reason, note or message as written in the rule, or {@code null}
     */
    public record Action(Kind kind, String target, String text) {
        public Action {
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The kinds of action, one per method of the rule vocabulary. */
    public enum Kind {
        /** {@code ineligible}: the dossier does not meet a condition. */
        INELIGIBLE,
        /** {@code require}: a component is asked for. */
        REQUIRE,
        /** {@code requireOneOf}: one of a group of components is asked for (one action per member). */
        REQUIRE_ONE_OF,
        /** {@code optional}: a component may be submitted. */
        OPTIONAL,
        /** {@code waive}: a component is not needed, its data being held. */
        WAIVE,
        /** {@code extend}: the time limit grows. */
        EXTEND,
        /** {@code pause}: a period is not counted. */
        PAUSE,
        /** {@code replaceDeadline}: another time limit applies. */
        REPLACE_DEADLINE,
        /** {@code note}: a note for officers. */
        NOTE,
        /** {@code addFee}: a fee item is charged. */
        ADD_FEE,
        /** {@code exempt}: a fee item is waived. */
        EXEMPT,
        /** {@code reduce}: a fee item is reduced. */
        REDUCE
    }
}
