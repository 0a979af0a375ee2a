package io.github.motcua.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Builds {@link PackNode} trees: with {@link YamlSubset} when the text is in its subset, else with Jackson's YAML
 * parser; Jackson's types stay in here. Thread-safe.
 */
final class YamlTrees {
    /** Jackson's YAML factory, built at the first text {@link YamlSubset} leaves to it (not at every start-up). */
    private static final class Parser {
        /*
         * snakeyaml-engine refuses a text past its code-point limit (3 MiB by default) with a scanner error that reads
         * like any other syntax mistake, so a well-formed file between 3 MiB and the pack's file-size limit was refused
         * as an indentation mistake at whatever line the limit fell on (session 23). The text given here is a pack file
         * already read under Limits#maxFileBytes (a code point is at least one byte), so that limit is the one bound:
         * the parser's own is lifted. The rest is the factory's default: LoadSettings.builder() with no schema set, as
         * YAMLFactory.builder() makes it, and duplicate keys allowed to the parser (given settings that refuse them,
         * Jackson turns on its own duplicate check, whose unpositioned error would replace node()'s DUPLICATE_KEY).
         */
        static final YAMLFactory FACTORY = YAMLFactory.builder()
                .loadSettings(org.snakeyaml.engine.v2.api.LoadSettings.builder()
                        .setCodePointLimit(Integer.MAX_VALUE)
                        .setAllowDuplicateKeys(true)
                        .build())
                .build();
    }

    /** Message keys of {@link ProblemCode#YAML_SYNTAX} for the usual mistakes, said in plain words. */
    static final String INDENTATION = "YAML_SYNTAX_INDENTATION";
    static final String COLON = "YAML_SYNTAX_COLON";
    static final String TAB = "YAML_SYNTAX_TAB";
    static final String QUOTE = "YAML_SYNTAX_QUOTE";
    static final String BRACES = "YAML_SYNTAX_BRACES";
    static final String BRACKETS = "YAML_SYNTAX_BRACKETS";
    static final String START_CHAR = "YAML_SYNTAX_START_CHAR";
    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private YamlTrees() {
    }

    /**
     * The positioned tree of {@code text}: {@link YamlSubset} first (pack files' plain YAML, without Jackson), and
     * Jackson's parser whenever that reader gives up — for anything outside its subset and for every mistake, so
     * problems are always Jackson's.
     */
    static PackNode read(String file, String text, int maxDepth) {
        PackNode fast = YamlSubset.read(file, text, maxDepth);
        return fast != null ? fast : readWithJackson(file, text, maxDepth);
    }

    /** The tree as Jackson's YAML parser reads it, with its problems. */
    static PackNode readWithJackson(String file, String text, int maxDepth) {
        try (JsonParser p = Parser.FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), text)) {
            if (p.nextToken() == null) {
                throw new PackReadException(Problem.of(file, 1, 1, ProblemCode.YAML_EMPTY, "file", file));
            }
            return node(file, p, null, null, 0, maxDepth, 0, 0);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
            String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            String plain = plain(msg);
            if (plain != null) {
                // the parser names where it noticed the mistake ("line 10, column 4"): the line to edit is
                // the last mark, except for a missing colon, where the first mark is the key without it
                Matcher m = MARK.matcher(msg);
                // a quote or bracket that is not closed: the place it was opened, where the parser's first mark is
                boolean first = plain.equals(COLON) || plain.equals(QUOTE) || plain.equals(BRACES) || plain.equals(BRACKETS);
                while (m.find()) {
                    line = Integer.parseInt(m.group(1));
                    col = Integer.parseInt(m.group(2));
                    if (first) {
                        break;
                    }
                }
                if (!first) {
                    // a quote left open in a block value ("name: "Khai sinh") runs on to the next quote in the file, and
                    // the parser notices only there, often as an indentation mistake: the line to edit is the quote's
                    int[] open = openQuote(text, line);
                    if (open != null) {
                        throw new PackReadException(new Problem(file, open[0], open[1], "", ProblemCode.YAML_SYNTAX,
                                Severity.ERROR, Messages.KERNEL, QUOTE, Map.of()));
                    }
                }
                throw new PackReadException(new Problem(file, line, col, "", ProblemCode.YAML_SYNTAX, Severity.ERROR,
                        Messages.KERNEL, plain, Map.of()));
            }
            int[] open = openQuote(text, line);
            if (open != null) {
                throw new PackReadException(new Problem(file, open[0], open[1], "", ProblemCode.YAML_SYNTAX, Severity.ERROR,
                        Messages.KERNEL, QUOTE, Map.of()));
            }
            // any other mistake: plain words in Vietnamese, the parser's own English in the English half only
            int cut = msg.indexOf('\n');
            String detail = cut > 0 ? msg.substring(0, cut) : msg;
            throw new PackReadException(Problem.ofText(file, line, col, ProblemCode.YAML_SYNTAX, Severity.ERROR,
                    Messages.render(Messages.KERNEL, "YAML_SYNTAX_OTHER", Map.of(), Messages.VI),
                    Messages.render(Messages.KERNEL, "YAML_SYNTAX", Map.of("detail", detail), java.util.Locale.ENGLISH)));
        }
    }

    /**
     * Where a block value's quote opens that the line it is on does not close ({@code name: "Khai sinh}), when the
     * quoted text it starts runs on (YAML lets it span lines) to a quote on the line of a mistake at {@code errorLine},
     * or to the end of the file; null when no such quote is before that line. A quoted text that spans lines and ends
     * before {@code errorLine} is written so on purpose and is not it. Lines of a block text ({@code |}, {@code >}) and
     * comments are skipped; flow values ({@code {…}}, {@code […]}) are left to the parser, which names their opening.
     * Linear in the text, and only read once the parser has refused it.
     */
    static int[] openQuote(String text, int errorLine) {
        int line = 1;
        int i = 0;
        int blockIndent = -1; // inside a block text: lines indented more than its key are text
        int n = text.length();
        while (i < n && line <= errorLine) {
            int end = text.indexOf('\n', i);
            if (end < 0) {
                end = n;
            }
            int indent = 0;
            while (i + indent < end && text.charAt(i + indent) == ' ') {
                indent++;
            }
            int at = i + indent;
            boolean blank = at >= end || text.charAt(at) == '#' || text.charAt(at) == '\r';
            if (blockIndent >= 0 && (blank || indent > blockIndent)) {
                i = end + 1;
                line++;
                continue;
            }
            blockIndent = -1;
            if (blank) {
                i = end + 1;
                line++;
                continue;
            }
            while (at + 1 < end && text.charAt(at) == '-' && text.charAt(at + 1) == ' ') {
                at += 2;
                while (at < end && text.charAt(at) == ' ') {
                    at++;
                }
            }
            int value = at < end && (text.charAt(at) == '"' || text.charAt(at) == '\'') ? at : valueStart(text, at, end);
            if (value < 0) {
                i = end + 1;
                line++;
                continue;
            }
            char q = text.charAt(value);
            if (q == '|' || q == '>') {
                blockIndent = indent;
                i = end + 1;
                line++;
                continue;
            }
            if (q != '"' && q != '\'') {
                i = end + 1;
                line++;
                continue;
            }
            int close = closing(text, value + 1, q);
            int closeLine = close < 0 ? -1 : line + count(text, value, close);
            if (close >= 0 && closeLine == line) {
                i = end + 1; // closed on its own line (a value key: "x": y after it is the parser's to judge)
                line++;
                continue;
            }
            if (close < 0 || closeLine >= errorLine) {
                return new int[] {line, value - i + 1};
            }
            // a quoted text over several lines that ends before the mistake: go on after it
            int next = text.indexOf('\n', close);
            i = next < 0 ? n : next + 1;
            line = closeLine + 1;
        }
        return null;
    }

    /** The offset where the value of a {@code key: value} line starts (after a plain or quoted key), or -1. */
    private static int valueStart(String text, int at, int end) {
        int k = at;
        if (k < end && (text.charAt(k) == '"' || text.charAt(k) == '\'')) {
            int c = closing(text, k + 1, text.charAt(k));
            if (c < 0 || c >= end) {
                return -1;
            }
            k = c + 1;
        }
        for (; k < end; k++) {
            char ch = text.charAt(k);
            if (ch == '#' && k > at && text.charAt(k - 1) == ' ') {
                return -1;
            }
            if (ch == ':' && (k + 1 == end || text.charAt(k + 1) == ' ' || text.charAt(k + 1) == '\r')) {
                int v = k + 1;
                while (v < end && text.charAt(v) == ' ') {
                    v++;
                }
                return v < end && text.charAt(v) != '\r' && text.charAt(v) != '#' ? v : -1;
            }
            if (ch == '"' || ch == '\'' || ch == '{' || ch == '[') {
                return -1; // a quote or bracket inside a plain key: not this mistake
            }
        }
        return -1;
    }

    /** The offset of the quote closing a text opened before {@code from} with {@code q}, or -1. */
    private static int closing(String text, int from, char q) {
        for (int k = from; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (q == '"' && ch == '\\') {
                k++;
            } else if (ch == q) {
                if (q == '\'' && k + 1 < text.length() && text.charAt(k + 1) == '\'') {
                    k++; // '' is a quote inside a single-quoted text
                } else {
                    return k;
                }
            }
        }
        return -1;
    }

    private static int count(String text, int from, int to) {
        int c = 0;
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                c++;
            }
        }
        return c;
    }

    /** The kernel message key of the usual YAML mistakes in plain words, or null for the parser's own text. */
    private static String plain(String msg) {
        if (msg.contains("expected <block end>") || msg.contains("did not find expected key")
                || msg.contains("mapping values are not allowed here")) {
            return INDENTATION;
        }
        if (msg.contains("could not find expected ':'")) {
            return COLON;
        }
        if (msg.contains("while scanning a quoted scalar")) {
            return QUOTE;
        }
        if (msg.contains("while parsing a flow mapping")) {
            return BRACES;
        }
        if (msg.contains("while parsing a flow sequence")) {
            return BRACKETS;
        }
        if (msg.contains("found character '\\t'") || msg.contains("found a tab") || msg.contains("\\t(TAB)")) {
            return TAB;
        }
        if (msg.contains("that cannot start any token")) {
            return START_CHAR; // after the tab, which the parser words the same way
        }
        return null;
    }

    /**
     * The node at the parser's current token. Its pointer is {@code parent/segment} ({@code segment} a key
     * or an {@link Integer} index; both null for the root), made as text only when asked for
     * ({@link PointerPath}, {@link PackNode#pointer()}).
     */
    private static PackNode node(String file, JsonParser p, PointerPath parent, Object segment, int depth, int maxDepth,
            int keyLine, int keyCol) {
        TokenStreamLocation loc = p.currentTokenLocation();
        int line = Math.max(0, loc.getLineNr());
        int col = Math.max(0, loc.getColumnNr());
        if (keyLine == 0) {
            keyLine = line;
            keyCol = col;
        }
        JsonToken t = p.currentToken();
        if (p instanceof YAMLParser && ((YAMLParser) p).isCurrentAlias()) {
            // the parser would hand over the anchor's name as text: a silent misreading, so refused
            throw new PackReadException(Problem.of(file, line, col, ProblemCode.YAML_ALIAS,
                    "alias", String.valueOf(p.getString())).at(PointerPath.of(parent, segment).text()));
        }
        switch (t) {
            case START_OBJECT: {
                PointerPath ptr = PointerPath.of(parent, segment);
                tooDeep(file, ptr, line, col, depth, maxDepth);
                LinkedHashMap<String, PackNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = PackReader.normalize(p.currentName());
                    TokenStreamLocation k = p.currentTokenLocation();
                    p.nextToken();
                    PackNode value = node(file, p, ptr, name, depth + 1, maxDepth, Math.max(1, k.getLineNr()),
                            Math.max(1, k.getColumnNr()));
                    if (map.putIfAbsent(name, value) != null) {
                        throw new PackReadException(Problem.of(file, Math.max(0, k.getLineNr()),
                                Math.max(0, k.getColumnNr()), ProblemCode.DUPLICATE_KEY, "key", name)
                                .at(PointerPath.child(ptr.text(), name)));
                    }
                }
                return new PackNode(file, ptr, line, col, PackNode.Kind.MAP, Collections.unmodifiableMap(map), keyLine,
                        keyCol);
            }
            case START_ARRAY: {
                PointerPath ptr = PointerPath.of(parent, segment);
                tooDeep(file, ptr, line, col, depth, maxDepth);
                List<PackNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(node(file, p, ptr, list.size(), depth + 1, maxDepth, 0, 0));
                }
                return new PackNode(file, ptr, line, col, PackNode.Kind.LIST, Collections.unmodifiableList(list), keyLine,
                        keyCol);
            }
            case VALUE_NULL:
                return scalar(file, parent, segment, line, col, PackNode.Kind.NULL, null, keyLine, keyCol, null);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return scalar(file, parent, segment, line, col, PackNode.Kind.BOOLEAN, p.getString(), keyLine, keyCol,
                        t == JsonToken.VALUE_TRUE);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return scalar(file, parent, segment, line, col, PackNode.Kind.NUMBER, p.getString(), keyLine, keyCol,
                        p.getNumberValue());
            default:
                return scalar(file, parent, segment, line, col, PackNode.Kind.TEXT, PackReader.normalize(p.getString()),
                        keyLine, keyCol, null);
        }
    }

    static PackNode scalar(String file, PointerPath parent, Object segment, int line, int col, PackNode.Kind kind,
            Object value, int keyLine, int keyCol, Object parsed) {
        return segment == null
                ? new PackNode(file, line, col, kind, value, keyLine, keyCol, parsed)
                : new PackNode(file, parent, segment, line, col, kind, value, keyLine, keyCol, parsed);
    }

    /** Refuses a mapping or list at {@code depth} past {@code maxDepth} ({@code TOO_DEEP}, at its pointer). */
    static void tooDeep(String file, PointerPath ptr, int line, int col, int depth, int maxDepth) {
        if (depth >= maxDepth) {
            throw new PackReadException(Problem.of(file, line, col, ProblemCode.TOO_DEEP,
                    "max", Integer.toString(maxDepth)).at(ptr.text()));
        }
    }
}
