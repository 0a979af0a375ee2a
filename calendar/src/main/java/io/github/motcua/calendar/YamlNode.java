package io.github.motcua.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A YAML value with the line and column where it starts, read with Jackson 3's YAML parser so that
 * every error can point at its place in the file. Maps keep their key order; duplicate keys are an
 * error. Scalars are kept as text.
 *
 * <p>Immutable once read; thread-safe.
 */
final class YamlNode {
    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();
    private static final int MAX_DEPTH = 32;
    private static final int MAX_BYTES = 1 << 20;

    final String file;
    final int line;
    final int column;
    /** A {@code Map<String, YamlNode>}, a {@code List<YamlNode>}, a String, or null (YAML null). */
    final Object value;

    private YamlNode(String file, int line, int column, Object value) {
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    static YamlNode parse(String file, byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new CalendarFileException(file, 0, 0, String.format(Locale.ROOT,
                    "file is larger than %d bytes: [%d]", MAX_BYTES, content.length));
        }
        try (JsonParser p = MAPPER.createParser(content)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new CalendarFileException(file, 1, 1, "file is empty");
            }
            YamlNode root = read(file, p, 0);
            return root;
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
            String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            int cut = msg.indexOf('\n');
            throw new CalendarFileException(file, line, col, "malformed YAML: " + (cut > 0 ? msg.substring(0, cut) : msg));
        }
    }

    private static YamlNode read(String file, JsonParser p, int depth) {
        TokenStreamLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        if (depth > MAX_DEPTH) {
            throw new CalendarFileException(file, line, col, "nesting deeper than " + MAX_DEPTH);
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = p.currentName();
                    TokenStreamLocation keyLoc = p.currentTokenLocation();
                    p.nextToken();
                    YamlNode child = read(file, p, depth + 1);
                    if (map.put(name, child) != null) {
                        throw new CalendarFileException(file, keyLoc.getLineNr(), keyLoc.getColumnNr(),
                                String.format(Locale.ROOT, "duplicate key [%s]", name));
                    }
                }
                return new YamlNode(file, line, col, map);
            }
            case START_ARRAY: {
                List<YamlNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(file, p, depth + 1));
                }
                return new YamlNode(file, line, col, list);
            }
            case VALUE_NULL:
                return new YamlNode(file, line, col, null);
            default:
                return new YamlNode(file, line, col, p.getString());
        }
    }

    CalendarFileException error(String format, Object... args) {
        return new CalendarFileException(file, line, column, String.format(Locale.ROOT, format, args));
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map(String what) {
        if (!(value instanceof Map)) {
            throw error("%s must be a mapping (key: value)", what);
        }
        return (Map<String, YamlNode>) value;
    }

    /** A map that may only hold the given keys. */
    Map<String, YamlNode> map(String what, Set<String> allowed) {
        Map<String, YamlNode> m = map(what);
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("unknown key [%s] in %s; allowed: %s", e.getKey(), what,
                        new java.util.TreeSet<>(allowed));
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> list(String what) {
        if (!(value instanceof List)) {
            throw error("%s must be a list", what);
        }
        return (List<YamlNode>) value;
    }

    String text(String what) {
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw error("%s must be a non-empty text value", what);
        }
        return (String) value;
    }

    LocalDate date(String what) {
        String s = text(what);
        LocalDate d;
        try {
            d = LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw error("%s must be a date YYYY-MM-DD: [%s]", what, s);
        }
        if (d.isBefore(LunarCalendar.MIN) || d.isAfter(LunarCalendar.MAX)) {
            throw error("%s must be within %s..%s: [%s]", what, LunarCalendar.MIN, LunarCalendar.MAX, s);
        }
        return d;
    }

    LocalTime time(String what) {
        String s = text(what);
        try {
            return LocalTime.parse(s);
        } catch (DateTimeException e) {
            throw error("%s must be a time HH:MM: [%s]", what, s);
        }
    }

    int integer(String what, int min, int max) {
        String s = text(what);
        int v;
        try {
            v = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw error("%s must be a whole number: [%s]", what, s);
        }
        if (v < min || v > max) {
            throw error("%s must be within %d..%d: [%d]", what, min, max, v);
        }
        return v;
    }

    boolean bool(String what) {
        String s = text(what);
        if ("true".equals(s)) {
            return true;
        }
        if ("false".equals(s)) {
            return false;
        }
        throw error("%s must be true or false: [%s]", what, s);
    }
}
