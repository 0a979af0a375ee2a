package io.github.motcua.rules.internal;

import io.github.motcua.rules.PackProblem;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The typing mistakes analysts make in a hand-written rule file, found before the compiler sees it,
 * each reported at the line to edit with what to type: curly quotes pasted from a word processor,
 * a missing semicolon after an action, a rule without its {@code end}. The Drools parser reports
 * these at the {@code rule} line or as {@code no viable alternative at input ''}, in English.
 * It only reads the text; compilation is unchanged.
 */
final class DrlMistakes {
    private static final String CURLY = "\u201C\u201D\u201E\u201F\u2018\u2019\u201A\u201B\u00AB\u00BB";
    private static final Pattern STATEMENT = Pattern.compile("\\b(decision\\s*\\.\\s*[A-Za-z_]\\w*|update)\\s*\\(");
    private static final Pattern THEN = Pattern.compile("(?m)^[ \\t]*then\\b");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end\\b");

    private DrlMistakes() {
    }

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9A-Fa-f]{4}");

    static void check(DrlSource src, Linter.Positions at, List<PackProblem> problems) {
        if (UNICODE_ESCAPE.matcher(src.text).find()) {
            return; // the linter refuses the file at the escape (LINT_UNICODE_ESCAPE); a guess here would hide that
        }
        char[] m = src.masked();
        for (int i = 0; i < m.length; i++) {
            if (CURLY.indexOf(m[i]) >= 0) {
                int[] p = src.position(i);
                String quote = String.valueOf(m[i]);
                problems.add(at.at(p[0], p[1], "DRL_CURLY_QUOTE", Msg.vi("load.drl.curlyQuote", "quote", quote),
                        Msg.en("load.drl.curlyQuote", "quote", quote)));
                break; // one is enough: the rest of the line would only repeat it
            }
        }
        String masked = new String(m);
        List<DrlSource.RuleHeader> rules = src.rules();
        for (int r = 0; r < rules.size(); r++) {
            DrlSource.RuleHeader h = rules.get(r);
            int from = lineStart(src, h.line());
            int to = r + 1 < rules.size() ? lineStart(src, rules.get(r + 1).line()) : masked.length();
            String body = masked.substring(from, to);
            Matcher end = END.matcher(body);
            int endAt = end.find() ? end.start() : -1;
            if (endAt < 0) {
                int last = lastCodeLine(src, masked, from, to);
                problems.add(at.at(last, 1, "DRL_MISSING_END",
                        Msg.vi("load.drl.missingEnd", "rule", h.name(), "line", String.valueOf(h.line()), "last", String.valueOf(last)),
                        Msg.en("load.drl.missingEnd", "rule", h.name(), "line", String.valueOf(h.line()), "last", String.valueOf(last))));
                endAt = body.length();
            }
            Matcher then = THEN.matcher(body);
            if (!then.find() || then.start() > endAt) {
                continue;
            }
            Matcher s = STATEMENT.matcher(body).region(then.end(), endAt);
            while (s.find()) {
                int close = closing(body, s.end() - 1, endAt);
                if (close < 0) {
                    break; // unbalanced parentheses: the compiler's message names them
                }
                int k = close + 1;
                while (k < endAt && Character.isWhitespace(body.charAt(k))) {
                    k++;
                }
                if (k >= endAt || body.charAt(k) != ';') {
                    int[] p = src.position(from + close);
                    String call = s.group(1).replaceAll("\\s+", "");
                    problems.add(at.at(p[0], p[1] + 1, "DRL_MISSING_SEMICOLON",
                            Msg.vi("load.drl.missingSemicolon", "call", call, "line", String.valueOf(p[0])),
                            Msg.en("load.drl.missingSemicolon", "call", call, "line", String.valueOf(p[0]))));
                }
                s.region(Math.min(close + 1, endAt), endAt);
            }
        }
    }

    /**
     * From the source's table of line starts: counting the line feeds from the top for every rule made the check
     * quadratic in a file's rules (20,000 rules of a 2.4 MB file took most of 52 s of CPU at load, an 8 MB file minutes).
     */
    private static int lineStart(DrlSource src, int line) {
        return src.lineStart(line);
    }

    /** The last line in [from, to) that holds code (not blank, not only a comment). */
    private static int lastCodeLine(DrlSource src, String masked, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (!Character.isWhitespace(masked.charAt(i))) {
                return src.position(i)[0];
            }
        }
        return src.position(from)[0];
    }

    private static int closing(String s, int open, int limit) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
