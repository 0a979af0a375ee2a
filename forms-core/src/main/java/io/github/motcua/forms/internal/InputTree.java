package io.github.motcua.forms.internal;

import io.github.motcua.forms.InputLimits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns untrusted input into a plain, NFC-normalised, unmodifiable Java tree within {@link InputLimits}.
 * Depth is bounded by Jackson's stream constraints before any recursion here goes deeper, so no input
 * can exhaust the stack; strings and documents are bounded while streaming.
 *
 * <p>Thread-safe (immutable after construction).
 */
final class InputTree {

    /**
     * The parsed tree, or the problem that stopped parsing.
     *
     * @param value   the plain-Java data (a read-only view for parsed JSON)
     * @param node    the same data as a tree for the validator, or null when built from caller data
     * @param problem what stopped parsing, or null
     */
    public record Parsed(Object value, JsonNode node, Problem problem) {
        Parsed(Object value, Problem problem) {
            this(value, null, problem);
        }

        /** The tree to validate, built from the plain data when parsing did not already produce one. */
        public JsonNode tree() {
            return node != null ? node : ValidationEngine.toNode(value);
        }
    }

    private static final JsonNodeFactory NODES = PlainJson.NODES;

    private final InputLimits limits;
    private final JsonFactory factory;

    public InputTree(InputLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxStringLength())
                        .maxDocumentLength(limits.maxBytes())
                        .maxNumberLength(1000)
                        .build())
                .build();
    }

    public Parsed parse(byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            return tooLarge();
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Parsed(null, new Problem("", "encoding", "input.bom", Map.of()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Parsed(null, new Problem("", "encoding", "input.encoding", Map.of()));
        }
        return parse(text);
    }

    public Parsed parse(String text) {
        if (text.length() > limits.maxBytes()) {
            return tooLarge();
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            return new Parsed(null, new Problem("", "encoding", "input.bom", Map.of()));
        }
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Parsed(null, new Problem("", "json", "input.empty", Map.of()));
            }
            JsonNode value = read(p, t, "");
            if (p.nextToken() != null) {
                return syntax(p.currentLocation());
            }
            return new Parsed(JsonViews.value(value), value, null);
        } catch (LimitException e) {
            return new Parsed(null, e.problem);
        } catch (StreamConstraintsException e) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("nesting depth")) {
                return limit("input.depth", limits.maxDepth());
            } else if (m.contains("document length")) {
                return tooLarge();
            } else if (m.contains("number value length")) {
                return limit("input.number", 1000);
            }
            return limit("input.string", limits.maxStringLength());
        } catch (JacksonException e) {
            return syntax(e.getLocation());
        }
    }

    /** Copies caller-built data into a normalised tree, checking types and limits (cycles hit the depth limit). */
    public Parsed copy(Map<String, ?> data) {
        try {
            return new Parsed(copyValue(data, 0, ""), null);
        } catch (LimitException e) {
            return new Parsed(null, e.problem);
        }
    }

    /**
     * The same checks and normalisation as {@link #copy}, building the validator's tree directly: the
     * plain-Java data is then a read-only view of that tree (as for parsed JSON), so validating a caller's
     * map builds one tree instead of a copy and then a tree from the copy. The view gives the same values
     * as {@link #copy} (a {@code BigInteger} stays one, see {@link JsonViews#value}).
     */
    public Parsed copyTree(Map<String, ?> data) {
        try {
            JsonNode node = treeValue(data, 0, "");
            return new Parsed(JsonViews.value(node), node, null);
        } catch (LimitException e) {
            return new Parsed(null, e.problem);
        }
    }

    /** {@link #copyValue} as a tree node; keep the two in step (same checks, same errors, same order). */
    private JsonNode treeValue(Object v, int depth, String pointer) {
        if (v instanceof String text && text.length() <= limits.maxStringLength()) {
            return NODES.stringNode(nfc(text));
        }
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Map<?, ?> m) {
            if (depth >= limits.maxDepth()) {
                throw new LimitException(limitProblem(pointer, "input.depth", limits.maxDepth()));
            }
            if (m.size() > limits.maxProperties()) {
                throw new LimitException(limitProblem(pointer, "input.properties", limits.maxProperties()));
            }
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "map keys must be strings at [%s]: [%s]", pointer, e.getKey()));
                }
                if (k.length() > limits.maxStringLength()) {
                    throw new LimitException(limitProblem(pointer, "input.string", limits.maxStringLength()));
                }
                String key = nfc(k);
                Object val = e.getValue();
                // a leaf that cannot be wrong needs no pointer; two keys equal once in NFC: the later value wins
                // at the earlier key's place, as in copy's LinkedHashMap
                if (val == null || val instanceof Boolean || val instanceof Long
                        || val instanceof String text && text.length() <= limits.maxStringLength()) {
                    out.set(key, treeValue(val, depth + 1, pointer));
                } else {
                    out.set(key, treeValue(val, depth + 1, pointer + "/" + Pointers.escape(key)));
                }
            }
            return out;
        }
        if (v instanceof List<?> l) {
            if (depth >= limits.maxDepth()) {
                throw new LimitException(limitProblem(pointer, "input.depth", limits.maxDepth()));
            }
            if (l.size() > limits.maxArrayLength()) {
                throw new LimitException(limitProblem(pointer, "input.array", limits.maxArrayLength()));
            }
            ArrayNode out = NODES.arrayNode(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(treeValue(l.get(i), depth + 1, pointer + "/" + i));
            }
            return out;
        }
        Object leaf = copyValue(v, depth, pointer); // numbers, text over the limit, dates, enums: copy's own checks
        if (leaf instanceof String text) {
            return NODES.stringNode(text);
        } else if (leaf instanceof Long l) {
            return NODES.numberNode(l);
        } else if (leaf instanceof BigInteger i) {
            return NODES.numberNode(i);
        } else if (leaf instanceof BigDecimal d) {
            return NODES.numberNode(d);
        }
        throw new IllegalStateException("copyValue gave a " + leaf.getClass().getName());
    }

    /**
     * JSON allows numbers no Java double can hold (1e309); the validator's numeric keywords would
     * then fail inside the library, so such a number is a violation of its own.
     */
    private static BigDecimal inRange(BigDecimal d, String pointer) {
        if (Double.isInfinite(d.doubleValue())) {
            throw new LimitException(new Problem(pointer, "json", "input.range", Map.of()));
        }
        return d;
    }

    private static BigInteger inRange(BigInteger i, String pointer) {
        if (Double.isInfinite(i.doubleValue())) {
            throw new LimitException(new Problem(pointer, "json", "input.range", Map.of()));
        }
        return i;
    }

    private Object copyValue(Object v, int depth, String pointer) {
        if (v instanceof BigDecimal d) {
            return inRange(d, pointer);
        }
        if (v instanceof BigInteger i) {
            return inRange(i, pointer);
        }
        if (v == null || v instanceof Boolean || v instanceof Long) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "not a JSON number at [%s]: [%s]", pointer, v));
            }
            return BigDecimal.valueOf(d);
        }
        if (v instanceof java.time.temporal.TemporalAccessor || v instanceof Enum<?> || v instanceof Character
                || v instanceof java.util.UUID) {
            return javaValue(v, pointer);
        }
        if (v instanceof CharSequence s) {
            if (s.length() > limits.maxStringLength()) {
                throw new LimitException(limitProblem(pointer, "input.string", limits.maxStringLength()));
            }
            return nfc(s.toString());
        }
        if (depth >= limits.maxDepth() && (v instanceof Map || v instanceof List)) {
            throw new LimitException(limitProblem(pointer, "input.depth", limits.maxDepth()));
        }
        if (v instanceof Map<?, ?> m) {
            if (m.size() > limits.maxProperties()) {
                throw new LimitException(limitProblem(pointer, "input.properties", limits.maxProperties()));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "map keys must be strings at [%s]: [%s]", pointer, e.getKey()));
                }
                if (k.length() > limits.maxStringLength()) {
                    throw new LimitException(limitProblem(pointer, "input.string", limits.maxStringLength()));
                }
                String key = nfc(k);
                Object val = e.getValue();
                if (val == null || val instanceof Boolean || val instanceof Long) {
                    out.put(key, val); // a leaf that cannot be wrong: no pointer to build
                } else if (val instanceof String text && text.length() <= limits.maxStringLength()) {
                    out.put(key, nfc(text));
                } else {
                    out.put(key, copyValue(val, depth + 1, pointer + "/" + Pointers.escape(key)));
                }
            }
            return Collections.unmodifiableMap(out);
        }
        if (v instanceof List<?> l) {
            if (l.size() > limits.maxArrayLength()) {
                throw new LimitException(limitProblem(pointer, "input.array", limits.maxArrayLength()));
            }
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(copyValue(l.get(i), depth + 1, pointer + "/" + i));
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "unsupported value type at [%s]: [%s]; use maps, lists, strings, numbers, booleans or null",
                pointer, v.getClass().getName()));
    }

    /**
     * The obvious JSON text of common Java values, so a form built in Java may hold them: dates and
     * times in ISO 8601 ({@code LocalDate} → {@code 2026-02-13}; an {@code OffsetDateTime} keeps its
     * offset), an enum constant by its name, a character or UUID as text.
     */
    private static String javaValue(Object v, String pointer) {
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof java.time.LocalDate || v instanceof java.time.LocalDateTime || v instanceof java.time.LocalTime
                || v instanceof java.time.OffsetDateTime || v instanceof java.time.OffsetTime
                || v instanceof java.time.YearMonth || v instanceof java.time.Year || v instanceof java.time.Instant
                || v instanceof Character || v instanceof java.util.UUID) {
            return v.toString();
        }
        if (v instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime().toString();
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
                "unsupported value type at [%s]: [%s]; use maps, lists, strings, numbers, booleans, null, "
                        + "or java.time dates and times", pointer, v.getClass().getName()));
    }

    private JsonNode read(JsonParser p, JsonToken t, String pointer) {
        switch (t) {
            case START_OBJECT: {
                ObjectNode map = NODES.objectNode();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    if (map.size() >= limits.maxProperties()) {
                        throw new LimitException(limitProblem(pointer, "input.properties", limits.maxProperties()));
                    }
                    String key = nfc(p.currentName());
                    JsonToken vt = p.nextToken();
                    JsonNode value = scalar(p, vt); // a leaf needs no pointer unless something is wrong
                    if (value == null) {
                        value = read(p, vt, pointer + "/" + Pointers.escape(key));
                    }
                    if (map.replace(key, value) != null) {
                        throw new LimitException(new Problem(pointer + "/" + Pointers.escape(key), "json", "input.duplicate",
                                Map.of("name", key)));
                    }
                }
                return map;
            }
            case START_ARRAY: {
                ArrayNode list = NODES.arrayNode();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (list.size() >= limits.maxArrayLength()) {
                        throw new LimitException(limitProblem(pointer, "input.array", limits.maxArrayLength()));
                    }
                    JsonNode value = scalar(p, n);
                    list.add(value != null ? value : read(p, n, pointer + "/" + list.size()));
                }
                return list;
            }
            case VALUE_STRING:
                return NODES.stringNode(nfc(p.getString()));
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT, LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(inRange(p.getBigIntegerValue(), pointer));
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(inRange(p.getDecimalValue(), pointer));
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new LimitException(new Problem(pointer, "json", "input.syntax",
                        Map.of("line", "?", "column", "?")));
        }
    }

    /**
     * The node of a leaf that cannot be wrong (a string, a long, true, false, null), or null for
     * anything else; {@link #read} gives the same node for these.
     */
    private static JsonNode scalar(JsonParser p, JsonToken t) {
        switch (t) {
            case VALUE_STRING:
                return NODES.stringNode(nfc(p.getString()));
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT, LONG -> NODES.numberNode(p.getLongValue());
                    default -> null;
                };
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return null;
        }
    }

    /**
     * NFC with a fast path: text made only of characters below U+0300 and of Latin Extended Additional
     * (U+1E00–U+1EFF, where Vietnamese letters such as ạ, ế, ữ live) is already NFC — every one of them
     * is a starter that NFC keeps and that composes with none of the others ({@code InputTreeNfcTest}
     * checks every pair against the JDK's normaliser). Anything else is checked by the normaliser.
     */
    public static String nfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u0300' && (c < '\u1E00' || c > '\u1EFF')) {
                return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
            }
        }
        return s;
    }

    private Parsed tooLarge() {
        return limit("input.bytes", limits.maxBytes());
    }

    private static Parsed limit(String key, int max) {
        return new Parsed(null, limitProblem("", key, max));
    }

    private static Problem limitProblem(String pointer, String key, int max) {
        return new Problem(pointer, "limit", key, Map.of("limit", Integer.toString(max)));
    }

    private static Parsed syntax(TokenStreamLocation loc) {
        String line = loc == null ? "?" : Integer.toString(loc.getLineNr());
        String col = loc == null ? "?" : Integer.toString(loc.getColumnNr());
        return new Parsed(null, new Problem("", "json", "input.syntax", Map.of("line", line, "column", col)));
    }

    private static final class LimitException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        LimitException(Problem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }
}
