package io.github.motcua.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule file as the analyst wrote it: its text, a copy with comments and string literals blanked
 * (so the linter never mistakes a message for code), the string literals with their positions,
 * and each rule's name, line and metadata. Line and column are 1-based.
 */
final class DrlSource {
    /**
     * A rule header's start, as {@link #ruleIndent} and {@link #ruleName} read it (kept as the specification:
     * {@code DrlSourceTest} checks they agree on generated and real lines).
     */
    static final Pattern RULE = Pattern.compile("^(\\s*)rule\\s+(\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|(\\S+))");
    private static final Pattern META = Pattern.compile("@([A-Za-z_][\\w]*)\\s*(?:\\(\\s*(?:\"([^\"]*)\"|([^)\"]*?))\\s*\\))?");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b");

    record Literal(int start, int end, String value) {
    }

    record Meta(String value, int line, int column) {
    }

    record RuleHeader(String name, int line, int column, Map<String, Meta> meta) {
    }

    final String file;
    final String text;
    private final int[] lineStarts;
    /**
     * Masked text, literals and rule headers: found on first use (a lazy engine lints on first use) and
     * dropped by {@link #release} once the procedure is checked, to be found again if asked for later.
     */
    private volatile Parsed parsed;

    /** What {@link #parse} finds (literals null when not asked for); immutable once published. */
    private record Parsed(char[] masked, List<Literal> literals, List<RuleHeader> rules) {
    }

    DrlSource(String file, String text) {
        this.file = file;
        this.text = text;
        // one pass with String.indexOf (an intrinsic search) instead of two with charAt: every rule text of every
        // procedure gets its line starts at load
        int[] starts = new int[64];
        int lines = 1;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            if (lines == starts.length) {
                starts = java.util.Arrays.copyOf(starts, lines * 2);
            }
            starts[lines++] = nl + 1;
        }
        lineStarts = lines == starts.length ? starts : java.util.Arrays.copyOf(starts, lines);
    }

    /**
     * The masked text and rule headers, with the literals too when {@code literals} (only the linter and the
     * summaries read them: a prebuilt or lazily compiled procedure's check at load asks for the rule headers alone).
     */
    private Parsed parse(boolean literals) {
        Parsed p = parsed;
        if (p == null || literals && p.literals() == null) {
            synchronized (this) {
                p = parsed;
                if (p == null || literals && p.literals() == null) {
                    char[] masked = text.toCharArray();
                    List<Literal> found = literals ? new ArrayList<>() : null;
                    List<RuleHeader> rules = new ArrayList<>();
                    mask(masked, found);
                    findRules(masked, rules);
                    p = new Parsed(masked, found == null ? null : java.util.Collections.unmodifiableList(found),
                            java.util.Collections.unmodifiableList(rules));
                    parsed = p;
                }
            }
        }
        return p;
    }

    /**
     * At least {@code rules().size()}, without masking the text when it is not parsed yet: the lines {@link #ruleIndent}
     * accepts (a rule header is such a line whose {@code rule} is not in a comment, {@link #findRules}); exact once
     * parsed. What the load's rule bounds add up before they need the exact count ({@code ProcedureReader.tooManyRules}):
     * the masking and the headers' metadata of every rule text were ≈ 5 % of a 2,000-procedure load's CPU, for rules a
     * lazily compiled procedure reads again at its first use.
     */
    int rulesAtMost() {
        Parsed p = parsed;
        if (p != null) {
            return p.rules().size();
        }
        int n = headerLines;
        if (n < 0) {
            n = 0;
            for (int ln = 0; ln < lineStarts.length; ln++) {
                if (ruleIndent(text, lineStarts[ln], lineEnd(ln + 1)) >= 0) {
                    n++;
                }
            }
            headerLines = n; // the same count whichever thread works it out first (an int is written whole)
        }
        return n;
    }

    /** The lines {@link #ruleIndent} accepts, once {@link #rulesAtMost} has counted them; -1 before. */
    private int headerLines = -1;

    /**
     * Drops the masked copy, the literals and the rule headers (a served procedure keeps only its text and line
     * starts; they are found again if anything asks for them, e.g. {@code Engine.rules(code)}). Thread-safe.
     */
    void release() {
        parsed = null;
    }

    /** The text with comments and string literal contents blanked (same offsets). Do not modify. */
    char[] masked() {
        return parse(false).masked();
    }

    /** The string literals, in order. */
    List<Literal> literals() {
        return parse(true).literals();
    }

    /** The rule headers, in order. */
    List<RuleHeader> rules() {
        return parse(false).rules();
    }

    /**
     * The literal starting at {@code offset}, or null: a binary search of {@link #literals()}, which are in the order
     * of their starts (a search through all of them for each use made the checks quadratic in a file's literals).
     */
    Literal literalAt(int offset) {
        List<Literal> ls = literals();
        int i = firstLiteralFrom(offset);
        return i < ls.size() && ls.get(i).start() == offset ? ls.get(i) : null;
    }

    /** The index in {@link #literals()} of the first literal starting at or after {@code offset} (their count if none). */
    int firstLiteralFrom(int offset) {
        List<Literal> ls = literals();
        int lo = 0;
        int hi = ls.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ls.get(mid).start() < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void mask(char[] masked, List<Literal> literals) {
        int i = 0;
        int n = masked.length;
        while (i < n) {
            char c = masked[i];
            if (c == '/' && i + 1 < n && masked[i + 1] == '/') {
                while (i < n && masked[i] != '\n') {
                    masked[i++] = ' ';
                }
            } else if (c == '/' && i + 1 < n && masked[i + 1] == '*') {
                while (i < n && !(masked[i] == '*' && i + 1 < n && masked[i + 1] == '/')) {
                    if (masked[i] != '\n') {
                        masked[i] = ' ';
                    }
                    i++;
                }
                if (i < n) {
                    masked[i++] = ' ';
                    if (i < n) {
                        masked[i++] = ' ';
                    }
                }
            } else if (c == '"' || c == '\'') {
                int start = i;
                StringBuilder v = literals == null ? null : new StringBuilder();
                i++;
                while (i < n && masked[i] != c && masked[i] != '\n') {
                    if (masked[i] == '\\' && i + 1 < n) {
                        if (v != null) {
                            v.append(masked[i + 1]);
                        }
                        masked[i] = ' ';
                        masked[i + 1] = ' ';
                        i += 2;
                        continue;
                    }
                    if (v != null) {
                        v.append(masked[i]);
                    }
                    masked[i++] = ' ';
                }
                // keep the quotes so the masked text still shows "a literal was here"
                if (v != null) {
                    literals.add(new Literal(start, Math.min(i, n - 1), v.toString()));
                }
                i++;
            } else {
                i++;
            }
        }
    }

    private void findRules(char[] masked, List<RuleHeader> rules) {
        for (int ln = 0; ln < lineStarts.length; ln++) {
            int start = lineStarts[ln];
            int end = lineEnd(ln + 1);
            int col = ruleIndent(text, start, end);
            if (col < 0) {
                continue;
            }
            if (masked[start + col] != 'r') {
                continue; // inside a comment
            }
            String name = ruleName(text, start + col + 4, end);
            Map<String, Meta> meta = new LinkedHashMap<>();
            for (int k = ln + 1; k < lineStarts.length; k++) {
                if (ruleIndent(text, lineStarts[k], lineEnd(k + 1)) >= 0) {
                    break;
                }
                String l = lineText(k + 1);
                if (l.contains("when") && WHEN.matcher(l).find()) { // neither regex can match a line without its word
                    break;
                }
                if (l.indexOf('@') < 0) {
                    continue;
                }
                Matcher mm = META.matcher(l);
                while (mm.find()) {
                    if (masked[lineStarts[k] + mm.start()] != '@') {
                        continue;
                    }
                    String v = mm.group(2) != null ? mm.group(2) : mm.group(3) == null ? "" : mm.group(3).trim();
                    meta.put(mm.group(1), new Meta(v, k + 1, mm.start() + 1));
                }
            }
            rules.add(new RuleHeader(name, ln + 1, col + 1, meta));
        }
    }

    int lineCount() {
        return lineStarts.length;
    }

    /** Where 1-based {@code line} starts in {@link #text}; the text's length for a line past its last. */
    int lineStart(int line) {
        return line - 1 < lineStarts.length ? lineStarts[Math.max(0, line - 1)] : text.length();
    }

    String lineText(int line) {
        int s = lineStarts[line - 1];
        return text.substring(s, lineEnd(line));
    }

    /** Where 1-based {@code line} ends in {@link #text}: before its line feed and one carriage return before that. */
    private int lineEnd(int line) {
        int s = lineStarts[line - 1];
        int e = Math.max(s, line < lineStarts.length ? lineStarts[line] - 1 : text.length());
        return e > s && text.charAt(e - 1) == '\r' ? e - 1 : e;
    }

    /**
     * {@link #RULE}'s {@code find} on {@code s[from, to)} without the regex (every line of every rule text is asked at
     * load, and the regex walked a quoted rule name one recursive call a character): the length of the indentation
     * before {@code rule} (group 1) when the line starts a rule header, else -1.
     */
    static int ruleIndent(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && space(s.charAt(i))) {
            i++;
        }
        int indent = i - from;
        if (to - i < 4 || s.charAt(i) != 'r' || s.charAt(i + 1) != 'u' || s.charAt(i + 2) != 'l' || s.charAt(i + 3) != 'e') {
            return -1;
        }
        i += 4;
        int ws = i;
        while (i < to && space(s.charAt(i))) {
            i++;
        }
        // \s+ then one of three alternatives, each at least one character; the last, \S+, takes any non-space one
        return i == ws || i == to ? -1 : indent;
    }

    /**
     * {@link #RULE}'s name (group 3, 4 or 5) of a line {@link #ruleIndent} accepted, {@code at} just after its
     * {@code rule}: a double- or single-quoted name as written between the quotes (escapes kept), where a backslash
     * escapes any character but a line terminator; else, when the quote does not close, or the name is not quoted,
     * the run of non-space characters.
     */
    static String ruleName(CharSequence s, int at, int to) {
        int i = at;
        while (i < to && space(s.charAt(i))) {
            i++;
        }
        char q = s.charAt(i);
        if (q == '"' || q == '\'') {
            for (int j = i + 1; j < to; j++) {
                char c = s.charAt(j);
                if (c == q) {
                    return s.subSequence(i + 1, j).toString();
                }
                if (c == '\\') {
                    if (j + 1 == to || lineTerminator(s.charAt(j + 1))) {
                        break; // the regex's '.' takes no line terminator: the quoted alternative fails
                    }
                    j++;
                }
            }
        }
        int j = i;
        while (j < to && !space(s.charAt(j))) {
            j++;
        }
        return s.subSequence(i, j).toString();
    }

    /** The regex {@code \s}: {@code [ \t\n\x0B\f\r]}. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** What the regex {@code .} does not match (no DOTALL, no UNIX_LINES). */
    private static boolean lineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    String maskedText() {
        return new String(masked());
    }

    /** 1-based {line, column} of an offset. */
    int[] position(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new int[] {lo + 1, offset - lineStarts[lo] + 1};
    }

    /** The rule whose body contains this line (the last header at or before it), or null. */
    RuleHeader ruleAt(int line) {
        List<RuleHeader> rs = rules(); // in the order of their lines: a binary search
        int lo = 0;
        int hi = rs.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rs.get(mid).line() <= line) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? null : rs.get(lo - 1);
    }
}
