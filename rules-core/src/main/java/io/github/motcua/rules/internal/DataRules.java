package io.github.motcua.rules.internal;

import io.github.motcua.rules.internal.DataConditions.Action;
import io.github.motcua.rules.internal.DataConditions.Call;
import io.github.motcua.rules.internal.DataConditions.Compare;
import io.github.motcua.rules.internal.DataConditions.Fact;
import io.github.motcua.rules.internal.DataConditions.Node;
import io.github.motcua.rules.internal.DataConditions.Op;
import io.github.motcua.rules.internal.DataConditions.Read;
import io.github.motcua.rules.internal.DataConditions.Type;
import io.github.motcua.rules.vocabulary.Actions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.model.DomainClassMetadata;
import org.drools.model.Global;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.PatternDSL;
import org.drools.model.Rule;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.model.impl.RuleBuilder;
import org.drools.modelcompiler.dsl.pattern.D;
import org.kie.api.KieBase;

/**
 * Rules as data (issue 15): a procedure whose every rule lies in a closed subset of DRL is turned straight from its
 * descriptor trees into the Drools model ({@link Model}) with library classes ({@link DataConditions}) — no
 * generated source, no Java compiler, no class defined from pack content — and its KieBase is assembled from that
 * model. Any rule outside the subset sends the whole procedure down the code path ({@link RuleClasses}) unchanged,
 * so a procedure's rules keep one order and one set of attributes whichever way it is built.
 *
 * <p>The subset (docs/security.md, "Rules as data"): rule attributes {@code salience} (an integer), {@code no-loop},
 * {@code lock-on-active}, {@code agenda-group}, {@code activation-group}; annotations with one plain value or none;
 * conditions that are patterns without a binding over {@code Form}, {@code Applicant}, {@code Dossier}, {@code Unit},
 * alone or under a {@code not} or {@code exists} of their own; constraints built from the vocabulary reads of
 * {@link Read} with string-literal arguments, comparisons of a read with a literal (a string with the simple escapes,
 * an int — negative too —, a decimal, true, false, null) of the types the generator handles as listed in {@link #comparison},
 * {@code &&}, {@code ||}, {@code !} and parentheses; consequences that are a sequence of
 * {@code decision.<action>(literals);} statements calling an {@link Actions} overload fixed by the number of
 * arguments. Everything else — bindings, {@code from}, {@code or}, {@code forall}, string concatenation,
 * {@code matches}, {@code in}, any other method or statement, an escape in a read's argument, the space escape in a
 * condition, a unicode escape anywhere — is refused here, which only means the code path.
 *
 * <p>What the model holds mirrors what the executable-model generator writes for the same rules: the same rule
 * order, attributes and metadata; one pattern variable per pattern ({@code D.pattern}, {@code D.not},
 * {@code D.exists}); one {@code expr} per constraint, with the alpha index and property reactivity the generator
 * gives a property compared with a literal; a condition shared by every rule of the procedure that writes it (the
 * generator shares its lambda), with the first such constraint's text as written and those rules' names in its
 * predicate information, which Drools quotes when a condition fails; and the consequence on the {@code decision}
 * global.
 */
final class DataRules {
    /** Nodes of one constraint's tree; a larger constraint takes the code path (which has its own limits). */
    static final int MAX_NODES = 256;
    /** Nesting of one constraint (parentheses, {@code !}, operators); deeper takes the code path. */
    static final int MAX_DEPTH = 32;
    /** Characters of one literal; a longer one takes the code path. */
    static final int MAX_LITERAL = 8192;
    /** Statements of one consequence; more take the code path. */
    static final int MAX_CALLS = 256;
    /** Characters of one constraint's text (Drools quotes it as written); a longer one takes the code path. */
    static final int MAX_TEXT = 16_384;
    /**
     * For measurement only: {@code -Dmotcua.rules.codePath=true} makes every procedure take the code path (javac and the
     * verifier), so the two paths can be timed against each other. Not a supported setting.
     */
    static final String FORCE_CODE_PATH = "motcua.rules.codePath";

    private DataRules() {
    }

    /** Whether the data path may be taken (not forced off for a measurement). */
    static boolean enabled() {
        return !Boolean.getBoolean(FORCE_CODE_PATH);
    }

    /** Where a pattern stands: alone, or as the only pattern of a {@code not} or an {@code exists}. */
    enum Kind {
        PATTERN, NOT, EXISTS
    }

    /**
     * A pattern and its constraints, in order, each with its text as written ({@code texts}, one a constraint): what
     * Drools quotes in its messages and its predicate information, exactly as the generator passes it on.
     */
    record Pattern(Kind kind, Fact fact, List<Node> constraints, List<String> texts) {
        Pattern {
            constraints = List.copyOf(constraints);
            texts = List.copyOf(texts);
            if (texts.size() != constraints.size()) {
                throw new IllegalArgumentException("a text for every constraint");
            }
        }

        /** Constraints written as {@link DataConditions#print} prints them. */
        Pattern(Kind kind, Fact fact, List<Node> constraints) {
            this(kind, fact, constraints, constraints.stream().map(DataConditions::print).toList());
        }
    }

    /** A rule attribute as the generator passes it: an Integer salience, a Boolean flag or a String group. */
    record Attribute(Rule.Attribute<?> name, Object value) {
    }

    /** A rule annotation: its name and its one value as written (null when it has none). */
    record Meta(String name, String value) {
    }

    /** One rule of the subset. */
    record DataRule(String name, String file, List<Attribute> attributes, List<Meta> metadata, List<Pattern> lhs, List<Call> rhs) {
        DataRule {
            attributes = List.copyOf(attributes);
            metadata = java.util.Collections.unmodifiableList(new ArrayList<>(metadata));
            lhs = List.copyOf(lhs);
            rhs = List.copyOf(rhs);
        }
    }

    /** A procedure's rules, all in the subset, in the order the generator gives them. */
    record Translated(String packageName, List<DataRule> rules) {
        Translated {
            rules = List.copyOf(rules);
        }
    }

    /** The procedure's rules as data, or null when any rule lies outside the subset (or the data path is off). */
    static Translated translate(String packageName, List<PackageDescr> trees) {
        if (!enabled()) {
            return null;
        }
        try {
            return translated(packageName, trees);
        } catch (Outside e) {
            return null;
        }
    }

    /**
     * Whether {@code t} holds exactly the rules named {@code rules} (a procedure's rule texts, as linted): what a prebuilt
     * data entry stored under the procedure's key must hold.
     */
    static boolean sameRuleNames(Translated t, Map<String, ?> rules) {
        if (t.rules().size() != rules.size()) {
            return false;
        }
        for (DataRule r : t.rules()) {
            if (!rules.containsKey(r.name())) {
                return false;
            }
        }
        return true;
    }

    /** Why the rules take the code path (the first thing found outside the subset), or null when they are data. */
    static String outside(String packageName, List<PackageDescr> trees) {
        try {
            translated(packageName, trees);
            return null;
        } catch (Outside e) {
            return e.getMessage();
        }
    }

    private static Translated translated(String packageName, List<PackageDescr> trees) throws Outside {
        List<DataRule> rules = new ArrayList<>();
        for (PackageDescr pd : trees) {
            if (!packageName.equals(pd.getName())) {
                throw new Outside("package");
            }
            for (RuleDescr r : pd.getRules()) {
                try {
                    rules.add(rule(r, pd));
                } catch (Outside e) {
                    throw new Outside("rule [" + r.getName() + "]: " + e.getMessage());
                }
            }
        }
        if (rules.isEmpty()) {
            throw new Outside("no rule");
        }
        // one condition written two ways (age<20, (age < 20)): the generator makes one lambda of them and quotes one of
        // the texts, which one depending on how it orders its work, not on the rules: the code path, to quote the same
        Map<String, String> written = new HashMap<>();
        for (DataRule r : rules) {
            for (Pattern p : r.lhs()) {
                for (int i = 0; i < p.constraints().size(); i++) {
                    String text = written.putIfAbsent(p.fact().name() + " " + DataConditions.print(p.constraints().get(i)), p.texts().get(i));
                    if (text != null && !text.equals(p.texts().get(i))) {
                        throw new Outside("rule [" + r.name() + "]: a condition written two ways");
                    }
                }
            }
        }
        return new Translated(packageName, rules);
    }

    /** A descriptor's kind as DRL names it ({@code OrDescr}: {@code or}, {@code FromDescr}: {@code from}). */
    private static String element(BaseDescr d) {
        String n = d.getClass().getSimpleName();
        return (n.endsWith("Descr") ? n.substring(0, n.length() - 5) : n).toLowerCase(java.util.Locale.ROOT);
    }

    /** Rule text quoted in a reason: one line, at most 120 characters. */
    private static String excerpt(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= 120 ? t : t.substring(0, 117) + "...";
    }

    /** Thrown inside the translation for anything outside the subset; caught by {@link #translate}. */
    private static final class Outside extends Exception {
        private static final long serialVersionUID = 1L;

        Outside(String what) {
            super(what, null, false, false);
        }
    }

    private static DataRule rule(RuleDescr r, PackageDescr pd) throws Outside {
        if (r.getClass() != RuleDescr.class || r.getParentName() != null || r.getUnit() != null
                || !r.getNamedConsequences().isEmpty() || r.getName() == null) {
            throw new Outside("rule kind");
        }
        List<Attribute> attributes = new ArrayList<>();
        for (Map.Entry<String, AttributeDescr> e : r.getAttributes().entrySet()) {
            String v = e.getValue().getValue() == null ? "" : e.getValue().getValue().trim();
            switch (e.getKey()) {
                case "dialect" -> {
                    if (!v.equals("java")) {
                        throw new Outside("dialect");
                    }
                }
                case "salience" -> {
                    if (!v.matches("-?(0|[1-9][0-9]{0,8})")) {
                        throw new Outside("salience");
                    }
                    attributes.add(new Attribute(Rule.Attribute.SALIENCE, Integer.parseInt(v)));
                }
                case "no-loop", "lock-on-active" -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        throw new Outside("flag");
                    }
                    attributes.add(new Attribute(e.getKey().equals("no-loop") ? Rule.Attribute.NO_LOOP : Rule.Attribute.LOCK_ON_ACTIVE,
                            Boolean.valueOf(v)));
                }
                case "agenda-group", "activation-group" -> {
                    if (e.getValue().getType() != AttributeDescr.Type.STRING || v.indexOf('\\') >= 0 || v.length() > MAX_LITERAL) {
                        throw new Outside("group");
                    }
                    attributes.add(new Attribute(e.getKey().equals("agenda-group") ? Rule.Attribute.AGENDA_GROUP
                            : Rule.Attribute.ACTIVATION_GROUP, v));
                }
                default -> throw new Outside("attribute " + e.getKey());
            }
        }
        List<Meta> metadata = new ArrayList<>();
        for (String name : r.getAnnotationNames()) {
            AnnotationDescr ad = r.getAnnotation(name);
            if ("Propagation".equals(name) || ad.getFullyQualifiedName() != null) {
                throw new Outside("annotation");
            }
            if (!ad.hasValue()) {
                metadata.add(new Meta(name, null));
            } else if (ad.getValueMap().size() == 1 && ad.getSingleValueAsString() != null
                    && ad.getSingleValueAsString().length() <= MAX_LITERAL) {
                metadata.add(new Meta(name, ad.getSingleValueAsString()));
            } else {
                throw new Outside("annotation value");
            }
        }
        AndDescr lhs = r.getLhs();
        if (lhs == null || lhs.getDescrs().isEmpty()) {
            throw new Outside("no condition");
        }
        List<Pattern> patterns = new ArrayList<>();
        for (BaseDescr d : lhs.getDescrs()) {
            if (d instanceof PatternDescr p) {
                patterns.add(pattern(Kind.PATTERN, p));
            } else if ((d instanceof NotDescr || d instanceof ExistsDescr)
                    && ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs().size() == 1
                    && ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs().get(0) instanceof PatternDescr p) {
                patterns.add(pattern(d instanceof NotDescr ? Kind.NOT : Kind.EXISTS, p));
            } else {
                throw new Outside("condition element " + element(d));
            }
        }
        Object rhs = r.getConsequence();
        List<Call> calls;
        try {
            calls = Consequences.parse(rhs instanceof String s ? s : null);
        } catch (Outside e) {
            throw new Outside("consequence `" + excerpt(rhs instanceof String s ? s : "") + "`: " + e.getMessage());
        }
        org.kie.api.io.Resource res = r.getResource() != null ? r.getResource() : pd.getResource();
        String file = res == null || res.getSourcePath() == null ? "" : res.getSourcePath();
        return new DataRule(r.getName(), file, attributes, metadata, patterns, calls);
    }

    private static Pattern pattern(Kind kind, PatternDescr p) throws Outside {
        Fact fact = Fact.of(p.getObjectType());
        if (fact == null || p.getIdentifier() != null || p.getSource() != null || p.isQuery() || p.isUnification()
                || !p.getBehaviors().isEmpty() || !p.getAnnotations().isEmpty()
                || p.getGenericType() != null && p.getGenericType().getGenericTypes() != null && !p.getGenericType().getGenericTypes().isEmpty()) {
            throw new Outside(fact == null ? "pattern over " + p.getObjectType()
                    : p.getIdentifier() != null ? "binding " + p.getIdentifier()
                    : p.getSource() != null ? "pattern source " + element(p.getSource()) : "pattern");
        }
        List<Node> constraints = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (BaseDescr c : p.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e) || e.getType() != ExprConstraintDescr.Type.NAMED || e.getExpression() == null) {
                throw new Outside("constraint");
            }
            try {
                constraints.add(constraint(fact, e.getExpression()));
            } catch (Outside x) {
                throw new Outside("constraint `" + excerpt(e.getExpression()) + "`: " + x.getMessage());
            }
            texts.add(e.getExpression());
        }
        return new Pattern(kind, fact, constraints, texts);
    }

    /**
     * The tree of one constraint written as {@code text}, with every check of the subset; the prebuilt reader parses
     * a stored constraint with it too, so what an artifact can hold is what a rule text can produce.
     */
    static Node constraint(Fact fact, String text) throws Outside {
        if (text.length() > MAX_TEXT) {
            throw new Outside("constraint length");
        }
        return new Parser(fact, text).constraint();
    }

    /**
     * {@link #constraint}, for the prebuilt reader: a text outside the subset throws {@link IllegalArgumentException}
     * {@code constraint: <why>} (e.g. {@code constraint: size}), which refuses the artifact naming the entry.
     */
    static Node constraintOrRefused(Fact fact, String text) {
        try {
            return constraint(fact, text);
        } catch (Outside e) {
            throw new IllegalArgumentException("constraint: " + e.getMessage());
        }
    }

    /**
     * What the generator writes for {@code <read> <op> <literal>}: the comparison kind and the literal's value as the
     * generated code passes it; null when the combination is not one whose generated code was checked (the code path
     * then compiles it). A number literal is an int without suffix or leading zero, a negative one written with its
     * minus sign right before the digits; a decimal one (digits, a point, digits) is taken against a BigDecimal read
     * only, as the double the generated code passes to {@code toBigDecimal}.
     */
    static Node comparison(Read read, List<String> args, Op op, Token lit) throws Outside {
        Type t = read.type;
        boolean eq = op == Op.EQ || op == Op.NE;
        switch (lit.kind) {
            case STRING -> {
                if (t == Type.STRING && eq) {
                    // the literal as written (escapes and all): the generator keeps it so in its code and messages
                    return new DataConditions.Comparison(read, args, op, Compare.OBJECTS, lit.text, lit.source());
                }
            }
            case NULL -> {
                if (eq && (t == Type.STRING || t == Type.BOOLEAN_OBJECT || t == Type.LONG_OBJECT || t == Type.INTEGER_OBJECT
                        || t == Type.DECIMAL)) {
                    return new DataConditions.Comparison(read, args, op, Compare.OBJECTS, null, "null");
                }
            }
            case BOOLEAN -> {
                if (eq && (t == Type.BOOLEAN || t == Type.BOOLEAN_OBJECT)) {
                    return new DataConditions.Comparison(read, args, op, Compare.OBJECTS, Boolean.valueOf(lit.text), lit.text);
                }
            }
            case NUMBER -> {
                if (lit.text.indexOf('.') >= 0) {
                    // a decimal literal is a double in the generated code: toBigDecimal(1.5), only against a BigDecimal read
                    if (t != Type.DECIMAL) {
                        throw new Outside("comparison");
                    }
                    return new DataConditions.Comparison(read, args, op, Compare.DECIMALS, Double.valueOf(lit.text), lit.text);
                }
                int n = Integer.parseInt(lit.text);
                if (n < 0) {
                    // a unary minus: the generator keeps "-5" an int literal (never widened to a long), so every
                    // number read compares through the (Number, Number) methods, and a property gets no alpha index
                    return switch (t) {
                        case INT, INTEGER_OBJECT, LONG_OBJECT ->
                            new DataConditions.Comparison(read, args, op, eq ? Compare.NUMBERS_EQUAL : Compare.NUMBERS, n, lit.text);
                        case DECIMAL -> new DataConditions.Comparison(read, args, op, Compare.DECIMALS, n, lit.text);
                        default -> throw new Outside("comparison");
                    };
                }
                switch (t) {
                    case LONG_OBJECT -> {
                        // the generator widens the literal to a long (7304 -> 7304l)
                        return new DataConditions.Comparison(read, args, op, eq ? Compare.NUMBERS_EQUAL : Compare.LONGS, (long) n, lit.text);
                    }
                    case INT, INTEGER_OBJECT -> {
                        return new DataConditions.Comparison(read, args, op, eq ? Compare.NUMBERS_EQUAL : Compare.NUMBERS, n, lit.text);
                    }
                    case DECIMAL -> {
                        return new DataConditions.Comparison(read, args, op, Compare.DECIMALS, n, lit.text);
                    }
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
        throw new Outside("comparison");
    }

    /**
     * Checks a constraint's tree against what the parser can produce and what the subset allows — its size and depth,
     * the shapes of {@code !}, {@code &&}, {@code ||} and parentheses (Java's precedence, left-associative operators),
     * and parentheses only inside the constraint (the parser drops one pair around a whole constraint, as the
     * generator does). The translator checks every tree it makes.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static void wellFormed(Node n) {
        if (n.size() > MAX_NODES) {
            throw new IllegalArgumentException("size");
        }
        shape(n, 0);
        groups(n, null);
    }

    private static boolean term(Node n) {
        return n instanceof DataConditions.Atom || n instanceof DataConditions.Comparison || n instanceof DataConditions.Not
                || n instanceof DataConditions.Group;
    }

    private static void shape(Node n, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth");
        }
        if (n instanceof DataConditions.Atom a) {
            if (a.read().type != Type.BOOLEAN && a.read().type != Type.BOOLEAN_OBJECT) {
                throw new IllegalArgumentException("not a boolean");
            }
        } else if (n instanceof DataConditions.Not x) {
            Node o = x.operand();
            if (!(o instanceof DataConditions.Atom || o instanceof DataConditions.Not || o instanceof DataConditions.Group)) {
                throw new IllegalArgumentException("! of a comparison");
            }
            shape(o, depth + 1);
        } else if (n instanceof DataConditions.And a) {
            if (!(term(a.left()) || a.left() instanceof DataConditions.And) || !term(a.right())) {
                throw new IllegalArgumentException("&& operands");
            }
            shape(a.left(), depth + 1);
            shape(a.right(), depth + 1);
        } else if (n instanceof DataConditions.Or o) {
            if (!(term(o.left()) || o.left() instanceof DataConditions.And || o.left() instanceof DataConditions.Or)
                    || !(term(o.right()) || o.right() instanceof DataConditions.And)) {
                throw new IllegalArgumentException("|| operands");
            }
            shape(o.left(), depth + 1);
            shape(o.right(), depth + 1);
        } else if (n instanceof DataConditions.Group g) {
            shape(g.inner(), depth + 1);
        }
    }

    /**
     * Parentheses only inside a constraint — around the operand of {@code !}, {@code &&} or {@code ||}, or around other
     * parentheses there — where the generator keeps them as written; never around the whole constraint, whose pair
     * the parser has dropped (and a second pair there takes the code path).
     */
    private static void groups(Node n, Node parent) {
        if (n instanceof DataConditions.Group g) {
            if (parent == null) {
                throw new IllegalArgumentException("parentheses");
            }
            groups(g.inner(), n);
        } else if (n instanceof DataConditions.Not x) {
            groups(x.operand(), n);
        } else if (n instanceof DataConditions.And a) {
            groups(a.left(), n);
            groups(a.right(), n);
        } else if (n instanceof DataConditions.Or o) {
            groups(o.left(), n);
            groups(o.right(), n);
        }
    }

    /** A string literal of a value without quote, backslash or line break, as printed. */
    static String quote(String s) {
        return "\"" + s + "\"";
    }

    /** A token of a constraint or a consequence. */
    enum TokenKind {
        IDENT, STRING, NUMBER, BOOLEAN, NULL, OP, LPAREN, RPAREN, COMMA, DOT, SEMI, END
    }

    /**
     * {@code text}: the identifier, the string's value, the digits (a minus sign first for a negative number), the
     * operator; {@code source}: the token as written (a string literal with its quotes and escapes).
     */
    record Token(TokenKind kind, String text, String source) {
        /** A token written as its text (a string literal: between quotes, without an escape). */
        Token(TokenKind kind, String text) {
            this(kind, text, kind == TokenKind.STRING ? quote(text) : text);
        }
    }

    /**
     * Splits a constraint or a consequence into tokens. Comments (consequences only) are skipped; a string literal
     * keeps its value and its source (the simple escapes of {@link RuleDescriptors#escaped}; the space escape only in a
     * consequence, as the condition parser of the code path refuses it); a number is an int, negative (a minus sign
     * right before its digits) only in a condition; a unicode escape anywhere, a character literal, a number with a
     * suffix, dot or leading zero, or any character outside the grammar refuses.
     */
    static List<Token> tokens(String s, boolean consequence) throws Outside {
        if (s.contains("\\u")) {
            throw new Outside("unicode escape");
        }
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (consequence && s.startsWith("//", i)) {
                int e = s.indexOf('\n', i);
                i = e < 0 ? n : e + 1;
            } else if (consequence && s.startsWith("/*", i)) {
                int e = s.indexOf("*/", i + 2);
                if (e < 0) {
                    throw new Outside("comment");
                }
                i = e + 2;
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                int start = i;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new Outside("string");
                    }
                    char ch = s.charAt(i);
                    if (ch == '"') {
                        i++;
                        break;
                    }
                    if (ch == '\n' || ch == '\r') {
                        throw new Outside("string");
                    }
                    if (ch == '\\') {
                        if (i + 1 >= n) {
                            throw new Outside("escape");
                        }
                        char e = s.charAt(i + 1);
                        // the space escape: Drools' condition parser refuses it, javac takes it in a consequence
                        int v = e == 's' && !consequence ? -1 : RuleDescriptors.escaped(e);
                        if (v < 0) {
                            throw new Outside("escape");
                        }
                        b.append((char) v);
                        i += 2;
                        continue;
                    }
                    b.append(ch);
                    i++;
                }
                if (b.length() > MAX_LITERAL) {
                    throw new Outside("literal length");
                }
                out.add(new Token(TokenKind.STRING, b.toString(), s.substring(start, i)));
            } else if (c >= '0' && c <= '9' || c == '-' && !consequence && i + 1 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
                int from = c == '-' ? i + 1 : i;
                int j = digits(s, from);
                String digits = s.substring(from, j);
                int k = j;
                if (!consequence && j + 1 < n && s.charAt(j) == '.' && s.charAt(j + 1) >= '0' && s.charAt(j + 1) <= '9') {
                    k = digits(s, j + 1); // a decimal literal (a double in the generated code): conditions only
                }
                boolean fraction = k > j;
                if (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '.' || s.charAt(k) == '_')
                        || digits.length() > 1 && digits.charAt(0) == '0' || digits.length() > 10 || k - j > 11
                        || !fraction && Long.parseLong(digits) > Integer.MAX_VALUE
                        || c == '-' && s.substring(from, k).matches("[0.]*")) {
                    throw new Outside("number"); // a suffix, exponent, leading zero, more than an int, or minus zero
                }
                out.add(new Token(TokenKind.NUMBER, s.substring(i, k)));
                i = k;
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
                int j = i;
                while (j < n && (s.charAt(j) >= 'a' && s.charAt(j) <= 'z' || s.charAt(j) >= 'A' && s.charAt(j) <= 'Z'
                        || s.charAt(j) >= '0' && s.charAt(j) <= '9' || s.charAt(j) == '_')) {
                    j++;
                }
                if (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '$')) {
                    throw new Outside("identifier");
                }
                String w = s.substring(i, j);
                out.add(switch (w) {
                    case "true", "false" -> new Token(TokenKind.BOOLEAN, w);
                    case "null" -> new Token(TokenKind.NULL, w);
                    default -> new Token(TokenKind.IDENT, w);
                });
                i = j;
            } else {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                switch (two) {
                    case "==", "!=", "<=", ">=", "&&", "||" -> {
                        out.add(new Token(TokenKind.OP, two));
                        i += 2;
                        continue;
                    }
                    default -> {
                    }
                }
                switch (c) {
                    case '<', '>', '!' -> out.add(new Token(TokenKind.OP, String.valueOf(c)));
                    case '(' -> out.add(new Token(TokenKind.LPAREN, "("));
                    case ')' -> out.add(new Token(TokenKind.RPAREN, ")"));
                    case ',' -> out.add(new Token(TokenKind.COMMA, ","));
                    case '.' -> out.add(new Token(TokenKind.DOT, "."));
                    case ';' -> out.add(new Token(TokenKind.SEMI, ";"));
                    default -> throw new Outside("character");
                }
                i++;
            }
        }
        out.add(new Token(TokenKind.END, ""));
        return out;
    }

    /** The end of the run of ASCII digits from {@code i}. */
    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * A recursive-descent parser of one constraint over the closed grammar
     * <pre>
     * or      := and ('||' and)*
     * and     := term ('&&' term)*
     * term    := primary [relop literal]      -- a comparison only of a read
     * primary := '!' primary | '(' or ')' | read
     * read    := IDENT ['.' IDENT] [ '(' [STRING (',' STRING)*] ')' ]
     * </pre>
     * with Java's precedence, and the type rule that whatever stands as a condition is a {@code boolean}.
     */
    private static final class Parser {
        private final Fact fact;
        private final List<Token> toks;
        private int at;
        private int depth;
        /**
         * The nodes made so far, each weighed as {@link Node#size} weighs it: the parse stops the moment they pass
         * {@link #MAX_NODES} (+ 1: the parentheses around a whole constraint, which the generator drops), before the rest
         * of the text is parsed — a text within {@link #MAX_TEXT} never has a larger tree built from it than the
         * translator takes, whether it comes from a rule file or a prebuilt artifact. {@link #wellFormed} checks the exact
         * size after.
         */
        private int nodes;

        Parser(Fact fact, String expression) throws Outside {
            this.fact = fact;
            this.toks = tokens(expression, false);
        }

        Node constraint() throws Outside {
            Node n = or();
            if (toks.get(at).kind() != TokenKind.END) {
                throw new Outside("trailing");
            }
            if (n instanceof DataConditions.Group g) {
                // the generator drops the parentheses around a whole constraint (its text keeps them)
                n = g.inner();
            }
            try {
                wellFormed(n);
            } catch (IllegalArgumentException e) {
                throw new Outside(e.getMessage());
            }
            return n;
        }

        private Token next() {
            return toks.get(at++);
        }

        private boolean op(String s) {
            Token t = toks.get(at);
            if (t.kind() == TokenKind.OP && t.text().equals(s)) {
                at++;
                return true;
            }
            return false;
        }

        private void enter() throws Outside {
            if (++depth > MAX_DEPTH) {
                throw new Outside("depth");
            }
        }

        /** {@code n}, counted ({@link #nodes}). */
        private Node made(Node n, int weight) throws Outside {
            nodes += weight;
            if (nodes > MAX_NODES + 1) {
                throw new Outside("size");
            }
            return n;
        }

        private Node or() throws Outside {
            enter();
            Node l = and();
            while (op("||")) {
                l = made(new DataConditions.Or(l, and()), 1);
            }
            depth--;
            return l;
        }

        private Node and() throws Outside {
            enter();
            Node l = term();
            while (op("&&")) {
                l = made(new DataConditions.And(l, term()), 1);
            }
            depth--;
            return l;
        }

        private Node term() throws Outside {
            enter();
            Token t = toks.get(at);
            Node out;
            if (t.kind() == TokenKind.IDENT) {
                at++;
                String name = t.text();
                if (toks.get(at).kind() == TokenKind.DOT && toks.get(at + 1).kind() == TokenKind.IDENT) {
                    name = name + "." + toks.get(at + 1).text(); // a path of two properties: receivedAt.hour
                    at += 2;
                }
                List<String> args = new ArrayList<>();
                int arity = -1;
                if (toks.get(at).kind() == TokenKind.LPAREN) {
                    at++;
                    arity = 0;
                    if (toks.get(at).kind() != TokenKind.RPAREN) {
                        while (true) {
                            Token a = next();
                            if (a.kind() != TokenKind.STRING || a.source().indexOf('\\') >= 0) {
                                throw new Outside("argument"); // a path or a code: written without an escape
                            }
                            args.add(a.text());
                            arity++;
                            Token sep = next();
                            if (sep.kind() == TokenKind.RPAREN) {
                                break;
                            }
                            if (sep.kind() != TokenKind.COMMA) {
                                throw new Outside("argument list");
                            }
                        }
                    } else {
                        at++;
                    }
                }
                Read read = Read.of(fact, name, arity);
                if (read == null) {
                    throw new Outside("read " + name);
                }
                Token o = toks.get(at);
                Op rel = o.kind() == TokenKind.OP ? Op.of(o.text()) : null;
                if (rel != null) {
                    at++;
                    Token lit = next();
                    out = made(comparison(read, args, rel, lit), 2);
                } else if (read.type == Type.BOOLEAN || read.type == Type.BOOLEAN_OBJECT) {
                    // bool("x") alone unboxes its Boolean as the generated code does (a null throws the same way)
                    out = made(new DataConditions.Atom(read, args), 1);
                } else {
                    throw new Outside("not a boolean");
                }
            } else {
                out = primary();
                Token o = toks.get(at);
                if (o.kind() == TokenKind.OP && Op.of(o.text()) != null) {
                    throw new Outside("comparison of an expression");
                }
            }
            depth--;
            return out;
        }

        private Node primary() throws Outside {
            enter();
            Token t = next();
            Node out;
            if (t.kind() == TokenKind.OP && t.text().equals("!")) {
                Token n = toks.get(at);
                if (n.kind() == TokenKind.IDENT) {
                    // !read: the read itself must be a boolean, and no comparison may follow it (Java: (!read) == x)
                    Node r = term();
                    if (!(r instanceof DataConditions.Atom)) {
                        throw new Outside("! of a comparison");
                    }
                    out = made(new DataConditions.Not(r), 1);
                } else {
                    out = made(new DataConditions.Not(primary()), 1);
                }
            } else if (t.kind() == TokenKind.LPAREN) {
                Node inner = or();
                if (next().kind() != TokenKind.RPAREN) {
                    throw new Outside("parenthesis");
                }
                out = made(new DataConditions.Group(inner), 1);
            } else {
                throw new Outside("primary");
            }
            depth--;
            return out;
        }
    }

    /** Consequences: {@code decision.<action>(literal, …);} statements and nothing else. */
    static final class Consequences {
        private Consequences() {
        }

        static List<Call> parse(String text) throws Outside {
            if (text == null) {
                throw new Outside("consequence");
            }
            List<Token> t = tokens(text, true);
            List<Call> calls = new ArrayList<>();
            int i = 0;
            while (t.get(i).kind() != TokenKind.END) {
                if (!(t.get(i).kind() == TokenKind.IDENT && t.get(i).text().equals("decision") && t.get(i + 1).kind() == TokenKind.DOT
                        && t.get(i + 2).kind() == TokenKind.IDENT && t.get(i + 3).kind() == TokenKind.LPAREN)) {
                    throw new Outside("statement");
                }
                String method = t.get(i + 2).text();
                i += 4;
                List<Token> args = new ArrayList<>();
                if (t.get(i).kind() == TokenKind.RPAREN) {
                    i++;
                } else {
                    while (true) {
                        Token a = t.get(i++);
                        if (a.kind() != TokenKind.STRING && a.kind() != TokenKind.NUMBER) {
                            throw new Outside("argument");
                        }
                        args.add(a);
                        Token sep = t.get(i++);
                        if (sep.kind() == TokenKind.RPAREN) {
                            break;
                        }
                        if (sep.kind() != TokenKind.COMMA) {
                            throw new Outside("argument list");
                        }
                    }
                }
                if (t.get(i++).kind() != TokenKind.SEMI) {
                    throw new Outside("statement end");
                }
                Action action = Action.of(method, args.size());
                if (action == null) {
                    throw new Outside("action " + method);
                }
                List<Object> values = new ArrayList<>();
                for (int k = 0; k < args.size(); k++) {
                    char p = action.params.charAt(k);
                    Token a = args.get(k);
                    if (p == 'S' && a.kind() == TokenKind.STRING) {
                        values.add(a.text());
                    } else if (p == 'L' && a.kind() == TokenKind.NUMBER) {
                        values.add((long) Integer.parseInt(a.text())); // an int literal widened to the long parameter
                    } else if (p == 'I' && a.kind() == TokenKind.NUMBER) {
                        values.add(Integer.parseInt(a.text()));
                    } else {
                        throw new Outside("argument type");
                    }
                }
                calls.add(new Call(action, values));
                if (calls.size() > MAX_CALLS) {
                    throw new Outside("calls");
                }
            }
            if (calls.isEmpty()) {
                throw new Outside("empty consequence");
            }
            return calls;
        }
    }

    /**
     * The Drools model of the rules, as the generator's model class would build it: one global, the rules in order,
     * each with its attributes, metadata, patterns (a variable each) and consequence; conditions shared by printed
     * form within the procedure.
     */
    static Model model(Translated t) {
        Global<Actions> decision = D.globalOf(Actions.class, t.packageName(), "decision");
        Map<String, DataConditions.Condition> shared = new HashMap<>();
        Map<Fact, DomainClassMetadata> metadata = new java.util.EnumMap<>(Fact.class);
        int[] variables = {0};
        List<Rule> rules = new ArrayList<>();
        for (DataRule r : t.rules()) {
            RuleBuilder b = D.rule(t.packageName(), r.name());
            for (Attribute a : r.attributes()) {
                @SuppressWarnings("unchecked")
                Rule.Attribute<Object> name = (Rule.Attribute<Object>) a.name();
                b = b.attribute(name, a.value());
            }
            for (Meta m : r.metadata()) {
                b = b.metadata(m.name(), m.value());
            }
            List<org.drools.model.RuleItemBuilder<?>> items = new ArrayList<>();
            for (Pattern p : r.lhs()) {
                DomainClassMetadata md = metadata.computeIfAbsent(p.fact(), VocabularyMetadata::new);
                @SuppressWarnings({"rawtypes", "unchecked"})
                Variable<Object> v = (Variable) D.declarationOf(p.fact().type, md,
                        "GENERATED_$pattern_" + p.fact().type.getSimpleName() + "$" + (++variables[0]) + "$");
                PatternDSL.PatternDef<Object> pd = D.pattern(v);
                for (int i = 0; i < p.constraints().size(); i++) {
                    pd = expr(pd, p.fact(), p.constraints().get(i), p.texts().get(i), r, shared, md);
                }
                items.add(switch (p.kind()) {
                    case PATTERN -> pd;
                    case NOT -> D.not(pd);
                    case EXISTS -> D.exists(pd);
                });
            }
            items.add(D.on(decision).execute(new DataConditions.Consequence(r.rhs(), r.name())));
            rules.add(b.build(items.toArray(new org.drools.model.RuleItemBuilder<?>[0])));
        }
        ModelImpl m = new ModelImpl();
        m.addGlobal(decision);
        m.withRules(rules);
        return m;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static PatternDSL.PatternDef<Object> expr(PatternDSL.PatternDef<Object> pd, Fact fact, Node n, String text, DataRule rule,
            Map<String, DataConditions.Condition> shared, DomainClassMetadata md) {
        // one condition for the constraints the generator would write as one lambda (the same tree, whitespace and a
        // pair of parentheses around the whole aside), quoted as the first of them is written, as the generator does
        String printed = DataConditions.print(n);
        DataConditions.Condition c = shared.computeIfAbsent(fact.name() + " " + printed, k -> new DataConditions.Condition(fact, n, text));
        c.addRule(rule.name(), rule.file());
        String id = c.getExpressionHash();
        if (n instanceof DataConditions.Comparison cmp && cmp.read().property()) {
            PatternDSL.ReactOn react = D.reactOn(cmp.read().reactsOn());
            if (cmp.value() == null || cmp.value() instanceof Integer i && i < 0) {
                return pd.expr(id, c, react); // null, or a negative number (a unary minus): no alpha index
            }
            Class indexType = switch (cmp.read().type) {
                case STRING -> String.class;
                case INT -> int.class;
                case BOOLEAN -> boolean.class;
                default -> throw new IllegalStateException(cmp.read().type.name());
            };
            Index.ConstraintType ct = switch (cmp.op()) {
                case EQ -> Index.ConstraintType.EQUAL;
                case NE -> Index.ConstraintType.NOT_EQUAL;
                case LT -> Index.ConstraintType.LESS_THAN;
                case LE -> Index.ConstraintType.LESS_OR_EQUAL;
                case GT -> Index.ConstraintType.GREATER_THAN;
                case GE -> Index.ConstraintType.GREATER_OR_EQUAL;
            };
            // a path (receivedAt.hour) is indexed without a property index, as the generator writes it (-1)
            int property = cmp.read().name.indexOf('.') < 0 ? md.getPropertyIndex(cmp.read().name) : -1;
            return pd.expr(id, c, D.alphaIndexedBy(indexType, ct, property, new DataConditions.Extractor(cmp.read()), cmp.value()), react);
        }
        if (n instanceof DataConditions.Atom a && a.read().property()) {
            return pd.expr(id, c, D.reactOn(a.read().reactsOn()));
        }
        // anything else with properties (&&, ||, !, parentheses): the generator's reactivity on them and no index; the
        // generator gathers them in a HashSet, so they are listed in its order (not as written)
        java.util.Set<String> props = new java.util.HashSet<>();
        properties(n, props);
        return props.isEmpty() ? pd.expr(id, c) : pd.expr(id, c, D.reactOn(props.toArray(new String[0])));
    }

    private static void properties(Node n, java.util.Set<String> out) {
        if (n instanceof DataConditions.Atom a && a.read().property()) {
            out.add(a.read().reactsOn());
        } else if (n instanceof DataConditions.Comparison c && c.read().property()) {
            out.add(c.read().reactsOn());
        } else if (n instanceof DataConditions.And a) {
            properties(a.left(), out);
            properties(a.right(), out);
        } else if (n instanceof DataConditions.Or o) {
            properties(o.left(), out);
            properties(o.right(), out);
        } else if (n instanceof DataConditions.Not x) {
            properties(x.operand(), out);
        } else if (n instanceof DataConditions.Group g) {
            properties(g.inner(), out);
        }
    }

    /** The KieBase of rules as data: no class of the pack's is generated, compiled or defined. */
    static KieBase kieBase(Translated t) {
        return RuleClasses.assemble(t);
    }

    /**
     * The property indexes the generator's {@code DomainClassesMetadata} gives a vocabulary class: {@code this} at 0,
     * then its bean properties (public no-argument getters, {@code is} for a boolean) in alphabetical order.
     */
    static final class VocabularyMetadata implements DomainClassMetadata {
        private final Class<?> type;
        private final Map<String, Integer> index = new LinkedHashMap<>();

        VocabularyMetadata(Fact fact) {
            this.type = fact.type;
            java.util.TreeSet<String> props = new java.util.TreeSet<>();
            for (java.lang.reflect.Method m : type.getMethods()) {
                if (m.getParameterCount() != 0 || java.lang.reflect.Modifier.isStatic(m.getModifiers())
                        || m.getDeclaringClass() == Object.class || m.getReturnType() == void.class) {
                    continue;
                }
                String n = m.getName();
                String p = n.startsWith("get") && n.length() > 3 ? n.substring(3)
                        : n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class ? n.substring(2) : null;
                if (p != null) {
                    // java.beans.Introspector.decapitalize: "URL" stays, "Sex" -> "sex"
                    props.add(p.length() > 1 && Character.isUpperCase(p.charAt(1)) && Character.isUpperCase(p.charAt(0)) ? p
                            : Character.toLowerCase(p.charAt(0)) + p.substring(1));
                }
            }
            index.put("this", 0);
            for (String p : props) {
                index.put(p, index.size());
            }
        }

        @Override
        public Class<?> getDomainClass() {
            return type;
        }

        @Override
        public int getPropertiesSize() {
            return index.size();
        }

        @Override
        public int getPropertyIndex(String name) {
            Integer i = index.get(name);
            if (i == null) {
                throw new RuntimeException("Unknown property '" + name + "' for class " + type);
            }
            return i;
        }
    }
}
