package io.github.motcua.rules.internal;

import io.github.motcua.rules.vocabulary.Actions;
import io.github.motcua.rules.vocabulary.Applicant;
import io.github.motcua.rules.vocabulary.Dossier;
import io.github.motcua.rules.vocabulary.Form;
import io.github.motcua.rules.vocabulary.Unit;
import java.util.List;
import java.util.Objects;
import org.drools.model.functions.Block1;
import org.drools.model.functions.Function1;
import org.drools.model.functions.HashedExpression;
import org.drools.model.functions.Predicate1;
import org.drools.model.functions.PredicateInformation;
import org.drools.modelcompiler.util.EvaluationUtil;

/**
 * The library side of rules kept as data ({@link DataRules}, issue 15): the conditions and consequences of a
 * procedure whose rules all lie in the closed subset, as trees of literals, vocabulary reads, comparisons and
 * {@code &&}/{@code ||}/{@code !}, evaluated by these few classes instead of by code generated for the procedure.
 * Each comparison calls exactly the {@link EvaluationUtil} method, with the same static argument types, that the
 * executable-model generator writes for that shape (the tree records which one when it is built), so null values,
 * boxing and number widening behave as in the generated code; a vocabulary read that throws (a value of the wrong
 * type) throws the same exception out of the condition. Evaluation walks the tree once: no loop, no recursion
 * beyond the tree's depth (which {@link DataRules} bounds).
 *
 * <p>Immutable apart from the {@link PredicateInformation} Drools may add rule names to while it builds the KieBase.
 */
final class DataConditions {
    private DataConditions() {
    }

    /** The four vocabulary facts a pattern may match. */
    enum Fact {
        DOSSIER(Dossier.class), APPLICANT(Applicant.class), UNIT(Unit.class), FORM(Form.class);

        final Class<?> type;

        Fact(Class<?> type) {
            this.type = type;
        }

        static Fact of(String simpleName) {
            for (Fact f : values()) {
                if (f.type.getSimpleName().equals(simpleName)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** The static type a vocabulary read has in Java, which decides what the generator writes for a comparison. */
    enum Type {
        /** {@code boolean} (a primitive: may stand alone as a condition). */
        BOOLEAN,
        /** {@code java.lang.Boolean} (may be null: never stands alone). */
        BOOLEAN_OBJECT,
        STRING,
        /** {@code int}. */
        INT,
        /** {@code java.lang.Integer}. */
        INTEGER_OBJECT,
        /** {@code java.lang.Long}. */
        LONG_OBJECT,
        /** {@code java.math.BigDecimal}. */
        DECIMAL
    }

    /**
     * Every vocabulary read a data condition may make: a method with string arguments or a bean property. Nothing
     * else of the facts (dates, raw values, the residence unit) is reachable from a data condition.
     */
    enum Read {
        FORM_HAS(Fact.FORM, "has", 1, Type.BOOLEAN),
        FORM_TEXT(Fact.FORM, "text", 1, Type.STRING),
        FORM_INTEGER(Fact.FORM, "integer", 1, Type.LONG_OBJECT),
        FORM_DECIMAL(Fact.FORM, "decimal", 1, Type.DECIMAL),
        FORM_BOOL(Fact.FORM, "bool", 1, Type.BOOLEAN_OBJECT),
        FORM_COUNT(Fact.FORM, "count", 1, Type.INT),
        FORM_AGE_IN_DAYS(Fact.FORM, "ageInDays", 1, Type.LONG_OBJECT),
        FORM_AGE_IN_YEARS(Fact.FORM, "ageInYears", 1, Type.INTEGER_OBJECT),
        FORM_UNIT_HAS_FLAG(Fact.FORM, "unitHasFlag", 2, Type.BOOLEAN),
        APPLICANT_SEX(Fact.APPLICANT, "sex", -1, Type.STRING),
        APPLICANT_AGE(Fact.APPLICANT, "age", -1, Type.INT),
        APPLICANT_PERSONAL_ID(Fact.APPLICANT, "personalId", -1, Type.STRING),
        APPLICANT_FULL_NAME(Fact.APPLICANT, "fullName", -1, Type.STRING),
        APPLICANT_HAS_CATEGORY(Fact.APPLICANT, "hasCategory", 1, Type.BOOLEAN),
        APPLICANT_RESIDENCE_HAS_FLAG(Fact.APPLICANT, "residenceHasFlag", 1, Type.BOOLEAN),
        DOSSIER_PROCEDURE(Fact.DOSSIER, "procedure", -1, Type.STRING),
        DOSSIER_CHANNEL(Fact.DOSSIER, "channel", -1, Type.STRING),
        DOSSIER_UNIT_CODE(Fact.DOSSIER, "unitCode", -1, Type.STRING),
        DOSSIER_ONLINE(Fact.DOSSIER, "online", -1, Type.BOOLEAN),
        DOSSIER_HAS_HELD_DATA(Fact.DOSSIER, "hasHeldData", 1, Type.BOOLEAN),
        /** {@code receivedAt.hour}: the hour of the Vietnam time it was received (what rules.yaml writes for "giờ nhận"). */
        DOSSIER_RECEIVED_HOUR(Fact.DOSSIER, "receivedAt.hour", -1, Type.INT),
        UNIT_CODE(Fact.UNIT, "code", -1, Type.STRING),
        UNIT_NAME(Fact.UNIT, "name", -1, Type.STRING),
        UNIT_KIND(Fact.UNIT, "kind", -1, Type.STRING),
        UNIT_HAS_FLAG(Fact.UNIT, "hasFlag", 1, Type.BOOLEAN);

        final Fact fact;
        final String name;
        /** The number of string arguments of a method; -1 for a property (no parentheses). */
        final int arity;
        final Type type;

        Read(Fact fact, String name, int arity, Type type) {
            this.fact = fact;
            this.name = name;
            this.arity = arity;
            this.type = type;
        }

        boolean property() {
            return arity < 0;
        }

        /** The bean property a property read reacts on: itself, or the first of a path ({@code receivedAt}). */
        String reactsOn() {
            int dot = name.indexOf('.');
            return dot < 0 ? name : name.substring(0, dot);
        }

        /** {@link #values()} made once (each call copies the array; {@link #of} runs for every read of every condition). */
        private static final Read[] ALL = values();

        static Read of(Fact fact, String name, int arity) {
            for (Read r : ALL) {
                if (r.fact == fact && r.name.equals(name) && r.arity == arity) {
                    return r;
                }
            }
            return null;
        }

        /** The read, boxed as javac boxes a primitive ({@code valueOf}). */
        Object read(Object fact, List<String> a) {
            return read(fact, arity > 0 ? a.get(0) : null, arity > 1 ? a.get(1) : null);
        }

        /**
         * The read with its string arguments given one by one ({@code a0}, {@code a1}: null beyond its arity), as the
         * evaluator's flat arrays hold them ({@link DataEvaluator}).
         */
        Object read(Object fact, String a0, String a1) {
            return switch (this) {
                case FORM_HAS -> ((Form) fact).has(a0);
                case FORM_TEXT -> ((Form) fact).text(a0);
                case FORM_INTEGER -> ((Form) fact).integer(a0);
                case FORM_DECIMAL -> ((Form) fact).decimal(a0);
                case FORM_BOOL -> ((Form) fact).bool(a0);
                case FORM_COUNT -> ((Form) fact).count(a0);
                case FORM_AGE_IN_DAYS -> ((Form) fact).ageInDays(a0);
                case FORM_AGE_IN_YEARS -> ((Form) fact).ageInYears(a0);
                case FORM_UNIT_HAS_FLAG -> ((Form) fact).unitHasFlag(a0, a1);
                case APPLICANT_SEX -> ((Applicant) fact).getSex();
                case APPLICANT_AGE -> ((Applicant) fact).getAge();
                case APPLICANT_PERSONAL_ID -> ((Applicant) fact).getPersonalId();
                case APPLICANT_FULL_NAME -> ((Applicant) fact).getFullName();
                case APPLICANT_HAS_CATEGORY -> ((Applicant) fact).hasCategory(a0);
                case APPLICANT_RESIDENCE_HAS_FLAG -> ((Applicant) fact).residenceHasFlag(a0);
                case DOSSIER_PROCEDURE -> ((Dossier) fact).getProcedure();
                case DOSSIER_CHANNEL -> ((Dossier) fact).getChannel();
                case DOSSIER_UNIT_CODE -> ((Dossier) fact).getUnitCode();
                case DOSSIER_ONLINE -> ((Dossier) fact).isOnline();
                case DOSSIER_HAS_HELD_DATA -> ((Dossier) fact).hasHeldData(a0);
                case DOSSIER_RECEIVED_HOUR -> ((Dossier) fact).getReceivedAt().getHour();
                case UNIT_CODE -> ((Unit) fact).getCode();
                case UNIT_NAME -> ((Unit) fact).getName();
                case UNIT_KIND -> ((Unit) fact).getKind();
                case UNIT_HAS_FLAG -> ((Unit) fact).hasFlag(a0);
            };
        }

        /**
         * A read standing alone as a condition: a {@code boolean}, or {@code bool("x")}, whose {@code Boolean} is unboxed
         * straight from the vocabulary's return value as the generated {@code _this.bool("x")} is, so a null throws the
         * same {@link NullPointerException} with the same message.
         */
        boolean test(Object fact, List<String> a) {
            return test(fact, arity > 0 ? a.get(0) : null, arity > 1 ? a.get(1) : null);
        }

        /**
         * What this form read gives on a form whose data has no field at its one-segment path: {@link Form}'s answer for
         * a missing value (false, 0 or null), without reading the path ({@link DataEvaluator}'s reads through the form
         * data's keys; {@code FormKeyReadsTest} holds it to {@link Form}'s own answer for every form read).
         */
        Object missing() {
            return switch (this) {
                case FORM_HAS, FORM_UNIT_HAS_FLAG -> Boolean.FALSE;
                case FORM_COUNT -> 0;
                case FORM_TEXT, FORM_INTEGER, FORM_DECIMAL, FORM_BOOL, FORM_AGE_IN_DAYS, FORM_AGE_IN_YEARS -> null;
                default -> throw new IllegalStateException("not a form read: " + this);
            };
        }

        /** {@link #missing()} standing alone as a condition, as {@link #test(Object, String, String)} (a null throws). */
        boolean testMissing() {
            Boolean b = (Boolean) missing();
            return b;
        }

        /** {@link #test(Object, List)} with the arguments one by one, as {@link #read(Object, String, String)}. */
        boolean test(Object fact, String a0, String a1) {
            if (this == FORM_BOOL) {
                return ((Form) fact).bool(a0);
            }
            return (Boolean) read(fact, a0, a1);
        }
    }

    /**
     * What a comparison of a read with a literal compiles to, by the read's type (docs/security.md, "Rules as data"):
     * the generator's own choice of {@link EvaluationUtil} method and argument types.
     */
    enum Compare {
        /** {@code areNullSafeEquals(Object, Object)}: strings, booleans and {@code null} with {@code ==}/{@code !=}. */
        OBJECTS,
        /** {@code areNumbersNullSafeEquals(Number, Number)}: an {@code int}/{@code Integer}/{@code Long} read {@code ==}/{@code !=} a number. */
        NUMBERS_EQUAL,
        /** {@code lessThanNumbers(Long, Long)} and the like: a {@code Long} read ordered against a number widened to {@code long}. */
        LONGS,
        /** {@code lessThanNumbers(Number, Number)} and the like: an {@code int}/{@code Integer} read ordered against an int. */
        NUMBERS,
        /** {@code lessThan(Comparable, Comparable)} of {@code toBigDecimal} of both sides (and {@code equals} for {@code ==}). */
        DECIMALS
    }

    /** A relational operator as written. */
    enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        static Op of(String s) {
            for (Op o : values()) {
                if (o.symbol.equals(s)) {
                    return o;
                }
            }
            return null;
        }
    }

    /** A node of a condition's tree. */
    sealed interface Node permits Atom, Comparison, Not, And, Or, Group {
        boolean test(Object fact);

        /** The condition as the generator prints it (Drools' messages quote it; it is also its identity). */
        void print(StringBuilder out);

        /** Nodes in this subtree. */
        int size();
    }

    /** A {@code boolean} read standing alone: {@code has("p")}, {@code online}, {@code bool("p")} (unboxed). */
    record Atom(Read read, List<String> args) implements Node {
        Atom {
            args = List.copyOf(args);
        }

        @Override
        public boolean test(Object fact) {
            return read.test(fact, args);
        }

        @Override
        public void print(StringBuilder out) {
            printRead(read, args, out);
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /**
     * A read compared with a literal: {@code value} is the literal as the generated code passes it (a String, a
     * Boolean, null, an Integer, a Long, or a Double for a decimal literal against a BigDecimal read), {@code literal}
     * its source text (a string literal with its quotes and escapes as written).
     */
    record Comparison(Read read, List<String> args, Op op, Compare kind, Object value, String literal) implements Node {
        Comparison {
            args = List.copyOf(args);
        }

        @Override
        public boolean test(Object fact) {
            return compare(kind, op, read.read(fact, args), value);
        }

        @Override
        public void print(StringBuilder out) {
            printRead(read, args, out);
            out.append(' ').append(op.symbol).append(' ').append(literal);
        }

        @Override
        public int size() {
            return 2;
        }
    }

    /**
     * A read's value {@code v} compared with a literal's {@code value} as {@code kind} and {@code op} say: the
     * {@link EvaluationUtil} call the generator writes for that shape ({@link Comparison}).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static boolean compare(Compare kind, Op op, Object v, Object value) {
        return switch (kind) {
            case OBJECTS -> op == Op.EQ ? EvaluationUtil.areNullSafeEquals(v, value) : !EvaluationUtil.areNullSafeEquals(v, value);
            case NUMBERS_EQUAL -> op == Op.EQ ? EvaluationUtil.areNumbersNullSafeEquals((Number) v, (Number) value)
                    : !EvaluationUtil.areNumbersNullSafeEquals((Number) v, (Number) value);
            case LONGS -> switch (op) {
                case LT -> EvaluationUtil.lessThanNumbers((Long) v, (Long) value);
                case LE -> EvaluationUtil.lessOrEqualNumbers((Long) v, (Long) value);
                case GT -> EvaluationUtil.greaterThanNumbers((Long) v, (Long) value);
                case GE -> EvaluationUtil.greaterOrEqualNumbers((Long) v, (Long) value);
                default -> throw new IllegalStateException(op.symbol);
            };
            case NUMBERS -> switch (op) {
                case LT -> EvaluationUtil.lessThanNumbers((Number) v, (Number) value);
                case LE -> EvaluationUtil.lessOrEqualNumbers((Number) v, (Number) value);
                case GT -> EvaluationUtil.greaterThanNumbers((Number) v, (Number) value);
                case GE -> EvaluationUtil.greaterOrEqualNumbers((Number) v, (Number) value);
                default -> throw new IllegalStateException(op.symbol);
            };
            case DECIMALS -> {
                Comparable l = EvaluationUtil.toBigDecimal(v);
                Comparable r = EvaluationUtil.toBigDecimal(value);
                yield switch (op) {
                    case EQ -> EvaluationUtil.equals(l, r);
                    case NE -> EvaluationUtil.notEquals(l, r);
                    case LT -> EvaluationUtil.lessThan(l, r);
                    case LE -> EvaluationUtil.lessOrEqual(l, r);
                    case GT -> EvaluationUtil.greaterThan(l, r);
                    case GE -> EvaluationUtil.greaterOrEqual(l, r);
                };
            }
        };
    }

    /** {@code !x}. */
    record Not(Node operand) implements Node {
        @Override
        public boolean test(Object fact) {
            return !operand.test(fact);
        }

        @Override
        public void print(StringBuilder out) {
            out.append('!');
            operand.print(out);
        }

        @Override
        public int size() {
            return 1 + operand.size();
        }
    }

    /** {@code l && r}, short-circuit. */
    record And(Node left, Node right) implements Node {
        @Override
        public boolean test(Object fact) {
            return left.test(fact) && right.test(fact);
        }

        @Override
        public void print(StringBuilder out) {
            left.print(out);
            out.append(" && ");
            right.print(out);
        }

        @Override
        public int size() {
            return 1 + left.size() + right.size();
        }
    }

    /** {@code l || r}, short-circuit. */
    record Or(Node left, Node right) implements Node {
        @Override
        public boolean test(Object fact) {
            return left.test(fact) || right.test(fact);
        }

        @Override
        public void print(StringBuilder out) {
            left.print(out);
            out.append(" || ");
            right.print(out);
        }

        @Override
        public int size() {
            return 1 + left.size() + right.size();
        }
    }

    /** {@code (x)}: kept for the printed form only. */
    record Group(Node inner) implements Node {
        @Override
        public boolean test(Object fact) {
            return inner.test(fact);
        }

        @Override
        public void print(StringBuilder out) {
            out.append('(');
            inner.print(out);
            out.append(')');
        }

        @Override
        public int size() {
            return 1 + inner.size();
        }
    }

    private static void printRead(Read read, List<String> args, StringBuilder out) {
        out.append(read.name);
        if (read.property()) {
            return;
        }
        out.append('(');
        for (int i = 0; i < args.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(DataRules.quote(args.get(i)));
        }
        out.append(')');
    }

    /** The printed form of a tree. */
    static String print(Node n) {
        StringBuilder sb = new StringBuilder();
        n.print(sb);
        return sb.toString();
    }

    /**
     * One condition of a pattern: its tree, with its text as written as Drools' predicate information (the rules that
     * use it are added as the generator adds them) and its printed form as its identity: {@code motcua:data <fact> <printed form>}, never
     * equal to a generated lambda's hash (32 hex digits) nor to a {@link FormConditions} fingerprint.
     */
    static final class Condition implements Predicate1<Object>, HashedExpression {
        private static final long serialVersionUID = 1L;
        private final Node tree;
        private final String hash;
        private final transient PredicateInformation info;

        Condition(Fact fact, Node tree) {
            this(fact, tree, print(tree));
        }

        /** A condition written as {@code text}, which Drools quotes as the generator's lambda would. */
        Condition(Fact fact, Node tree, String text) {
            this.tree = Objects.requireNonNull(tree);
            this.hash = "motcua:data " + fact.name() + " " + print(tree);
            this.info = new PredicateInformation(Objects.requireNonNull(text));
        }

        /** As the generator's lambda names its rules: the rule's name and the source path of its file. */
        void addRule(String name, String file) {
            info.addRuleNames(name, file);
        }

        @Override
        public boolean test(Object fact) {
            return tree.test(fact);
        }

        @Override
        public String getExpressionHash() {
            return hash;
        }

        @Override
        public PredicateInformation predicateInformation() {
            return info;
        }

        @Override
        public String toString() {
            return hash;
        }
    }

    /** The property a generated alpha index reads ({@code _this.getSex()}), boxed as the generated extractor boxes it. */
    static final class Extractor implements Function1<Object, Object>, HashedExpression {
        private static final long serialVersionUID = 1L;
        private final Read read;

        Extractor(Read read) {
            if (!read.property()) {
                throw new IllegalArgumentException(read.name());
            }
            this.read = read;
        }

        @Override
        public Object apply(Object fact) {
            return read.read(fact, List.of());
        }

        @Override
        public String getExpressionHash() {
            return "motcua:data get " + read.fact.name() + "." + read.name;
        }

        @Override
        public String toString() {
            return getExpressionHash();
        }
    }

    /** An {@link Actions} method a data consequence may call, with its parameter types ({@code S} string, {@code L} long, {@code I} int). */
    enum Action {
        INELIGIBLE_1("ineligible", "S"), INELIGIBLE_2("ineligible", "SS"),
        REQUIRE("require", "S"),
        REQUIRE_ONE_OF_3("requireOneOf", "SSS"), REQUIRE_ONE_OF_4("requireOneOf", "SSSS"), REQUIRE_ONE_OF_5("requireOneOf", "SSSSS"),
        OPTIONAL("optional", "S"),
        WAIVE("waive", "SS"),
        EXTEND_3("extend", "LSS"), EXTEND_4("extend", "LSSS"),
        PAUSE_3("pause", "LSS"), PAUSE_4("pause", "LSSS"),
        REPLACE_DEADLINE_3("replaceDeadline", "LSS"), REPLACE_DEADLINE_4("replaceDeadline", "LSSS"),
        NOTE_1("note", "S"), NOTE_2("note", "SS"),
        ADD_FEE("addFee", "SL"),
        EXEMPT("exempt", "SS"),
        REDUCE("reduce", "SIS");

        final String method;
        /** One letter a parameter. */
        final String params;

        Action(String method, String params) {
            this.method = method;
            this.params = params;
        }

        /** The overload of {@code method} with {@code arity} parameters; null when there is none. */
        static Action of(String method, int arity) {
            for (Action a : values()) {
                if (a.method.equals(method) && a.params.length() == arity) {
                    return a;
                }
            }
            return null;
        }

        /** The number of arguments. */
        int arity() {
            return params.length();
        }

        void call(Actions d, List<Object> a) {
            call(d, a.toArray(), 0);
        }

        /**
         * The call with its arguments {@code a[at .. at + arity())}, as the evaluator's flat arrays hold them
         * ({@link DataEvaluator}).
         */
        void call(Actions d, Object[] a, int at) {
            switch (this) {
                case INELIGIBLE_1 -> d.ineligible(s(a, at));
                case INELIGIBLE_2 -> d.ineligible(s(a, at), s(a, at + 1));
                case REQUIRE -> d.require(s(a, at));
                case REQUIRE_ONE_OF_3 -> d.requireOneOf(s(a, at), s(a, at + 1), s(a, at + 2));
                case REQUIRE_ONE_OF_4 -> d.requireOneOf(s(a, at), s(a, at + 1), s(a, at + 2), s(a, at + 3));
                case REQUIRE_ONE_OF_5 -> d.requireOneOf(s(a, at), s(a, at + 1), s(a, at + 2), s(a, at + 3), s(a, at + 4));
                case OPTIONAL -> d.optional(s(a, at));
                case WAIVE -> d.waive(s(a, at), s(a, at + 1));
                case EXTEND_3 -> d.extend(l(a, at), s(a, at + 1), s(a, at + 2));
                case EXTEND_4 -> d.extend(l(a, at), s(a, at + 1), s(a, at + 2), s(a, at + 3));
                case PAUSE_3 -> d.pause(l(a, at), s(a, at + 1), s(a, at + 2));
                case PAUSE_4 -> d.pause(l(a, at), s(a, at + 1), s(a, at + 2), s(a, at + 3));
                case REPLACE_DEADLINE_3 -> d.replaceDeadline(l(a, at), s(a, at + 1), s(a, at + 2));
                case REPLACE_DEADLINE_4 -> d.replaceDeadline(l(a, at), s(a, at + 1), s(a, at + 2), s(a, at + 3));
                case NOTE_1 -> d.note(s(a, at));
                case NOTE_2 -> d.note(s(a, at), s(a, at + 1));
                case ADD_FEE -> d.addFee(s(a, at), l(a, at + 1));
                case EXEMPT -> d.exempt(s(a, at), s(a, at + 1));
                case REDUCE -> d.reduce(s(a, at), (Integer) a[at + 1], s(a, at + 2));
            }
        }

        private static String s(Object[] a, int i) {
            return (String) a[i];
        }

        private static long l(Object[] a, int i) {
            return (Long) a[i];
        }
    }

    /** One statement {@code decision.<method>(literal, …);} with its arguments as the method receives them. */
    record Call(Action action, List<Object> args) {
        Call {
            args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        }
    }

    /** A consequence: its calls in order, on the {@code decision} global. */
    static final class Consequence implements Block1<Actions>, HashedExpression {
        private static final long serialVersionUID = 1L;
        private final List<Call> calls;
        private final String hash;

        Consequence(List<Call> calls, String rule) {
            this.calls = List.copyOf(calls);
            this.hash = "motcua:data then " + rule;
        }

        @Override
        public void execute(Actions decision) {
            for (Call c : calls) {
                c.action().call(decision, c.args());
            }
        }

        @Override
        public String getExpressionHash() {
            return hash;
        }

        @Override
        public String toString() {
            return hash;
        }
    }
}
