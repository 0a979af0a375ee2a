package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a response against the service's own /openapi.json: the path and method must be
 * described, the status must be one the operation declares, the content type one it declares for
 * that status, and a JSON body must validate (JSON Schema 2020-12, the dialect of OpenAPI 3.1, with
 * format assertions on) against the declared schema. Thread-safe.
 */
final class OpenApiCheck {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final ObjectNode document;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    OpenApiCheck(String openApiJson) {
        this.document = (ObjectNode) JSON.readTree(openApiJson);
        assertEquals("3.1.0", document.get("openapi").asString());
    }

    /** The path template of the document matching a concrete path, e.g. /procedures/{code}. */
    String template(String path) {
        Iterator<String> names = document.get("paths").propertyNames().iterator();
        while (names.hasNext()) {
            String t = names.next();
            if (path.matches(t.replace(".", "\\.").replaceAll("\\{[^/]+\\}", "[^/]+"))) {
                return t;
            }
        }
        return null;
    }

    /** Fails the test when the response does not conform. */
    void check(String method, String path, HttpResponse<String> r) {
        String t = template(path);
        if (t == null) {
            // an address the service does not have: the answer must be the described 404 problem
            assertEquals(404, r.statusCode(), "path not described in openapi.json: " + path);
            checkBody(r, "/components/responses/NotFound", document.at("/components/responses/NotFound"), method, path);
            return;
        }
        JsonNode op = document.get("paths").get(t).get(method.toLowerCase(Locale.ROOT));
        if (op == null) {
            // a method the path does not take: the answer must be the described 405 problem
            assertEquals(405, r.statusCode(), "method not described: " + method + " " + t);
            assertTrue(r.headers().firstValue("Allow").isPresent(), "405 without Allow");
            op = document.at("/paths/" + esc(t)).properties().iterator().next().getValue();
        }
        JsonNode response = op.get("responses").get(Integer.toString(r.statusCode()));
        String where = "/paths/" + esc(t) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + r.statusCode();
        if (response == null) {
            response = op.get("responses").get("default");
            where = "/paths/" + esc(t) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/default";
        }
        assertNotNull(response, "status " + r.statusCode() + " not declared for " + method + " " + t + ": " + r.body());
        if (response.has("$ref")) {
            where = response.get("$ref").asString().substring(1);
            response = document.at(where);
        }
        checkBody(r, where, response, method, path);
    }

    private void checkBody(HttpResponse<String> r, String where, JsonNode response, String method, String path) {
        String t = path;
        String type = r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode media = response.path("content").get(type);
        assertNotNull(media, "content type " + type + " not declared for " + r.statusCode() + " " + method + " " + t);
        String pointer = where + "/content/" + esc(type) + "/schema";
        r.headers().firstValue(Api.PACK_HEADER).ifPresent(h -> assertTrue(h.matches("[0-9a-f]{64}"), "pack header " + h));
        if (type.endsWith("json")) {
            JsonNode body = JSON.readTree(r.body());
            List<String> errors = validate(pointer, body);
            if (!errors.isEmpty()) {
                fail(method + " " + path + " -> " + r.statusCode() + " does not match " + pointer + ": " + errors + "\n" + r.body());
            }
        }
    }

    List<String> validate(String pointer, JsonNode body) {
        Schema s = schemas.computeIfAbsent(pointer, p -> {
            ObjectNode root = document.deepCopy();
            root.put("$ref", "#" + p);
            return REGISTRY.getSchema(root);
        });
        List<String> out = new ArrayList<>();
        s.validate(body, ctx -> ctx.executionConfig(b -> b.formatAssertionsEnabled(true)))
                .forEach(e -> out.add(e.getInstanceLocation() + ": " + e.getMessage()));
        return out;
    }

    private static String esc(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
