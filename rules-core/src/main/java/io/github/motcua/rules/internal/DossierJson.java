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
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_CHARS = 2 * 1024 * 1024;

    private DossierJson() {
    }

    public static Dossier parse(String json) {
        if (json == null) {
            throw new InvalidDossierException(List.of(": dossier JSON is null"));
        }
        if (json.length() > MAX_CHARS) {
            throw new InvalidDossierException(List.of(String.format(Locale.ROOT,
                    ": hồ sơ quá lớn (tối đa %d ký tự) / dossier too large: [%d]", MAX_CHARS, json.length())));
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            var loc = e.getLocation();
            throw new InvalidDossierException(List.of(String.format(Locale.ROOT,
                    "%d:%d: không phải JSON hợp lệ / not valid JSON: %s", loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), e.getOriginalMessage())));
        }
        return fromNode(node);
    }

    /** Validates against dossier.schema.json and converts. */
    public static Dossier fromNode(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            throw new InvalidDossierException(List.of(": empty dossier"));
        }
        List<String> violations = Schemas.validatePlain("dossier", node);
        if (!violations.isEmpty()) {
            throw new InvalidDossierException(violations);
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
            @SuppressWarnings("unchecked")
            Map<String, Object> form = node.get("form") == null ? Map.of() : (Map<String, Object>) plain(node.get("form"));
            return new Dossier(node.get("procedure").asString(), Channel.valueOf(node.get("channel").asString()),
                    OffsetDateTime.parse(node.get("receivedAt").asString()), str(node, "unit"),
                    node.get("asOf") == null ? null : LocalDate.parse(node.get("asOf").asString()), applicant, form,
                    held, periods);
        } catch (DateTimeParseException | IllegalArgumentException | JacksonException e) {
            // JacksonException: a number JSON allows but Java cannot hold, e.g. 1e309 (infinite)
            throw new InvalidDossierException(List.of(": " + e.getMessage()));
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
