package io.github.motcua.forms.internal;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateObject;
import freemarker.template.Template;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed template (its syntax tree, not its text) against the sandbox's allowlist before it
 * is ever rendered. Freemarker publishes no syntax-tree API, so the scanner reads the tree
 * reflectively: from the root element it follows every field of every {@code freemarker.core}
 * object it reaches (elements, expressions, argument lists, maps and arrays of them; never the
 * {@link Template} or configuration), so a built-in in any position — an interpolation, a string
 * literal's {@code ${}}, a macro default, a lambda, a hash key — is seen. Refused:
 * <ul>
 * <li>every built-in not in {@link #FREE} or {@link #LITERAL_ARGS} (so {@code ?left_pad},
 * {@code ?matches}, {@code ?join}, {@code ?sort}, {@code ?eval}, {@code ?new}, {@code ?no_esc} …);
 * the searching ones and {@code ?replace} only when called directly with string literals of at most
 * {@value #MAX_LITERAL} characters (no regular-expression flags, a replacement no longer than what
 * it replaces);</li>
 * <li>{@code <#setting>}, {@code <#outputformat>}, {@code <#noautoesc>}, {@code <#escape>},
 * {@code <#visit>}/{@code <#recurse>}, capturing assignments ({@code <#assign x>…</#assign>}) and
 * special variables outside {@link #VARIABLES};</li>
 * <li>{@code a + b} where neither side is a literal, and a string literal with more than one
 * {@code ${}}: without them no single instruction can double a value, so memory grows only inside
 * loops, which stop when interrupted;</li>
 * <li>an {@code <#ftl>} header that changes the output format from HTML or turns auto-escaping off.</li>
 * </ul>
 * Stateless; thread-safe.
 */
final class TemplateScanner {
    static final int MAX_LITERAL = 64;

    /** Built-ins whose result is at most linear in their input, in time and size. Names without '_', lower case. */
    static final Set<String> FREE = Set.of(
            // existence and types
            "hascontent", "exists", "ifexists", "default", "isstring", "isnumber", "isboolean", "ishash", "ishashex",
            "issequence", "iscollection", "iscollectionex", "isenumerable", "isindexable", "ismethod", "isdirective",
            "ismacro", "istransform", "isdate", "isdatelike", "isdatetime", "istime", "isdateonly",
            "isunknowndatelike", "ismarkupoutput", "isnode",
            // conditionals (lazy)
            "then", "switch",
            // loop variables
            "counter", "index", "itemparity", "itemparitycap", "itemcycle", "hasnext", "isfirst", "islast",
            "isoddeitem", "isodditem", "isevenitem",
            // containers (no copy)
            "size", "first", "last", "keys", "values",
            // strings, one pass, result no longer than the input (escaping happens in the bounded writer)
            "upperfirst", "capfirst", "uncapfirst", "capitalize", "uppercase", "lowercase", "trim", "length",
            "choplinebreak", "truncate", "truncatew", "truncatec", "truncatem", "truncatewm", "truncatecm",
            "blanktonull", "emptytonull", "trimtonull", "esc", "markupstring",
            // numbers and booleans
            "c", "cn", "string", "number", "boolean", "abs", "round", "floor", "ceiling", "int", "long", "short", "byte",
            "double", "float", "isinfinite", "isnan", "lowerabc", "upperabc");

    /** Built-ins allowed only as a direct call whose string arguments are literals: name → {min, max, literal args}. */
    static final Map<String, int[]> LITERAL_ARGS = Map.ofEntries(
            Map.entry("contains", new int[] {1, 1, 1}),
            Map.entry("startswith", new int[] {1, 1, 1}),
            Map.entry("endswith", new int[] {1, 1, 1}),
            Map.entry("indexof", new int[] {1, 2, 1}),
            Map.entry("lastindexof", new int[] {1, 2, 1}),
            Map.entry("removebeginning", new int[] {1, 1, 1}),
            Map.entry("removeending", new int[] {1, 1, 1}),
            Map.entry("ensurestartswith", new int[] {1, 1, 1}),
            Map.entry("ensureendswith", new int[] {1, 1, 1}),
            Map.entry("keepafter", new int[] {1, 1, 1}),
            Map.entry("keepafterlast", new int[] {1, 1, 1}),
            Map.entry("keepbefore", new int[] {1, 1, 1}),
            Map.entry("keepbeforelast", new int[] {1, 1, 1}),
            Map.entry("replace", new int[] {2, 2, 2}));

    /** Special variables ({@code .name}) a template may read. */
    static final Set<String> VARIABLES = Set.of("now", "lang", "locale", "vars", "globals", "locals", "main",
            "namespace", "datamodel", "templatename", "currenttemplatename", "maintemplatename", "outputformat",
            "autoesc", "version", "pass", "error", "node", "args", "callertemplatename");

    /** Directives refused wherever they appear (node symbols as Freemarker names them). */
    static final Set<String> DIRECTIVES = Set.of("#setting", "#outputformat", "#outputFormat", "#noautoesc",
            "#noAutoEsc", "#escape", "#noescape", "#noEscape", "#visit", "#recurse", "#fallback");

    private static final Method PARAMETER_COUNT;
    private static final Method PARAMETER_VALUE;
    private static final Method NODE_SYMBOL;

    static {
        try {
            PARAMETER_COUNT = TemplateObject.class.getDeclaredMethod("getParameterCount");
            PARAMETER_VALUE = TemplateObject.class.getDeclaredMethod("getParameterValue", int.class);
            NODE_SYMBOL = TemplateObject.class.getDeclaredMethod("getNodeTypeSymbol");
            PARAMETER_COUNT.setAccessible(true);
            PARAMETER_VALUE.setAccessible(true);
            NODE_SYMBOL.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A refusal: what, and where in the template (1-based line, 0 when unknown). */
    record Refusal(String what, int line, int column) {
    }

    private TemplateScanner() {
    }

    /** Every refusal in {@code t}, in no particular order; empty when the template is allowed. */
    static List<Refusal> scan(Template t, String source) {
        List<Refusal> out = new ArrayList<>();
        if (!(t.getOutputFormat() instanceof HTMLOutputFormat)) {
            out.add(new Refusal("<#ftl output_format=\"" + t.getOutputFormat().getName() + "\">", headerLine(source), 1));
        }
        if (!t.getAutoEscaping()) {
            out.add(new Refusal("<#ftl auto_esc=false>", headerLine(source), 1));
        }
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> directCalls = Collections.newSetFromMap(new IdentityHashMap<>());
        List<TemplateObject> builtIns = new ArrayList<>();
        Deque<Object> todo = new ArrayDeque<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void push(Object o) {
                if (o != null) {
                    super.push(o);
                }
            }
        };
        todo.push(t.getRootTreeNode());
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (o == null || !seen.add(o)) {
                continue;
            }
            if (o instanceof Collection<?> c) {
                c.forEach(todo::push);
                continue;
            }
            if (o instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    todo.push(k);
                    todo.push(v);
                });
                continue;
            }
            if (o.getClass().isArray()) {
                if (!o.getClass().getComponentType().isPrimitive()) {
                    for (int i = 0, n = Array.getLength(o); i < n; i++) {
                        todo.push(Array.get(o, i));
                    }
                }
                continue;
            }
            if (!o.getClass().getName().startsWith("freemarker.core.")) {
                continue;
            }
            if (o instanceof TemplateObject node) {
                check(node, out, builtIns, directCalls);
            }
            for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()
                            || f.getType() == String.class) {
                        continue;
                    }
                    Object v = read(f, o);
                    if (v != null && !(v instanceof Template) && !(v instanceof Class<?>)) {
                        todo.push(v);
                    }
                }
            }
        }
        for (TemplateObject b : builtIns) {
            String key = normalized(builtInKey(b));
            if (LITERAL_ARGS.containsKey(key) && !directCalls.contains(b)) {
                out.add(refusal(b, "?" + builtInKey(b) + " not called directly with string literals of at most "
                        + MAX_LITERAL + " characters"));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Refusal::line).thenComparingInt(Refusal::column));
        return out;
    }

    private static void check(TemplateObject node, List<Refusal> out, List<TemplateObject> builtIns,
            Set<Object> directCalls) {
        String cls = node.getClass().getName();
        if (isA(node, "freemarker.core.BuiltIn")) {
            String key = builtInKey(node);
            String n = normalized(key);
            if (LITERAL_ARGS.containsKey(n)) {
                builtIns.add(node);
            } else if (!FREE.contains(n)) {
                out.add(refusal(node, "?" + key));
            }
            return;
        }
        switch (cls) {
            case "freemarker.core.MethodCall" -> {
                Object target = parameter(node, 0);
                if (target instanceof TemplateObject b && isA(b, "freemarker.core.BuiltIn")) {
                    int[] rule = LITERAL_ARGS.get(normalized(builtInKey(b)));
                    if (rule != null && literalCallOk(node, rule, normalized(builtInKey(b)))) {
                        directCalls.add(b);
                    }
                }
            }
            case "freemarker.core.BuiltinVariable" -> {
                String name = String.valueOf(field(node, "name"));
                if (!VARIABLES.contains(normalized(name))) {
                    out.add(refusal(node, "." + name));
                }
            }
            case "freemarker.core.BlockAssignment" -> out.add(refusal(node,
                    "<" + symbol(node) + " …>…</" + symbol(node) + "> (capturing output into a variable)"));
            case "freemarker.core.AddConcatExpression" -> {
                if (!isLiteral(parameter(node, 0)) && !isLiteral(parameter(node, 1))) {
                    out.add(refusal(node, "+ between two values neither of which is a literal or a number "
                            + "(write ${a}${b}, or n + i?int)"));
                }
            }
            case "freemarker.core.StringLiteral" -> {
                int interpolations = 0;
                for (int i = 0, n = parameterCount(node); i < n; i++) {
                    if (!(parameter(node, i) instanceof String)) {
                        interpolations++;
                    }
                }
                if (interpolations > 1) {
                    out.add(refusal(node, "a string literal with more than one ${…}"));
                }
            }
            default -> {
                String symbol = symbol(node);
                if (DIRECTIVES.contains(symbol)) {
                    out.add(refusal(node, "<" + symbol + ">"));
                }
            }
        }
    }

    private static boolean literalCallOk(TemplateObject call, int[] rule, String key) {
        int args = parameterCount(call) - 1;
        if (args < rule[0] || args > rule[1]) {
            return false;
        }
        String[] lit = new String[args];
        for (int i = 0; i < Math.min(args, rule[2]); i++) {
            Object a = parameter(call, i + 1);
            if (!(a instanceof TemplateObject e) || !"freemarker.core.StringLiteral".equals(e.getClass().getName())
                    || parameterCount(e) != 0) {
                return false;
            }
            lit[i] = String.valueOf(field(e, "value"));
            if (lit[i].length() > MAX_LITERAL) {
                return false;
            }
        }
        if ("replace".equals(key)) {
            return !lit[0].isEmpty() && lit[1].length() <= lit[0].length();
        }
        return true;
    }

    /** Built-ins whose result is a number (or an error), never a string. */
    private static final Set<String> NUMERIC = Set.of("int", "long", "short", "byte", "double", "float", "abs",
            "round", "floor", "ceiling", "number", "size", "length", "counter", "index");

    /** A literal, or an expression that can only be a number: adding it to anything cannot double a value. */
    private static boolean isLiteral(Object o) {
        if (!(o instanceof TemplateObject e)) {
            return false;
        }
        String c = e.getClass().getName();
        if (c.equals("freemarker.core.ParentheticalExpression")) {
            return isLiteral(parameter(e, 0));
        }
        return c.equals("freemarker.core.NumberLiteral") || c.equals("freemarker.core.ArithmeticExpression")
                || c.equals("freemarker.core.UnaryPlusMinusExpression")
                || (c.equals("freemarker.core.StringLiteral") && parameterCount(e) == 0)
                || (isA(e, "freemarker.core.BuiltIn") && NUMERIC.contains(normalized(builtInKey(e))));
    }

    private static boolean isA(Object o, String className) {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static String builtInKey(TemplateObject b) {
        return String.valueOf(parameter(b, 1));
    }

    static String normalized(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static Refusal refusal(TemplateObject node, String what) {
        return new Refusal(what, node.getBeginLine(), node.getBeginColumn());
    }

    private static int headerLine(String source) {
        int at = source.indexOf("#ftl");
        if (at < 0) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int parameterCount(TemplateObject o) {
        try {
            return (Integer) PARAMETER_COUNT.invoke(o);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the template tree", e);
        }
    }

    private static Object parameter(TemplateObject o, int i) {
        try {
            return PARAMETER_VALUE.invoke(o, i);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the template tree", e);
        }
    }

    private static String symbol(TemplateObject o) {
        try {
            return String.valueOf(NODE_SYMBOL.invoke(o));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the template tree", e);
        }
    }

    private static Object field(Object o, String name) {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                return read(f, o);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException("template tree has no field [" + name + "] in " + o.getClass().getName());
    }

    private static Object read(Field f, Object o) {
        try {
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read the template tree: " + f, e);
        }
    }
}
