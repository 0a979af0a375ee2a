package io.github.motcua.rules.internal;

import io.github.motcua.rules.PackProblem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The restriction of a parsed rule file (the Drools descriptor tree, {@link PackageDescr}) to what
 * the rule vocabulary needs, checked before anything is compiled. Drools evaluates some parts of a
 * rule file while it compiles or builds the KieBase (annotation values, salience and enabled
 * expressions, {@code from}, {@code accumulate}, {@code eval}, declared types, functions); they are
 * refused here, as an allowlist over the tree: a package of rules, each with plain-literal
 * annotations, a few literal attributes, and conditions that are patterns over the four vocabulary
 * facts combined with {@code and}, {@code or}, {@code not}, {@code exists} and {@code forall}.
 * Code fragments left in the tree (constraint expressions, consequences) are checked after
 * compilation, on their bytecode ({@link RuleVerification}).
 */
final class RuleDescriptors {
    /** The fact types a pattern may match (their simple names, imported by the header). */
    static final Set<String> FACTS = Set.of("Dossier", "Applicant", "Unit", "Form");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern BOOLEAN = Pattern.compile("true|false");
    /** A plain string literal (no escape that could change what follows) or a number or boolean. */
    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\\]*\"|'[^'\\\\]*'|-?\\d{1,18}(\\.\\d{1,18})?|true|false");
    private static final Set<String> FLAG_ATTRIBUTES = Set.of("no-loop", "lock-on-active");
    private static final Set<String> GROUP_ATTRIBUTES = Set.of("activation-group", "agenda-group");

    private RuleDescriptors() {
    }

    /**
     * Adds a problem for every part of {@code pd} outside the allowlist.
     *
     * @param pd          the parsed file: the loader's one-line header followed by the analyst's text
     * @param packageName the package the header declares
     * @param headerLines lines of the parsed text that belong to the header (its imports and global)
     * @param src         the analyst's text (annotation positions, which the parser does not keep)
     * @param at          maps a line and column of the analyst's text to a problem in their file
     */
    static void check(PackageDescr pd, String packageName, int headerLines, DrlSource src, Linter.Positions at,
            List<PackProblem> out) {
        Refuser r = new Refuser(at, headerLines, out);
        if (!packageName.equals(pd.getName())) {
            r.forbid(pd, "DRL_FORBIDDEN_DECLARATION", "load.drl.thing.package");
        }
        for (ImportDescr i : pd.getImports()) {
            if (i.getLine() > headerLines) {
                r.forbidSyntax(i, "DRL_FORBIDDEN_DECLARATION", "import [" + i.getTarget() + "]");
            }
        }
        pd.getFunctionImports().forEach(i -> r.forbidSyntax(i, "DRL_FORBIDDEN_DECLARATION", "import function"));
        pd.getAccumulateImports().forEach(i -> r.forbidSyntax(i, "DRL_FORBIDDEN_DECLARATION", "import accumulate"));
        for (GlobalDescr g : pd.getGlobals()) {
            if (g.getLine() > headerLines) {
                r.forbidSyntax(g, "DRL_FORBIDDEN_DECLARATION", "global [" + g.getIdentifier() + "]");
            }
        }
        pd.getFunctions().forEach(f -> r.forbidSyntax(f, "DRL_FORBIDDEN_DECLARATION", "function [" + f.getName() + "]"));
        pd.getClassAndEnumDeclarationDescrs().forEach(d -> r.forbidSyntax(d, "DRL_FORBIDDEN_DECLARATION",
                "declare [" + d.getTypeName() + "]"));
        pd.getEntryPointDeclarations().forEach(d -> r.forbidSyntax(d, "DRL_FORBIDDEN_DECLARATION", "entry-point"));
        pd.getWindowDeclarations().forEach(d -> r.forbidSyntax(d, "DRL_FORBIDDEN_DECLARATION", "window"));
        if (pd.getUnit() != null) {
            r.forbidSyntax(pd.getUnit(), "DRL_FORBIDDEN_DECLARATION", "unit");
        }
        for (AttributeDescr a : pd.getAttributes()) {
            r.forbid(a, "DRL_FORBIDDEN_ATTRIBUTE", "load.drl.thing.fileAttribute", "name", a.getName());
        }
        for (RuleDescr rule : pd.getRules()) {
            if (rule instanceof QueryDescr) {
                r.forbidSyntax(rule, "DRL_FORBIDDEN_DECLARATION", "query [" + rule.getName() + "]");
                continue;
            }
            rule(rule, src, r);
        }
    }

    private static void rule(RuleDescr rule, DrlSource src, Refuser r) {
        if (rule.getParentName() != null) {
            r.forbidSyntax(rule, "DRL_FORBIDDEN_CONSTRUCT", "rule ... extends");
        }
        if (rule.getUnit() != null) {
            r.forbidSyntax(rule, "DRL_FORBIDDEN_DECLARATION", "unit");
        }
        DrlSource.RuleHeader header = null;
        for (DrlSource.RuleHeader h : src.rules()) {
            if (h.name().equals(rule.getName()) && header == null) {
                header = h;
            }
        }
        annotations(rule, header, r);
        for (Map.Entry<String, AttributeDescr> e : rule.getAttributes().entrySet()) {
            attribute(rule, e.getValue(), r);
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            r.forbid(rule, "DRL_FORBIDDEN_CONSTRUCT", "load.drl.thing.namedConsequence");
        }
        if (rule.getLhs() != null) {
            conditions(rule.getLhs(), r);
            long n = branches(rule.getLhs());
            if (n > MAX_BRANCHES) {
                String count = n > MAX_COUNTED ? "> " + MAX_COUNTED : Long.toString(n);
                r.refuse(rule, "DRL_TOO_MANY_BRANCHES",
                        Msg.vi("load.drl.tooManyBranches", "rule", rule.getName(), "count", count, "max", Long.toString(MAX_BRANCHES)),
                        Msg.en("load.drl.tooManyBranches", "rule", rule.getName(), "count", count, "max", Long.toString(MAX_BRANCHES)));
            }
        }
    }

    /**
     * The most branches one rule's condition may split into. Drools turns every {@code or} between patterns into
     * separate branches of the rule when it builds the KieBase — the product, over the parts joined by {@code and}, of
     * the branches of each — so twenty {@code (A or B)} joined by {@code and} made 2^20 branches and an
     * {@code OutOfMemoryError} there (in the serving JVM on a reload), from a 20-line rule. An {@code ||} inside one
     * pattern is a constraint and makes no branch.
     */
    static final long MAX_BRANCHES = 64;
    /** Counting stops past this: the count is only compared with the limits. */
    private static final long MAX_COUNTED = 1_000_000;

    /**
     * An upper bound of the branches the condition {@code d} splits into: a pattern is one, an {@code or} the sum of its
     * parts', an {@code and} (and, as an upper bound, a {@code not}, {@code exists} or {@code forall}) the product;
     * saturated at just past {@link #MAX_COUNTED}.
     */
    static long branches(BaseDescr d) {
        if (d instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce
                && (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                        || d instanceof ForallDescr)) {
            boolean or = d instanceof OrDescr;
            long n = or ? 0 : 1;
            for (BaseDescr c : ce.getDescrs()) {
                long b = branches(c);
                n = or ? n + b : n * b;
                if (n > MAX_COUNTED) {
                    return MAX_COUNTED + 1;
                }
            }
            return Math.max(n, 1);
        }
        return 1;
    }

    private static void attribute(RuleDescr rule, AttributeDescr a, Refuser r) {
        String name = a.getName();
        String v = a.getValue() == null ? "" : a.getValue().strip();
        BaseDescr where = a.getLine() > 0 ? a : rule;
        boolean ok = switch (name) {
            case "salience" -> INTEGER.matcher(v).matches();
            case "no-loop", "lock-on-active" -> v.isEmpty() || BOOLEAN.matcher(v).matches();
            case "activation-group", "agenda-group" -> a.getType() == AttributeDescr.Type.STRING && v.indexOf('\\') < 0;
            case "dialect" -> v.equals("java");
            default -> false;
        };
        if (ok) {
            return;
        }
        if (name.equals("dialect")) {
            r.refuse(where, "DRL_FORBIDDEN_ATTRIBUTE", Msg.vi("load.drl.dialect", "dialect", v), Msg.en("load.drl.dialect", "dialect", v));
        } else if (name.equals("salience") || FLAG_ATTRIBUTES.contains(name) || GROUP_ATTRIBUTES.contains(name)) {
            r.refuse(where, "DRL_FORBIDDEN_ATTRIBUTE", Msg.vi("load.drl.attributeValue", "name", name),
                    Msg.en("load.drl.attributeValue", "name", name));
        } else {
            r.forbid(where, "DRL_FORBIDDEN_ATTRIBUTE", "load.drl.thing.attribute", "name", name);
        }
    }

    private static void annotations(AnnotatedBaseDescr d, DrlSource.RuleHeader header, Refuser r) {
        for (AnnotationDescr a : d.getAnnotations()) {
            for (Map.Entry<String, Object> e : a.getValueMap().entrySet()) {
                Object v = e.getValue();
                if (!(v instanceof String s) || !LITERAL.matcher(s.strip()).matches()) {
                    DrlSource.Meta m = header == null ? null : header.meta().get(a.getName());
                    r.refuse(a.getLine() > 0 || m == null ? a.getLine() > 0 ? a : d : null,
                            m == null ? 0 : m.line(), m == null ? 0 : m.column(), "DRL_BAD_ANNOTATION",
                            Msg.vi("load.drl.annotationValue", "name", a.getName()), Msg.en("load.drl.annotationValue", "name", a.getName()));
                    break;
                }
            }
        }
    }

    private static void conditions(BaseDescr d, Refuser r) {
        if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (BaseDescr c : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                conditions(c, r);
            }
        } else if (d instanceof PatternDescr p) {
            pattern(p, r);
        } else {
            r.forbidSyntax(d, "DRL_FORBIDDEN_CONSTRUCT", kind(d));
        }
    }

    private static void pattern(PatternDescr p, Refuser r) {
        if (p.getSource() != null) {
            r.forbidSyntax(p.getSource().getLine() > 0 ? p.getSource() : p, "DRL_FORBIDDEN_CONSTRUCT", kind(p.getSource()));
            return; // a pattern over a from/accumulate/collect result has a type of its own making
        }
        String type = p.getObjectType();
        if (type == null || !FACTS.contains(type) || p.isQuery() || p.getGenericType() != null && p.getGenericType().getGenericTypes() != null && !p.getGenericType().getGenericTypes().isEmpty()) {
            String facts = String.valueOf(new java.util.TreeSet<>(FACTS));
            r.refuse(p, "DRL_UNKNOWN_FACT", Msg.vi("load.drl.unknownFact", "facts", facts, "type", String.valueOf(type)),
                    Msg.en("load.drl.unknownFact", "facts", facts, "type", String.valueOf(type)));
        }
        if (!p.getBehaviors().isEmpty()) {
            r.forbid(p, "DRL_FORBIDDEN_CONSTRUCT", "load.drl.thing.window");
        }
        if (!p.getAnnotations().isEmpty()) {
            r.forbid(p, "DRL_FORBIDDEN_CONSTRUCT", "load.drl.thing.patternAnnotation");
        }
        for (BaseDescr c : p.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr)) {
                r.forbidSyntax(c.getLine() > 0 ? c : p, "DRL_FORBIDDEN_CONSTRUCT", kind(c));
            } else {
                regexes((ExprConstraintDescr) c, p, r);
            }
        }
    }

    /** {@code matches "re"} / {@code not matches "re"} with a literal pattern: the literal, quotes included. */
    private static final Pattern MATCHES_LITERAL = Pattern.compile("(?<![\\w$])matches\\s*(\"(?:[^\"\\\\]|\\\\.)*\")");

    /**
     * A literal regular expression that does not compile is refused here, at the rule's line, so that
     * {@code check} names it; left alone it would compile into the rule and fail on every decision
     * that reaches the condition (INDETERMINATE, RULE_FAILED) although nothing in the dossier is wrong.
     * Escapes the Java compiler would refuse are left to it (its error names the rule too).
     */
    private static void regexes(ExprConstraintDescr c, PatternDescr p, Refuser r) {
        String expr = c.getExpression();
        if (expr == null || !expr.contains("matches")) {
            return;
        }
        Matcher m = MATCHES_LITERAL.matcher(expr);
        while (m.find()) {
            String regex = unquote(m.group(1));
            if (regex == null) {
                continue;
            }
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                String why = e.getDescription();
                r.refuse(c.getLine() > 0 ? c : p, "DRL_INVALID_REGEX",
                        Msg.vi("load.drl.invalidRegex", "regex", m.group(1), "why", why, "index", String.valueOf(e.getIndex())),
                        Msg.en("load.drl.invalidRegex", "regex", m.group(1), "why", why, "index", String.valueOf(e.getIndex())));
            }
        }
    }

    /** The value of a Java string literal (quotes included), or null for an escape Java would refuse. */
    static String unquote(String literal) {
        StringBuilder b = new StringBuilder(literal.length());
        for (int i = 1; i < literal.length() - 1; i++) {
            char ch = literal.charAt(i);
            if (ch != '\\') {
                b.append(ch);
                continue;
            }
            int v = escaped(literal.charAt(++i));
            if (v < 0) {
                return null;
            }
            b.append((char) v);
        }
        return b.toString();
    }

    /**
     * The character a Java escape (a backslash, then {@code n}) stands for, or -1 for one Java refuses or this allowlist
     * does not take (octal, unicode escapes); the one decoder of rule-text escapes ({@link DataRules} takes the same
     * but the space escape, which leaves a procedure on the code path).
     */
    static int escaped(char n) {
        return switch (n) {
            case '\\' -> '\\';
            case '"' -> '"';
            case '\'' -> '\'';
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 's' -> ' ';
            default -> -1;
        };
    }

    private static String kind(BaseDescr d) {
        String c = d.getClass().getSimpleName();
        return switch (c) {
            case "EvalDescr" -> "eval";
            case "FromDescr" -> "from";
            case "AccumulateDescr" -> "accumulate";
            case "CollectDescr" -> "collect";
            case "EntryPointDescr" -> "entry-point";
            case "WindowReferenceDescr" -> "window";
            case "GroupByDescr" -> "groupby";
            case "ConditionalBranchDescr" -> "if (...) do[...]";
            case "NamedConsequenceDescr" -> "do[...]";
            default -> c.replace("Descr", "").toLowerCase(Locale.ROOT);
        };
    }

    /** Words every refusal the same way, at the analyst's line and column. */
    private static final class Refuser {
        private final Linter.Positions at;
        private final int headerLines;
        private final List<PackProblem> out;

        Refuser(Linter.Positions at, int headerLines, List<PackProblem> out) {
            this.at = at;
            this.headerLines = headerLines;
            this.out = out;
        }

        /** The thing the bundle's {@code thingKey} names (a {@code load.drl.thing.} noun) is not allowed in a rule file. */
        void forbid(BaseDescr d, String code, String thingKey, String... pairs) {
            refuse(d, code, Msg.vi("load.drl.forbidden", "thing", Msg.vi(thingKey, pairs)),
                    Msg.en("load.drl.forbidden", "thing", Msg.en(thingKey, pairs)));
        }

        /** A piece of DRL syntax ({@code import [x]}, {@code eval}), the same words in both languages, is not allowed. */
        void forbidSyntax(BaseDescr d, String code, String syntax) {
            refuse(d, code, Msg.vi("load.drl.forbidden", "thing", syntax), Msg.en("load.drl.forbidden", "thing", syntax));
        }

        void refuse(BaseDescr d, String code, String vi, String en) {
            refuse(d, 0, 0, code, vi, en);
        }

        /** At {@code d}, or when it is null at the analyst's {@code line} and {@code col}. */
        void refuse(BaseDescr d, int line, int col, String code, String vi, String en) {
            if (d != null) {
                line = Math.max(0, d.getLine() - headerLines);
                col = line == 0 ? 0 : Math.max(0, d.getColumn()) + 1;
            }
            out.add(at.at(line, col, code, vi, en));
        }
    }
}
