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
    /**
     * The mapper for decision JSON and step events; refuses a key given twice in one object (the tree would
     * silently keep the last value). Built at its first use, not when a dossier is read: a JVM's first mapper
     * costs ≈ 600 classes, and reading a dossier needs none ({@code PlainJson}).
     */
    static JsonMapper json() {
        return Mapper.JSON;
    }

    private static final class Mapper {
        static final JsonMapper JSON = JsonMapper.builder()
                .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }
    private static final int MAX_CHARS = Dossier.MAX_JSON_CHARS;
    /**
     * The most errors of dossier.schema.json one refusal lists (issue 15 session 24); past them one
     * {@code DOSSIER_PROBLEMS_MORE} counts the others. A dossier is citizen input: within its 2 MB a list of a million
     * wrong values made a million networknt errors and problems. No honest dossier has a hundred mistakes.
     */
    public static final int MAX_SCHEMA_PROBLEMS = 200;

    /** A stable problem code of a dossier refusal (docs/integration.md lists them). */
    static io.github.motcua.kernel.ProblemCode code(String name) {
        return new io.github.motcua.kernel.ProblemCode(name);
    }

    private DossierJson() {
    }

    public static Dossier parse(String json) {
        return parse(json, null);
    }

    /**
     * Parses and validates dossier JSON. A {@code receivedAt} written as a local date-time without offset
     * ({@code 2026-02-13T16:10}, as officers write the time at the desk) is read in {@code zone} when the
     * dossier's channel is {@code DESK}; on any other channel, or when {@code zone} is null, it is refused
     * with the corrected value.
     *
     * @param zone the pack's time zone, or null
     * @throws InvalidDossierException with one {@link io.github.motcua.kernel.Problem} per bad value, each
     *         at its JSON pointer, line and column
     */
    public static Dossier parse(String json, java.time.ZoneId zone) {
        int[] none = DossierProblems.Positions.UNKNOWN;
        java.util.Objects.requireNonNull(json, "json"); // a programming error; the text "null" is input (DOSSIER_EMPTY)
        if (json.length() > MAX_CHARS) {
            throw InvalidDossierException.of(List.of(DossierProblems.problem("", none, "DOSSIER_TOO_LARGE",
                    "size", Integer.toString(json.length()), "max", Integer.toString(MAX_CHARS))));
        }
        JsonNode node;
        try {
            node = io.github.motcua.forms.internal.PlainJson.readTreeRefusingDuplicates(json);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            int[] at = {loc == null ? 0 : Math.max(0, loc.getLineNr()), loc == null ? 0 : Math.max(0, loc.getColumnNr())};
            String pointer = pointer(e);
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (msg.startsWith("Duplicate Object property") && pointer != null) {
                // the same refusal forms-core gives a form: the key's JSON pointer, never "the last one wins"
                String key = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
                throw InvalidDossierException.of(List.of(DossierProblems.problem(pointer, at, "DOSSIER_DUPLICATE_KEY",
                        "key", key)));
            }
            if (e instanceof tools.jackson.core.exc.StreamConstraintsException) {
                throw InvalidDossierException.of(List.of(DossierProblems.problem(pointer == null ? "" : pointer, at,
                        "DOSSIER_JSON_LIMIT")));
            }
            // what is wrong where, in the kernel's plain words (the pack's JSON files are worded the same)
            throw InvalidDossierException.of(List.of(DossierProblems.notJson("DOSSIER_NOT_JSON", json, at[0], at[1], msg)));
        }
        return fromNode(node, zone, json);
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
    public static List<io.github.motcua.kernel.Problem> check(Dossier d) {
        List<io.github.motcua.kernel.Problem> out = new ArrayList<>();
        if (!rfc3339Year(d.receivedAt().getYear())) {
            out.add(year("/receivedAt", d.receivedAt()));
        }
        if (d.asOf() != null && !rfc3339Year(d.asOf().getYear())) {
            out.add(year("/asOf", d.asOf()));
        }
        Dossier.Applicant a = d.applicant();
        if (a != null) {
            if (a.personalId() != null && !twelveDigits(a.personalId())) {
                out.add(DossierProblems.coded(DossierProblems.OUT_OF_RANGE_CODE, "/applicant/personalId",
                        DossierProblems.Positions.UNKNOWN, "DOSSIER_PERSONAL_ID", "value", a.personalId()));
            }
            if (a.birthDate() != null && !rfc3339Year(a.birthDate().getYear())) {
                out.add(year("/applicant/birthDate", a.birthDate()));
            }
            for (String c : a.categories()) {
                if (!CATEGORIES.contains(c)) {
                    out.add(DossierProblems.coded(DossierProblems.OUT_OF_RANGE_CODE, "/applicant/categories",
                            DossierProblems.Positions.UNKNOWN, "DOSSIER_UNKNOWN_CATEGORY", "value", c, "allowed", String.join(", ", new java.util.TreeSet<>(CATEGORIES))));
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
        if (!allFinite(d.form())) {
            finite(d.form(), "/form", out);
        }
        return out;
    }

    /** {@code s.matches("[0-9]{12}")} without compiling the pattern on every decision. */
    private static boolean twelveDigits(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@link #finite} would find nothing: the same walk without building a pointer per value. */
    private static boolean allFinite(Object v) {
        // the usual leaves first: final classes, so each test is one class compare (an interface test on a
        // String walks its interfaces)
        if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof Integer) {
            return true;
        }
        if (v instanceof Double x) {
            return !x.isNaN() && !x.isInfinite();
        } else if (v instanceof LocalDate date) {
            return rfc3339Year(date.getYear());
        } else if (v instanceof Map<?, ?> m) {
            for (Object x : m.values()) {
                if (!allFinite(x)) {
                    return false;
                }
            }
        } else if (v instanceof List<?> l) {
            for (Object x : l) {
                if (!allFinite(x)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static final Set<String> CATEGORIES = Set.of("POOR_HOUSEHOLD", "MERITORIOUS", "MARTYR_RELATIVE", "DISABLED",
            "CHILD", "ELDERLY", "STUDENT", "ETHNIC_MINORITY");
    private static final java.time.Instant MIN_INSTANT = java.time.Instant.parse("0000-01-01T00:00:00Z");
    private static final java.time.Instant MAX_INSTANT = java.time.Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static io.github.motcua.kernel.Problem year(String pointer, Object value) {
        return DossierProblems.coded(DossierProblems.OUT_OF_RANGE_CODE, pointer, DossierProblems.Positions.UNKNOWN,
                "DOSSIER_DATE_RANGE", "value",
                String.valueOf(value));
    }

    private static void finite(Object v, String pointer, List<io.github.motcua.kernel.Problem> out) {
        if (v instanceof Double x && (x.isNaN() || x.isInfinite())) {
            out.add(DossierProblems.coded(DossierProblems.OUT_OF_RANGE_CODE, pointer, DossierProblems.Positions.UNKNOWN,
                    "DOSSIER_NUMBER_TOO_LARGE", "value",
                    String.valueOf(x)));
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

    /** Line and column (1-based) where the value at {@code pointer} starts in {@code text}; {0, 0} when unknown. */
    public static int[] position(String text, String pointer) {
        return text == null ? DossierProblems.Positions.UNKNOWN : DossierProblems.Positions.of(text).at(pointer);
    }

    /** The same refusal with each problem that has a pointer but no line placed at its value in {@code text}. */
    public static InvalidDossierException located(InvalidDossierException e, String text) {
        DossierProblems.Positions pos = DossierProblems.Positions.of(text);
        List<io.github.motcua.kernel.Problem> out = new ArrayList<>();
        for (io.github.motcua.kernel.Problem p : e.toProblems()) {
            int[] at = p.line() == 0 && !p.pointer().isEmpty() ? pos.at(p.pointer()) : new int[] {p.line(), p.column()};
            out.add(new io.github.motcua.kernel.Problem(p.file(), at[0], at[1], p.pointer(), p.code(), p.severity(),
                    p.bundle(), p.key(), p.args()));
        }
        InvalidDossierException located = InvalidDossierException.of(out);
        located.setStackTrace(e.getStackTrace());
        return located;
    }

    /** Validates against dossier.schema.json and converts (no pack zone, no text positions). */
    public static Dossier fromNode(JsonNode node) {
        return fromNode(node, null, null);
    }

    private static Dossier fromNode(JsonNode node, java.time.ZoneId zone, String text) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw InvalidDossierException.of(List.of(DossierProblems.problem("", DossierProblems.Positions.UNKNOWN,
                    "DOSSIER_EMPTY")));
        }
        DossierProblems.Positions[] pos = {null};
        java.util.function.Supplier<DossierProblems.Positions> positions = () -> {
            if (pos[0] == null) {
                pos[0] = text == null ? DossierProblems.Positions.none() : DossierProblems.Positions.of(text);
            }
            return pos[0];
        };
        List<io.github.motcua.kernel.Problem> problems = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        JsonNode received = node.isObject() ? node.get("receivedAt") : null;
        java.time.LocalDateTime local = received != null && received.isString()
                ? DossierProblems.localDateTime(received.asString()) : null;
        if (local != null) {
            JsonNode channel = node.get("channel");
            String ch = channel != null && channel.isString() ? channel.asString() : null;
            if ("DESK".equals(ch) && zone != null) {
                // an officer at the desk writes the local time: read it in the pack's zone (docs/cli.md)
                node = node.deepCopy();
                ((tools.jackson.databind.node.ObjectNode) node).put("receivedAt", DossierProblems.withOffset(local, zone));
            } else {
                reported.add("/receivedAt");
                problems.add(DossierProblems.coded("DOSSIER_NO_OFFSET", "/receivedAt", positions.get().at("/receivedAt"),
                        zone == null || !"ONLINE".equals(ch) && !"POST".equals(ch) ? "DOSSIER_NO_OFFSET"
                                : "DOSSIER_NO_OFFSET_CHANNEL",
                        "value", received.asString(), "corrected", DossierProblems.withOffset(local, zone),
                        "zone", zone == null ? "" : zone.getId(), "channel", ch == null ? "" : ch));
            }
        }
        // networknt's list bounded while it adds to it (issue 15 session 24): a 2 MB dossier of a million bad values made
        // a million errors, then a problem each, all listed in the refusal
        io.github.motcua.forms.internal.BoundedErrors errors = Schemas.errors(Schemas.schema("dossier"), node,
                Locale.ENGLISH, MAX_SCHEMA_PROBLEMS);
        for (com.networknt.schema.Error e : errors) {
            io.github.motcua.kernel.Problem p = DossierProblems.fromSchema(e, positions.get(), zone);
            if (reported.add(p.pointer())) { // one message per value
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            // in the order they are met in the file (those without a position keep theirs, first)
            problems.sort(java.util.Comparator.comparingInt(io.github.motcua.kernel.Problem::line)
                    .thenComparingInt(io.github.motcua.kernel.Problem::column));
            if (errors.dropped() > 0) {
                // last, at the first value not listed: how many more the schema found
                String at = Schemas.pointer(errors.firstDropped().getInstanceLocation());
                problems.add(DossierProblems.problem(at, positions.get().at(at), "DOSSIER_PROBLEMS_MORE",
                        "count", Long.toString(errors.dropped()), "max", Integer.toString(MAX_SCHEMA_PROBLEMS)));
            }
            throw InvalidDossierException.of(problems);
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
                List<io.github.motcua.kernel.Problem> out = new ArrayList<>();
                for (String h : huge) {
                    int colon = h.indexOf('\u0000');
                    String pointer = h.substring(0, colon);
                    out.add(DossierProblems.problem(pointer, positions.get().at(pointer), "DOSSIER_NUMBER_TOO_LARGE",
                            "value", h.substring(colon + 1)));
                }
                throw InvalidDossierException.of(out);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> form = node.get("form") == null ? Map.of() : (Map<String, Object>) plain(node.get("form"));
            return new Dossier(node.get("procedure").asString(), Channel.valueOf(node.get("channel").asString()),
                    OffsetDateTime.parse(node.get("receivedAt").asString()), str(node, "unit"),
                    node.get("asOf") == null ? null : LocalDate.parse(node.get("asOf").asString()), applicant, form,
                    held, periods);
        } catch (DateTimeParseException | IllegalArgumentException | JacksonException e) {
            // JacksonException: a number JSON allows but Java cannot hold, e.g. 1e309 (infinite)
            throw InvalidDossierException.of(List.of(DossierProblems.problem("", DossierProblems.Positions.UNKNOWN,
                    "DOSSIER_INVALID_VALUE", "detail", io.github.motcua.kernel.Failures.detail(e))));
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
            out.add(pointer + "\u0000" + n.asString());
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
