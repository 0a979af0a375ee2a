package io.github.motcua.service;

import io.github.motcua.rules.LocalizedText;
import io.github.motcua.rules.Procedure;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Query strings: strict percent-decoding as UTF-8 and the catalogue filters. Stateless; thread-safe. */
final class Query {
    private static final int MAX_PARAMS = 100;
    /** The filters {@code GET /procedures} understands. */
    static final Set<String> FILTERS = Set.of("field", "level", "onlineLevel", "boundaryFree");

    private Query() {
    }

    static Map<String, List<String>> parse(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        int count = 0;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMS) {
                throw bad("?", "ITEM_TOO_MANY_PARAMETERS", "max", Integer.toString(MAX_PARAMS));
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    static String first(Map<String, List<String>> q, String name) {
        List<String> v = q.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Strict percent-decoding as UTF-8: a bad escape or invalid UTF-8 is a 400, never a silent U+FFFD. */
    static String decode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw malformed();
                }
                bytes.write(HexFormat.fromHexDigits(s, i + 1, i + 3));
                i += 2;
            } else if (c > 0x7f) {
                throw malformed();
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw malformed();
        }
    }

    private static ApiProblem malformed() {
        return bad("?", "ITEM_PARAMETER_NOT_UTF8");
    }

    private static ApiProblem bad(String pointer, String key, String... nameValuePairs) {
        return ApiProblem.of(400, "INVALID_REQUEST", "count", "1").withItems(List.of(ApiProblem.Item.of(pointer, key, nameValuePairs)));
    }

    /** A catalogue filter; every parameter given must match. */
    interface Filter extends Predicate<Procedure> {
    }

    /**
     * The filter of {@code GET /procedures}: {@code field} (the field's Vietnamese or English name,
     * ignoring case), {@code level} (COMMUNE, PROVINCE), {@code onlineLevel} (FULL, PARTIAL, NONE),
     * {@code boundaryFree} (true, false). An unknown parameter or value is a 400.
     */
    static Filter filter(Map<String, List<String>> q) {
        for (String k : q.keySet()) {
            if (!FILTERS.contains(k)) {
                throw bad("?" + k, "ITEM_UNKNOWN_FILTER", "name", k);
            }
        }
        String field = first(q, "field");
        String level = first(q, "level");
        String online = first(q, "onlineLevel");
        String free = first(q, "boundaryFree");
        Procedure.Level lv = level == null ? null : enumValue(Procedure.Level.class, "level", level);
        Procedure.OnlineLevel ol = online == null ? null : enumValue(Procedure.OnlineLevel.class, "onlineLevel", online);
        if (free != null && !free.equals("true") && !free.equals("false")) {
            throw bad("?boundaryFree", "ITEM_NOT_BOOLEAN", "name", "boundaryFree", "value", free);
        }
        String wanted = field == null ? null : norm(field);
        return p -> (wanted == null || matches(p.field(), wanted))
                && (lv == null || p.level() == lv)
                && (ol == null || p.onlineLevel() == ol)
                && (free == null || p.boundaryFree() == Boolean.parseBoolean(free));
    }

    private static boolean matches(LocalizedText t, String wanted) {
        return t != null && (wanted.equals(norm(t.vi())) || (t.en() != null && wanted.equals(norm(t.en()))));
    }

    private static String norm(String s) {
        return s == null ? null : Normalizer.normalize(s.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw bad("?" + name, "ITEM_NOT_ONE_OF", "name", name, "names", names.toString(), "value", value);
    }
}
