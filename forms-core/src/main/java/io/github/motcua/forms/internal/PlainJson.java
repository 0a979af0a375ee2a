package io.github.motcua.forms.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.FloatNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ShortNode;
import tools.jackson.databind.node.StringNode;
import tools.jackson.databind.node.ValueNode;

/**
 * JSON trees without a Jackson {@code ObjectMapper} (issue 15, session 14: a fresh JVM to its first decision).
 *
 * <p>The first {@code JsonMapper} a JVM builds loads ≈ 600 classes and takes ≈ 0.15 s of CPU before anything is
 * warm: Jackson 3's {@code MapperBuilder} always installs its java.time support, its serializer and deserializer
 * factories and their caches. A JVM builds one even if no code of ours asks for it, the first time any
 * {@link JsonNode#toString()} runs — Jackson renders a node with its shared default mapper — and networknt calls
 * {@code toString()} on schema and instance nodes when it compiles an {@code enum} and when a {@code const} fails
 * (inside every {@code if}, {@code oneOf}, {@code anyOf} tried). So this class gives both halves:
 * <ul>
 * <li>{@link #NODES}: a node factory whose nodes are Jackson's own node classes (the same values, types,
 * equality, hash codes, serialization) but render {@code toString()} themselves, character for character as
 * Jackson's default mapper does ({@code PlainJsonTest} compares them over generated trees);</li>
 * <li>{@link #readTree(String)} and {@link #readTreeRefusingDuplicates(String)}: the trees
 * {@code JsonMapper.builder().build().readTree} (with {@code STRICT_DUPLICATE_DETECTION} for the second) gives —
 * the same node types for every number, the last of two equal keys kept in the first one's place (or refused),
 * the same stream limits, and the same exceptions with the same messages and locations (one parser, configured
 * as the mapper configures its own; the trailing-token refusal is the mapper's text).</li>
 * </ul>
 * A node made elsewhere (Jackson's own factory, {@code deepCopy} of a plain container) renders as before through
 * Jackson: the same text, only the mapper is built then. Thread-safe.
 */
public final class PlainJson {
    /** Builds nodes that render {@code toString()} without a mapper. */
    public static final JsonNodeFactory NODES = new Nodes();

    private static final JsonFactory LENIENT_KEYS = JsonFactory.builder().build();
    private static final JsonFactory STRICT_KEYS = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** As the default generator writes a double or a float. */
    private static final boolean FAST_DOUBLES = StreamWriteFeature.USE_FAST_DOUBLE_WRITER.enabledByDefault();

    private PlainJson() {
    }

    /** The tree {@code JsonMapper.builder().build().readTree(text)} gives; a missing node for empty input. */
    public static JsonNode readTree(String text) {
        return read(LENIENT_KEYS.createParser(ObjectReadContext.empty(), text));
    }

    /**
     * {@link #readTree(String)}, noting in {@code rootIdAt[0]} the character offset of the value of the root object's
     * last {@code "$id"} member when that value is a JSON string (the offset of its opening quotation mark, as the
     * parser reports the token's start), else -1.
     */
    public static JsonNode readTree(String text, int[] rootIdAt) {
        rootIdAt[0] = -1;
        try (JsonParser p = LENIENT_KEYS.createParser(ObjectReadContext.empty(), text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return NODES.missingNode();
            }
            JsonNode root;
            if (t == JsonToken.START_OBJECT) {
                ObjectNode o = NODES.objectNode();
                for (String name = p.nextName(); name != null; name = p.nextName()) {
                    JsonToken v = p.nextToken();
                    if ("$id".equals(name)) {
                        long at = v == JsonToken.VALUE_STRING ? p.currentTokenLocation().getCharOffset() : -1;
                        rootIdAt[0] = at >= 0 && at <= Integer.MAX_VALUE ? (int) at : -1;
                    }
                    o.set(name, value(p, v));
                }
                root = o;
            } else {
                root = value(p, t);
            }
            trailing(p);
            return root;
        }
    }

    /** The same, refusing a key given twice in one object ({@code STRICT_DUPLICATE_DETECTION}). */
    public static JsonNode readTreeRefusingDuplicates(String text) {
        return read(STRICT_KEYS.createParser(ObjectReadContext.empty(), text));
    }

    /** The same from a stream (UTF-8 or as Jackson detects it), refusing duplicate keys; the stream is closed. */
    public static JsonNode readTreeRefusingDuplicates(InputStream in) {
        return read(STRICT_KEYS.createParser(ObjectReadContext.empty(), in));
    }

    /** A parser over {@code text} configured as the strict reader's (positions of tokens, for problems). */
    public static JsonParser parserRefusingDuplicates(String text) {
        return STRICT_KEYS.createParser(ObjectReadContext.empty(), text);
    }

    private static JsonNode read(JsonParser parser) {
        try (JsonParser p = parser) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return NODES.missingNode();
            }
            JsonNode root = value(p, t);
            trailing(p);
            return root;
        }
    }

    private static void trailing(JsonParser p) {
        JsonToken trailing = p.nextToken();
        if (trailing != null) {
            // DeserializationFeature.FAIL_ON_TRAILING_TOKENS, on by default in Jackson 3: the mapper's refusal
            throw MismatchedInputException.from(p, JsonNode.class, "Trailing token (`JsonToken." + trailing
                    + "`) found after value (bound as `tools.jackson.databind.JsonNode`): not allowed as per"
                    + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`");
        }
    }

    /**
     * One value from its first token. Depth is bounded by the parser's nesting limit (500 by default) before this
     * recursion goes deeper.
     */
    private static JsonNode value(JsonParser p, JsonToken t) {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                for (String name = p.nextName(); name != null; name = p.nextName()) {
                    // a second equal key (allowed without STRICT_DUPLICATE_DETECTION) replaces the first in its place,
                    // as the mapper's tree reader does
                    o.set(name, value(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken x = p.nextToken(); x != JsonToken.END_ARRAY; x = p.nextToken()) {
                    a.add(value(p, x));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.stringNode(p.getString());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                // the mapper's default (no USE_BIG_DECIMAL_FOR_FLOATS): a double, infinite when out of range
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected token " + t + " from a JSON parser");
        }
    }

    /** Appends {@code s} as a JSON string literal, escaped as Jackson's default generator escapes it. */
    static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        return sb.append('"');
    }

    static String render(double d) {
        String s = NumberOutput.toString(d, FAST_DOUBLES);
        // JsonWriteFeature.WRITE_NAN_AS_STRINGS, on by default
        return Double.isFinite(d) ? s : "\"" + s + "\"";
    }

    static String render(float f) {
        String s = NumberOutput.toString(f, FAST_DOUBLES);
        return Float.isFinite(f) ? s : "\"" + s + "\"";
    }

    /** Renders a child: ours without Jackson, any other node through its own {@code toString()}. */
    static void append(StringBuilder sb, JsonNode n) {
        if (n instanceof PlainObject o) {
            o.appendTo(sb);
        } else if (n instanceof PlainArray a) {
            a.appendTo(sb);
        } else {
            sb.append(n.toString());
        }
    }

    /** Jackson's factory, each node made of a subclass of the class Jackson's own factory would have chosen. */
    private static final class Nodes extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;
        private static final PlainBoolean TRUE = new PlainBoolean(true);
        private static final PlainBoolean FALSE = new PlainBoolean(false);
        private static final PlainNull NULL = new PlainNull();

        @Override
        public BooleanNode booleanNode(boolean v) {
            return v ? TRUE : FALSE;
        }

        @Override
        public NullNode nullNode() {
            return NULL;
        }

        // the four kinds every document is made of, built directly (Jackson 3.3's factory always picks StringNode,
        // IntNode, LongNode, DoubleNode for them: PlainJsonTest checks the classes); the rare kinds ask Jackson first

        @Override
        public StringNode stringNode(String text) {
            return text == null ? null : new PlainString(text);
        }

        @Override
        public tools.jackson.databind.node.NumericNode numberNode(byte v) {
            return (tools.jackson.databind.node.NumericNode) plain(super.numberNode(v));
        }

        @Override
        public tools.jackson.databind.node.NumericNode numberNode(short v) {
            return (tools.jackson.databind.node.NumericNode) plain(super.numberNode(v));
        }

        @Override
        public tools.jackson.databind.node.NumericNode numberNode(int v) {
            return new PlainInt(v);
        }

        @Override
        public tools.jackson.databind.node.NumericNode numberNode(long v) {
            return new PlainLong(v);
        }

        @Override
        public tools.jackson.databind.node.NumericNode numberNode(float v) {
            return (tools.jackson.databind.node.NumericNode) plain(super.numberNode(v));
        }

        @Override
        public tools.jackson.databind.node.NumericNode numberNode(double v) {
            return new PlainDouble(v);
        }

        @Override
        public ValueNode numberNode(Byte v) {
            return plain(super.numberNode(v));
        }

        @Override
        public ValueNode numberNode(Short v) {
            return plain(super.numberNode(v));
        }

        @Override
        public ValueNode numberNode(Integer v) {
            return plain(super.numberNode(v));
        }

        @Override
        public ValueNode numberNode(Long v) {
            return plain(super.numberNode(v));
        }

        @Override
        public ValueNode numberNode(Float v) {
            return plain(super.numberNode(v));
        }

        @Override
        public ValueNode numberNode(Double v) {
            return plain(super.numberNode(v));
        }

        @Override
        public ValueNode numberNode(BigInteger v) {
            return plain(super.numberNode(v));
        }

        @Override
        public ValueNode numberNode(BigDecimal v) {
            return plain(super.numberNode(v));
        }

        @Override
        public ArrayNode arrayNode() {
            return new PlainArray(this);
        }

        @Override
        public ArrayNode arrayNode(int capacity) {
            return new PlainArray(this, capacity);
        }

        @Override
        public ObjectNode objectNode() {
            return new PlainObject(this);
        }

        /** The node Jackson's factory chose, as the same class's plain subclass with the same value. */
        private static ValueNode plain(ValueNode n) {
            if (n instanceof IntNode x && !(n instanceof PlainInt)) {
                return new PlainInt(x.intValue());
            } else if (n instanceof LongNode x && !(n instanceof PlainLong)) {
                return new PlainLong(x.longValue());
            } else if (n instanceof BigIntegerNode x && !(n instanceof PlainBigInteger)) {
                return new PlainBigInteger(x.bigIntegerValue());
            } else if (n instanceof DoubleNode x && !(n instanceof PlainDouble)) {
                return new PlainDouble(x.doubleValue());
            } else if (n instanceof DecimalNode x && !(n instanceof PlainDecimal)) {
                return new PlainDecimal(x.decimalValue());
            } else if (n instanceof FloatNode x && !(n instanceof PlainFloat)) {
                return new PlainFloat(x.floatValue());
            } else if (n instanceof ShortNode x && !(n instanceof PlainShort)) {
                return new PlainShort(x.shortValue());
            } else if (n instanceof NullNode) {
                return NULL;
            }
            return n; // a kind Jackson adds later: its own node, rendered by Jackson
        }
    }

    static final class PlainString extends StringNode {
        private static final long serialVersionUID = 1L;

        PlainString(String v) {
            super(v);
        }

        @Override
        public String toString() {
            return quote(new StringBuilder(_value.length() + 2), _value).toString();
        }
    }

    static final class PlainInt extends IntNode {
        private static final long serialVersionUID = 1L;

        PlainInt(int v) {
            super(v);
        }

        @Override
        public String toString() {
            return Integer.toString(_value);
        }
    }

    static final class PlainShort extends ShortNode {
        private static final long serialVersionUID = 1L;

        PlainShort(short v) {
            super(v);
        }

        @Override
        public String toString() {
            return Short.toString(_value);
        }
    }

    static final class PlainLong extends LongNode {
        private static final long serialVersionUID = 1L;

        PlainLong(long v) {
            super(v);
        }

        @Override
        public String toString() {
            return Long.toString(_value);
        }
    }

    static final class PlainBigInteger extends BigIntegerNode {
        private static final long serialVersionUID = 1L;

        PlainBigInteger(BigInteger v) {
            super(v);
        }

        @Override
        public String toString() {
            return _value.toString();
        }
    }

    static final class PlainDouble extends DoubleNode {
        private static final long serialVersionUID = 1L;

        PlainDouble(double v) {
            super(v);
        }

        @Override
        public String toString() {
            return render(_value);
        }
    }

    static final class PlainFloat extends FloatNode {
        private static final long serialVersionUID = 1L;

        PlainFloat(float v) {
            super(v);
        }

        @Override
        public String toString() {
            return render(_value);
        }
    }

    static final class PlainDecimal extends DecimalNode {
        private static final long serialVersionUID = 1L;

        PlainDecimal(BigDecimal v) {
            super(v);
        }

        @Override
        public String toString() {
            // StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN is off by default
            return _value.toString();
        }
    }

    static final class PlainBoolean extends BooleanNode {
        private static final long serialVersionUID = 1L;

        PlainBoolean(boolean v) {
            super(v);
        }

        @Override
        public String toString() {
            return booleanValue() ? "true" : "false";
        }
    }

    static final class PlainNull extends NullNode {
        private static final long serialVersionUID = 1L;

        @Override
        public String toString() {
            return "null";
        }
    }

    static final class PlainObject extends ObjectNode {
        private static final long serialVersionUID = 1L;

        PlainObject(JsonNodeFactory nodes) {
            super(nodes);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            appendTo(sb);
            return sb.toString();
        }

        void appendTo(StringBuilder sb) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : properties()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(sb, e.getKey()).append(':');
                append(sb, e.getValue());
            }
            sb.append('}');
        }
    }

    static final class PlainArray extends ArrayNode {
        private static final long serialVersionUID = 1L;

        PlainArray(JsonNodeFactory nodes) {
            super(nodes);
        }

        PlainArray(JsonNodeFactory nodes, int capacity) {
            super(nodes, capacity);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            appendTo(sb);
            return sb.toString();
        }

        void appendTo(StringBuilder sb) {
            sb.append('[');
            for (int i = 0; i < size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                append(sb, get(i));
            }
            sb.append(']');
        }
    }
}
