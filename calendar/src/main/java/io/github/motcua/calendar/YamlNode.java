package io.github.motcua.calendar;

import io.github.motcua.kernel.PackNode;
import io.github.motcua.kernel.PackReadException;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A YAML value with the line and column where it starts, read by the kernel's {@link PackReader}
 * (strict UTF-8, NFC, duplicate keys refused) so that every error can point at its place in the
 * file. Maps keep their key order. Scalars are kept as text.
 *
 * <p>Immutable once read; thread-safe.
 */
final class YamlNode {
    private static final int MAX_DEPTH = 32;
    /** Calendar files are small: 1 MB and 32 levels, through the kernel's one pack reader. */
    static final PackReader.Limits LIMITS = new PackReader.Limits(1 << 20, 50_000, MAX_DEPTH);

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
        if (content.length > LIMITS.maxFileBytes()) {
            throw new CalendarFileException(file, 0, 0, CalendarMessages.file("FILE_TOO_LARGE", "max", LIMITS.maxFileBytes(),
                    "size", content.length));
        }
        try {
            return of(PackReader.yaml(file, PackReader.decode(file, content), LIMITS));
        } catch (PackReadException e) {
            throw fromKernel(e.problem());
        }
    }

    /** The kernel's problem in this module's exception, worded as before (English, the value in brackets). */
    static CalendarFileException fromKernel(Problem p) {
        String code = p.code().name();
        String msg;
        if (code.equals(ProblemCode.YAML_SYNTAX.name())) {
            msg = "malformed YAML: " + p.args().getOrDefault("detail", "");
        } else if (code.equals(ProblemCode.YAML_EMPTY.name())) {
            msg = "file is empty";
        } else if (code.equals(ProblemCode.DUPLICATE_KEY.name())) {
            msg = String.format(Locale.ROOT, "duplicate key [%s]", p.args().get("key"));
        } else if (code.equals(ProblemCode.TOO_DEEP.name())) {
            msg = "nesting deeper than " + MAX_DEPTH;
        } else {
            msg = p.messageEn();
        }
        return new CalendarFileException(p, msg);
    }

    private static YamlNode of(PackNode n) {
        switch (n.kind()) {
            case MAP: {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                n.map().forEach((k, v) -> map.put(k, of(v)));
                return new YamlNode(n.file(), n.line(), n.column(), map);
            }
            case LIST: {
                List<YamlNode> list = new ArrayList<>();
                n.list().forEach(v -> list.add(of(v)));
                return new YamlNode(n.file(), n.line(), n.column(), list);
            }
            case NULL:
                return new YamlNode(n.file(), n.line(), n.column(), null);
            default:
                return new YamlNode(n.file(), n.line(), n.column(), n.text());
        }
    }

    /** A problem at this node: the calendar bundle's message {@code key} (a {@code FILE_} key) with its arguments. */
    CalendarFileException error(String key, Object... pairs) {
        return new CalendarFileException(file, line, column, CalendarMessages.file(key, pairs));
    }

    /** A problem at this node carrying the problem of a calendar value (e.g. office hours), in both languages. */
    CalendarFileException error(CalendarException e) {
        Problem p = e.toProblem();
        return new CalendarFileException(file, line, column, Problem.ofText("", 0, 0, p.code(), p.severity(), p.messageVi(), p.messageEn()));
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map(String what) {
        if (!(value instanceof Map)) {
            throw error("FILE_NOT_MAPPING", "what", what);
        }
        return (Map<String, YamlNode>) value;
    }

    /** A map that may only hold the given keys. */
    Map<String, YamlNode> map(String what, Set<String> allowed) {
        Map<String, YamlNode> m = map(what);
        for (Map.Entry<String, YamlNode> e : m.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error("FILE_UNKNOWN_KEY", "key", e.getKey(), "what", what, "allowed", new java.util.TreeSet<>(allowed));
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> list(String what) {
        if (!(value instanceof List)) {
            throw error("FILE_NOT_LIST", "what", what);
        }
        return (List<YamlNode>) value;
    }

    String text(String what) {
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw error("FILE_NOT_TEXT", "what", what);
        }
        return (String) value;
    }

    LocalDate date(String what) {
        String s = text(what);
        LocalDate d;
        try {
            d = LocalDate.parse(s);
        } catch (DateTimeException e) {
            throw error("FILE_NOT_DATE", "what", what, "value", s);
        }
        if (d.isBefore(LunarCalendar.MIN) || d.isAfter(LunarCalendar.MAX)) {
            throw error("FILE_OUT_OF_RANGE", "what", what, "min", LunarCalendar.MIN, "max", LunarCalendar.MAX, "value", s);
        }
        return d;
    }

    LocalTime time(String what) {
        String s = text(what);
        try {
            return LocalTime.parse(s);
        } catch (DateTimeException e) {
            throw error("FILE_NOT_TIME", "what", what, "value", s);
        }
    }

    int integer(String what, int min, int max) {
        String s = text(what);
        int v;
        try {
            v = Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw error("FILE_NOT_NUMBER", "what", what, "value", s);
        }
        if (v < min || v > max) {
            throw error("FILE_OUT_OF_RANGE", "what", what, "min", min, "max", max, "value", v);
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
        throw error("FILE_NOT_BOOLEAN", "what", what, "value", s);
    }
}
