package io.github.motcua.examples.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each value of a JSON text starts (1-based line and column), by JSON pointer: what the command
 * line prints beside a form violation of a dossier file ({@code dossier.json:12:18: /form/x: …}).
 * Built once per refused dossier. Not thread-safe while built; immutable after.
 */
final class JsonPositions {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, int[]> values = new HashMap<>();

    private JsonPositions() {
    }

    static JsonPositions of(String json) {
        JsonPositions p = new JsonPositions();
        // a frame per open container: its pointer, the next array index, the last key (null in an array)
        Deque<Object[]> stack = new ArrayDeque<>();
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken t;
            while ((t = parser.nextToken()) != null) {
                if (t == JsonToken.PROPERTY_NAME) {
                    stack.peek()[2] = parser.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                Object[] top = stack.peek();
                String pointer;
                if (top == null) {
                    pointer = "";
                } else if (top[2] == null) {
                    int i = (Integer) top[1];
                    top[1] = i + 1;
                    pointer = top[0] + "/" + i;
                } else {
                    pointer = top[0] + "/" + ((String) top[2]).replace("~", "~0").replace("/", "~1");
                }
                p.values.putIfAbsent(pointer, at(parser.currentTokenLocation()));
                if (t == JsonToken.START_OBJECT) {
                    stack.push(new Object[] {pointer, 0, ""});
                } else if (t == JsonToken.START_ARRAY) {
                    stack.push(new Object[] {pointer, 0, null});
                }
            }
        } catch (JacksonException | IllegalStateException | java.util.NoSuchElementException e) {
            // positions are a help: a text that stops parsing keeps those found so far
        }
        return p;
    }

    private static int[] at(TokenStreamLocation l) {
        return l == null ? new int[] {0, 0} : new int[] {Math.max(0, l.getLineNr()), Math.max(0, l.getColumnNr())};
    }

    /** {@code line:column} of the value at {@code pointer}, or of its nearest enclosing value; {@code 0:0} if none. */
    String at(String pointer) {
        String p = pointer;
        while (true) {
            int[] v = values.get(p);
            if (v != null) {
                return v[0] + ":" + v[1];
            }
            if (p.isEmpty()) {
                return "0:0";
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
