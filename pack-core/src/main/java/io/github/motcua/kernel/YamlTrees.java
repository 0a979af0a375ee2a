package io.github.motcua.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

/** Builds {@link PackNode} trees with Jackson's YAML parser; Jackson's types stay in here. Thread-safe. */
final class YamlTrees {
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private YamlTrees() {
    }

    static PackNode read(String file, String text, int maxDepth) {
        try (JsonParser p = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), text)) {
            if (p.nextToken() == null) {
                throw new PackReadException(Problem.of(file, 1, 1, ProblemCode.YAML_EMPTY, "file", file));
            }
            return node(file, p, "", 0, maxDepth);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
            String msg = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            int cut = msg.indexOf('\n');
            throw new PackReadException(Problem.of(file, line, col, ProblemCode.YAML_SYNTAX,
                    "detail", cut > 0 ? msg.substring(0, cut) : msg));
        }
    }

    private static PackNode node(String file, JsonParser p, String ptr, int depth, int maxDepth) {
        TokenStreamLocation loc = p.currentTokenLocation();
        int line = Math.max(0, loc.getLineNr());
        int col = Math.max(0, loc.getColumnNr());
        JsonToken t = p.currentToken();
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && depth >= maxDepth) {
            throw new PackReadException(Problem.of(file, line, col, ProblemCode.TOO_DEEP,
                    "max", Integer.toString(maxDepth)).at(ptr));
        }
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, PackNode> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = PackReader.normalize(p.currentName());
                    TokenStreamLocation k = p.currentTokenLocation();
                    String child = ptr + "/" + name.replace("~", "~0").replace("/", "~1");
                    p.nextToken();
                    PackNode value = node(file, p, child, depth + 1, maxDepth);
                    if (map.putIfAbsent(name, value) != null) {
                        throw new PackReadException(Problem.of(file, Math.max(0, k.getLineNr()),
                                Math.max(0, k.getColumnNr()), ProblemCode.DUPLICATE_KEY, "key", name).at(child));
                    }
                }
                return new PackNode(file, ptr, line, col, PackNode.Kind.MAP, Collections.unmodifiableMap(map));
            }
            case START_ARRAY: {
                List<PackNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(node(file, p, ptr + "/" + list.size(), depth + 1, maxDepth));
                }
                return new PackNode(file, ptr, line, col, PackNode.Kind.LIST, Collections.unmodifiableList(list));
            }
            case VALUE_NULL:
                return new PackNode(file, ptr, line, col, PackNode.Kind.NULL, null);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new PackNode(file, ptr, line, col, PackNode.Kind.BOOLEAN, p.getString());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new PackNode(file, ptr, line, col, PackNode.Kind.NUMBER, p.getString());
            default:
                return new PackNode(file, ptr, line, col, PackNode.Kind.TEXT, PackReader.normalize(p.getString()));
        }
    }

}
