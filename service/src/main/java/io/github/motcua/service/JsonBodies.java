package io.github.motcua.service;

import io.github.motcua.forms.InputLimits;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies as JSON: strict UTF-8, no duplicate key, no trailing garbage, the library's nesting
 * limit. Whatever fails here is a 400 (the body is not JSON); what parses and then fails the dossier
 * schema is a 422. Thread-safe.
 */
final class JsonBodies {
    /** The largest body accepted: the library's input limit for a dossier or a form (2 MiB). */
    static final int MAX_BYTES = InputLimits.DEFAULTS.maxBytes();
    /** The form's nesting limit plus the dossier's own level and the request's wrapper (documents). */
    static final int MAX_DEPTH = InputLimits.DEFAULTS.maxDepth() + 2;

    static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(1000).maxStringLength(InputLimits.DEFAULTS.maxStringLength() * 4).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonBodies() {
    }

    /** Decodes UTF-8 strictly: invalid bytes and a byte-order mark are a 400, never a silent U+FFFD. */
    static String utf8(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            throw ApiProblem.of(400, "NOT_UTF8");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.of(400, "NOT_UTF8");
        }
    }

    /** Parses JSON text; every failure is a 400 problem naming where it stopped. */
    static JsonNode parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || n.isMissingNode()) {
                throw ApiProblem.of(400, "MALFORMED_JSON", "line", "1", "column", "1");
            }
            return n;
        } catch (JacksonException e) {
            String pointer = pointer(e);
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (msg.startsWith("Duplicate Object property") && pointer != null) {
                String key = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
                throw ApiProblem.of(400, "DUPLICATE_KEY", "key", key, "pointer", pointer);
            }
            if (e instanceof tools.jackson.core.exc.StreamConstraintsException) {
                throw ApiProblem.of(400, "JSON_LIMIT", "maxDepth", Integer.toString(MAX_DEPTH),
                        "pointer", pointer == null ? "/" : pointer);
            }
            var loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
            // what is wrong there, in the kernel's plain words (a comma too many, a text without quotes …), as the
            // library words a dossier file that is not JSON: one errors[] item, code JSON_SYNTAX, in the asked language
            io.github.motcua.kernel.Problem what = io.github.motcua.kernel.JsonSyntax.problem("", json, line, column, msg);
            throw ApiProblem.of(400, "MALFORMED_JSON", "line", Integer.toString(line), "column", Integer.toString(column))
                    .withItems(java.util.List.of(ApiProblem.Item.of("", what)));
        }
    }

    private static String pointer(JacksonException e) {
        if (e instanceof tools.jackson.core.exc.StreamReadException r && r.processor() != null) {
            try {
                String p = r.processor().streamReadContext().pathAsPointer().toString();
                return p.isEmpty() ? "/" : p;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
        return null;
    }

    /** The JSON text of a value (for a log line or a problem argument). */
    static String text(Object value) {
        return JSON.writeValueAsString(value);
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
