package io.github.motcua.rules.internal;

import com.networknt.schema.Error;
import io.github.motcua.rules.PackProblem;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The schema mistakes analysts make in pack YAML, in plain words at the line to edit (lỗi định dạng tệp YAML): a
 * misspelt key (with the key it was probably meant to be, at the key's own line, once — not as an unknown key and a
 * missing one), a missing key, a value outside a list, a date written 31/12/2026 (with the date to write), a value of
 * the wrong kind, an absurdly long value (a legal-basis id of 30,000 characters), quoting only its start. networknt's own Vietnamese ("thuộc tính 'x' không được xác định trong lược đồ và lược đồ không cho
 * phép các thuộc tính bổ sung", "không khớp với mẫu date phải là ngày đầy đủ RFC 3339 hợp lệ") named neither the value
 * nor the fix. Every other kind of violation keeps networknt's message. Stateless apart from a cache of the schemas'
 * JSON, so thread-safe.
 */
final class PlainSchemaWords {
    private static final Map<String, JsonNode> JSON = new ConcurrentHashMap<>();
    /** 31/12/2026, 31-12-2026, 31.12.2026, 1/7/2025: day first, as Vietnamese dates are written. */
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    /** The same with a time: 09/03/2027 09:00, 09/03/2027 9:00:00. */
    private static final Pattern DAY_FIRST_TIME = Pattern.compile(
            "(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
    /** An ISO local date-time without offset: 2027-03-09T09:00 or 2027-03-09 09:00:00. */
    private static final Pattern LOCAL_ISO = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2})(:\\d{2})?");
    private static final String EXAMPLE_DATE = "2026-12-31";
    private static final String EXAMPLE_DATE_TIME = "2026-12-31T09:00:00+07:00";

    private PlainSchemaWords() {
    }

    /** The problem in plain words, or null to keep networknt's message. */
    static PackProblem problem(String kind, YamlDoc doc, String ptr, Error e) {
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        JsonNode value = e.getInstanceNode();
        switch (keyword) {
            case "additionalProperties": {
                String key = e.getProperty();
                if (key == null) {
                    return null;
                }
                List<String> declared = declared(kind, e);
                String closest = closest(key, declared);
                String child = ptr + "/" + key.replace("~", "~0").replace("/", "~1");
                if (closest != null) {
                    return doc.msg(child, "SCHEMA", "load.schema.unknownKeyClosest", "key", key, "kind", kind, "closest", closest);
                }
                return declared.isEmpty() ? null
                        : doc.msg(child, "SCHEMA", "load.schema.unknownKey", "key", key, "kind", kind, "known",
                                String.join(", ", declared));
            }
            case "required":
                return e.getProperty() == null ? null
                        : doc.msg(ptr, "SCHEMA", "load.schema.required", "key", e.getProperty(), "kind", kind);
            case "enum": {
                if (value == null || !(value.isString() || value.isNumber() || value.isBoolean())) {
                    return null;
                }
                List<String> allowed = new ArrayList<>();
                if (e.getSchemaNode() != null && e.getSchemaNode().isArray()) {
                    e.getSchemaNode().forEach(x -> allowed.add(x.asString()));
                }
                String shown = value.asString();
                String closest = closest(shown, allowed);
                return closest == null
                        ? doc.msg(ptr, "SCHEMA", "load.schema.enum", "value", shown, "allowed", String.join(", ", allowed))
                        : doc.msg(ptr, "SCHEMA", "load.schema.enumClosest", "value", shown, "allowed",
                                String.join(", ", allowed), "closest", closest);
            }
            case "format": {
                String format = e.getSchemaNode() == null ? "" : e.getSchemaNode().asString();
                if (value == null || !value.isString()) {
                    return null;
                }
                String text = value.asString();
                if (format.equals("date")) {
                    String fixed = isoDate(text);
                    return fixed == null
                            ? doc.msg(ptr, "SCHEMA", "load.schema.date", "value", text, "example", EXAMPLE_DATE)
                            : doc.msg(ptr, "SCHEMA", "load.schema.dateFix", "value", text, "corrected", fixed);
                }
                if (format.equals("date-time")) {
                    String fixed = isoDateTime(text);
                    return fixed == null
                            ? doc.msg(ptr, "SCHEMA", "load.schema.dateTime", "value", text, "example", EXAMPLE_DATE_TIME)
                            : doc.msg(ptr, "SCHEMA", "load.schema.dateTimeFix", "value", text, "corrected", fixed);
                }
                return null;
            }
            case "maxLength": {
                if (value == null || !value.isString() || e.getSchemaNode() == null || !e.getSchemaNode().isNumber()) {
                    return null;
                }
                String text = value.asString();
                String start = text.codePointCount(0, text.length()) <= 40 ? text : text.substring(0, text.offsetByCodePoints(0, 40));
                int max = e.getSchemaNode().asInt();
                return doc.problem(ptr, "SCHEMA",
                        Msg.vi("load.schema.maxLength", "length", grouped(text.length(), '.'), "max", grouped(max, '.'), "start", start),
                        Msg.en("load.schema.maxLength", "length", grouped(text.length(), ','), "max", grouped(max, ','), "start", start));
            }
            case "type": {
                JsonNode expected = e.getSchemaNode();
                if (expected == null || !expected.isString()) {
                    return null;
                }
                String want = typeKey(expected.asString());
                String have = typeKey(DossierProblems.typeName(value));
                if (want == null || have == null) {
                    return null;
                }
                return doc.problem(ptr, "SCHEMA",
                        Msg.vi("load.schema.type", "expected", Msg.vi(want), "actual", Msg.vi(have)),
                        Msg.en("load.schema.type", "expected", Msg.en(want), "actual", Msg.en(have)));
            }
            default:
                return null;
        }
    }

    /**
     * The keys the schema declares where the unknown key stands: the {@code properties} beside the
     * {@code additionalProperties} that refused it, in the kind's own schema; empty when it is elsewhere.
     */
    static List<String> declared(String kind, Error e) {
        if (e.getSchemaLocation() == null || e.getSchemaLocation().getFragment() == null) {
            return List.of();
        }
        String at = Schemas.pointer(e.getSchemaLocation().getFragment());
        if (!at.endsWith("/additionalProperties")) {
            return List.of();
        }
        JsonNode schema;
        try {
            schema = JSON.computeIfAbsent(kind, Schemas::json).at(at.substring(0, at.length() - "/additionalProperties".length()));
        } catch (RuntimeException ex) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (schema != null && schema.get("properties") != null) {
            schema.get("properties").propertyNames().forEach(out::add);
        }
        return out;
    }

    /**
     * The declared name {@code wrong} was probably meant to be: the same but for case and Vietnamese diacritics
     * ({@code onlinelevel}, {@code can cu} for {@code căn cứ}), else within a third of its length in edits (at most
     * 3); null when none is that close.
     */
    static String closest(String wrong, List<String> declared) {
        String w = bare(wrong);
        int threshold = Math.max(1, Math.min(3, w.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : declared) {
            String b = bare(k);
            if (Math.abs(w.length() - b.length()) > threshold) {
                continue; // the distance is at least the difference of the lengths: never close enough; a hostile
                          // megabyte-long key costs no quadratic comparison
            }
            int d = FormFields.distance(w, b);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best != null && bestDistance <= threshold ? best : null;
    }

    /** Lower case without diacritics (đ as d): what a key looks like typed on a keyboard without Vietnamese input. */
    private static String bare(String s) {
        String d = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}+", "").replace('đ', 'd');
    }

    /** 31/12/2026 as 2026-12-31 when it is a real date, else null. */
    static String isoDate(String text) {
        Matcher m = DAY_FIRST.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        return date(m.group(3), m.group(2), m.group(1));
    }

    /** 09/03/2027 09:00 as 2027-03-09T09:00:00+07:00, 2027-03-09T09:00 as 2027-03-09T09:00:00+07:00, else null. */
    static String isoDateTime(String text) {
        String t = text.strip();
        Matcher m = DAY_FIRST_TIME.matcher(t);
        if (m.matches()) {
            String d = date(m.group(3), m.group(2), m.group(1));
            int h = Integer.parseInt(m.group(4));
            int min = Integer.parseInt(m.group(5));
            int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            return d == null || h > 23 || min > 59 || sec > 59 ? null
                    : String.format(Locale.ROOT, "%sT%02d:%02d:%02d+07:00", d, h, min, sec);
        }
        Matcher l = LOCAL_ISO.matcher(t);
        if (l.matches()) {
            return l.group(1) + "T" + l.group(2) + (l.group(3) == null ? ":00" : l.group(3)) + "+07:00";
        }
        Matcher day = DAY_FIRST.matcher(t);
        if (day.matches()) {
            String d = date(day.group(3), day.group(2), day.group(1));
            return d == null ? null : d + "T00:00:00+07:00";
        }
        return null;
    }

    private static String date(String year, String month, String day) {
        try {
            return java.time.LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString();
        } catch (java.time.DateTimeException | NumberFormatException ex) {
            return null;
        }
    }

    /** 30000 as 30.000 (Vietnamese) or 30,000 (English). */
    private static String grouped(int n, char separator) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', separator);
    }

    /** The message key naming a JSON type in words, or null. */
    private static String typeKey(String type) {
        return switch (type) {
            case "string" -> "load.schema.type.string";
            case "integer" -> "load.schema.type.integer";
            case "number" -> "load.schema.type.number";
            case "boolean" -> "load.schema.type.boolean";
            case "array" -> "load.schema.type.array";
            case "object" -> "load.schema.type.object";
            case "null" -> "load.schema.type.null";
            default -> null;
        };
    }
}
