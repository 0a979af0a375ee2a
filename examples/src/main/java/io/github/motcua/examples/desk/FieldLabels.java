package io.github.motcua.examples.desk;

import io.github.motcua.forms.FormRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A form field's Vietnamese label (nhãn trường) by its JSON pointer, from the titles along the path in the form's bundled
 * schema ({@link FormRegistry#bundledSchema}): {@code /nguoiDuocCap/ngaySinh} reads "Người được cấp Phiếu lý lịch tư pháp
 * › Ngày, tháng, năm sinh". The desk showed the pointer itself, which an officer or a citizen cannot read. Thread-safe;
 * each form's schema parsed once (as many as the pack has forms).
 */
final class FieldLabels {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Most {@code $ref} hops followed for one field: the pack's shared schemas nest one or two deep. */
    private static final int MAX_REFS = 8;

    private final FormRegistry forms;
    private final Map<String, JsonNode> schemas = new ConcurrentHashMap<>();

    FieldLabels(FormRegistry forms) {
        this.forms = forms;
    }

    /** The label of {@code pointer} in the form of {@code formId}, or the pointer itself when a title is missing. */
    String label(String formId, String pointer) {
        try {
            JsonNode root = schemas.computeIfAbsent(formId, id -> JSON.readTree(forms.bundledSchema(id)));
            List<String> titles = new ArrayList<>();
            JsonNode node = root;
            for (String raw : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
                String seg = raw.replace("~1", "/").replace("~0", "~");
                node = resolve(root, node);
                JsonNode next = node.path("properties").get(seg);
                if (next == null && seg.matches("[0-9]{1,6}") && node.has("items")) {
                    next = node.get("items");
                    titles.add("#" + (Integer.parseInt(seg) + 1));
                }
                if (next == null) {
                    return pointer;
                }
                node = resolve(root, next);
                JsonNode title = next.has("title") ? next.get("title") : node.get("title");
                if (title != null && title.isString() && !title.asString().isBlank()) {
                    titles.add(title.asString());
                }
            }
            return titles.isEmpty() ? pointer : String.join(" › ", titles);
        } catch (RuntimeException e) {
            return pointer; // a form without a schema, or one the desk cannot read: the pointer still names the field
        }
    }

    /** Follows {@code node}'s {@code $ref} within the bundled document: {@code #/…} or an embedded schema's {@code $id#/…}. */
    private static JsonNode resolve(JsonNode root, JsonNode node) {
        for (int i = 0; i < MAX_REFS && node != null && node.has("$ref"); i++) {
            String ref = node.get("$ref").asString();
            int hash = ref.indexOf('#');
            String id = hash < 0 ? ref : ref.substring(0, hash);
            String fragment = hash < 0 ? "" : ref.substring(hash + 1);
            JsonNode base = id.isEmpty() ? root : embedded(root, id);
            if (base == null) {
                return node;
            }
            node = fragment.isEmpty() ? base : base.at(fragment);
            if (node.isMissingNode()) {
                return null;
            }
        }
        return node;
    }

    private static JsonNode embedded(JsonNode root, String id) {
        if (id.equals(root.path("$id").asString(""))) {
            return root;
        }
        for (JsonNode def : root.path("$defs")) {
            if (id.equals(def.path("$id").asString(""))) {
                return def;
            }
        }
        return null;
    }
}
