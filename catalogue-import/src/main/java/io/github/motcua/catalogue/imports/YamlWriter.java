package io.github.motcua.catalogue.imports;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Writes the import's YAML files (national.yaml, procedure.yaml, legal-bases/national.yaml) in exactly the
 * block style Jackson's YAML writer gives them (every string double-quoted, sequences at their key's
 * column), without its per-character cost: profiling a 2,000-record import showed a third of the CPU time in
 * the emitter's double-quote escaping. Byte-identity with Jackson is tested on the real records
 * ({@code YamlWriterTest}); a tree with a shape this writer does not know (a key that needs quoting, an
 * array directly inside an array, a binary or POJO node) returns null and the caller falls back to Jackson.
 * Stateless.
 */
final class YamlWriter {
    /** Keys YAML 1.1 readers take for booleans or null: Jackson quotes them. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");
    private static final Map<Integer, String> ESCAPES = Map.ofEntries(Map.entry(0, "0"), Map.entry(7, "a"),
            Map.entry(8, "b"), Map.entry(9, "t"), Map.entry(10, "n"), Map.entry(11, "v"), Map.entry(12, "f"),
            Map.entry(13, "r"), Map.entry(27, "e"), Map.entry((int) '"', "\""), Map.entry((int) '\\', "\\"),
            Map.entry(0x85, "N"), Map.entry(0xA0, "_"));

    private YamlWriter() {
    }

    /** The YAML text of a tree, or null when its shape needs Jackson's general writer. */
    static String write(JsonNode root) {
        StringBuilder sb = new StringBuilder(4096);
        try {
            if (root.isObject()) {
                if (root.isEmpty()) {
                    return null;
                }
                object(sb, root, 0, false);
            } else if (root.isArray()) {
                if (root.isEmpty()) {
                    return null;
                }
                array(sb, root, 0);
            } else {
                return null;
            }
        } catch (Unsupported e) {
            return null;
        }
        return sb.toString();
    }

    /** A shape this writer leaves to Jackson. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** Keys of an object at {@code indent}; the first one already positioned when {@code inItem}. */
    private static void object(StringBuilder sb, JsonNode o, int indent, boolean inItem) {
        boolean first = true;
        for (Map.Entry<String, JsonNode> e : o.properties()) {
            String k = e.getKey();
            if (!plainKey(k) || RESERVED.contains(k.toLowerCase(Locale.ROOT))) {
                throw new Unsupported();
            }
            if (!(first && inItem)) {
                pad(sb, indent);
            }
            first = false;
            sb.append(k).append(':');
            JsonNode v = e.getValue();
            if (v.isObject() && !v.isEmpty()) {
                sb.append('\n');
                object(sb, v, indent + 2, false);
            } else if (v.isArray() && !v.isEmpty()) {
                sb.append('\n');
                array(sb, v, indent);
            } else {
                sb.append(' ');
                scalar(sb, v);
                sb.append('\n');
            }
        }
    }

    private static void array(StringBuilder sb, JsonNode a, int indent) {
        for (JsonNode v : a) {
            pad(sb, indent);
            sb.append("- ");
            if (v.isObject() && !v.isEmpty()) {
                object(sb, v, indent + 2, true);
            } else if (v.isArray() && !v.isEmpty()) {
                throw new Unsupported();
            } else {
                scalar(sb, v);
                sb.append('\n');
            }
        }
    }

    /** {@code [A-Za-z_][A-Za-z0-9_]*}, without a regex per key. */
    private static boolean plainKey(String k) {
        if (k.isEmpty()) {
            return false;
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!(letter || (i > 0 && c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    private static void pad(StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ');
        }
    }

    private static void scalar(StringBuilder sb, JsonNode v) {
        if (v.isObject()) {
            sb.append("{}");
        } else if (v.isArray()) {
            sb.append("[]");
        } else if (v.isNull()) {
            sb.append("null");
        } else if (v.isBoolean()) {
            sb.append(v.booleanValue());
        } else if (v.isString()) {
            quoted(sb, v.stringValue());
        } else if (v.isInt() || v.isLong()) {
            sb.append(v.longValue());
        } else if (v.isDouble()) {
            sb.append(v.doubleValue());
        } else if (v.isBigDecimal()) {
            sb.append(v.decimalValue().toString());
        } else if (v.isBigInteger()) {
            sb.append(v.bigIntegerValue().toString());
        } else {
            throw new Unsupported();
        }
    }

    /** A double-quoted scalar escaped as SnakeYAML's emitter does (unicode kept, no line splitting). */
    static void quoted(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); ) {
            int ch = s.codePointAt(i);
            i += Character.charCount(ch);
            if (ch >= 0x20 && ch <= 0x7E && ch != '"' && ch != '\\') {
                sb.append((char) ch);
                continue;
            }
            if (ch > 0xA0 && printable(ch)) {
                // Vietnamese letters: no escape above U+00A0, and printable ones are written as they are
                sb.appendCodePoint(ch);
                continue;
            }
            String esc = ESCAPES.get(ch);
            if (esc != null) {
                sb.append('\\').append(esc);
            } else if (printable(ch)) {
                sb.appendCodePoint(ch);
            } else if (ch <= 0xFF) {
                sb.append(String.format(Locale.ROOT, "\\x%02x", ch));
            } else {
                sb.append(String.format(Locale.ROOT, "\\u%04x", ch));
            }
        }
        sb.append('"');
    }

    /** The printable set of SnakeYAML's StreamReader.isPrintable (it counts DEL, 0x7F, as printable). */
    private static boolean printable(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0x7F) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
