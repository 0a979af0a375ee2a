package io.github.motcua.rules.internal;

import io.github.motcua.kernel.PackNode;
import io.github.motcua.rules.LocalizedText;
import java.math.BigDecimal;
import java.util.List;

/**
 * The values of a kernel tree ({@link PackNode}) read exactly as this package's readers read the same file's JSON values
 * ({@link YamlDoc#root()}, made by {@link YamlDoc#json}): each method gives what the named Jackson method gives on the
 * node {@code YamlDoc.json(n)} — the same text, number, boolean or exception. The common cases (a text's text, an int's
 * or a long's value, a boolean) are answered from the tree; anything else is answered by Jackson itself on that one
 * node, so no rule of Jackson's conversions is written twice. So {@code procedure.yaml} is read from the kernel's tree
 * alone (session 21), with the values its former reading from JSON gave. Stateless; thread-safe.
 */
final class TreeValues {
    private TreeValues() {
    }

    /** {@code JsonNode.asString()}: a text as written; a number, a boolean, a null, a mapping or a list as Jackson says. */
    static String string(PackNode n) {
        return n.kind() == PackNode.Kind.TEXT ? n.text() : YamlDoc.json(n).asString();
    }

    /**
     * {@code JsonNode.asLong()}, except that a whole number beyond a {@code long} is {@link OutOfRange} (at the node)
     * instead of Jackson's message naming its own classes.
     */
    static long asLong(PackNode n) {
        Number x = n.number();
        if (x instanceof java.math.BigInteger b && b.bitLength() > 63) {
            throw new OutOfRange(n, Long.MAX_VALUE);
        }
        return x instanceof Integer || x instanceof Long ? x.longValue() : YamlDoc.json(n).asLong();
    }

    /**
     * {@code JsonNode.asInt()}, except that a whole number beyond an {@code int} is {@link OutOfRange} (at the node)
     * instead of Jackson's message naming its own classes.
     */
    static int asInt(PackNode n) {
        Number x = n.number();
        if (x instanceof Long || x instanceof java.math.BigInteger) {
            if (x instanceof Long ? x.longValue() != (int) x.longValue() : ((java.math.BigInteger) x).bitLength() > 31) {
                throw new OutOfRange(n, Integer.MAX_VALUE);
            }
        }
        return x instanceof Integer ? x.intValue() : YamlDoc.json(n).asInt();
    }

    /**
     * A whole number too large for the value it is read as (a component's {@code quantity} of 3,000,000,000, a
     * deadline's {@code amount} of 20 digits): the reader reports it at the node, in plain words, as {@code BAD_VALUE}.
     */
    static final class OutOfRange extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** The node's pointer in its file. */
        final String pointer;
        /** The number as written, at most 40 characters. */
        final String value;
        /** The largest value the field can hold. */
        final long max;

        OutOfRange(PackNode n, long max) {
            super(null, null, false, false); // a problem to report, not a failure to trace
            this.pointer = n.pointer();
            String v = String.valueOf(n.number());
            this.value = v.length() > 40 ? v.substring(0, 40) + "…" : v;
            this.max = max;
        }
    }

    /** {@code JsonNode.asBoolean()}. */
    static boolean asBoolean(PackNode n) {
        return n.kind() == PackNode.Kind.BOOLEAN ? n.isTrue() : YamlDoc.json(n).asBoolean();
    }

    /** {@code JsonNode.decimalValue()} (a number's exact value as Jackson's node holds it). */
    static BigDecimal decimal(PackNode n) {
        return YamlDoc.json(n).decimalValue();
    }

    /** What iterating a {@code JsonNode} gives: a list's items, a mapping's values in file order, else nothing. */
    static Iterable<PackNode> items(PackNode n) {
        return n.isList() ? n.list() : n.isMap() ? n.map().values() : List.of();
    }

    /** A {@code {vi, en}} text ({@code PackLoader.text} on the JSON values). */
    static LocalizedText text(PackNode n) {
        return new LocalizedText(string(n.get("vi")), n.get("en") == null ? null : string(n.get("en")));
    }
}
