package io.github.motcua.rules.internal;

import com.networknt.schema.Error;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import io.github.motcua.rules.InvalidDossierException;
import io.github.motcua.rules.Procedure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * A dossier's problems as kernel {@link Problem}s (issue 19 item 1): one problem per bad value, at its
 * JSON pointer and its line and column in the text, with a message from the dossier bundle that says
 * what is wrong and how to write it (a date-time without offset gets its corrected value). Thread-safe
 * (stateless).
 */
final class DossierProblems {
    /** The zone a suggested offset is taken from when no pack is loaded. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String EXAMPLE_DATE_TIME = "2026-02-13T15:30:00+07:00";
    static final String EXAMPLE_DATE = "2026-02-13";
    /** The code of every value that breaks dossier.schema.json (the message key says how). */
    static final String SCHEMA_CODE = "DOSSIER_SCHEMA";
    /** The code of a problem in a dossier built in Java that its JSON form could not hold. */
    static final String OUT_OF_RANGE_CODE = "DOSSIER_OUT_OF_RANGE";
    private static final DateTimeFormatter OFFSET_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    private static final JsonNode SCHEMA = readSchema();

    private DossierProblems() {
    }

    /** A problem whose code is also its message key in the dossier bundle. */
    static Problem problem(String pointer, int[] at, String code, String... nameValuePairs) {
        return coded(code, pointer, at, code, nameValuePairs);
    }

    /** A problem breaking dossier.schema.json: code {@code DOSSIER_SCHEMA}, the message {@code key}. */
    static Problem schema(String pointer, int[] at, String key, String... nameValuePairs) {
        return coded(SCHEMA_CODE, pointer, at, key, nameValuePairs);
    }

    /** A problem with the stable {@code code} and the message {@code key} of the dossier bundle. */
    static Problem coded(String code, String pointer, int[] at, String key, String... nameValuePairs) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            args.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return new Problem("", at[0], at[1], pointer, new ProblemCode(code), Severity.ERROR, InvalidDossierException.BUNDLE,
                key, args);
    }

    /**
     * JSON text that does not parse, as the kernel's {@link io.github.motcua.kernel.JsonSyntax} words it (a comma too
     * many, a text without quotes, a file cut short …) at the parser's line and column, said in the message too:
     * {@code "không phải JSON hợp lệ ở dòng 3, cột 1: Thừa dấu phẩy trước dấu }: …"}, Vietnamese and English, never the
     * parser's English. {@code code} is the caller's stable code ({@code DOSSIER_NOT_JSON}, {@code STEP_EVENTS_NOT_JSON}).
     *
     * @param parserMessage the parser's own message, read only to tell which mistake it is
     */
    static Problem notJson(String code, String text, int line, int column, String parserMessage) {
        Problem syntax = io.github.motcua.kernel.JsonSyntax.problem("", text, line, column, parserMessage);
        String key = syntax.line() > 0 ? "DOSSIER_NOT_JSON" : "DOSSIER_NOT_JSON_NO_PLACE";
        String l = Integer.toString(syntax.line());
        String c = Integer.toString(syntax.column());
        return Problem.ofText("", syntax.line(), syntax.column(), new ProblemCode(code), Severity.ERROR,
                io.github.motcua.kernel.Messages.render(InvalidDossierException.BUNDLE, key, io.github.motcua.kernel.Messages.VI,
                        "line", l, "column", c, "detail", syntax.messageVi()),
                io.github.motcua.kernel.Messages.render(InvalidDossierException.BUNDLE, key, Locale.ENGLISH,
                        "line", l, "column", c, "detail", syntax.messageEn()));
    }

    /** The local date-time a text holds when it is a date-time without offset, or null. */
    static LocalDateTime localDateTime(String text) {
        try {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code 2026-02-13T16:10:00+07:00}: the local time read in {@code zone}, seconds always written. */
    static String withOffset(LocalDateTime t, ZoneId zone) {
        return t.atZone(zone == null ? VIETNAM : zone).format(OFFSET_SECONDS);
    }

    /** One problem for one schema error, or null when it repeats a pointer already reported. */
    static Problem fromSchema(Error e, Positions pos, ZoneId zone) {
        String pointer = Schemas.pointer(e.getInstanceLocation());
        JsonNode value = e.getInstanceNode();
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        switch (keyword) {
            case "required": {
                String field = e.getProperty() == null ? "?" : e.getProperty();
                return schema(pointer + "/" + escape(field), pos.at(pointer), "DOSSIER_MISSING_FIELD", "field", field);
            }
            case "additionalProperties": {
                String field = e.getProperty() == null ? "?" : e.getProperty();
                String child = pointer + "/" + escape(field);
                String closest = closest(field, knownFields(pointer));
                return closest == null
                        ? schema(child, pos.key(child), "DOSSIER_UNKNOWN_FIELD", "field", field)
                        : schema(child, pos.key(child), "DOSSIER_UNKNOWN_FIELD_CLOSEST", "field", field, "closest", closest);
            }
            case "enum": {
                String allowed = joined(e.getSchemaNode());
                String shown = value == null ? "" : value.isString() ? value.asString() : String.valueOf(value);
                return schema(pointer, pos.at(pointer), pointer.matches("/applicant/categories/[0-9]+")
                        ? "DOSSIER_UNKNOWN_CATEGORY" : "DOSSIER_NOT_ALLOWED", "value", shown, "allowed", allowed);
            }
            case "type":
                return schema(pointer, pos.at(pointer), "DOSSIER_WRONG_TYPE", "expected",
                        e.getSchemaNode() == null ? "?" : e.getSchemaNode().isArray() ? joined(e.getSchemaNode())
                                : e.getSchemaNode().asString(), "actual", typeName(value));
            case "format": {
                String text = value == null ? "" : value.asString();
                if ("date".equals(e.getSchemaNode() == null ? null : e.getSchemaNode().asString())) {
                    return schema(pointer, pos.at(pointer), "DOSSIER_BAD_DATE", "value", text, "example", EXAMPLE_DATE);
                }
                LocalDateTime local = localDateTime(text);
                return local == null
                        ? schema(pointer, pos.at(pointer), "DOSSIER_BAD_DATE_TIME", "value", text, "example", EXAMPLE_DATE_TIME)
                        : problem(pointer, pos.at(pointer), "DOSSIER_NO_OFFSET", "value", text, "corrected",
                                withOffset(local, zone));
            }
            case "pattern":
                if (pointer.equals("/applicant/personalId")) {
                    return schema(pointer, pos.at(pointer), "DOSSIER_PERSONAL_ID", "value", value == null ? "" : value.asString());
                }
                return schema(pointer, pos.at(pointer), "DOSSIER_INVALID", "keyword", keyword);
            case "minLength":
                return schema(pointer, pos.at(pointer), "DOSSIER_EMPTY_TEXT");
            case "uniqueItems":
                return schema(pointer, pos.at(pointer), "DOSSIER_REPEATED_ITEM");
            default:
                return schema(pointer, pos.at(pointer), "DOSSIER_INVALID", "keyword", keyword);
        }
    }

    /** The JSON Schema type name of a value ({@code "integer"} for an integral number); also {@link PlainSchemaWords}'. */
    static String typeName(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isObject()) {
            return "object";
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isString()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        return v.isIntegralNumber() ? "integer" : "number";
    }

    private static String joined(JsonNode list) {
        if (list == null || !list.isArray()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(x.asString()));
        return String.join(", ", out);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** The field names the dossier schema declares at an instance pointer (object level). */
    static List<String> knownFields(String pointer) {
        JsonNode s = SCHEMA;
        for (String seg : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
            if (s == null) {
                return List.of();
            }
            if (s.get("properties") != null && s.get("properties").get(seg) != null) {
                s = s.get("properties").get(seg);
            } else if (s.get("items") != null && seg.matches("[0-9]+")) {
                s = s.get("items");
            } else {
                return List.of();
            }
        }
        if (s == null || s.get("properties") == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Iterator<String> names = s.get("properties").propertyNames().iterator();
        names.forEachRemaining(out::add);
        return out;
    }

    /** The declared name closest to a misspelt one (case-insensitive edit distance ≤ 3), or null. */
    static String closest(String field, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(field.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(1, Math.min(3, field.length() / 3)) ? best : null;
    }

    /**
     * Up to three procedures whose code, or one of whose aliases (mã cũ), is within a third of its
     * length (at least 2 edits) of {@code code}, closest first, then by code: what an unknown procedure
     * code was probably meant to be.
     */
    static List<Procedure> closestProcedures(String code, Collection<Procedure> all) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        String wanted = c.length() > 64 ? c.substring(0, 64) : c;
        int limit = Math.max(2, wanted.length() / 3);
        List<Object[]> near = new ArrayList<>();
        int[][] rows = {new int[65], new int[65]};
        for (Procedure p : all) {
            int d = codeDistance(wanted, p.code(), limit, rows);
            for (Procedure.Alias a : p.aliases()) {
                d = Math.min(d, codeDistance(wanted, a.code(), limit, rows));
            }
            if (d <= limit) {
                near.add(new Object[] {d, p});
            }
        }
        near.sort(java.util.Comparator.<Object[]>comparingInt(x -> (Integer) x[0])
                .thenComparing(x -> ((Procedure) x[1]).code()));
        List<Procedure> out = new ArrayList<>();
        for (int i = 0; i < near.size() && i < 3; i++) {
            out.add((Procedure) near.get(i)[1]);
        }
        return out;
    }

    /**
     * The edit distance between {@code wanted} and {@code code} (upper case, cut to 64 characters) when it is at most
     * {@code limit}, else a number above {@code limit}: a pack's load asks this of every code of a catalogue for each
     * code its cut-off rules name that the pack lacks, and only the codes within the limit are kept. A row of the
     * distance table never has a smaller least value than the row before it, so once a row's least value is past the
     * limit the distance is too; and it is at least the difference of the lengths. {@code rows}: two rows of 65 cells.
     */
    static int codeDistance(String wanted, String code, int limit, int[][] rows) {
        String other = code.toUpperCase(Locale.ROOT);
        String b = other.length() > 64 ? other.substring(0, 64) : other;
        String a = wanted;
        if (a.length() > 64) {
            return Integer.MAX_VALUE; // as distance(a, b)
        }
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prev = rows[0];
        int[] cur = rows[1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int least = i;
            for (int j = 1; j <= b.length(); j++) {
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                cur[j] = v;
                least = Math.min(least, v);
            }
            if (least > limit) {
                return limit + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The plain edit distance {@link #codeDistance(String, String, int, int[][])} agrees with (tests). */
    static int codeDistance(String wanted, String code) {
        String other = code.toUpperCase(Locale.ROOT);
        return distance(wanted, other.length() > 64 ? other.substring(0, 64) : other);
    }

    private static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static JsonNode readSchema() {
        try (InputStream in = DossierProblems.class.getResourceAsStream("/io/github/motcua/rules/schema/dossier.schema.json")) {
            return io.github.motcua.forms.internal.PlainJson.readTreeRefusingDuplicates(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where each value of a JSON text starts (1-based line and column), by JSON pointer, and where each
     * object key is written. Built only when a dossier has a problem to report.
     */
    static final class Positions {
        static final int[] UNKNOWN = {0, 0};
        private final Map<String, int[]> values = new HashMap<>();
        private final Map<String, int[]> keys = new HashMap<>();

        static Positions none() {
            return new Positions();
        }

        static Positions of(String json) {
            Positions p = new Positions();
            if (json == null) {
                return p;
            }
            // a frame per open container: its pointer, the next array index, the last key read
            Deque<Object[]> stack = new ArrayDeque<>();
            try (JsonParser parser = DossierJson.json().createParser(json)) {
                JsonToken t;
                while ((t = parser.nextToken()) != null) {
                    if (t == JsonToken.PROPERTY_NAME) {
                        Object[] top = stack.peek();
                        top[2] = parser.currentName();
                        p.keys.put(top[0] + "/" + escape((String) top[2]), at(parser.currentTokenLocation()));
                        continue;
                    }
                    if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        stack.pop();
                        continue;
                    }
                    String pointer;
                    Object[] top = stack.peek();
                    if (top == null) {
                        pointer = "";
                    } else if (top[2] == null) { // in an array
                        int i = (Integer) top[1];
                        top[1] = i + 1;
                        pointer = top[0] + "/" + i;
                    } else {
                        pointer = top[0] + "/" + escape((String) top[2]);
                    }
                    p.values.putIfAbsent(pointer, at(parser.currentTokenLocation()));
                    if (t == JsonToken.START_OBJECT) {
                        stack.push(new Object[] {pointer, 0, ""});
                    } else if (t == JsonToken.START_ARRAY) {
                        stack.push(new Object[] {pointer, 0, null});
                    }
                }
            } catch (JacksonException | IllegalStateException e) {
                // positions are a help: a text that stops parsing keeps those found so far
            }
            return p;
        }

        private static int[] at(TokenStreamLocation l) {
            return l == null ? UNKNOWN : new int[] {Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr())};
        }

        /** Where the value at {@code pointer} starts, or the nearest enclosing value's start. */
        int[] at(String pointer) {
            String p = pointer;
            while (true) {
                int[] v = values.get(p);
                if (v != null) {
                    return v;
                }
                if (p.isEmpty()) {
                    return UNKNOWN;
                }
                p = p.substring(0, p.lastIndexOf('/'));
            }
        }

        /** Where the key of {@code pointer} is written, or where its value starts. */
        int[] key(String pointer) {
            int[] k = keys.get(pointer);
            return k != null ? k : at(pointer);
        }
    }
}
