package io.github.motcua.rules.internal;

import io.github.motcua.rules.vocabulary.Form;
import java.util.Objects;
import org.drools.model.functions.HashedExpression;
import org.drools.model.functions.Predicate1;
import org.drools.model.functions.PredicateInformation;

/**
 * Library conditions on the form, shared by every procedure: a rule's {@code Form( text("a.b") == "X" )} or
 * {@code Form( bool("a") == true )} is one instance of a class of this library holding the path and the value as
 * data, instead of a generated class of its procedure (issue 15: with 2,000 procedures taking turns, every
 * procedure's own condition code ran cold and mostly interpreted; these few methods stay compiled and hot,
 * whichever procedure decides). {@link FormConditionSources} puts them in place of the generated lambdas whose
 * code is exactly one of these comparisons; the result is the same {@code boolean} (the same
 * {@code Objects.equals} of the same {@link Form} read) and the same exceptions for a value of the wrong type.
 *
 * <p>Drools knows a condition by {@link HashedExpression#getExpressionHash()}: alpha nodes with equal fingerprints
 * are shared and {@code isEqualTo} compares them. The fingerprint here is made from the kind, the path and the value
 * with the path's length first, so two conditions are equal exactly when they compare the same field with the same
 * value, and never equal to a generated lambda's (32 hex digits). Equality and hash code are identity, as for the
 * generated enum constants. Generated rule code may call only the factories below, and only where it builds the
 * rule model ({@link BytecodeAllowlist#builds}); the verifier refuses anything else of this class.
 *
 * <p>Immutable apart from the {@link PredicateInformation} Drools may add rule names to while it builds the
 * KieBase; thread-safe once the KieBase is built.
 */
public final class FormConditions {
    private FormConditions() {
    }

    /**
     * {@code text(path) == value}.
     *
     * @param constraint the condition as written ({@code text("a") == "X"}), for Drools' error messages
     * @param ruleNames  pairs of rule name and file, as the generated lambda gave them
     */
    public static Predicate1<Form> textEquals(String path, String value, String constraint, String... ruleNames) {
        return new TextEquals(path, value, info(constraint, ruleNames));
    }

    /** {@code bool(path) == value}; parameters as for {@link #textEquals}. */
    public static Predicate1<Form> boolEquals(String path, boolean value, String constraint, String... ruleNames) {
        return new BoolEquals(path, value, info(constraint, ruleNames));
    }

    private static PredicateInformation info(String constraint, String[] ruleNames) {
        PredicateInformation info = new PredicateInformation(constraint);
        info.addRuleNames(ruleNames);
        return info;
    }

    /** The fingerprint: {@code motcua:<kind> <path length>:<path>=<value>}, so no two different conditions share one. */
    static String fingerprint(String kind, String path, String value) {
        return "motcua:" + kind + " " + path.length() + ":" + path + "=" + value;
    }

    /**
     * What both conditions share: the field's path, the fingerprint and Drools' predicate information; a subclass
     * adds its value and its test.
     */
    abstract static class FieldEquals implements Predicate1<Form>, HashedExpression {
        private static final long serialVersionUID = 1L;
        final String path;
        private final String hash;
        private final transient PredicateInformation info;

        FieldEquals(String kind, String path, String value, PredicateInformation info) {
            this.path = Objects.requireNonNull(path);
            this.hash = fingerprint(kind, path, Objects.requireNonNull(value));
            this.info = info;
        }

        @Override
        public final String getExpressionHash() {
            return hash;
        }

        @Override
        public final PredicateInformation predicateInformation() {
            return info;
        }

        @Override
        public final String toString() {
            return hash;
        }
    }

    /** {@code text(path) == value}. */
    static final class TextEquals extends FieldEquals {
        private static final long serialVersionUID = 1L;
        private final String value;

        TextEquals(String path, String value, PredicateInformation info) {
            super("text==", path, value, info);
            this.value = value;
        }

        @Override
        public boolean test(Form form) {
            return Objects.equals(form.text(path), value);
        }
    }

    /** {@code bool(path) == value}. */
    static final class BoolEquals extends FieldEquals {
        private static final long serialVersionUID = 1L;
        private final Boolean value;

        BoolEquals(String path, boolean value, PredicateInformation info) {
            super("bool==", path, Boolean.toString(value), info);
            this.value = value;
        }

        @Override
        public boolean test(Form form) {
            return Objects.equals(form.bool(path), value);
        }
    }
}
