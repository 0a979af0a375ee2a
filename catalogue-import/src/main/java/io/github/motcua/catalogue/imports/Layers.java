package io.github.motcua.catalogue.imports;

import io.github.motcua.kernel.PackReadException;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * The layers of an imported procedure (docs/import.md): {@code national.yaml} is the national record as
 * imported and is rewritten by every import; {@code local.yaml} holds the analysts' overrides, each with a
 * reason and a legal basis, and survives every import; the pack's {@code import.yaml} holds the province's
 * own decisions (its toàn trình and phi địa giới lists). Stateless helpers.
 */
final class Layers {
    /**
     * Reads and writes the layers' YAML. Reading: snakeyaml-engine's default code-point limit (3 MiB) refused a
     * well-formed file between 3 MiB and the pack's 8 MB file-size limit with the parser's own message (issue 15 session
     * 24, as the kernel's factory since session 23): it is lifted, and every text this mapper reads is first read under
     * the kernel's file-size limit ({@link #readText}, {@link #readYaml(String, byte[])}) — a code point is at least
     * one byte, so that limit is the one bound. Duplicate keys are allowed to the parser, as its default was (the last
     * value kept): given settings that refuse them, Jackson would turn on a check of its own.
     */
    static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .loadSettings(LoadSettings.builder().setCodePointLimit(Integer.MAX_VALUE).setAllowDuplicateKeys(true).build())
                    .build())
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
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

    /** A pack file's YAML tree: its text under the kernel's file-size limit ({@link #readText}), then parsed. */
    static JsonNode readYaml(Path f) throws IOException {
        try {
            return YAML.readTree(readText(f));
        } catch (JacksonException e) {
            throw new IOException(f + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The YAML tree of a pack file given as bytes (a prebuilt pack's): refused past the kernel's file-size limit
     * ({@code FILE_TOO_LARGE}, as {@link #readText}) before it is decoded, then strict UTF-8 and parsed.
     */
    static JsonNode readYaml(String file, byte[] bytes) throws IOException {
        long max = PackReader.Limits.DEFAULT.maxFileBytes();
        try {
            if (bytes.length > max) {
                throw new PackReadException(Problem.of(file, 0, 0, ProblemCode.FILE_TOO_LARGE, "max", Long.toString(max)));
            }
            return YAML.readTree(PackReader.decode(file, bytes));
        } catch (PackReadException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new IOException(file + ": " + e.getOriginalMessage(), e);
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
            throw bad(origin, code, "", "refuse.localUnreadable", "detail", String.valueOf(e.getMessage()));
        }
        JsonNode list = r == null ? null : r.get("overrides");
        if (list == null && r != null && r.get("review") != null) {
            return out;
        }
        if (list == null || !list.isArray()) {
            throw bad(origin, code, "", "refuse.localNoOverrides");
        }
        int i = 0;
        for (JsonNode o : list) {
            String ptr = "local.yaml/overrides/" + i++;
            if (blank(o.get("field")) || !OVERRIDABLE.contains(o.get("field").asString())) {
                throw bad(origin, code, ptr + "/field", "refuse.overrideField", "allowed", String.valueOf(OVERRIDABLE));
            }
            if (blank(o.get("reason")) || blank(o.get("basis"))) {
                throw bad(origin, code, ptr, "refuse.overrideReasonBasis");
            }
            if (o.get("value") == null) {
                throw bad(origin, code, ptr + "/value", "refuse.overrideNoValue");
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
            throw bad(origin, code, "", "refuse.localUnreadable", "detail", String.valueOf(e.getMessage()));
        }
        JsonNode rv = r == null ? null : r.get("review");
        if (rv == null) {
            return null;
        }
        boolean perValue = rv.isObject() && rv.get("values") != null;
        if (!rv.isObject() || (!perValue && (rv.get("verified") == null || blank(rv.get("note"))))
                || (rv.get("verified") != null && (!rv.get("verified").isBoolean() || blank(rv.get("note"))))) {
            throw bad(origin, code, "local.yaml/review", "refuse.reviewShape");
        }
        if (perValue && !rv.get("values").isObject()) {
            throw bad(origin, code, "local.yaml/review/values", "refuse.reviewValuesShape");
        }
        return rv;
    }

    /**
     * Applies the analysts' review to the generated procedure.yaml's per-value marking ({@code source.values}):
     * the procedure's {@code verified}/{@code note} first marks every value, then each entry of
     * {@code review.values} marks one value ({@code deadline.DESK}) or every channel of one
     * ({@code deadline}, {@code fees}). {@code source.verified} is true only when every value is. Values an
     * override replaced, and fees when the analysts own the fee table, are not imported values and are
     * dropped from the marking. Refuses an unknown value, an entry without {@code verified} or without a
     * note, and imported fees marked reviewed (their generated rows cannot be: own the table instead).
     */
    static void applyReview(ObjectNode procedure, JsonNode review, List<Override> overrides, boolean ownFees,
            String origin, String code) {
        ObjectNode src = (ObjectNode) procedure.get("source");
        tools.jackson.databind.node.ArrayNode values = (tools.jackson.databind.node.ArrayNode) src.get("values");
        if (values == null) {
            return;
        }
        Set<String> replaced = new java.util.HashSet<>();
        overrides.forEach(o -> replaced.add(o.field()));
        for (int i = values.size() - 1; i >= 0; i--) {
            String v = values.get(i).get("value").asString();
            String head = v.contains(".") ? v.substring(0, v.indexOf('.')) : v;
            if (replaced.contains(head) || (ownFees && head.equals("fees"))) {
                values.remove(i);
            }
        }
        if (review != null && review.get("verified") != null) {
            for (JsonNode v : values) {
                ((ObjectNode) v).put("verified", review.get("verified").asBoolean());
                ((ObjectNode) v).put("note", review.get("note").asString());
            }
        }
        JsonNode per = review == null ? null : review.get("values");
        if (per != null) {
            List<String> keys = new ArrayList<>();
            values.forEach(v -> keys.add(v.get("value").asString()));
            for (Map.Entry<String, JsonNode> e : per.properties()) {
                String key = e.getKey();
                JsonNode m = e.getValue();
                String ptr = "local.yaml/review/values/" + key;
                List<JsonNode> hit = new ArrayList<>();
                values.forEach(v -> {
                    String k = v.get("value").asString();
                    if (k.equals(key) || k.startsWith(key + ".")) {
                        hit.add(v);
                    }
                });
                if (hit.isEmpty()) {
                    throw bad(origin, code, ptr, "refuse.reviewUnknownValue", "key", key, "values", String.valueOf(keys));
                }
                if (!m.isObject() || m.get("verified") == null || !m.get("verified").isBoolean() || blank(m.get("note"))) {
                    throw bad(origin, code, ptr, "refuse.reviewValueShape");
                }
                if (key.startsWith("fees") && m.get("verified").asBoolean()) {
                    throw bad(origin, code, ptr, "refuse.reviewOwnFees");
                }
                for (JsonNode v : hit) {
                    ((ObjectNode) v).put("verified", m.get("verified").asBoolean());
                    ((ObjectNode) v).put("note", m.get("note").asString());
                }
            }
        }
        boolean all = true;
        for (JsonNode v : values) {
            all &= v.get("verified").asBoolean();
        }
        if (review != null) {
            src.put("verified", all);
            src.put("note", review.get("note") != null ? review.get("note").asString()
                    : ImportMessages.both(all ? "note.reviewedAll" : "note.reviewedPart"));
        }
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

    /** BAD_OVERRIDE: the bundle's {@code key} (a {@code refuse.} key) says what is wrong with local.yaml. */
    private static RecordMapper.Refused bad(String origin, String code, String field, String key, String... pairs) {
        return new RecordMapper.Refused(ImportMessages.problem(origin, code, ImportProblem.Kind.BAD_OVERRIDE, field, key, pairs));
    }

    static boolean blank(JsonNode n) {
        return n == null || n.isNull() || !n.isString() || n.asString().isBlank();
    }
}
