package io.github.motcua.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A small, strict reader for the part of YAML that pack files use — block mappings and sequences, single-line
 * plain, single- and double-quoted scalars, flow {@code [a, b]} and {@code {k: v}} (their lines may break after a
 * bracket or a comma), simple {@code >}/{@code |} block scalars as a mapping's value, comments — building the same
 * {@link PackNode} tree as {@link YamlTrees}' Jackson path: the same kinds as the JSON schema resolves them, the same
 * values and numbers' types, the same NFC keys and texts, the same line and column of every node and key.
 *
 * <p>It <em>gives up</em> ({@link #read} returns null) on anything outside that subset or doubtful — anchors,
 * aliases, tags, directives, document markers, block scalars other than the simplest, multi-line plain or quoted
 * scalars, empty values, tabs, a carriage return that is not part of a Windows line end, control or unusual
 * characters, a scalar whose type it is not sure of, a duplicate key, nesting at the depth limit, any syntax error —
 * so that Jackson parses the text and every problem (its code, wording, line and column) is the one the Jackson path
 * has always given. Giving up costs the time spent until then; the reader is linear in the text (each character is
 * looked at a bounded number of times) and its recursion is bounded by the depth limit. Stateless between calls; an
 * instance is one read by one thread.
 */
final class YamlSubset {
    /** Longer texts go to Jackson (pack files are far smaller; keeps every length limit of the parser out of reach). */
    static final int MAX_TEXT = 1 << 20;
    /** Longer keys go to Jackson (YAML's implicit keys end within 1024 characters). */
    private static final int MAX_KEY = 1000;
    /** Deeper nesting goes to Jackson, whatever the pack's depth limit (keeps the recursion short). */
    private static final int MAX_NESTING = 64;
    /** Longer integers go to Jackson (a {@code BigInteger}); 18 digits always fit a long. */
    private static final int MAX_INT_DIGITS = 18;
    /** Longer floats go to Jackson (well below its limit on a number's length). */
    private static final int MAX_FLOAT_LENGTH = 100;

    /** Thrown to give up: one shared instance, no stack trace. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private final String file;
    private final String s;
    /**
     * {@link #s}'s characters: the reader looks at each character several times, and a cold JVM's {@code charAt} (a
     * coder test and a bounds check each, through code the JIT has not compiled yet) was half of this reader's CPU in a
     * 2,000-procedure load's profile.
     */
    private final char[] cs;
    private final int n;
    private final int maxDepth;
    /** The next character to read. */
    private int pos;
    /** 1-based line of {@link #pos}. */
    private int line = 1;
    /** Index of the first character of {@link #line}. */
    private int lineStart;

    private YamlSubset(String file, String text, char[] chars, int maxDepth) {
        this.file = file;
        this.s = text;
        this.cs = chars;
        this.n = text.length();
        this.maxDepth = Math.min(maxDepth, MAX_NESTING);
    }

    /** The tree of {@code text}, or null when the reader gives up and Jackson must read it. */
    static PackNode read(String file, String text, int maxDepth) {
        if (text.length() > MAX_TEXT) {
            return null;
        }
        if (text.indexOf('\r') >= 0) {
            // Windows line ends: the parser takes "\r\n" as one line break, so lines and columns are those of the
            // text without the '\r's (a lone '\r' is a line break of its own to the parser: given up below)
            text = text.replace("\r\n", "\n");
        }
        char[] chars = text.toCharArray();
        if (!plainCharacters(chars)) {
            return null;
        }
        try {
            return new YamlSubset(file, text, chars, maxDepth).document();
        } catch (GiveUp g) {
            return null;
        }
    }

    /**
     * Whether every character is one the reader takes as it is: line feeds and printable characters of the Basic
     * Multilingual Plane, so a column is a character count as it is for the parser. Not: tabs, carriage returns
     * (a lone one is a line break to the parser), other controls, C1 controls and NEL, U+2028/U+2029, surrogates
     * (the parser counts code points), the byte-order mark and the non-characters U+FFFE/U+FFFF.
     */
    private static boolean plainCharacters(char[] text) {
        for (int i = 0, n = text.length; i < n; i++) {
            char c = text[i];
            if (c < 0x20 ? c != '\n'
                    : c >= 0x7F && (c <= 0x9F || c == '\u2028' || c == '\u2029' || (c >= '\uD800' && c <= '\uDFFF')
                            || c == '\uFEFF' || c >= '\uFFFE')) {
                return false;
            }
        }
        return true;
    }

    private static GiveUp giveUp() {
        return GIVE_UP;
    }

    private PackNode document() {
        skipBlankLines();
        if (pos >= n || column() != 0) {
            throw giveUp(); // empty (YAML_EMPTY), or an indented root
        }
        PackNode root = blockNode(0, null, null, 0, 0, 0);
        if (pos < n || !(root.isMap() || root.isList())) {
            throw giveUp();
        }
        return root;
    }

    /** 0-based column of {@link #pos}. */
    private int column() {
        return pos - lineStart;
    }

    private char at(int i) {
        return i < n ? cs[i] : '\n';
    }

    /** Whether the character at {@code i} is a space, a line end or the end of the text. */
    private boolean blankAt(int i) {
        if (i >= n) {
            return true;
        }
        char c = cs[i];
        return c == ' ' || c == '\n';
    }

    private void newLine() {
        // pos is at a '\n'
        pos++;
        line++;
        lineStart = pos;
    }

    /**
     * After a node that ends its line: only spaces and a comment may follow, then the line ends; then
     * {@link #skipBlankLines()}.
     */
    private void endLine() {
        while (pos < n && cs[pos] == ' ') {
            pos++;
        }
        if (pos < n && cs[pos] == '#') {
            if (cs[pos - 1] != ' ') {
                throw giveUp();
            }
            while (pos < n && cs[pos] != '\n') {
                pos++;
            }
        }
        if (pos < n) {
            if (cs[pos] != '\n') {
                throw giveUp();
            }
            newLine();
        }
        skipBlankLines();
    }

    /**
     * From the start of a line: past blank and comment-only lines to the first character of the next line with
     * content, or to the end. A document marker ({@code ---}, {@code ...}) at the start of a line gives up.
     */
    private void skipBlankLines() {
        while (pos < n) {
            while (pos < n && cs[pos] == ' ') {
                pos++;
            }
            if (pos >= n) {
                return;
            }
            char c = cs[pos];
            if (c == '\n') {
                newLine();
            } else if (c == '#') {
                while (pos < n && cs[pos] != '\n') {
                    pos++;
                }
            } else {
                if (pos == lineStart && (c == '-' || c == '.') && s.startsWith(c == '-' ? "---" : "...", pos)) {
                    throw giveUp();
                }
                return;
            }
        }
    }

    /**
     * The block node whose first character is at {@link #pos}, in column {@code indent} (a mapping's keys, a
     * sequence's dashes), then past its end to the next line with content (whose column the caller checks).
     */
    private PackNode blockNode(int indent, PointerPath parent, Object segment, int depth, int keyLine, int keyCol) {
        char c = cs[pos];
        if (c == '-' && blankAt(pos + 1)) {
            return sequence(indent, parent, segment, depth, keyLine, keyCol);
        }
        int l = line;
        int col = column() + 1;
        if (c == '[' || c == '{') {
            PackNode node = flow(indent, parent, segment, depth, keyLine, keyCol);
            endLine();
            return node;
        }
        if (c == '"' || c == '\'') {
            int start = pos;
            String text = quoted();
            if (pos < n && cs[pos] == ':' && blankAt(pos + 1)) {
                if (pos - start > MAX_KEY) {
                    throw giveUp();
                }
                return mapping(indent, text, l, col, parent, segment, depth, keyLine, keyCol);
            }
            PackNode node = YamlTrees.scalar(file, parent, segment, l, col, PackNode.Kind.TEXT,
                    PackReader.normalize(text), keyLine == 0 ? l : keyLine, keyLine == 0 ? col : keyCol, null);
            endLine();
            return node;
        }
        plainStart(c, false);
        int start = pos;
        int end = -1;
        while (pos < n) {
            char d = cs[pos];
            if (d == '\n') {
                break;
            }
            if (d == ':' && blankAt(pos + 1)) {
                if (cs[pos - 1] == ' ' || pos - start > MAX_KEY) {
                    throw giveUp();
                }
                return mapping(indent, s.substring(start, pos), l, col, parent, segment, depth, keyLine, keyCol);
            }
            if (d == '#' && cs[pos - 1] == ' ') {
                end = pos;
                break;
            }
            pos++;
        }
        PackNode node = plainScalar(s.substring(start, trimEnd(start, end < 0 ? pos : end)), l, col, parent, segment,
                keyLine, keyCol);
        endLine();
        return node;
    }

    /** The end of {@code [start, end)} without its trailing spaces. */
    private int trimEnd(int start, int end) {
        while (end > start && cs[end - 1] == ' ') {
            end--;
        }
        return end;
    }

    /**
     * A block mapping whose keys are in column {@code indent}; its first key (already read, {@link #pos} at its
     * colon) is at {@code l}, {@code col}, which is also where the parser puts the mapping.
     */
    private PackNode mapping(int indent, String firstKey, int l, int col, PointerPath parent, Object segment, int depth,
            int keyLine, int keyCol) {
        if (depth >= maxDepth) {
            throw giveUp(); // TOO_DEEP (or the parser's own nesting limit): the Jackson path words it
        }
        PointerPath ptr = PointerPath.of(parent, segment);
        LinkedHashMap<String, PackNode> map = new LinkedHashMap<>();
        String key = firstKey;
        int kl = l;
        int kc = col;
        while (true) {
            String name = PackReader.normalize(key);
            pos++; // the colon
            while (pos < n && cs[pos] == ' ') {
                pos++;
            }
            PackNode value;
            if (pos >= n || cs[pos] == '\n' || cs[pos] == '#') {
                endLine(); // '#' follows a space: the colon is followed by a blank
                if (pos >= n) {
                    throw giveUp(); // an empty value
                }
                int c = column();
                if (c > indent) {
                    value = blockNode(c, ptr, name, depth + 1, kl, kc);
                    if (!(value.isMap() || value.isList())) {
                        throw giveUp(); // a scalar on the next line
                    }
                } else if (c == indent && cs[pos] == '-' && blankAt(pos + 1)) {
                    value = sequence(indent, ptr, name, depth + 1, kl, kc);
                } else {
                    throw giveUp(); // an empty value
                }
            } else if (cs[pos] == '>' || cs[pos] == '|') {
                value = blockScalar(indent, ptr, name, kl, kc);
            } else {
                value = inlineValue(indent, ptr, name, depth + 1, kl, kc);
                endLine();
            }
            if (map.putIfAbsent(name, value) != null) {
                throw giveUp(); // DUPLICATE_KEY: the Jackson path words it
            }
            if (pos >= n) {
                break;
            }
            int c = column();
            if (c < indent) {
                break;
            }
            if (c > indent) {
                throw giveUp();
            }
            kl = line;
            kc = c + 1;
            key = key();
        }
        return new PackNode(file, ptr, l, col, PackNode.Kind.MAP, Collections.unmodifiableMap(map),
                keyLine == 0 ? l : keyLine, keyLine == 0 ? col : keyCol);
    }

    /**
     * A mapping's value written as a block scalar, {@code >} or {@code |} with or without {@code -} and nothing
     * else on its line, at {@link #pos}; then past it to the next line with content. Only the plain case: every
     * line at the first line's indentation (more than {@code indent}), no blank line before or between them, no
     * trailing space, the last line ended by a line break; folded lines are joined by a space, literal ones by a
     * line break, and the text ends with one line break unless {@code -} strips it.
     */
    private PackNode blockScalar(int indent, PointerPath parent, String name, int keyLine, int keyCol) {
        int l = line;
        int col = column() + 1;
        boolean literal = cs[pos] == '|';
        pos++;
        boolean strip = at(pos) == '-';
        if (strip) {
            pos++;
        }
        while (pos < n && cs[pos] == ' ') {
            pos++;
        }
        if (pos >= n || cs[pos] != '\n') {
            throw giveUp(); // an indentation or keep indicator, a comment
        }
        newLine();
        int blockIndent = -1;
        boolean blank = false;
        StringBuilder b = new StringBuilder();
        while (pos < n) {
            int p = pos;
            while (p < n && cs[p] == ' ') {
                p++;
            }
            int spaces = p - pos;
            if (p >= n || cs[p] == '\n') {
                if (blockIndent < 0 || spaces >= blockIndent) {
                    throw giveUp(); // a leading blank line, or one whose spaces may be content
                }
                blank = true;
                pos = p;
                if (p < n) {
                    newLine();
                }
                continue;
            }
            if (blockIndent < 0) {
                if (spaces <= indent) {
                    throw giveUp(); // an empty block scalar
                }
                blockIndent = spaces;
            } else if (spaces < blockIndent) {
                break; // the next key or item: pos at the start of its line
            } else {
                b.append(literal ? '\n' : ' ');
            }
            if (spaces != blockIndent || blank) {
                throw giveUp(); // a more indented line, a line after a blank one
            }
            int end = s.indexOf('\n', p);
            if (end < 0 || cs[end - 1] == ' ') {
                throw giveUp(); // the text ends without a line break, a trailing space
            }
            b.append(s, p, end);
            pos = end;
            newLine();
        }
        if (blockIndent < 0) {
            throw giveUp();
        }
        if (!strip) {
            b.append('\n');
        }
        skipBlankLines();
        return YamlTrees.scalar(file, parent, name, l, col, PackNode.Kind.TEXT, PackReader.normalize(b.toString()),
                keyLine, keyCol, null);
    }

    /** A block mapping's key at {@link #pos}, leaving {@link #pos} at its colon. */
    private String key() {
        char c = cs[pos];
        int start = pos;
        String key;
        if (c == '"' || c == '\'') {
            key = quoted();
        } else {
            if (c == '-' && blankAt(pos + 1)) {
                throw giveUp(); // a sequence where a key belongs
            }
            plainStart(c, false);
            while (true) {
                char d = at(pos);
                if (d == '\n' || (d == '#' && cs[pos - 1] == ' ')) {
                    throw giveUp(); // no colon: not a key
                }
                if (d == ':' && blankAt(pos + 1)) {
                    break;
                }
                pos++;
            }
            if (cs[pos - 1] == ' ') {
                throw giveUp();
            }
            key = s.substring(start, pos);
        }
        if (pos - start > MAX_KEY || at(pos) != ':' || !blankAt(pos + 1)) {
            throw giveUp();
        }
        return key;
    }

    /** A mapping's value on its key's line: a flow collection, a quoted scalar or a plain one. */
    private PackNode inlineValue(int indent, PointerPath parent, String name, int depth, int keyLine, int keyCol) {
        char c = cs[pos];
        int l = line;
        int col = column() + 1;
        if (c == '[' || c == '{') {
            return flow(indent, parent, name, depth, keyLine, keyCol);
        }
        if (c == '"' || c == '\'') {
            return YamlTrees.scalar(file, parent, name, l, col, PackNode.Kind.TEXT, PackReader.normalize(quoted()),
                    keyLine, keyCol, null);
        }
        plainStart(c, false);
        int start = pos;
        int end = -1;
        while (pos < n) {
            char d = cs[pos];
            if (d == '\n') {
                break;
            }
            if (d == ':' && blankAt(pos + 1)) {
                throw giveUp(); // "mapping values are not allowed here"
            }
            if (d == '#' && cs[pos - 1] == ' ') {
                end = pos;
                break;
            }
            pos++;
        }
        return plainScalar(s.substring(start, trimEnd(start, end < 0 ? pos : end)), l, col, parent, name, keyLine,
                keyCol);
    }

    /** A block sequence whose dashes are in column {@code indent}; {@link #pos} at its first dash. */
    private PackNode sequence(int indent, PointerPath parent, Object segment, int depth, int keyLine, int keyCol) {
        if (depth >= maxDepth) {
            throw giveUp();
        }
        int l = line;
        int col = column() + 1;
        PointerPath ptr = PointerPath.of(parent, segment);
        List<PackNode> list = new ArrayList<>();
        while (true) {
            pos++; // the dash
            while (pos < n && cs[pos] == ' ') {
                pos++;
            }
            if (pos >= n || cs[pos] == '\n' || cs[pos] == '#') {
                throw giveUp(); // an item on the next lines, or an empty one
            }
            list.add(blockNode(column(), ptr, list.size(), depth + 1, 0, 0));
            if (pos >= n) {
                break;
            }
            int c = column();
            if (c < indent) {
                break;
            }
            if (c > indent) {
                throw giveUp();
            }
            if (!(cs[pos] == '-' && blankAt(pos + 1))) {
                break; // the caller decides: the next key of the mapping this sequence is the value of, or a mistake
            }
        }
        return new PackNode(file, ptr, l, col, PackNode.Kind.LIST, Collections.unmodifiableList(list),
                keyLine == 0 ? l : keyLine, keyLine == 0 ? col : keyCol);
    }

    /**
     * A flow collection at {@link #pos} ({@code [} or {@code {}); its lines after the first must be indented more
     * than {@code indent}, the block it is in.
     */
    private PackNode flow(int indent, PointerPath parent, Object segment, int depth, int keyLine, int keyCol) {
        if (depth >= maxDepth) {
            throw giveUp();
        }
        int l = line;
        int col = column() + 1;
        if (keyLine == 0) {
            keyLine = l;
            keyCol = col;
        }
        PointerPath ptr = PointerPath.of(parent, segment);
        boolean seq = cs[pos] == '[';
        char close = seq ? ']' : '}';
        pos++;
        flowSpace(indent);
        if (at(pos) == close) {
            pos++;
            return seq ? new PackNode(file, ptr, l, col, PackNode.Kind.LIST, Collections.unmodifiableList(new ArrayList<>()),
                    keyLine, keyCol)
                    : new PackNode(file, ptr, l, col, PackNode.Kind.MAP,
                            Collections.unmodifiableMap(new LinkedHashMap<>()), keyLine, keyCol);
        }
        List<PackNode> list = seq ? new ArrayList<>() : null;
        LinkedHashMap<String, PackNode> map = seq ? null : new LinkedHashMap<>();
        while (true) {
            if (seq) {
                list.add(flowValue(indent, ptr, list.size(), depth + 1, 0, 0));
            } else {
                int kl = line;
                int kc = column() + 1;
                String name = PackReader.normalize(flowKey());
                pos++; // the colon, followed by a space or a line end
                flowSpace(indent);
                char v = at(pos);
                if (v == ',' || v == '}') {
                    throw giveUp(); // an empty value
                }
                if (map.putIfAbsent(name, flowValue(indent, ptr, name, depth + 1, kl, kc)) != null) {
                    throw giveUp();
                }
            }
            flowSpace(indent);
            char c = at(pos);
            if (c == ',') {
                pos++;
                flowSpace(indent);
                if (at(pos) == close) {
                    throw giveUp(); // a trailing comma
                }
            } else if (c == close) {
                pos++;
                break;
            } else {
                throw giveUp();
            }
        }
        return seq ? new PackNode(file, ptr, l, col, PackNode.Kind.LIST, Collections.unmodifiableList(list), keyLine,
                keyCol)
                : new PackNode(file, ptr, l, col, PackNode.Kind.MAP, Collections.unmodifiableMap(map), keyLine, keyCol);
    }

    /**
     * Past spaces, line ends and comments inside a flow collection; a line with content there must be indented
     * more than {@code indent}.
     */
    private void flowSpace(int indent) {
        while (pos < n) {
            char c = cs[pos];
            if (c == ' ') {
                pos++;
            } else if (c == '\n') {
                newLine();
                while (pos < n && cs[pos] == ' ') {
                    pos++;
                }
                if (pos < n && cs[pos] != '\n' && cs[pos] != '#' && column() <= indent) {
                    throw giveUp();
                }
            } else if (c == '#') {
                if (pos > lineStart && cs[pos - 1] != ' ') {
                    throw giveUp();
                }
                while (pos < n && cs[pos] != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
        throw giveUp(); // the text ends inside a flow collection
    }

    /** A flow mapping's key, leaving {@link #pos} at its colon (followed by a space or a line end). */
    private String flowKey() {
        int start = pos;
        char c = cs[pos];
        String key;
        if (c == '"' || c == '\'') {
            key = quoted();
        } else {
            plainStart(c, true);
            while (!flowPlainEnd(at(pos))) {
                pos++;
            }
            if (at(pos) != ':' || cs[pos - 1] == ' ') {
                throw giveUp();
            }
            key = s.substring(start, pos);
        }
        if (pos - start > MAX_KEY || at(pos) != ':' || !blankAt(pos + 1)) {
            throw giveUp();
        }
        return key;
    }

    /** Where a plain scalar in a flow collection ends: a flow indicator, a colon, a line end, a comment. */
    private boolean flowPlainEnd(char c) {
        return c == ',' || c == ']' || c == '}' || c == '[' || c == '{' || c == ':' || c == '\n'
                || (c == '#' && cs[pos - 1] == ' ');
    }

    /** A value in a flow collection: a nested collection, a quoted scalar or a plain one on one line. */
    private PackNode flowValue(int indent, PointerPath parent, Object segment, int depth, int keyLine, int keyCol) {
        char c = cs[pos];
        int l = line;
        int col = column() + 1;
        if (c == '[' || c == '{') {
            return flow(indent, parent, segment, depth, keyLine, keyCol);
        }
        if (keyLine == 0) {
            keyLine = l;
            keyCol = col;
        }
        if (c == '"' || c == '\'') {
            String text = quoted();
            if (at(pos) == ':') {
                throw giveUp(); // a single-pair mapping in a flow sequence
            }
            return YamlTrees.scalar(file, parent, segment, l, col, PackNode.Kind.TEXT, PackReader.normalize(text),
                    keyLine, keyCol, null);
        }
        plainStart(c, true);
        int start = pos;
        while (!flowPlainEnd(at(pos))) {
            pos++;
        }
        char e = at(pos);
        if (!(e == ',' || e == ']' || e == '}')) {
            throw giveUp(); // a colon, a nested collection, or a scalar going on past its line or a comment
        }
        return plainScalar(s.substring(start, trimEnd(start, pos)), l, col, parent, segment, keyLine, keyCol);
    }

    /**
     * A plain scalar may start with {@code c}: not an indicator, nor "-", "?" or ":" unless a letter or digit
     * follows ({@code -1}, {@code -x}).
     */
    private void plainStart(char c, boolean inFlow) {
        switch (c) {
            case '-':
                char d = at(pos + 1);
                if (!((d >= '0' && d <= '9') || (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z'))) {
                    throw giveUp();
                }
                return;
            case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#': case '&': case '*':
            case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`': case ' ': case '\n':
                throw giveUp();
            default:
                return;
        }
    }

    /**
     * A quoted scalar at {@link #pos} on one line, {@link #pos} left after its closing quote. Double quotes take
     * the escapes {@code \n \t \" \\ \/}; any other escape gives up, as does a line end inside the quotes.
     */
    private String quoted() {
        char q = cs[pos];
        int start = ++pos;
        StringBuilder b = null;
        while (true) {
            if (pos >= n) {
                throw giveUp();
            }
            char c = cs[pos];
            if (c == '\n') {
                throw giveUp(); // folded over lines
            }
            if (c == q) {
                if (q == '\'' && at(pos + 1) == '\'') {
                    if (b == null) {
                        b = new StringBuilder();
                    }
                    b.append(s, start, pos + 1);
                    pos += 2;
                    start = pos;
                    continue;
                }
                String text = b == null ? s.substring(start, pos) : b.append(s, start, pos).toString();
                pos++;
                return text;
            }
            if (c == '\\' && q == '"') {
                char e = at(pos + 1);
                char r;
                switch (e) {
                    case 'n': r = '\n'; break;
                    case 't': r = '\t'; break;
                    case '"': r = '"'; break;
                    case '\\': r = '\\'; break;
                    case '/': r = '/'; break;
                    default: throw giveUp();
                }
                if (b == null) {
                    b = new StringBuilder();
                }
                b.append(s, start, pos).append(r);
                pos += 2;
                start = pos;
                continue;
            }
            pos++;
        }
    }

    /**
     * A plain scalar typed as Jackson's parser types it (snakeyaml-engine's JSON schema): {@code null}, {@code true},
     * {@code false}, integers {@code -?(0|[1-9][0-9]*)}, floats; everything else text. Gives up where it is not
     * sure to give the same value: an empty scalar, integers past 18 digits, {@code .inf}/{@code .nan}.
     */
    private PackNode plainScalar(String text, int l, int col, PointerPath parent, Object segment, int keyLine,
            int keyCol) {
        if (keyLine == 0) {
            keyLine = l;
            keyCol = col;
        }
        int len = text.length();
        if (len == 0) {
            throw giveUp();
        }
        char c = text.charAt(0);
        if (c == 'n' && text.equals("null")) {
            return YamlTrees.scalar(file, parent, segment, l, col, PackNode.Kind.NULL, null, keyLine, keyCol, null);
        }
        if ((c == 't' && text.equals("true")) || (c == 'f' && text.equals("false"))) {
            return YamlTrees.scalar(file, parent, segment, l, col, PackNode.Kind.BOOLEAN, text, keyLine, keyCol,
                    c == 't');
        }
        if (c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            Number number = number(text);
            if (number != null) {
                return YamlTrees.scalar(file, parent, segment, l, col, PackNode.Kind.NUMBER, text, keyLine, keyCol,
                        number);
            }
        }
        return YamlTrees.scalar(file, parent, segment, l, col, PackNode.Kind.TEXT, PackReader.normalize(text),
                keyLine, keyCol, null);
    }

    /**
     * The number of a plain scalar that the JSON schema reads as one ({@code Integer} or {@code Long} for an
     * integer as Jackson sizes it, {@code Double} for a float), null for text; gives up on what it does not take.
     */
    static Number number(String text) {
        int len = text.length();
        int i = text.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        int intStart = i;
        while (i < len && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) {
            // ".5", "-.5", "-x" are text; ".inf", "-.inf", ".nan" are floats the reader leaves to Jackson
            String rest = text.substring(intStart);
            if (rest.equals(".inf") || (intStart == 0 && rest.equals(".nan"))) {
                throw giveUp();
            }
            return null;
        }
        if (digits > 1 && text.charAt(intStart) == '0') {
            return null; // "01", "-00": text in the JSON schema
        }
        if (i == len) {
            if (digits > MAX_INT_DIGITS) {
                throw giveUp(); // a BigInteger
            }
            long v = Long.parseLong(text);
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Number) Integer.valueOf((int) v) : Long.valueOf(v);
        }
        // (\.[0-9]*)?([eE][-+]?[0-9]+)?
        if (text.charAt(i) == '.') {
            i++;
            while (i < len && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
        }
        if (i < len && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < len && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exp = i;
            while (i < len && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == exp) {
                return null; // "1e", "1e+": text
            }
        }
        if (i != len) {
            return null; // "1.2.3", "2024-01-01", "1:30": text
        }
        if (len > MAX_FLOAT_LENGTH) {
            throw giveUp(); // the parser's limit on a number's length
        }
        return Double.valueOf(text);
    }
}
