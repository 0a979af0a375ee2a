package io.github.motcua.rules.internal;

import io.github.motcua.forms.internal.PlainJson;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link FormFields} reads of a procedure's {@code form.schema.json}, straight from the file's bytes (issue 15,
 * session 16): the tree {@code PlainJson.readTree(PackReader.decode(bytes))} gives, except that a text or a number
 * {@link FormFields} never reads is {@link #UNREAD} instead of its value. The forms section decodes and parses every
 * form anyway; this reader spares the second full decode (strict UTF-8 and NFC of the whole text, and the string) and
 * the second tree of every title and description.
 *
 * <p>It only ever answers for a file it is sure of; for any other it returns null and the caller decodes and parses
 * the file as before ({@link FormFields#of(String, FormFields.Library)}), so a file that is not UTF-8, not JSON, or
 * anything this reader does not handle, gets exactly the old answer. It is sure of a file that is:
 * <ul>
 * <li>strict UTF-8 (the JDK's decoder's rule: no overlong form, no surrogate, nothing over U+10FFFF), with at most a
 * leading byte-order mark, which the kernel's decoder drops;</li>
 * <li>RFC 8259 JSON whose root is an object, with no byte outside a text that is not JSON's (so the kernel's NFC,
 * which maps no character to a JSON delimiter, a digit, a letter of {@code true false null} or white space, cannot
 * change what is outside the texts: the only canonical singletons to ASCII are ';', '`' and 'K');</li>
 * <li>well inside Jackson's default stream limits (nesting 256 here, 500 there; a number of at most 100 characters,
 * 1,000 there; a name of at most 10,000 bytes, 50,000 characters there; a text of at most 1 MiB, 20 million
 * characters there);</li>
 * <li>and whose every text that is read (every name, and every text under {@code $ref}, {@code type}, {@code const}
 * and {@code enum}) either is escape-free — then it is its bytes decoded and put in NFC, which is what NFC of the
 * whole file gives inside a JSON string: a quotation mark is a starter that composes with nothing, so neither
 * reordering nor composition crosses it — or has escapes and only ASCII bytes (NFC leaves ASCII alone; the
 * escapes are decoded as Jackson decodes them), and whose every number that is read is an integer of at most 18
 * characters (the int or long node Jackson makes of it);</li>
 * <li>and has no escaped surrogate in a name (Jackson 3 refuses one that is not half of an escaped pair there, and
 * accepts any in a value).</li>
 * </ul>
 * A repeated name replaces the earlier value in its place, as Jackson's lenient tree reader does (the same
 * {@code ObjectNode.set}). {@code FormSchemaBytesTest} compares this reader's trees and {@link FormFields} with the
 * decoder and Jackson's over every JSON file of the repository and over generated and mutated forms.
 *
 * <p>Stateless between calls; thread-safe.
 */
final class FormSchemaBytes {
    /** Stands for every text and number {@link FormFields} never reads (a title, a description, a pattern...). */
    static final JsonNode UNREAD = PlainJson.NODES.stringNode("");

    private static final int MAX_DEPTH = 256;
    private static final int MAX_NUMBER_CHARS = 100;
    private static final int MAX_NAME_BYTES = 10_000;
    private static final int MAX_TEXT_BYTES = 1 << 20;
    /** The most characters of a number this reader turns into a node (so it fits a long). */
    private static final int MAX_READ_NUMBER_CHARS = 18;

    /** Leaves the file to the decoder and Jackson: no stack trace (it is not an error, and it is frequent in tests). */
    private static final class Unsure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsure() {
            super(null, null, false, false);
        }
    }

    private static final Unsure UNSURE = new Unsure();

    private final byte[] b;
    private int i;
    /** This read's recent names (see {@link #name}). */
    private final String[] names = new String[128];
    /** The root {@code $id} string's characters, {@code [idFrom, idTo)}, or -1 ({@link Noted}). */
    private int idFrom = -1;
    private int idTo = -1;

    private FormSchemaBytes(byte[] bytes) {
        this.b = bytes;
    }

    /**
     * The tree {@link FormFields} reads of this file (its unread texts and numbers {@link #UNREAD}), or null when
     * this reader is not sure of the file: then decode and parse it.
     */
    static ObjectNode read(byte[] bytes) {
        try {
            return new FormSchemaBytes(bytes).document();
        } catch (Unsure e) {
            return null;
        }
    }

    /**
     * {@link #read}, with where the value of the root object's last {@code "$id"} member written as a JSON string has
     * its characters: bytes {@code [idFrom, idTo)} (between its quotation marks), or -1 and -1. That text is never read
     * ({@link FormFields} does not read a root {@code $id}: it is {@link #UNREAD}).
     */
    record Noted(ObjectNode tree, int idFrom, int idTo) {
    }

    /** {@link #read} and the root {@code $id}'s place ({@link Noted}), or null when this reader is not sure of the file. */
    static Noted readNoting(byte[] bytes) {
        try {
            FormSchemaBytes r = new FormSchemaBytes(bytes);
            ObjectNode tree = r.document();
            return new Noted(tree, r.idFrom, r.idTo);
        } catch (Unsure e) {
            return null;
        }
    }

    /** Whether a member's value is read by {@link FormFields} as a value (not only walked as a schema). */
    private static boolean readMember(String name) {
        return switch (name) {
            case "$ref", "type", "const", "enum" -> true;
            default -> false;
        };
    }

    private ObjectNode document() {
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            i = 3; // the byte-order mark, which the kernel's decoder drops
        }
        space();
        if (peek() != '{') {
            throw UNSURE;
        }
        ObjectNode root = object(1, false);
        space();
        if (i != b.length) {
            throw UNSURE;
        }
        return root;
    }

    private byte peek() {
        if (i >= b.length) {
            throw UNSURE;
        }
        return b[i];
    }

    private void space() {
        while (i < b.length) {
            byte c = b[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                i++;
            } else {
                return;
            }
        }
    }

    /** A value from its first byte at {@code i}; {@code read}: inside a member {@link FormFields} reads as a value. */
    private JsonNode value(int depth, boolean read) {
        byte c = peek();
        switch (c) {
            case '{' -> {
                return object(depth + 1, read);
            }
            case '[' -> {
                return array(depth + 1, read);
            }
            case '"' -> {
                String s = text(MAX_TEXT_BYTES, read, false);
                return read ? PlainJson.NODES.stringNode(s) : UNREAD;
            }
            case 't' -> {
                literal("true");
                return PlainJson.NODES.booleanNode(true);
            }
            case 'f' -> {
                literal("false");
                return PlainJson.NODES.booleanNode(false);
            }
            case 'n' -> {
                literal("null");
                return PlainJson.NODES.nullNode();
            }
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number(read);
                }
                throw UNSURE;
            }
        }
    }

    private ObjectNode object(int depth, boolean read) {
        if (depth > MAX_DEPTH) {
            throw UNSURE;
        }
        i++;
        ObjectNode o = PlainJson.NODES.objectNode();
        space();
        if (peek() == '}') {
            i++;
            return o;
        }
        while (true) {
            if (peek() != '"') {
                throw UNSURE;
            }
            String name = text(MAX_NAME_BYTES, true, true);
            space();
            if (peek() != ':') {
                throw UNSURE;
            }
            i++;
            space();
            // a repeated name replaces the first one's value in its place, as Jackson's lenient tree reader does
            boolean rootId = depth == 1 && "$id".equals(name);
            int at = peek() == '"' ? i + 1 : -1;
            o.set(name, value(depth, read || readMember(name)));
            if (rootId) {
                idFrom = at; // the last root "$id" is the one kept; not a string: none
                idTo = at < 0 ? -1 : i - 1;
            }
            space();
            byte c = peek();
            i++;
            if (c == '}') {
                return o;
            }
            if (c != ',') {
                throw UNSURE;
            }
            space();
        }
    }

    private ArrayNode array(int depth, boolean read) {
        if (depth > MAX_DEPTH) {
            throw UNSURE;
        }
        i++;
        ArrayNode a = PlainJson.NODES.arrayNode();
        space();
        if (peek() == ']') {
            i++;
            return a;
        }
        while (true) {
            a.add(value(depth, read));
            space();
            byte c = peek();
            i++;
            if (c == ']') {
                return a;
            }
            if (c != ',') {
                throw UNSURE;
            }
            space();
        }
    }

    private void literal(String word) {
        if (i + word.length() > b.length) {
            throw UNSURE;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                throw UNSURE;
            }
        }
        i += word.length();
    }

    /**
     * A JSON number from {@code i} (RFC 8259's grammar: no leading zero, no lone sign or point); its node when
     * {@code read}, when it is an integer this reader makes the node of, else {@link #UNREAD}.
     */
    private JsonNode number(boolean read) {
        int start = i;
        if (b[i] == '-') {
            i++;
        }
        if (peek() == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            digits();
        } else {
            throw UNSURE;
        }
        boolean integer = true;
        if (i < b.length && b[i] == '.') {
            integer = false;
            i++;
            requireDigit();
            digits();
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            integer = false;
            i++;
            if (peek() == '+' || b[i] == '-') {
                i++;
            }
            requireDigit();
            digits();
        }
        int length = i - start;
        if (length > MAX_NUMBER_CHARS) {
            throw UNSURE;
        }
        if (!read) {
            return UNREAD;
        }
        if (!integer || length > MAX_READ_NUMBER_CHARS) {
            throw UNSURE; // a decimal, an exponent or a long integer read as a value: Jackson's own node, by Jackson
        }
        long v = Long.parseLong(new String(b, start, length, StandardCharsets.ISO_8859_1));
        return v == (int) v ? PlainJson.NODES.numberNode((int) v) : PlainJson.NODES.numberNode(v);
    }

    private void requireDigit() {
        byte c = peek();
        if (c < '0' || c > '9') {
            throw UNSURE;
        }
    }

    private void digits() {
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
    }

    /**
     * A JSON string from its opening quotation mark at {@code i}, checked (escapes, no control character, strict
     * UTF-8) whether or not it is {@code wanted}; its text when wanted, else null. {@code i} ends after the closing
     * quotation mark. {@code name}: a member's name, where Jackson refuses an escaped surrogate that is not half of
     * an escaped pair (this reader leaves every escaped surrogate in a name to Jackson).
     */
    private String text(int maxBytes, boolean wanted, boolean name) {
        int start = ++i;
        boolean ascii = true;
        boolean escaped = false;
        byte[] b = this.b;
        while (true) {
            int k = i;
            while (k < b.length && b[k] >= 0x20 && b[k] != '"' && b[k] != '\\') {
                k++; // printable ASCII, the bulk of a form's texts
            }
            i = k;
            byte c = peek();
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped = true;
                escape();
            } else if (c < 0) {
                ascii = false;
                utf8();
            } else if (c < 0x20) {
                throw UNSURE; // a control character must be escaped (Jackson refuses it)
            } else {
                i++;
            }
        }
        int end = i++;
        if (end - start > maxBytes) {
            throw UNSURE;
        }
        if (!wanted) {
            return null;
        }
        if (!escaped) {
            return ascii ? (name ? name(start, end) : new String(b, start, end - start, StandardCharsets.ISO_8859_1))
                    : nfc(new String(b, start, end - start, StandardCharsets.UTF_8));
        }
        if (!ascii) {
            throw UNSURE; // NFC of the file runs before the escapes are decoded: left to the decoder and Jackson
        }
        String s = unescape(start, end);
        if (name) {
            for (int k = 0; k < s.length(); k++) {
                if (Character.isSurrogate(s.charAt(k))) {
                    throw UNSURE; // only from an escape (the text is ASCII): Jackson checks the pair in a name
                }
            }
        }
        return s;
    }

    /**
     * An ASCII name without escapes, made once per file for each distinct name met recently ({@code title},
     * {@code type} and {@code properties} recur through a form): a small table of this read only, so nothing is
     * shared between files.
     */
    private String name(int start, int end) {
        int h = end - start;
        for (int k = start; k < end; k++) {
            h = 31 * h + b[k];
        }
        int slot = (h ^ (h >>> 7)) & (names.length - 1);
        String known = names[slot];
        if (known != null && known.length() == end - start) {
            int k = 0;
            while (k < end - start && known.charAt(k) == b[start + k]) {
                k++;
            }
            if (k == end - start) {
                return known;
            }
        }
        String s = new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        names[slot] = s;
        return s;
    }

    /** Checks one escape at {@code i} (Jackson's default: the eight of RFC 8259 and {@code \\uXXXX}). */
    private void escape() {
        i++;
        byte c = peek();
        switch (c) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> i++;
            case 'u' -> {
                i++;
                for (int k = 0; k < 4; k++) {
                    if (hex(peek()) < 0) {
                        throw UNSURE;
                    }
                    i++;
                }
            }
            default -> throw UNSURE;
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Checks one UTF-8 sequence of two to four bytes at {@code i} as the JDK's strict decoder does. */
    private void utf8() {
        int c = b[i] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) {
                lo = 0xA0; // no overlong form
            } else if (c == 0xED) {
                hi = 0x9F; // no surrogate
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F; // nothing over U+10FFFF
            }
        } else {
            throw UNSURE;
        }
        i++;
        for (int k = 0; k < n; k++) {
            int x = peek() & 0xFF;
            if (x < lo || x > hi) {
                throw UNSURE;
            }
            lo = 0x80;
            hi = 0xBF;
            i++;
        }
    }

    /** An ASCII string's text with its (already checked) escapes decoded. */
    private String unescape(int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        for (int k = start; k < end; k++) {
            char c = (char) b[k];
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = (char) b[++k];
            switch (e) {
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) ((hex(b[k + 1]) << 12) | (hex(b[k + 2]) << 8) | (hex(b[k + 3]) << 4) | hex(b[k + 4])));
                    k += 4;
                }
                default -> sb.append(e); // '"', '\\', '/'
            }
        }
        return sb.toString();
    }

    /** Unicode NFC, as the kernel's decoder puts the whole file (a no-op, without copying, for text already in NFC). */
    private static String nfc(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
