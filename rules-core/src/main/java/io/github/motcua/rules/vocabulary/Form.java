package io.github.motcua.rules.vocabulary;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fact: the e-form data (tờ khai), read by dot path with typed access, e.g.
 * {@code text("me.hoTen")}, {@code integer("soTrang")}, {@code count("conCai")}. A numeric path
 * segment indexes a list ({@code "conCai.0.ten"}). A missing field reads as null (text, integer,
 * decimal, bool, date) or 0 (count); a field of the wrong type throws {@link VocabularyException},
 * which makes the decision INDETERMINATE.
 *
 * <p>Immutable and thread-safe (the data is an unmodifiable copy).
 */
public final class Form {
    private final Map<String, Object> data;
    private final LocalDate asOf;
    private final Function<String, Unit> units;

    public Form(Map<String, Object> data, LocalDate asOf, Function<String, Unit> units) {
        this.data = data;
        this.asOf = asOf;
        this.units = units;
    }

    /** Whether the path holds a value (not null). */
    public boolean has(String path) {
        return get(path) != null;
    }

    /** The text at the path, or null. */
    public String text(String path) {
        Object v = get(path);
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(path, v, "vocabulary.type.text");
    }

    /** The whole number at the path, or null. */
    public Long integer(String path) {
        Object v = get(path);
        if (v == null) {
            return null;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw wrongType(path, v, "vocabulary.type.integer");
            }
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return d.longValue();
        }
        throw wrongType(path, v, "vocabulary.type.integer");
    }

    /** The number at the path, or null. */
    public BigDecimal decimal(String path) {
        Object v = get(path);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return new BigDecimal(v.toString());
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        throw wrongType(path, v, "vocabulary.type.number");
    }

    /** The boolean at the path, or null. */
    public Boolean bool(String path) {
        Object v = get(path);
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(path, v, "vocabulary.type.boolean");
    }

    /** The ISO date (yyyy-MM-dd) at the path, or null. */
    public LocalDate date(String path) {
        Object v = get(path);
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof String s) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw wrongType(path, v, "vocabulary.type.date");
            }
        }
        throw wrongType(path, v, "vocabulary.type.date");
    }

    /** The number of items of the list at the path (0 when missing). */
    public int count(String path) {
        Object v = get(path);
        if (v == null) {
            return 0;
        }
        if (v instanceof List<?> l) {
            return l.size();
        }
        throw wrongType(path, v, "vocabulary.type.list");
    }

    /** Days from the date at the path to the as-of date (negative if later), or null. */
    public Long ageInDays(String path) {
        LocalDate d = date(path);
        return d == null ? null : ChronoUnit.DAYS.between(d, asOf);
    }

    /**
     * Full years from the date at the path to the as-of date (tuổi tròn), or null; 29 February as
     * for {@link Applicant#getAge()}.
     */
    public Integer ageInYears(String path) {
        LocalDate d = date(path);
        return d == null ? null : Applicant.fullYears(d, asOf);
    }

    /** Whether the unit whose code is at the path has the flag (false when no such unit). */
    public boolean unitHasFlag(String path, String flag) {
        String code = text(path);
        if (code == null) {
            return false;
        }
        Unit u = units.apply(code);
        return u != null && u.hasFlag(flag);
    }

    /**
     * The raw value at the path (a string, boolean, number, list or map), or null; for callers outside
     * rules, e.g. a step's condition.
     */
    public Object value(String path) {
        return get(path);
    }

    private Object get(String path) {
        if (path == null || path.isEmpty()) {
            throw VocabularyTexts.exception("vocabulary.emptyPath");
        }
        if (path.indexOf('.') < 0) { // one segment: the path itself (a rule's literal, its hash already known)
            return data == null ? null : data.get(path);
        }
        Object cur = data;
        for (String seg : segments(path)) {
            if (cur instanceof Map<?, ?> m) {
                cur = m.get(seg);
            } else if (cur instanceof List<?> l) {
                int i;
                try {
                    i = Integer.parseInt(seg);
                } catch (NumberFormatException e) {
                    return null;
                }
                cur = i >= 0 && i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    /** Split dotted paths, by path: bounded, so paths a rule builds at run time cannot grow it without end. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String[]> SEGMENTS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_SEGMENTS_CACHED = 4096;

    /**
     * The segments of a dotted path. Kept per path: a fresh split gives new strings whose hash every map
     * look-up computes again; the cached ones keep theirs. Never modified once made.
     */
    private static String[] segments(String path) {
        String[] s = SEGMENTS.get(path);
        if (s == null) {
            s = path.split("\\.", -1);
            if (SEGMENTS.size() < MAX_SEGMENTS_CACHED) {
                SEGMENTS.putIfAbsent(path, s);
            }
        }
        return s;
    }

    /** The field is not of the type the bundle's {@code typeKey} ({@code vocabulary.type.*}) names. */
    private static VocabularyException wrongType(String path, Object v, String typeKey) {
        String shown = String.valueOf(v);
        if (shown.length() > 60) {
            shown = shown.substring(0, 60) + "…";
        }
        return new VocabularyException(
                VocabularyTexts.vi("vocabulary.wrongType", "path", path, "type", VocabularyTexts.vi(typeKey), "value", shown),
                VocabularyTexts.en("vocabulary.wrongType", "path", path, "type", VocabularyTexts.en(typeKey), "value", shown));
    }

    @Override
    public String toString() {
        return "Form" + data.keySet();
    }
}
