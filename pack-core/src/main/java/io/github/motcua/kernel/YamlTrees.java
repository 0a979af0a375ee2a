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
        static final YAMLFactory FACTORY = YAMLFactory.builder().build();
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
                throw new PackReadException(new Problem(file, line, col, "", ProblemCode.YAML_SYNTAX, Severity.ERROR,
                        Messages.KERNEL, plain, Map.of()));
            }
            // any other mistake: plain words in Vietnamese, the parser's own English in the English half only
            int cut = msg.indexOf('\n');
            String detail = cut > 0 ? msg.substring(0, cut) : msg;
            throw new PackReadException(Problem.ofText(file, line, col, ProblemCode.YAML_SYNTAX, Severity.ERROR,
                    Messages.render(Messages.KERNEL, "YAML_SYNTAX_OTHER", Map.of(), Messages.VI),
                    Messages.render(Messages.KERNEL, "YAML_SYNTAX", Map.of("detail", detail), java.util.Locale.ENGLISH)));
        }
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
     * or an {@link Integer} index; both null for the root), built here for a mapping or list (their
     * children need it) and left to {@link PackNode#pointer()} for a scalar, the most common node.
     */
    private static PackNode node(String file, JsonParser p, String parent, Object segment, int depth, int maxDepth,
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
                    "alias", String.valueOf(p.getString())).at(pointer(parent, segment)));
        }
        switch (t) {
            case START_OBJECT: {
                String ptr = pointer(parent, segment);
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
                                .at(pointer(ptr, name)));
                    }
                }
                return new PackNode(file, ptr, line, col, PackNode.Kind.MAP, Collections.unmodifiableMap(map), keyLine,
                        keyCol, null);
            }
            case START_ARRAY: {
                String ptr = pointer(parent, segment);
                tooDeep(file, ptr, line, col, depth, maxDepth);
                List<PackNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(node(file, p, ptr, list.size(), depth + 1, maxDepth, 0, 0));
                }
                return new PackNode(file, ptr, line, col, PackNode.Kind.LIST, Collections.unmodifiableList(list), keyLine,
                        keyCol, null);
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

    static PackNode scalar(String file, String parent, Object segment, int line, int col, PackNode.Kind kind,
            Object value, int keyLine, int keyCol, Object parsed) {
        return segment == null
                ? new PackNode(file, "", line, col, kind, value, keyLine, keyCol, parsed)
                : new PackNode(file, null, parent, segment, line, col, kind, value, keyLine, keyCol, parsed);
    }

    static void tooDeep(String file, String ptr, int line, int col, int depth, int maxDepth) {
        if (depth >= maxDepth) {
            throw new PackReadException(Problem.of(file, line, col, ProblemCode.TOO_DEEP,
                    "max", Integer.toString(maxDepth)).at(ptr));
        }
    }

    static String pointer(String parent, Object segment) {
        if (segment == null) {
            return "";
        }
        return parent + "/" + (segment instanceof String ? PackNode.escape((String) segment) : segment);
    }
}
