package io.github.motcua.rules.internal;

import io.github.motcua.rules.PackProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A parsed YAML (or JSON) file with the line and column of every node, by JSON pointer, so schema
 * and semantic problems point at the analyst's text.
 */
final class YamlDoc {
    /** Duplicate keys are an error: YAML would otherwise silently keep the last one. */
    static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String file;
    private final JsonNode root;
    private final String text;
    /** Line and column by JSON pointer; found on first use (a second parse), since most files have no problem. */
    private volatile Map<String, int[]> positions;

    private YamlDoc(String file, JsonNode root, String text) {
        this.file = file;
        this.root = root;
        this.text = text;
    }

    /** Parses, or adds a YAML_SYNTAX problem and returns null. */
    public static YamlDoc parse(String file, String text, List<PackProblem> problems) {
        try {
            JsonNode root = YAML.readTree(text);
            if (root == null || root.isMissingNode()) {
                problems.add(Msg.problem(file, 1, 1, "YAML_EMPTY", "load.yaml.empty"));
                return null;
            }
            return new YamlDoc(file, root, text);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
            String msg = e.getOriginalMessage();
            String plain = plain(msg);
            if (plain != null) {
                // SnakeYAML names where it noticed the mistake ("line 10, column 4"): the line to edit
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)").matcher(msg);
                boolean first = msg.contains("could not find expected ':'"); // there the first mark is the key without its colon
                while (m.find()) {
                    line = Integer.parseInt(m.group(1));
                    col = Integer.parseInt(m.group(2));
                    if (first) {
                        break;
                    }
                }
                problems.add(Msg.problem(file, line, col, "YAML_SYNTAX", plain));
                return null;
            }
            problems.add(Msg.problem(file, line, col, "YAML_SYNTAX", "load.yaml.syntax", "detail", msg));
            return null;
        }
    }

    /** The message key of the usual YAML mistakes in plain words, or null for the parser's own text. */
    private static String plain(String msg) {
        if (msg == null) {
            return null;
        }
        if (msg.contains("expected <block end>") || msg.contains("did not find expected key")
                || msg.contains("mapping values are not allowed here")) {
            return "load.yaml.indentation";
        }
        if (msg.contains("could not find expected ':'")) {
            return "load.yaml.colon";
        }
        if (msg.contains("found character '\\t'") || msg.contains("found a tab")) {
            return "load.yaml.tab";
        }
        return null;
    }

    private static void walk(JsonParser p, String ptr, Map<String, int[]> pos) {
        TokenStreamLocation loc = p.currentTokenLocation();
        pos.putIfAbsent(ptr, new int[] {loc.getLineNr(), loc.getColumnNr()});
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                TokenStreamLocation k = p.currentTokenLocation();
                String child = ptr + "/" + name.replace("~", "~0").replace("/", "~1");
                pos.put(child, new int[] {k.getLineNr(), k.getColumnNr()});
                p.nextToken();
                walk(p, child, pos);
            }
        } else if (t == JsonToken.START_ARRAY) {
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                walk(p, ptr + "/" + i++, pos);
            }
        }
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    private Map<String, int[]> positions() {
        Map<String, int[]> pos = positions;
        if (pos == null) {
            pos = new HashMap<>();
            try (JsonParser p = YAML.createParser(text)) {
                if (p.nextToken() != null) {
                    walk(p, "", pos);
                }
            } catch (JacksonException e) {
                // parsed once already, so this cannot happen; without positions problems point at line 1
            }
            positions = pos;
        }
        return pos;
    }

    /** Every pointer of the document that names a key, in no particular order. */
    java.util.Set<String> pointers() {
        return java.util.Collections.unmodifiableSet(positions().keySet());
    }

    /**
     * The 1-based line where a top-level key is written ({@code deadline:} at column 1), or 0: a plain
     * scan of the text, so a trace can cite the line without computing every node's position.
     */
    int topLevelKeyLine(String key) {
        if (text == null) {
            return 0;
        }
        int line = 1;
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? n : end;
            if (text.startsWith(key, start)) {
                int i = start + key.length();
                while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                    i++;
                }
                if (i < end && text.charAt(i) == ':') {
                    return line;
                }
            }
            line++;
            start = end + 1;
        }
        return 0;
    }

    /** Line and column of the node at the pointer, or of its nearest ancestor. */
    public int[] position(String pointer) {
        Map<String, int[]> positions = positions();
        String p = pointer;
        while (true) {
            int[] at = positions.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new int[] {1, 1};
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    /**
     * A problem at the node of the pointer whose message is rules-core's bundle {@code key} (a
     * {@code load.} key) in both languages; {@code pairs} are argument names and values, alternating.
     */
    PackProblem msg(String pointer, String code, String key, String... pairs) {
        int[] at = position(pointer);
        return Msg.problem(file, at[0], at[1], code, key, pairs);
    }

    /** A problem at the node of the pointer. */
    public PackProblem problem(String pointer, String code, String vi, String en) {
        int[] at = position(pointer);
        return new PackProblem(file, at[0], at[1], code, vi, en);
    }
}
