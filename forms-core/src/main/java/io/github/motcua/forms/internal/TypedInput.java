package io.github.motcua.forms.internal;

import io.github.motcua.forms.NormalisedValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Identifiers and dates as people type them (nhập liệu theo thói quen): a tax code written
 * {@code 0312 68 78 78 - 001} or {@code 01.00.112.437}, a personal number with spaces, a mobile number
 * with {@code +84}, spaces or dots, a date written {@code 13/02/2026}. Before validation each string
 * whose field declares one of these formats is rewritten to its canonical form — but only when the
 * canonical form is valid for that format, so the citizen's text is never silently turned into a
 * different value: text that does not normalise to a valid value is validated as typed and reported.
 *
 * <p>Pure and thread-safe.
 */
final class TypedInput {
    private TypedInput() {
    }

    /** The result: the (possibly) rewritten tree and what was rewritten, in document order. */
    record Result(Object value, List<NormalisedValue> normalised) {
    }

    /**
     * Rewrites the string leaves of {@code value} whose field (looked up by {@code fieldAt}, a JSON
     * pointer → field schema) has a normalisable format. Returns {@code value} itself when nothing changed.
     */
    static Result normalise(Object value, Function<String, JsonNode> fieldAt) {
        List<NormalisedValue> out = new ArrayList<>(0);
        Object v = walk(value, "", fieldAt, out);
        return new Result(v, out.isEmpty() ? List.of() : List.copyOf(out));
    }

    /**
     * The same on a parsed tree: returns {@code node} itself when nothing changed (then nothing is
     * converted or copied), else a copy with the rewritten strings; what was rewritten goes to {@code out}.
     */
    static JsonNode normaliseTree(JsonNode node, Function<String, JsonNode> fieldAt, List<NormalisedValue> out) {
        return walkTree(node, "", fieldAt, out);
    }

    private static JsonNode walkTree(JsonNode v, String pointer, Function<String, JsonNode> fieldAt,
                                     List<NormalisedValue> out) {
        if (v.isString()) {
            Object r = walk(v.asString(), pointer, fieldAt, out);
            return r == v.asString() ? v : NODES.stringNode((String) r);
        }
        if (v.isObject()) {
            tools.jackson.databind.node.ObjectNode copy = null;
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                JsonNode c = e.getValue();
                if (c.isString() ? !candidate(c.asString()) : !c.isContainer()) {
                    continue;
                }
                JsonNode child = walkTree(c, pointer + "/" + Pointers.escape(e.getKey()), fieldAt, out);
                if (child != c) {
                    if (copy == null) {
                        copy = ((tools.jackson.databind.node.ObjectNode) v).deepCopy();
                    }
                    copy.set(e.getKey(), child);
                }
            }
            return copy == null ? v : copy;
        }
        if (v.isArray()) {
            tools.jackson.databind.node.ArrayNode copy = null;
            for (int i = 0; i < v.size(); i++) {
                JsonNode c = v.get(i);
                if (c.isString() ? !candidate(c.asString()) : !c.isContainer()) {
                    continue;
                }
                JsonNode child = walkTree(c, pointer + "/" + i, fieldAt, out);
                if (child != c) {
                    if (copy == null) {
                        copy = ((tools.jackson.databind.node.ArrayNode) v).deepCopy();
                    }
                    copy.set(i, child);
                }
            }
            return copy == null ? v : copy;
        }
        return v;
    }

    private static final tools.jackson.databind.node.JsonNodeFactory NODES = PlainJson.NODES;

    private static Object walk(Object v, String pointer, Function<String, JsonNode> fieldAt,
                               List<NormalisedValue> out) {
        if (v instanceof String s) {
            if (!candidate(s)) {
                return s;
            }
            JsonNode field = fieldAt.apply(pointer);
            if (field == null) {
                return s;
            }
            String format = field.path("format").isString() ? field.path("format").asString() : null;
            boolean personal = field.path(VnKeywords.ACCEPTS_PERSONAL_ID).asBoolean(false);
            String canonical = format == null ? null : canonical(format, s, personal);
            if (canonical == null || canonical.equals(s)) {
                return s;
            }
            out.add(new NormalisedValue(pointer, s, canonical, format));
            return canonical;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> copy = null;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!worthWalking(e.getValue())) {
                    continue; // most leaves: no pointer to build, nothing to look up
                }
                String key = (String) e.getKey();
                Object child = walk(e.getValue(), pointer + "/" + Pointers.escape(key), fieldAt, out);
                if (child != e.getValue()) {
                    if (copy == null) {
                        copy = new LinkedHashMap<>();
                        for (Map.Entry<?, ?> c : m.entrySet()) {
                            copy.put((String) c.getKey(), c.getValue());
                        }
                    }
                    copy.put(key, child);
                }
            }
            return copy == null ? v : Collections.unmodifiableMap(copy);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = null;
            for (int i = 0; i < l.size(); i++) {
                if (!worthWalking(l.get(i))) {
                    continue;
                }
                Object child = walk(l.get(i), pointer + "/" + i, fieldAt, out);
                if (child != l.get(i)) {
                    if (copy == null) {
                        copy = new ArrayList<>(l);
                    }
                    copy.set(i, child);
                }
            }
            return copy == null ? v : Collections.unmodifiableList(copy);
        }
        return v;
    }

    /** A value that may hold something to rewrite: a container, or a string {@link #candidate}. */
    private static boolean worthWalking(Object v) {
        return v instanceof String s ? candidate(s) : v instanceof Map || v instanceof List;
    }

    /**
     * Cheap filter before any schema look-up: only short text made of digits and the separators
     * people type inside identifiers and dates, with at least one separator. Names and addresses fail
     * it at their first letter.
     */
    static boolean candidate(String s) {
        if (s.isEmpty() || s.length() > 40 || isoDate(s)) {
            return false;
        }
        boolean separator = false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == ' ' || c == '.' || c == '-' || c == '/' || c == '+' || c == '(' || c == ')'
                    || c == '\u00A0') {
                separator = true;
            } else {
                return false;
            }
        }
        return digit && separator;
    }

    /**
     * {@code dddd-dd-dd}: already a canonical date, and no format's {@link #canonical} rewrites it (not
     * 10 or 13 tax-code digits, 12 personal-number digits or a 10-digit mobile number once the dashes go).
     */
    private static boolean isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** The canonical text of {@code typed} for {@code format}, or null when it has none that is valid. */
    static String canonical(String format, String typed, boolean acceptPersonalId) {
        String t = typed.replace('\u00A0', ' ').strip();
        switch (format) {
            case "vn-tax-code": {
                // spaces and dots are grouping; a dash (spaced or not) separates the branch suffix
                String c = t.replaceAll("\\s*-\\s*", "-").replace(" ", "").replace(".", "");
                return VnIdentifiers.isTaxCode(c, acceptPersonalId) ? c : null;
            }
            case "vn-personal-id": {
                String c = t.replace(" ", "").replace(".", "");
                return VnIdentifiers.isPersonalId(c) ? c : null;
            }
            case "vn-mobile": {
                String c = t.replace(" ", "").replace(".", "").replace("-", "")
                        .replace("(", "").replace(")", "");
                if (c.startsWith("+84")) {
                    c = "0" + c.substring(3);
                } else if (c.startsWith("0084")) {
                    c = "0" + c.substring(4);
                }
                return VnIdentifiers.isMobile(c) ? c : null;
            }
            case "date":
                return date(t);
            default:
                return null;
        }
    }

    /** The separators of a typed date ({@link String#split} would compile this class of three again on every call). */
    private static final java.util.regex.Pattern DATE_SEPARATOR = java.util.regex.Pattern.compile("[/.\\-]");

    /** {@code d/m/yyyy}, {@code dd/mm/yyyy}, also with '.' or '-' between the parts, as a real calendar date. */
    static String date(String t) {
        if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
            return null; // yyyy-mm-dd: already the canonical form, or not a d/m/yyyy date at all
        }
        String[] parts = DATE_SEPARATOR.split(t, -1);
        if (parts.length != 3 || parts[2].length() != 4 || parts[0].isEmpty() || parts[0].length() > 2
                || parts[1].isEmpty() || parts[1].length() > 2) {
            return null;
        }
        for (String p : parts) {
            if (!VnIdentifiers.digits(p, p.length())) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[1]), Integer.parseInt(parts[0]))
                    .toString();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
