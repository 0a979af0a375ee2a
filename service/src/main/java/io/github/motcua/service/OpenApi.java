package io.github.motcua.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.1 description of the service ({@code GET /openapi.json}): the hand-written
 * {@code openapi.json} beside this class, with the library's own published dossier schema put in as
 * {@code #/components/schemas/Dossier}, so the two can never disagree. Built once; thread-safe.
 */
final class OpenApi {
    static final String RESOURCE = "/io/github/motcua/service/openapi.json";
    static final String DOSSIER_SCHEMA = "/io/github/motcua/rules/schema/dossier.schema.json";

    private OpenApi() {
    }

    private static final class Holder {
        static final String DOCUMENT = build();
    }

    /** The document as JSON text. */
    static String document() {
        return Holder.DOCUMENT;
    }

    private static String build() {
        ObjectNode root = (ObjectNode) JsonBodies.JSON.readTree(resource(RESOURCE));
        ObjectNode dossier = (ObjectNode) JsonBodies.JSON.readTree(resource(DOSSIER_SCHEMA));
        dossier.remove("$schema"); // OpenAPI 3.1's dialect is draft 2020-12 already
        dossier.remove("$id");
        ((ObjectNode) root.get("components").get("schemas")).set("Dossier", dossier);
        return root.toString();
    }

    private static String resource(String name) {
        try (InputStream in = OpenApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource [" + name + "]");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
