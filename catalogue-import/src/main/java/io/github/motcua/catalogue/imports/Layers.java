package io.github.motcua.catalogue.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The layers of an imported procedure (docs/import.md): {@code national.yaml} is the national record as
 * imported and is rewritten by every import; {@code local.yaml} holds the analysts' overrides, each with a
 * reason and a legal basis, and survives every import; the pack's {@code import.yaml} holds the province's
 * own decisions (its toàn trình and phi địa giới lists). Stateless helpers.
 */
final class Layers {
    static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES).build();
    /** The fields an override may set (top-level keys of procedure.yaml). */
    static final Set<String> OVERRIDABLE = Set.of("name", "field", "level", "agency", "channels", "onlineLevel", "boundaryFree",
            "result", "legalBases", "deadline", "components", "steps", "commitment", "competence", "aliases");

    private Layers() {
    }

    /**
     * A pack file's text through the kernel's one reader: a link leaving its folder, a file over the size
     * limit or text that is not UTF-8 is refused like everywhere else in the pack.
     */
    static String readText(Path f) throws IOException {
        try {
            return io.github.motcua.kernel.PackReader.of(f.toAbsolutePath().getParent())
                    .text(f.getFileName().toString())
                    .orElseThrow(() -> new java.nio.file.NoSuchFileException(f.toString()));
        } catch (io.github.motcua.kernel.PackReadException e) {
            throw new IOException(f + ": " + e.getMessage(), e);
        }
    }

    static JsonNode readYaml(Path f) throws IOException {
        try {
            return YAML.readTree(readText(f));
        } catch (JacksonException e) {
            throw new IOException(f + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The YAML text of a tree: the fast writer, or Jackson's for a shape it leaves alone (same bytes either way). */
    static String writeYaml(JsonNode n) {
        String fast = YamlWriter.write(n);
        return fast != null ? fast : YAML.writeValueAsString(n);
    }

    /** One override of local.yaml. */
    record Override(String field, JsonNode value, JsonNode official, String reason, String basis) {
    }

    /** The province's decisions (import.yaml): a boundary-free rule for every procedure, and per-code lists. */
    record Province(Boolean allBoundaryFree, Map<String, Boolean> boundaryFree, Map<String, String> onlineLevel, String basis) {
        static final Province NONE = new Province(null, Map.of(), Map.of(), null);

        Boolean boundaryFree(String code) {
            Boolean b = boundaryFree.get(code);
            return b != null ? b : allBoundaryFree;
        }

        String onlineLevel(String code) {
            return onlineLevel.get(code);
        }

        /** {@code true} when the pack sets a boundary-free rule of its own for this code. */
        boolean setsBoundaryFree(String code) {
            return boundaryFree(code) != null;
        }
    }

    /**
     * Reads the pack's import.yaml: {@code boundaryFree: {all: true, reason, basis}} and
     * {@code decisions: [{code, onlineLevel?, boundaryFree?, reason, basis}]}.
     */
    static Province province(Path pack) throws IOException {
        Path f = pack.resolve("import.yaml");
        if (!Files.isRegularFile(f)) {
            return Province.NONE;
        }
        JsonNode r = readYaml(f);
        if (r == null || !r.isObject()) {
            throw new IOException(f + ": import.yaml must be a mapping");
        }
        Boolean all = null;
        String basis = null;
        JsonNode bf = r.get("boundaryFree");
        if (bf != null) {
            if (!bf.isObject() || bf.get("all") == null || !bf.get("all").isBoolean() || blank(bf.get("reason"))
                    || blank(bf.get("basis"))) {
                throw new IOException(f + ": boundaryFree needs all (true/false), reason and basis");
            }
            all = bf.get("all").asBoolean();
            basis = bf.get("basis").asString();
        }
        Map<String, Boolean> byCode = new HashMap<>();
        Map<String, String> online = new HashMap<>();
        JsonNode ds = r.get("decisions");
        if (ds != null) {
            for (JsonNode d : ds) {
                if (blank(d.get("code")) || blank(d.get("reason")) || blank(d.get("basis"))) {
                    throw new IOException(f + ": every decision needs code, reason and basis");
                }
                String code = d.get("code").asString();
                if (d.get("boundaryFree") != null) {
                    byCode.put(code, d.get("boundaryFree").asBoolean());
                }
                if (d.get("onlineLevel") != null) {
                    online.put(code, d.get("onlineLevel").asString());
                }
            }
        }
        return new Province(all, byCode, online, basis);
    }

    /** The overrides of a procedure folder's local.yaml (empty when none). */
    static List<Override> overrides(Path folder, String origin, String code) {
        Path f = folder.resolve("local.yaml");
        List<Override> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        JsonNode r;
        try {
            r = readYaml(f);
        } catch (IOException e) {
            throw bad(origin, code, "", "local.yaml không đọc được: " + e.getMessage(), "local.yaml cannot be read: " + e.getMessage());
        }
        JsonNode list = r == null ? null : r.get("overrides");
        if (list == null && r != null && r.get("review") != null) {
            return out;
        }
        if (list == null || !list.isArray()) {
            throw bad(origin, code, "", "local.yaml phải có danh sách overrides", "local.yaml must hold an overrides list");
        }
        int i = 0;
        for (JsonNode o : list) {
            String ptr = "local.yaml/overrides/" + i++;
            if (blank(o.get("field")) || !OVERRIDABLE.contains(o.get("field").asString())) {
                throw bad(origin, code, ptr + "/field", "Trường ghi đè không hợp lệ, chỉ: " + OVERRIDABLE,
                        "not an overridable field; allowed: " + OVERRIDABLE);
            }
            if (blank(o.get("reason")) || blank(o.get("basis"))) {
                throw bad(origin, code, ptr, "Ghi đè phải có lý do (reason) và căn cứ pháp lý (basis)",
                        "an override needs a reason and a legal basis");
            }
            if (o.get("value") == null) {
                throw bad(origin, code, ptr + "/value", "Ghi đè thiếu giá trị (value)", "the override has no value");
            }
            out.add(new Override(o.get("field").asString(), o.get("value"), o.get("official"), o.get("reason").asString(),
                    o.get("basis").asString()));
        }
        return out;
    }

    /**
     * The analysts' review marking of local.yaml ({@code review: {verified: true, note}}), or null when none.
     * A marking without a note refuses the procedure.
     */
    static JsonNode review(Path folder, String origin, String code) {
        Path f = folder.resolve("local.yaml");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        JsonNode r;
        try {
            r = readYaml(f);
        } catch (IOException e) {
            throw bad(origin, code, "", "local.yaml không đọc được: " + e.getMessage(), "local.yaml cannot be read: " + e.getMessage());
        }
        JsonNode rv = r == null ? null : r.get("review");
        if (rv == null) {
            return null;
        }
        if (!rv.isObject() || rv.get("verified") == null || !rv.get("verified").isBoolean() || blank(rv.get("note"))) {
            throw bad(origin, code, "local.yaml/review", "review cần verified (true/false) và note",
                    "review needs verified (true/false) and a note");
        }
        return rv;
    }

    /** Applies the overrides to a generated procedure.yaml; a deadline override takes the override's basis. */
    static void apply(ObjectNode procedure, List<Override> overrides) {
        for (Override o : overrides) {
            JsonNode v = o.value().deepCopy();
            if (o.field().equals("deadline") && v.isObject() && v.get("basis") == null) {
                ((ObjectNode) v).put("basis", o.basis());
            }
            procedure.set(o.field(), v);
        }
    }

    private static RecordMapper.Refused bad(String origin, String code, String field, String vi, String en) {
        return new RecordMapper.Refused(new ImportProblem(origin, code, ImportProblem.Kind.BAD_OVERRIDE, field, vi, en));
    }

    static boolean blank(JsonNode n) {
        return n == null || n.isNull() || !n.isString() || n.asString().isBlank();
    }
}
