package io.github.motcua.rules.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.util.PortablePath;

/**
 * Puts {@link FormConditions} in place of the generated condition lambdas whose whole code is one of its comparisons
 * (issue 15, the skewed mix over 2,000 procedures). The executable model writes each condition of a rule as a class
 * of its procedure ({@code LambdaPredicate<hash>}, an enum with one {@code INSTANCE}) that the rule methods pass to
 * {@code D.pattern(..).expr(id, <class>.INSTANCE)}. A lambda source of exactly the generator's shape, whose test is
 * exactly {@code EvaluationUtil.areNullSafeEquals(_this.text("p"), "v")} or {@code areNullSafeEquals(_this.bool("p"),
 * true|false)} on a {@code Form}, is dropped from the compile, and every {@code <class>.INSTANCE} in the other sources
 * becomes {@code FormConditions.textEquals("p", "v", <constraint>, <rule names>)} (or {@code boolEquals}) with the very
 * literals of the lambda's source: the same comparison of the same read, and the same predicate information for
 * Drools' messages (which name the rule a failing condition belongs to). Anything else — another shape, a literal
 * with a unicode escape, a class named elsewhere than as {@code .INSTANCE} — is left exactly as generated.
 *
 * <p>Nothing here is trusted for safety: the rule methods that call the factories are compiled and verified like
 * every generated class ({@link BytecodeAllowlist} allows these two factories, at build time only). The rewrite
 * depends only on each procedure's own source, never on other procedures (nothing is shared by content).
 */
final class FormConditionSources {
    private static final String LIT = "\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([A-Za-z0-9_$.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern LAMBDA = Pattern.compile(
            "@org\\.drools\\.compiler\\.kie\\.builder\\.MaterializedLambda\\(\\)\\s*"
                    + "public\\s+enum\\s+(LambdaPredicate[0-9A-F]+)\\s+implements\\s+"
                    + "org\\.drools\\.model\\.functions\\.Predicate1<io\\.github\\.motcua\\.rules\\.vocabulary\\.Form>\\s*,\\s*"
                    + "org\\.drools\\.model\\.functions\\.HashedExpression\\s*\\{\\s*"
                    + "INSTANCE\\s*;\\s*"
                    + "public\\s+static\\s+final\\s+String\\s+EXPRESSION_HASH\\s*=\\s*\"[0-9A-F]+\"\\s*;\\s*"
                    + "public\\s+java\\.lang\\.String\\s+getExpressionHash\\(\\)\\s*\\{\\s*return\\s+EXPRESSION_HASH\\s*;\\s*\\}\\s*"
                    + "@Override\\(\\)\\s*"
                    + "public\\s+boolean\\s+test\\(io\\.github\\.motcua\\.rules\\.vocabulary\\.Form\\s+_this\\)\\s+throws\\s+java\\.lang\\.Exception\\s*\\{\\s*"
                    + "return\\s+org\\.drools\\.modelcompiler\\.util\\.EvaluationUtil\\.areNullSafeEquals\\(\\s*_this\\.(text|bool)\\((" + LIT + ")\\)\\s*,\\s*("
                    + LIT + "|true|false)\\s*\\)\\s*;\\s*\\}\\s*"
                    + "@Override\\(\\)\\s*"
                    + "public\\s+org\\.drools\\.model\\.functions\\.PredicateInformation\\s+predicateInformation\\(\\)\\s*\\{\\s*"
                    + "org\\.drools\\.model\\.functions\\.PredicateInformation\\s+info\\s*=\\s*new\\s+org\\.drools\\.model\\.functions\\.PredicateInformation\\(("
                    + LIT + ")\\)\\s*;\\s*"
                    + "info\\.addRuleNames\\(((?:" + LIT + "\\s*,\\s*)*" + LIT + ")\\)\\s*;\\s*"
                    + "return\\s+info\\s*;\\s*\\}\\s*\\}\\s*\\z");

    private FormConditionSources() {
    }

    /**
     * Rewrites the sources in {@code src} and returns the source files still to compile (the lambdas replaced are left
     * out); {@code files} unchanged when nothing matched.
     */
    static String[] rewrite(MemoryFileSystem src, String[] files) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String f : files) {
            texts.put(f, new String(src.getBytes(PortablePath.of(f)), StandardCharsets.UTF_8));
        }
        Map<String, String> replacement = new LinkedHashMap<>(); // lambda source file -> its class name
        Map<String, String> call = new LinkedHashMap<>(); // class name -> the factory call
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Match r = match(e.getValue());
            if (r != null) {
                Matcher p = PACKAGE.matcher(e.getValue());
                if (p.find()) {
                    String name = p.group(1) + "." + r.simpleName();
                    replacement.put(e.getKey(), name);
                    call.put(name, r.call());
                }
            }
        }
        if (call.isEmpty()) {
            return files;
        }
        // a class is replaced only when every mention of it in the other sources is "<class>.INSTANCE"
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (replacement.containsKey(e.getKey())) {
                continue;
            }
            for (String name : new ArrayList<>(call.keySet())) {
                String t = e.getValue();
                if (count(t, name.substring(name.lastIndexOf('.') + 1)) != count(t, name + ".INSTANCE")) {
                    call.remove(name);
                }
            }
        }
        replacement.values().removeIf(name -> !call.containsKey(name));
        if (call.isEmpty()) {
            return files;
        }
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (replacement.containsKey(e.getKey())) {
                src.remove(PortablePath.of(e.getKey())); // not even there for the compiler to look up
                continue;
            }
            kept.add(e.getKey());
            String t = e.getValue();
            String out = t;
            for (Map.Entry<String, String> c : call.entrySet()) {
                out = out.replace(c.getKey() + ".INSTANCE", c.getValue());
            }
            if (!out.equals(t)) {
                src.write(PortablePath.of(e.getKey()), out.getBytes(StandardCharsets.UTF_8));
            }
        }
        return kept.toArray(new String[0]);
    }

    /** The factory call for a lambda source of exactly a replaceable shape, or null. */
    static String replacement(String source) {
        Match m = match(source);
        return m == null ? null : m.call();
    }

    /** A replaceable lambda: its class's simple name and the factory call that takes its place. */
    private record Match(String simpleName, String call) {
    }

    /** The lambda's class and factory call for a source of exactly a replaceable shape, or null (one match a source). */
    private static Match match(String source) {
        if (!source.contains("LambdaPredicate")) {
            return null;
        }
        Matcher m = LAMBDA.matcher(source);
        if (!m.find()) {
            return null;
        }
        // everything before the annotation is the package and import lines (a test must not hide in it)
        String head = source.substring(0, m.start());
        for (String line : head.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.matches("(?:package|import)\\s+(?:static\\s+)?[A-Za-z0-9_$.]+(?:\\.\\*)?\\s*;")) {
                return null;
            }
        }
        String kind = m.group(2);
        String path = m.group(3);
        String value = m.group(4);
        String constraint = m.group(5);
        String names = m.group(6);
        if (kind.equals("text") != value.startsWith("\"")) {
            return null; // text(..) == true, bool(..) == "x": left to the generator's own code
        }
        for (String lit : new String[] {path, value, constraint, names}) {
            if (lit.contains("\\u")) {
                return null; // a unicode escape is read before the literal is: not worth the doubt
            }
        }
        return new Match(m.group(1), FormConditions.class.getName() + "." + (kind.equals("text") ? "textEquals(" : "boolEquals(")
                + path + ", " + value + ", " + constraint + ", " + names + ")");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
