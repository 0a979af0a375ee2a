package io.github.motcua.kernel;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON text that does not parse, in plain words (lỗi cú pháp JSON): the line and column where the parser stopped
 * and what is wrong there — a file cut short, a comma too many or missing, a name without quotes, text without
 * quotes, a key written twice — Vietnamese first, English second, never the parser's own English. For every module
 * that reads JSON an analyst or a portal wrote (national records, form schemas). Stateless, so thread-safe.
 *
 * <p>The caller passes the parser's position and message, so no parser type enters the kernel (Jackson stays in the
 * YAML adapter); a message this class does not know is described as a syntax error at the character there.
 */
public final class JsonSyntax {
    /** The code of every problem this class gives; the message key says which mistake. */
    public static final ProblemCode CODE = new ProblemCode("JSON_SYNTAX");
    private static final Pattern CHAR = Pattern.compile("^Unexpected character \\('(.+?)' \\(code \\d+\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '(.*?)'");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate Object property \"(.*)\"");
    private static final Pattern CLOSE = Pattern.compile("^Unexpected close marker '(.)': expected '(.)'");
    private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape '(.+?)'");
    private static final int MAX_SHOWN = 40;

    private JsonSyntax() {
    }

    /**
     * The problem of JSON text {@code text} (read from {@code file}) that the JSON parser refused: code {@link #CODE},
     * the parser's line and column (0 when it gave none), and a message saying what to fix.
     *
     * @param parserMessage the parser's own message (Jackson's {@code getOriginalMessage()}), read only to tell which
     *                      mistake it is; never shown
     */
    public static Problem problem(String file, String text, int line, int column, String parserMessage) {
        Objects.requireNonNull(file, "file");
        String msg = parserMessage == null ? "" : parserMessage;
        String[] kind = kind(msg, text, line, column);
        Map<String, String> args = new java.util.LinkedHashMap<>();
        for (int i = 1; i < kind.length; i += 2) {
            args.put(kind[i], shown(kind[i + 1]));
        }
        return new Problem(file, Math.max(0, line), Math.max(0, column), "", CODE, Severity.ERROR, Messages.KERNEL,
                kind[0], args);
    }

    /** The message key and its arguments, alternating. */
    private static String[] kind(String msg, String text, int line, int column) {
        if (msg.startsWith("Unexpected end-of-input")) {
            return new String[] {"JSON_SYNTAX_UNFINISHED"};
        }
        Matcher m = DUPLICATE.matcher(msg);
        if (m.find()) {
            return new String[] {"JSON_SYNTAX_DUPLICATE_KEY", "key", m.group(1)};
        }
        m = CLOSE.matcher(msg);
        if (m.find()) {
            return new String[] {"JSON_SYNTAX_CLOSE", "found", m.group(1), "expected", m.group(2)};
        }
        m = ESCAPE.matcher(msg);
        if (m.find()) {
            return new String[] {"JSON_SYNTAX_ESCAPE", "char", m.group(1)};
        }
        if (msg.startsWith("Illegal unquoted character")) {
            return new String[] {"JSON_SYNTAX_CONTROL"};
        }
        if (msg.startsWith("Invalid numeric value") || msg.startsWith("Numeric value")) {
            return new String[] {"JSON_SYNTAX_NUMBER"};
        }
        if (msg.contains("Feature 'ALLOW_COMMENTS'")) {
            return new String[] {"JSON_SYNTAX_COMMENT"};
        }
        m = TOKEN.matcher(msg);
        if (m.find()) {
            return new String[] {"JSON_SYNTAX_TOKEN", "token", m.group(1)};
        }
        m = CHAR.matcher(msg);
        if (m.find()) {
            String c = m.group(1);
            if (msg.contains("was expecting double-quote to start property name")) {
                return c.equals("}") ? new String[] {"JSON_SYNTAX_TRAILING_COMMA", "char", c}
                        : new String[] {"JSON_SYNTAX_NAME_QUOTES", "char", c};
            }
            if (msg.contains("was expecting a colon")) {
                return new String[] {"JSON_SYNTAX_COLON"};
            }
            if (msg.contains("was expecting comma")) {
                return new String[] {"JSON_SYNTAX_COMMA", "char", c};
            }
            if (c.equals(".") || c.equals(",") && msg.contains("expected a valid value")) {
                return new String[] {"JSON_SYNTAX_NUMBER"}; // 50.000.000 or 50,000: a thousands separator
            }
            if (c.equals("'")) {
                return new String[] {"JSON_SYNTAX_SINGLE_QUOTE"};
            }
            if (c.equals("]") || c.equals("}")) {
                // a value was expected: after a colon it is missing ({"a": }), after a comma the comma is one too many
                return before(text, line, column) == ':' ? new String[] {"JSON_SYNTAX_MISSING_VALUE", "char", c}
                        : new String[] {"JSON_SYNTAX_TRAILING_COMMA", "char", c};
            }
            return new String[] {"JSON_SYNTAX_CHAR", "char", c};
        }
        if (msg.startsWith("Document nesting depth")) {
            return new String[] {"JSON_SYNTAX_DEPTH"};
        }
        if (msg.contains("exceeds the maximum")) {
            return new String[] {"JSON_SYNTAX_LIMIT"};
        }
        return new String[] {"JSON_SYNTAX", "char", at(text, line, column)};
    }

    /** The last character other than white space before a 1-based line and column of {@code text}, or 0. */
    private static char before(String text, int line, int column) {
        int i = offset(text, line, column);
        for (i--; i >= 0 && i < text.length(); i--) {
            char ch = text.charAt(i);
            if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
                return ch;
            }
        }
        return 0;
    }

    /** The offset of a 1-based line and column in {@code text}, or -1. */
    private static int offset(String text, int line, int column) {
        if (text == null || line < 1 || column < 1) {
            return -1;
        }
        int i = 0;
        for (int l = 1; l < line; l++) {
            i = text.indexOf('\n', i);
            if (i < 0) {
                return -1;
            }
            i++;
        }
        return i + column - 1;
    }

    /** The character at a 1-based line and column of {@code text}, or an empty text. */
    private static String at(String text, int line, int column) {
        if (text == null || line < 1 || column < 1) {
            return "";
        }
        int i = 0;
        for (int l = 1; l < line; l++) {
            i = text.indexOf('\n', i);
            if (i < 0) {
                return "";
            }
            i++;
        }
        i += column - 1;
        return i < text.length() ? text.substring(i, Math.min(text.length(), text.offsetByCodePoints(i, 1))) : "";
    }

    private static String shown(String s) {
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
    }
}
