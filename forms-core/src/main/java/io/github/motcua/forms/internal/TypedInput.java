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

    /**
     * Cheap filter before any schema look-up: only short text made of digits and the separators
     * people type inside identifiers and dates, with at least one separator. Names and addresses fail
     * it at their first letter.
     */
    static boolean candidate(String s) {
        if (s.isEmpty() || s.length() > 40) {
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

    /** {@code d/m/yyyy}, {@code dd/mm/yyyy}, also with '.' or '-' between the parts, as a real calendar date. */
    static String date(String t) {
        String[] parts = t.split("[/.\\-]", -1);
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
