package io.github.motcua.kernel;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link PackNode} tree as compact bytes (cây đã phân tích), for a prebuilt pack to carry its pack files'
 * parsed trees so that a node loading it reads them without the YAML parser. {@link #write} is exact: {@link #read}
 * gives back a tree equal in every node — kind, text as written, the number or boolean the parser read, line,
 * column, the key's line and column — so the readers, the schema validation and every problem's position are those
 * of the parsed file.
 *
 * <p>The bytes are hostile input (a prebuilt pack may have been edited): {@link #read} holds them to what
 * {@link PackReader#yaml} guarantees of a parsed file — nesting no deeper than {@link PackReader.Limits#maxDepth()}
 * ({@code TOO_DEEP}), no key twice in a mapping ({@code DUPLICATE_KEY}), strict UTF-8 ({@code NOT_UTF8}), keys and
 * text in Unicode NFC — and refuses anything else that is not exactly one well-formed tree ({@code TREE_CORRUPT}:
 * an unknown tag, a count or length past the end, a number that does not read as its type, bytes after the root).
 * No count or length is trusted before the bytes behind it are there.
 *
 * <pre>
 * node   = u8 tag, varint line, varint column, varint keyLine, varint keyColumn, payload
 *   MAP 0      varint count, count × (string key, node)
 *   LIST 1     varint count, count × node
 *   TEXT 2     string
 *   FALSE 3, TRUE 4        string (the text as written)
 *   INT 5      string, u32       LONG 6   string, u64       BIG_INTEGER 7   string, string (decimal, at most
 *                                                                               {@value #MAX_DIGITS} digits)
 *   DOUBLE 8   string, u64 bits
 *   NULL 11
 * string = varint length, UTF-8 bytes;  varint = unsigned LEB128, at most 5 bytes, below 2^31
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PackTrees {
    /**
     * The longest integer a tree holds in decimal: the YAML parser's own limit on a number's length. Numbers are
     * only those the YAML parser gives (an int, a long, a big integer, a double): a tree cannot smuggle in a decimal
     * such as {@code 1E-999999999}, which no YAML text yields and whose reading as an integer would never end.
     */
    static final int MAX_DIGITS = 1000;

    /** The problem code of bytes that are not one well-formed tree. */
    public static final ProblemCode TREE_CORRUPT = new ProblemCode("TREE_CORRUPT");

    private static final int MAP = 0;
    private static final int LIST = 1;
    private static final int TEXT = 2;
    private static final int FALSE = 3;
    private static final int TRUE = 4;
    private static final int INT = 5;
    private static final int LONG = 6;
    private static final int BIG_INTEGER = 7;
    private static final int DOUBLE = 8;
    // 9 and 10 are not used: the parser gives no float and no big decimal (a double for every non-integer)
    private static final int NULL = 11;

    private PackTrees() {
    }

    /**
     * The tree as bytes, or {@code null} when it holds a number of a type the format has no tag for (the caller
     * keeps the file's text then).
     */
    public static byte[] write(PackNode root) {
        Objects.requireNonNull(root, "root");
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        return node(out, root) ? out.toByteArray() : null;
    }

    private static boolean node(ByteArrayOutputStream out, PackNode n) {
        int tag;
        Number x = n.number();
        switch (n.kind()) {
            case MAP -> tag = MAP;
            case LIST -> tag = LIST;
            case TEXT -> tag = TEXT;
            case BOOLEAN -> tag = n.isTrue() ? TRUE : FALSE;
            case NULL -> tag = NULL;
            default -> {
                if (x instanceof Integer) {
                    tag = INT;
                } else if (x instanceof Long) {
                    tag = LONG;
                } else if (x instanceof BigInteger && x.toString().length() <= MAX_DIGITS) {
                    tag = BIG_INTEGER;
                } else if (x instanceof Double) {
                    tag = DOUBLE;
                } else {
                    return false;
                }
            }
        }
        out.write(tag);
        varint(out, n.line());
        varint(out, n.column());
        varint(out, n.keyLine());
        varint(out, n.keyColumn());
        switch (tag) {
            case MAP -> {
                varint(out, n.map().size());
                for (Map.Entry<String, PackNode> e : n.map().entrySet()) {
                    string(out, e.getKey());
                    if (!node(out, e.getValue())) {
                        return false;
                    }
                }
            }
            case LIST -> {
                varint(out, n.list().size());
                for (PackNode item : n.list()) {
                    if (!node(out, item)) {
                        return false;
                    }
                }
            }
            case NULL -> {
            }
            default -> {
                string(out, n.text());
                switch (tag) {
                    case INT -> u32(out, x.intValue());
                    case LONG -> u64(out, x.longValue());
                    case DOUBLE -> u64(out, Double.doubleToRawLongBits(x.doubleValue()));
                    case BIG_INTEGER -> string(out, x.toString());
                    default -> {
                    }
                }
            }
        }
        return true;
    }

    private static void varint(ByteArrayOutputStream out, int v) {
        if (v < 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "negative position or count: [%d]", v));
        }
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(out, b.length);
        out.write(b, 0, b.length);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u64(ByteArrayOutputStream out, long v) {
        u32(out, (int) (v >>> 32));
        u32(out, (int) v);
    }

    /**
     * The tree {@link #write} wrote, every node at {@code file}.
     *
     * @throws PackReadException {@code TREE_CORRUPT}, {@code TOO_DEEP}, {@code DUPLICATE_KEY} or {@code NOT_UTF8}
     *                           at {@code file}, for bytes that are not exactly one tree within the limits
     */
    public static PackNode read(String file, byte[] bytes, PackReader.Limits limits) {
        Objects.requireNonNull(file, "file");
        Reader r = new Reader(file, bytes, limits.maxDepth());
        PackNode root = r.node(null, null, 0);
        if (r.at != bytes.length) {
            throw r.corrupt();
        }
        return root;
    }

    /** One read: the bytes and where it is. */
    private static final class Reader {
        final String file;
        final byte[] b;
        final int maxDepth;
        int at;

        Reader(String file, byte[] b, int maxDepth) {
            this.file = file;
            this.b = b;
            this.maxDepth = maxDepth;
        }

        PackReadException corrupt() {
            return new PackReadException(Problem.of(file, 0, 0, TREE_CORRUPT, "at", Integer.toString(at)));
        }

        int u8() {
            if (at >= b.length) {
                throw corrupt();
            }
            return b[at++] & 0xFF;
        }

        int varint() {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int x = u8();
                if (shift == 28 && (x & 0xF8) != 0) {
                    throw corrupt(); // 2^31 or more, or a fifth byte that continues
                }
                v |= (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw corrupt();
        }

        /** A count of items each at least {@code min} bytes long: never more than the bytes left could hold. */
        int count(int min) {
            int n = varint();
            if ((long) n * min > b.length - at) {
                throw corrupt();
            }
            return n;
        }

        long fixed(int bytes) {
            if (b.length - at < bytes) {
                throw corrupt();
            }
            long v = 0;
            for (int i = 0; i < bytes; i++) {
                v = (v << 8) | (b[at++] & 0xFF);
            }
            return v;
        }

        String string() {
            int n = varint();
            if (n > b.length - at) {
                throw corrupt();
            }
            int from = at;
            at += n;
            for (int i = from; i < at; i++) {
                if (b[i] < 0) {
                    try {
                        return PackReader.decode(file, b, from, n);
                    } catch (PackReadException e) { // a line and column inside one stored string would point nowhere in the file
                        throw new PackReadException(Problem.of(file, 0, 0, ProblemCode.NOT_UTF8, "file", file));
                    }
                }
            }
            return new String(b, from, n, StandardCharsets.ISO_8859_1); // ASCII: valid UTF-8 and NFC as it is
        }

        PackNode node(PointerPath parent, Object segment, int depth) {
            int tag = u8();
            int line = varint();
            int col = varint();
            int keyLine = varint();
            int keyCol = varint();
            switch (tag) {
                case MAP: {
                    PointerPath ptr = PointerPath.of(parent, segment);
                    tooDeep(ptr, line, col, depth);
                    int n = count(6); // a key's length, a node's tag and its four positions
                    LinkedHashMap<String, PackNode> map = new LinkedHashMap<>(Math.max(4, n * 4 / 3 + 1));
                    for (int i = 0; i < n; i++) {
                        String key = string();
                        PackNode value = node(ptr, key, depth + 1);
                        if (map.putIfAbsent(key, value) != null) {
                            throw new PackReadException(Problem.of(file, value.keyLine(), value.keyColumn(),
                                    ProblemCode.DUPLICATE_KEY, "key", key).at(PointerPath.child(ptr.text(), key)));
                        }
                    }
                    return new PackNode(file, ptr, line, col, PackNode.Kind.MAP, Collections.unmodifiableMap(map),
                            keyLine, keyCol);
                }
                case LIST: {
                    PointerPath ptr = PointerPath.of(parent, segment);
                    tooDeep(ptr, line, col, depth);
                    int n = count(5);
                    List<PackNode> list = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        list.add(node(ptr, i, depth + 1));
                    }
                    return new PackNode(file, ptr, line, col, PackNode.Kind.LIST, Collections.unmodifiableList(list),
                            keyLine, keyCol);
                }
                case NULL:
                    return scalar(parent, segment, line, col, PackNode.Kind.NULL, null, keyLine, keyCol, null);
                case TEXT:
                    return scalar(parent, segment, line, col, PackNode.Kind.TEXT, string(), keyLine, keyCol, null);
                case FALSE:
                case TRUE:
                    return scalar(parent, segment, line, col, PackNode.Kind.BOOLEAN, string(), keyLine, keyCol,
                            tag == TRUE);
                case INT:
                case LONG:
                case BIG_INTEGER:
                case DOUBLE: {
                    String text = string();
                    Number x;
                    try {
                        x = switch (tag) {
                            case INT -> (int) fixed(4);
                            case LONG -> fixed(8);
                            case DOUBLE -> Double.longBitsToDouble(fixed(8));
                            default -> new BigInteger(bounded(string()));
                        };
                    } catch (NumberFormatException e) {
                        throw corrupt();
                    }
                    return scalar(parent, segment, line, col, PackNode.Kind.NUMBER, text, keyLine, keyCol, x);
                }
                default:
                    at--;
                    throw corrupt();
            }
        }

        /** A big integer's digits: at most what {@link #write} stores. */
        private String bounded(String digits) {
            if (digits.length() > MAX_DIGITS) {
                throw corrupt();
            }
            return digits;
        }

        private PackNode scalar(PointerPath parent, Object segment, int line, int col, PackNode.Kind kind, Object value,
                int keyLine, int keyCol, Object parsed) {
            return YamlTrees.scalar(file, parent, segment, line, col, kind, value, keyLine, keyCol, parsed);
        }

        private void tooDeep(PointerPath ptr, int line, int col, int depth) {
            YamlTrees.tooDeep(file, ptr, line, col, depth, maxDepth); // the same refusal as a parsed file's
        }
    }
}
