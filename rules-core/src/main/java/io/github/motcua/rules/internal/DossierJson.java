package io.github.motcua.rules.internal;

import io.github.motcua.dossier.Channel;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.InvalidDossierException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Dossier JSON in and out. Thread-safe. */
public final class DossierJson {
    /** Refuses a key given twice in one object (the tree would silently keep the last value). */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final int MAX_CHARS = 2 * 1024 * 1024;

    /** A stable problem code of a dossier refusal (docs/integration.md lists them). */
    static io.github.motcua.kernel.ProblemCode code(String name) {
        return new io.github.motcua.kernel.ProblemCode(name);
    }

    private DossierJson() {
    }

    public static Dossier parse(String json) {
        if (json == null) {
            throw new InvalidDossierException(code("DOSSIER_NULL"), List.of(": không có hồ sơ (JSON null) / dossier JSON is null"));
        }
        if (json.length() > MAX_CHARS) {
            throw new InvalidDossierException(code("DOSSIER_TOO_LARGE"), List.of(String.format(Locale.ROOT,
                    ": hồ sơ quá lớn (tối đa %d ký tự) / dossier too large: [%d]", MAX_CHARS, json.length())));
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String at = String.format(Locale.ROOT, "%d:%d", loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr());
            String pointer = pointer(e);
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (msg.startsWith("Duplicate Object property") && pointer != null) {
                // the same refusal forms-core gives a form: the key's JSON pointer, never "the last one wins"
                String key = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
                throw new InvalidDossierException(code("DOSSIER_DUPLICATE_KEY"), List.of(String.format(Locale.ROOT,
                        "%s: khóa [%s] xuất hiện hai lần / duplicate key [%s] (%s)", pointer, key, key, at)));
            }
            if (e instanceof tools.jackson.core.exc.StreamConstraintsException) {
                throw new InvalidDossierException(code("DOSSIER_JSON_LIMIT"), List.of(String.format(Locale.ROOT,
                        "%s: giá trị vượt giới hạn đọc JSON (số dài quá 1000 chữ số, lồng quá sâu hoặc chuỗi quá dài) / "
                                + "value beyond the JSON reading limits (a number longer than 1000 digits, too deep, or "
                                + "too long) (%s)", pointer == null ? "" : pointer, at)));
            }
            throw new InvalidDossierException(code("DOSSIER_NOT_JSON"), List.of(String.format(Locale.ROOT,
                    "%s: không phải JSON hợp lệ / not valid JSON: %s", at, msg)));
        }
        return fromNode(node);
    }

    /** The JSON pointer where the parser stood when it failed, or null. */
    private static String pointer(JacksonException e) {
        if (e instanceof tools.jackson.core.exc.StreamReadException r && r.processor() != null) {
            try {
                return r.processor().streamReadContext().pathAsPointer().toString();
            } catch (RuntimeException ignored) {
                return null;
            }
        }
        return null;
    }

    /** Year range of RFC 3339 dates and date-times (the dossier schema's {@code date}, {@code date-time}). */
    private static boolean rfc3339Year(int year) {
        return year >= 0 && year <= 9999;
    }

    /**
     * What the dossier schema and {@link #fromNode} refuse in a JSON dossier that a {@link Dossier} built in
     * Java can still hold: dates and date-times outside the years 0000-9999, a personal number that is
     * not 12 ASCII digits, an unknown category, a number no JSON reader gives (NaN, infinities). Each
     * violation is {@code pointer: vi / en}, as for JSON. {@code DossierChecksTest} proves that this and
     * the schema refuse the same Java-built dossiers.
     */
    public static List<String> check(Dossier d) {
        List<String> out = new ArrayList<>();
        if (!rfc3339Year(d.receivedAt().getYear())) {
            out.add(year("/receivedAt", d.receivedAt()));
        }
        if (d.asOf() != null && !rfc3339Year(d.asOf().getYear())) {
            out.add(year("/asOf", d.asOf()));
        }
        Dossier.Applicant a = d.applicant();
        if (a != null) {
            if (a.personalId() != null && !a.personalId().matches("[0-9]{12}")) {
                out.add("/applicant/personalId: số định danh phải gồm 12 chữ số / the personal number must be 12 digits: ["
                        + a.personalId() + "]");
            }
            if (a.birthDate() != null && !rfc3339Year(a.birthDate().getYear())) {
                out.add(year("/applicant/birthDate", a.birthDate()));
            }
            for (String c : a.categories()) {
                if (!CATEGORIES.contains(c)) {
                    out.add("/applicant/categories: nhóm đối tượng không có trong danh mục / unknown category: [" + c + "]");
                }
            }
        }
        for (int i = 0; i < d.excludedPeriods().size(); i++) {
            Dossier.ExcludedPeriod p = d.excludedPeriods().get(i);
            for (String end : new String[] {"from", "to"}) {
                java.time.Instant t = end.equals("from") ? p.from() : p.to();
                if (t.isBefore(MIN_INSTANT) || t.isAfter(MAX_INSTANT)) {
                    out.add(year("/excludedPeriods/" + i + "/" + end, t));
                }
            }
        }
        finite(d.form(), "/form", out);
        return out;
    }

    private static final Set<String> CATEGORIES = Set.of("POOR_HOUSEHOLD", "MERITORIOUS", "MARTYR_RELATIVE", "DISABLED",
            "CHILD", "ELDERLY", "STUDENT", "ETHNIC_MINORITY");
    private static final java.time.Instant MIN_INSTANT = java.time.Instant.parse("0000-01-01T00:00:00Z");
    private static final java.time.Instant MAX_INSTANT = java.time.Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static String year(String pointer, Object value) {
        return pointer + ": ngày ngoài các năm 0000-9999 / date outside the years 0000-9999: [" + value + "]";
    }

    private static void finite(Object v, String pointer, List<String> out) {
        if (v instanceof Double x && (x.isNaN() || x.isInfinite())) {
            out.add(pointer + ": số quá lớn hoặc không phải số, không xử lý được / a number no JSON can hold: [" + x + "]");
        } else if (v instanceof LocalDate date && !rfc3339Year(date.getYear())) {
            out.add(year(pointer, date));
        } else if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> finite(x, pointer + "/" + String.valueOf(k).replace("~", "~0").replace("/", "~1"), out));
        } else if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                finite(l.get(i), pointer + "/" + i, out);
            }
        }
    }

    /** Validates against dossier.schema.json and converts. */
    public static Dossier fromNode(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new InvalidDossierException(code("DOSSIER_EMPTY"), List.of(": hồ sơ trống / empty dossier"));
        }
        List<String> violations = Schemas.validatePlain("dossier", node);
        if (!violations.isEmpty()) {
            throw new InvalidDossierException(code("DOSSIER_SCHEMA"), violations);
        }
        try {
            Dossier.Applicant applicant = null;
            JsonNode a = node.get("applicant");
            if (a != null) {
                Set<String> cats = new LinkedHashSet<>();
                if (a.get("categories") != null) {
                    a.get("categories").forEach(c -> cats.add(c.asString()));
                }
                applicant = new Dossier.Applicant(str(a, "personalId"), str(a, "fullName"),
                        a.get("birthDate") == null ? null : LocalDate.parse(a.get("birthDate").asString()),
                        str(a, "sex"), cats, str(a, "residenceUnit"));
            }
            Set<String> held = new LinkedHashSet<>();
            if (node.get("heldData") != null) {
                node.get("heldData").forEach(h -> held.add(h.asString()));
            }
            List<Dossier.ExcludedPeriod> periods = new ArrayList<>();
            if (node.get("excludedPeriods") != null) {
                for (JsonNode p : node.get("excludedPeriods")) {
                    periods.add(new Dossier.ExcludedPeriod(p.get("kind").asString(),
                            OffsetDateTime.parse(p.get("from").asString()).toInstant(),
                            OffsetDateTime.parse(p.get("to").asString()).toInstant(), str(p, "reason")));
                }
            }
            List<String> huge = new ArrayList<>();
            if (node.get("form") != null) {
                nonFinite(node.get("form"), "/form", huge);
            }
            if (!huge.isEmpty()) {
                throw new InvalidDossierException(code("DOSSIER_NUMBER_TOO_LARGE"), huge);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> form = node.get("form") == null ? Map.of() : (Map<String, Object>) plain(node.get("form"));
            return new Dossier(node.get("procedure").asString(), Channel.valueOf(node.get("channel").asString()),
                    OffsetDateTime.parse(node.get("receivedAt").asString()), str(node, "unit"),
                    node.get("asOf") == null ? null : LocalDate.parse(node.get("asOf").asString()), applicant, form,
                    held, periods);
        } catch (DateTimeParseException | IllegalArgumentException | JacksonException e) {
            // JacksonException: a number JSON allows but Java cannot hold, e.g. 1e309 (infinite)
            throw new InvalidDossierException(code("DOSSIER_INVALID_VALUE"),
                    List.of(": giá trị không hợp lệ / invalid value: " + e.getMessage()));
        }
    }

    /** Numbers JSON allows but no double holds ({@code 1e309}): a violation at their pointer. */
    private static void nonFinite(JsonNode n, String pointer, List<String> out) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                nonFinite(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                nonFinite(n.get(i), pointer + "/" + i, out);
            }
        } else if (n.isNumber() && !n.isIntegralNumber() && !n.isBigDecimal() && Double.isInfinite(n.doubleValue())) {
            out.add(pointer + ": số quá lớn, không xử lý được / number too large to process: [" + n.asString() + "]");
        }
    }

    private static String str(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** JSON tree to unmodifiable plain Java values (Map, List, String, Long/BigInteger, BigDecimal, Boolean). */
    static Object plain(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                m.put(e.getKey(), plain(e.getValue()));
            }
            return Collections.unmodifiableMap(m);
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(plain(x)));
            return Collections.unmodifiableList(l);
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n.asString();
    }

    /** Deep, unmodifiable copy of a form map given through the Java API; rejects non-JSON values. */
    public static Map<String, Object> deepCopy(Map<String, Object> form) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) copyValue(form, "", 0);
        return copy;
    }

    private static Object copyValue(Object v, String path, int depth) {
        if (depth > 64) {
            throw new IllegalArgumentException("form nested deeper than 64 levels at [" + path + "]");
        }
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer
                || v instanceof BigDecimal || v instanceof BigInteger || v instanceof Double || v instanceof LocalDate) {
            return v instanceof Integer i ? Long.valueOf(i) : v;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException("form keys must be strings at [" + path + "]: [" + e.getKey() + "]");
                }
                out.put(k, copyValue(e.getValue(), path + "/" + k, depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                out.add(copyValue(l.get(i), path + "/" + i, depth + 1));
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "form value at [%s] is not a JSON value: [%s]", path, v.getClass().getSimpleName()));
    }

}
