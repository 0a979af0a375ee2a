package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Locale;

/** Injection payloads typed by a hostile applicant, and a check that rendered HTML keeps them inert. */
final class Payloads {
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String BREAKOUT = "\" autofocus onfocus=\"alert(2)\" x=\"";
    static final String BREAKOUT_SINGLE = "' onmouseover='alert(3)' '";
    static final String TAG = "\"><img src=x onerror=alert(4)>";
    static final String JS_URL = "javascript:alert(5)";
    static final List<String> ALL = List.of(SCRIPT, BREAKOUT, BREAKOUT_SINGLE, TAG, JS_URL);

    private Payloads() {
    }

    /** One value combining every payload, for one field. */
    static String combined() {
        return String.join(" ", ALL);
    }

    /**
     * Scans the markup the way a browser tokenizer would: every tag, every attribute (quoted values
     * kept whole), so a payload counts only if it really became markup.
     */
    static void assertInert(String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertEquals(-1, lower.indexOf("<script"), "a <script> element was emitted");
        assertEquals(-1, lower.indexOf("<img"), "an injected element was emitted");
        int i = 0;
        while ((i = html.indexOf('<', i)) >= 0) {
            int j = i + 1;
            while (j < html.length() && (Character.isLetterOrDigit(html.charAt(j)) || html.charAt(j) == '/' || html.charAt(j) == '!')) {
                j++;
            }
            String tag = html.substring(i + 1, j).toLowerCase(Locale.ROOT);
            if (tag.startsWith("!")) {
                i = html.indexOf('>', j) + 1;
                continue;
            }
            while (j < html.length() && html.charAt(j) != '>') {
                char c = html.charAt(j);
                if (Character.isWhitespace(c) || c == '/') {
                    j++;
                    continue;
                }
                int nameStart = j;
                while (j < html.length() && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '='
                        && html.charAt(j) != '>') {
                    j++;
                }
                String name = html.substring(nameStart, j).toLowerCase(Locale.ROOT);
                String value = "";
                if (j < html.length() && html.charAt(j) == '=') {
                    j++;
                    char q = html.charAt(j);
                    if (q == '"' || q == '\'') {
                        int close = html.indexOf(q, j + 1);
                        value = html.substring(j + 1, close);
                        j = close + 1;
                    } else {
                        int vs = j;
                        while (j < html.length() && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '>') {
                            j++;
                        }
                        value = html.substring(vs, j);
                        fail("unquoted attribute value in <" + tag + ">: " + name + "=" + value);
                    }
                }
                assertFalse(name.startsWith("on"), () -> "event handler attribute in <" + tag + ">: " + name);
                assertFalse(name.isEmpty() || name.contains("\"") || name.contains("'") || name.contains("<"),
                        () -> "broken attribute name in <" + tag + ">: " + name);
                if (List.of("href", "src", "action", "formaction").contains(name)) {
                    assertFalse(value.trim().toLowerCase(Locale.ROOT).startsWith("javascript:"), "javascript: URL in " + name);
                }
            }
            i = j;
        }
        assertFalse(html.contains(BREAKOUT), "raw attribute breakout present");
        assertFalse(html.contains(TAG), "raw tag breakout present");
    }
}
