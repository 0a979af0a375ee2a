package io.github.motcua.rules.internal;

import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.PackProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pack linter: runs before compilation and rejects anything outside the documented vocabulary.
 * There is no sandbox in Drools (rules can call any Java), so this is the safety boundary; every
 * finding names file, line and column.
 */
final class Linter {
    /** Maps a (line, column) of the linted text to a problem in the analyst's file. */
    interface Positions {
        PackProblem at(int line, int column, String code, String vi, String en);
    }

    /** The methods of the rule vocabulary's {@link io.github.motcua.rules.vocabulary.Actions}: one list, not a copy. */
    static final Set<String> ACTIONS = java.util.Arrays.stream(io.github.motcua.rules.vocabulary.Actions.class.getMethods())
            .map(java.lang.reflect.Method::getName).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Set<String> FORBIDDEN_TOKENS = Set.of("java", "javax", "jdk", "sun", "System", "Runtime",
            "Thread", "ThreadGroup", "ProcessBuilder", "Process", "Class", "ClassLoader", "getClass", "forName",
            "eval", "drools", "kcontext", "new", "insert", "insertLogical", "retract", "delete", "Files", "Paths",
            "Path", "File", "URL", "URI", "Socket", "Method", "Field", "Constructor", "reflect", "Unsafe",
            "ScriptEngine", "exit", "halt", "getRuntime", "setProperty", "getProperty", "getenv", "exec",
            "Executors", "CompletableFuture", "MethodHandles", "invoke", "getDeclaredMethod", "Proxy");
    private static final Pattern DECLARATION = Pattern.compile("(?m)^[ \\t]*(import|package|global|function|declare|query|template|unit)\\b");
    private static final Pattern FQN = Pattern.compile("\\b(org|com|io|net|tools|kotlin|scala|groovy)\\s*\\.\\s*[A-Za-z]");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern ACTION_CALL = Pattern.compile("\\bdecision\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\(");
    /** Names of numeric (or boolean) values; compared with a string literal they are a type error. */
    private static final List<String> NUMERIC_NAMES = List.of("integer", "decimal", "count", "ageInDays", "ageInYears",
            "age", "bool", "getAge");
    /** Names of text values; ordered against a number they are a type error. */
    private static final List<String> TEXT_NAMES = List.of("text", "sex", "channel", "procedure", "unitCode", "fullName",
            "personalId");
    /** Tried only where one of {@link #NUMERIC_NAMES} starts a word (see {@link #typeMismatch}). */
    private static final Pattern TYPE_MISMATCH = Pattern.compile(
            "(integer|decimal|count|ageInDays|ageInYears|age|bool|getAge)\\b\\s*(\\((?:[^()]|\\([^()]*\\))*\\))?\\s*(==|!=|<=|>=|<|>)\\s*[\"']");
    private static final Pattern TYPE_MISMATCH_TEXT = Pattern.compile(
            "(text|sex|channel|procedure|unitCode|fullName|personalId)\\b\\s*(\\((?:[^()]|\\([^()]*\\))*\\))?\\s*(<=|>=|<|>)\\s*-?\\d");
    /** The names of {@link DeadlineUnit}, in declaration order. */
    private static final List<String> UNITS = java.util.Arrays.stream(DeadlineUnit.values()).map(Enum::name).toList();

    private Linter() {
    }

    static List<PackProblem> lint(DrlSource src, Positions at, Set<String> componentIds,
            Map<String, LegalBasis> bases) {
        List<PackProblem> out = new ArrayList<>();
        if (tooLong(src, at, out)) {
            return out; // every other check would quote the absurd text back; the analyst shortens it first
        }
        unicodeEscapes(src, at, out);
        String m = src.maskedText();
        Matcher d = DECLARATION.matcher(m);
        while (d.find()) {
            int[] p = src.position(d.start(1));
            out.add(at.at(p[0], p[1], "LINT_FORBIDDEN_DECLARATION", Msg.vi("load.lint.declaration", "word", d.group(1)),
                    Msg.en("load.lint.declaration", "word", d.group(1))));
        }
        Matcher f = FQN.matcher(m);
        while (f.find()) {
            int[] p = src.position(f.start());
            out.add(at.at(p[0], p[1], "LINT_FORBIDDEN_NAME", Msg.vi("load.lint.qualifiedName", "name", f.group(1)),
                    Msg.en("load.lint.qualifiedName", "name", f.group(1))));
        }
        Matcher t = TOKEN.matcher(m);
        while (t.find()) {
            String tok = t.group();
            if (FORBIDDEN_TOKENS.contains(tok) && !precededByDot(m, t.start(), "decision")) {
                int[] p = src.position(t.start());
                out.add(at.at(p[0], p[1], "LINT_FORBIDDEN_NAME", Msg.vi("load.lint.forbiddenName", "name", tok),
                        Msg.en("load.lint.forbiddenName", "name", tok)));
            }
        }
        Matcher a = ACTION_CALL.matcher(m);
        while (a.find()) {
            String action = a.group(1);
            int[] p = src.position(a.start(1));
            if (!ACTIONS.contains(action)) {
                String known = String.valueOf(new java.util.TreeSet<>(ACTIONS));
                out.add(at.at(p[0], p[1], "LINT_UNKNOWN_ACTION", Msg.vi("load.lint.unknownAction", "action", action, "known", known),
                        Msg.en("load.lint.unknownAction", "action", action, "known", known)));
                continue;
            }
            int open = a.end() - 1;
            int close = closing(m, open);
            List<DrlSource.Literal> args = literalArguments(src, m, open, close);
            List<DrlSource.Literal> ids = new ArrayList<>();
            int from = switch (action) {
                case "require", "optional", "waive" -> 0;
                case "requireOneOf" -> 1;
                default -> Integer.MAX_VALUE;
            };
            int to = "requireOneOf".equals(action) ? args.size() : Math.min(args.size(), 1);
            for (int k = from; k < to; k++) {
                if (args.get(k) != null) {
                    ids.add(args.get(k));
                }
            }
            for (DrlSource.Literal id : ids) {
                if (!componentIds.contains(id.value())) {
                    int[] q = src.position(id.start());
                    out.add(at.at(q[0], q[1], "LINT_UNKNOWN_COMPONENT",
                            Msg.vi("load.lint.unknownComponent", "id", id.value(), "known", String.valueOf(componentIds)),
                            Msg.en("load.lint.unknownComponent", "id", id.value(), "known", String.valueOf(componentIds))));
                }
            }
            if (Set.of("extend", "pause", "replaceDeadline").contains(action)) {
                for (DrlSource.Literal l : args) {
                    if (l != null && l.value().matches("[A-Z_]+") && !UNITS.contains(l.value())) {
                        int[] q = src.position(l.start());
                        out.add(at.at(q[0], q[1], "LINT_BAD_UNIT", Msg.vi("load.lint.badUnit", "unit", l.value(), "known", String.valueOf(UNITS)),
                                Msg.en("load.lint.badUnit", "unit", l.value(), "known", String.valueOf(UNITS))));
                    }
                }
            }
        }
        typeMismatch(src, at, out, NUMERIC_NAMES, TYPE_MISMATCH, "load.lint.numberWithString");
        typeMismatch(src, at, out, TEXT_NAMES, TYPE_MISMATCH_TEXT, "load.lint.stringWithNumber");
        for (DrlSource.RuleHeader r : src.rules()) {
            DrlSource.Meta basis = r.meta().get("basis");
            if (basis == null || basis.value().isBlank()) {
                out.add(at.at(r.line(), r.column(), "LINT_NO_BASIS", Msg.vi("load.lint.noBasis", "rule", r.name()),
                        Msg.en("load.lint.noBasis", "rule", r.name())));
            } else if (!bases.containsKey(basis.value())) {
                String near = String.join(", ", FormFields.closest(basis.value(), bases.keySet()));
                out.add(at.at(basis.line(), basis.column(), "LINT_UNKNOWN_BASIS",
                        Msg.vi("load.procedure.unknownBasis", "id", basis.value(), "closest", near),
                        Msg.en("load.procedure.unknownBasis", "id", basis.value(), "closest", near)));
            }
            for (String k : List.of("validFrom", "validTo")) {
                DrlSource.Meta v = r.meta().get(k);
                if (v != null) {
                    try {
                        LocalDate.parse(v.value());
                    } catch (DateTimeParseException e) {
                        out.add(at.at(v.line(), v.column(), "LINT_BAD_DATE", Msg.vi("load.lint.badDate", "annotation", k, "value", v.value()),
                                Msg.en("load.lint.badDate", "annotation", k, "value", v.value())));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Characters of a rule's name, of an annotation's value ({@code @basis}, {@code @validFrom} …) and of any other
     * text in a rule's header (an {@code agenda-group} or {@code activation-group} name): the longest name in the
     * Gia Lai pack is 150, so 1,000 is far above real use.
     */
    static final int MAX_NAME_CHARS = 1_000;
    /**
     * Characters of any other string in a rule (a note, a reason, a compared value): the rules-as-data limit of one
     * literal; the longest in the Gia Lai pack is 309. The Java compiler cannot hold a text over 65,535 bytes (21,845
     * characters of Vietnamese), and refused it in its own English at line 0.
     */
    static final int MAX_TEXT_CHARS = DataRules.MAX_LITERAL;
    private static final Pattern WHEN_WORD = Pattern.compile("\\bwhen\\b");
    private static final int SHOWN = 40;

    /**
     * Refuses absurdly long names and texts at their own line, before anything is compiled or translated: a rule
     * name, an annotation value or an attribute over {@link #MAX_NAME_CHARS}, any other string over
     * {@link #MAX_TEXT_CHARS}. Each problem quotes only the text's first characters.
     *
     * @return true when one was found
     */
    private static boolean tooLong(DrlSource src, Positions at, List<PackProblem> out) {
        if (src.text.length() <= MAX_NAME_CHARS) {
            return false; // nothing in a short file can be too long
        }
        long before = io.github.motcua.kernel.ProblemSink.found(out);
        Set<Integer> reported = new java.util.HashSet<>(); // offsets of literals already reported as a name or value
        String masked = src.maskedText();
        List<int[]> headers = new ArrayList<>(); // {first offset, offset of the rule's "when" or the next rule}
        List<DrlSource.RuleHeader> rules = src.rules();
        for (int r = 0; r < rules.size(); r++) {
            DrlSource.RuleHeader h = rules.get(r);
            int from = src.lineStart(h.line());
            int next = r + 1 < rules.size() ? src.lineStart(rules.get(r + 1).line()) : masked.length();
            Matcher w = WHEN_WORD.matcher(masked).region(from, next);
            headers.add(new int[] {from, w.find() ? w.start() : next});
            if (h.name().length() > MAX_NAME_CHARS) {
                out.add(tooLong(at, h.line(), h.column(), "load.lint.tooLong.name", h.name(), MAX_NAME_CHARS, ""));
                reported.add(from + h.column() - 1);
            }
            for (Map.Entry<String, DrlSource.Meta> e : h.meta().entrySet()) {
                DrlSource.Meta m = e.getValue();
                if (m.value().length() > MAX_NAME_CHARS) {
                    out.add(tooLong(at, m.line(), m.column(), "load.lint.tooLong.annotation", m.value(), MAX_NAME_CHARS,
                            e.getKey()));
                    reported.add(src.lineStart(m.line()) + m.column() - 1);
                }
            }
        }
        int hi = 0;
        for (DrlSource.Literal l : src.literals()) {
            String v = l.value();
            if (v.length() <= MAX_NAME_CHARS) {
                continue;
            }
            while (hi < headers.size() && headers.get(hi)[1] <= l.start()) {
                hi++;
            }
            boolean inHeader = hi < headers.size() && headers.get(hi)[0] <= l.start();
            if (inHeader && reportedOnLine(src, reported, l.start())) {
                continue; // the rule's name or an annotation's value, reported above
            }
            if (inHeader || v.length() > MAX_TEXT_CHARS) {
                int[] p = src.position(l.start());
                out.add(tooLong(at, p[0], p[1], inHeader ? "load.lint.tooLong.header" : "load.lint.tooLong.text", v,
                        inHeader ? MAX_NAME_CHARS : MAX_TEXT_CHARS, ""));
            }
        }
        return io.github.motcua.kernel.ProblemSink.found(out) > before;
    }

    /** True when a name or value on the line of {@code offset} was reported already. */
    private static boolean reportedOnLine(DrlSource src, Set<Integer> reported, int offset) {
        int line = src.position(offset)[0];
        for (int o : reported) {
            if (src.position(o)[0] == line) {
                return true;
            }
        }
        return false;
    }

    private static PackProblem tooLong(Positions at, int line, int column, String key, String text, int max,
            String value) {
        String start = text.codePointCount(0, text.length()) <= SHOWN ? text
                : text.substring(0, text.offsetByCodePoints(0, SHOWN));
        String[] vi = {"length", grouped(text.length(), '.'), "max", grouped(max, '.'), "start", start, "annotation", value};
        String[] en = {"length", grouped(text.length(), ','), "max", grouped(max, ','), "start", start, "annotation", value};
        return at.at(line, column, "LINT_TOO_LONG", Msg.vi(key, vi), Msg.en(key, en));
    }

    /** 30000 as 30.000 (Vietnamese) or 30,000 (English). */
    private static String grouped(int n, char separator) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', separator);
    }

    /**
     * Refuses every backslash followed by {@code u}, wherever it stands (comment, string, name,
     * annotation, between tokens): the Java compiler turns {@code \\u000a} into a line end and
     * {@code \\u0022} into a quote before it reads the code, so such an escape could hide code from
     * anyone reading the rule. One problem per line is enough.
     */
    private static void unicodeEscapes(DrlSource src, Positions at, List<PackProblem> out) {
        String t = src.text;
        int lastLine = -1;
        for (int i = t.indexOf('\\'); i >= 0 && i + 1 < t.length(); i = t.indexOf('\\', i + 1)) {
            if (t.charAt(i + 1) != 'u' && t.charAt(i + 1) != 'U') {
                continue;
            }
            int[] p = src.position(i);
            if (p[0] == lastLine) {
                continue;
            }
            lastLine = p[0];
            out.add(at.at(p[0], p[1], "LINT_UNICODE_ESCAPE", Msg.vi("load.lint.unicodeEscape"), Msg.en("load.lint.unicodeEscape")));
        }
    }

    /**
     * Finds {@code p} where one of {@code names} starts a word in code (not in a comment or string).
     * Trying the pattern only at those places, rather than {@code find()} over the whole text, keeps
     * linting 2,000 procedures cheap: the pattern's alternation would otherwise be tried at every
     * character.
     */
    private static void typeMismatch(DrlSource src, Positions at, List<PackProblem> out, List<String> names, Pattern p,
            String key) {
        String text = src.text;
        java.util.TreeSet<Integer> starts = new java.util.TreeSet<>(); // "age" also starts "ageInDays"
        for (String name : names) {
            for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
                if ((i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_')
                        && src.masked()[i] != ' ') {
                    starts.add(i);
                }
            }
        }
        if (starts.isEmpty()) {
            return;
        }
        Matcher x = p.matcher(text).useTransparentBounds(true);
        int end = -1;
        for (int s : starts) {
            if (s < end || !x.region(s, text.length()).lookingAt()) {
                continue;
            }
            end = x.end();
            int[] q = src.position(s);
            out.add(at.at(q[0], q[1], "LINT_TYPE_MISMATCH", Msg.vi(key, "text", x.group().trim()), Msg.en(key, "text", x.group().trim())));
        }
    }

    private static boolean precededByDot(String m, int start, String owner) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(m.charAt(i))) {
            i--;
        }
        if (i < 0 || m.charAt(i) != '.') {
            return false;
        }
        String before = m.substring(0, i).stripTrailing();
        return before.endsWith(owner);
    }

    /**
     * The call's arguments at its own level: a string literal for an argument that is exactly one
     * literal, else null (a variable or expression, which only the run time can check).
     */
    private static List<DrlSource.Literal> literalArguments(DrlSource src, String m, int open, int close) {
        List<DrlSource.Literal> out = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i <= close && i <= m.length(); i++) {
            char c = i < m.length() ? m.charAt(i) : ')';
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if ((c == ',' && depth == 0) || i == close) {
                String arg = m.substring(start, i);
                if (!arg.isBlank() || out.size() > 0 || c == ',') {
                    int a = start + (arg.length() - arg.stripLeading().length());
                    int b = start + arg.stripTrailing().length() - 1;
                    DrlSource.Literal found = src.literalAt(a);
                    out.add(found != null && found.end() == b ? found : null);
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static int closing(String m, int open) {
        int depth = 0;
        for (int i = open; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return m.length();
    }
}
