package io.github.motcua.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a synthetic catalogue (danh mục thủ tục tổng hợp) of N procedures built from the shapes of
 * a reference pack (default {@code examples/packs/gia-lai}): procedure i is a copy of reference
 * procedure {@code i mod R} (the R procedures with rules, see {@link #templates}) under the code
 * {@code SYN.nnnnn} — its procedure.yaml, rules.drl or rules.yaml, form.schema.json and fees.csv — plus an {@code extra.drl} that pads it to about ten rules with
 * note rules on form fields. Every top-level file of the reference pack (pack.yaml, legal bases,
 * units, calendar, shared forms, exemptions) is copied; analyst cases are not (they name the
 * reference codes). Not thread-safe.
 *
 * <p><b>Distinct variant</b> (opt-in: {@link #write(Path, Path, int, boolean)}, the last command-line argument
 * {@code distinct}, or the system property {@value #DISTINCT_PROPERTY}{@code =true} for every caller of the
 * three-argument methods): the copies above are 14 forms repeated, which forms-core's sharing of equal sub-trees and of
 * validators for forms equal but for their {@code $id} turns into 14 forms' cost. In the distinct variant every
 * procedure's form carries its own suffix ({@link #suffix}) as real forms differ: every title, description and message
 * ends with its code; each top-level property name that the form does not also use below the top level (nor the
 * shared forms, nor a pack-wide file such as exemptions.yaml, whose categories read a form field by name) and each upper-case value of such a property's {@code enum}/{@code const} is suffixed; its rules, fee
 * table and padding are rewritten with the same names, and {@link #distinctForm} re-addresses a reference dossier's
 * form to them, so every procedure decides as its template does.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.CatalogueGenerator
 * OUT_DIR [N] [REFERENCE_DIR] [distinct]}.
 */
public final class CatalogueGenerator {
    /** Default size: a province publishes about two thousand procedures (Gia Lai lists 2,142). */
    public static final int DEFAULT_PROCEDURES = 2_000;
    /** Rules per procedure the padding aims at. */
    public static final int TARGET_RULES = 10;

    private static final Pattern CODE_LINE = Pattern.compile("(?m)^code:\\s*\"?([^\"\\s]+)\"?\\s*$");
    private static final Pattern FIRST_BASIS = Pattern.compile("(?m)^legalBases:\\s*\\[\\s*([^,\\]\\s]+)");
    private static final Pattern RULE = Pattern.compile("(?m)^rule\\s");
    /** A procedure's old codes: copied to 2,000 procedures they would clash (ALIAS_CONFLICT). */
    /** A rule of a rules.yaml file: a list item at the start of a line. */
    private static final Pattern YAML_RULE = Pattern.compile("(?m)^- ");
    private static final Pattern ALIASES = Pattern.compile("(?m)^aliases:.*\\R(?:[ \\t]+.*\\R)*");
    private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

    /** One reference procedure: its folder and the code it is published under. */
    public record Template(Path folder, String code) {
    }

    /** System property that turns the distinct variant on for the methods without a {@code distinct} argument. */
    public static final String DISTINCT_PROPERTY = "motcua.catalogue.distinct";

    /** Keys whose string value is human text: suffixed in the distinct variant. */
    private static final java.util.Set<String> TEXT_KEYS = java.util.Set.of("title", "x-title-en", "description",
            "x-description-en", "message", "message-en");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final Pattern ENUM_VALUE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern FIELD_CONDITION = Pattern.compile("(?m)^.*\\bfield:\\s*[a-z].*$");
    /** A form field named by a pack-wide file: {@code dateField: treEm.ngaySinh} names {@code treEm}. */
    private static final Pattern PACK_FIELD = Pattern.compile("[A-Za-z]*[Ff]ield[A-Za-z]*:\\s*\"?([a-z][A-Za-z0-9]*)");
    private static final Pattern PADDING_FIELD = Pattern.compile("ghiChuTongHop[0-9]+");
    /** Per template folder: its renamed top-level fields and enum values (suffix-independent). */
    private static final Map<Path, Renames> RENAMES = new HashMap<>();

    /** What the distinct variant renames in one template's procedure: top-level fields and their enum values. */
    record Renames(java.util.Set<String> fields, java.util.Set<String> values) {
    }

    private CatalogueGenerator() {
    }

    /** Whether the system property {@value #DISTINCT_PROPERTY} asks for the distinct variant. */
    public static boolean distinctByDefault() {
        return Boolean.getBoolean(DISTINCT_PROPERTY);
    }

    /** The suffix of synthetic procedure i in the distinct variant, e.g. {@code S00007}. */
    public static String suffix(int i) {
        return String.format(Locale.ROOT, "S%05d", i);
    }

    /** The code of synthetic procedure i, e.g. {@code SYN.00007}. */
    public static String code(int i) {
        return String.format(Locale.ROOT, "SYN.%05d", i);
    }

    /**
     * The reference procedures that have rules (rules.drl or rules.yaml), ordered by code: imported,
     * not-assessed procedures have no rules or form, and as templates they would make most of the
     * catalogue rule-less (21 of the Gia Lai pack's 35), unlike the ten-rule procedures it stands for.
     */
    public static List<Template> templates(Path reference) {
        List<Template> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(reference.resolve("procedures"))) {
            for (Path d : (Iterable<Path>) dirs.sorted()::iterator) {
                if (Files.isRegularFile(d.resolve("procedure.yaml"))
                        && (Files.isRegularFile(d.resolve("rules.drl")) || Files.isRegularFile(d.resolve("rules.yaml")))) {
                    out.add(new Template(d, d.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no procedures in reference pack [" + reference + "]");
        }
        return List.copyOf(out);
    }

    /** The reference procedure synthetic procedure i copies. */
    public static Template templateOf(List<Template> templates, int i) {
        return templates.get(i % templates.size());
    }

    /**
     * Writes the catalogue into {@code out} (created if missing) and returns it.
     *
     * @throws IllegalArgumentException when {@code procedures < 1} or the reference pack has none
     */
    public static Path write(Path reference, Path out, int procedures) {
        return write(reference, out, procedures, distinctByDefault());
    }

    /**
     * Writes the catalogue into {@code out}, in the distinct variant when {@code distinct} (see the class comment).
     *
     * @throws IllegalArgumentException when {@code procedures < 1} or the reference pack has none
     */
    public static Path write(Path reference, Path out, int procedures, boolean distinct) {
        if (procedures < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "procedures must be >= 1: [%d]", procedures));
        }
        List<Template> templates = templates(reference);
        try {
            copyTopLevel(reference, out);
            for (int i = 0; i < procedures; i++) {
                writeProcedure(reference, templateOf(templates, i), out.resolve("procedures").resolve(code(i)), i, 0, distinct);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites one synthetic procedure with an edit: {@code revision} changes the text of one
     * padding note, so its rule files differ and only it must be recompiled (hot-reload benchmark).
     */
    public static void edit(Path reference, Path out, int i, int revision) {
        edit(reference, out, i, revision, distinctByDefault());
    }

    /** {@link #edit(Path, Path, int, int)} of a catalogue written with the given variant. */
    public static void edit(Path reference, Path out, int i, int revision, boolean distinct) {
        try {
            writeProcedure(reference, templateOf(templates(reference), i), out.resolve("procedures").resolve(code(i)), i,
                    revision, distinct);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTopLevel(Path reference, Path out) throws IOException {
        try (Stream<Path> walk = Files.walk(reference)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = reference.relativize(p);
                // digitisation.yaml names the reference's procedure codes, which the synthetic catalogue renames
                if (rel.toString().isEmpty() || rel.startsWith("procedures") || rel.getFileName().toString().startsWith(".")
                        || rel.toString().equals("digitisation.yaml")) {
                    continue;
                }
                Path target = out.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (rel.toString().equals("pack.yaml")) {
                    String text = Files.readString(p, StandardCharsets.UTF_8)
                            .replaceFirst("(?m)^id:\\s*.*$", "id: synthetic-catalogue");
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void writeProcedure(Path reference, Template t, Path dir, int i, int revision, boolean distinct)
            throws IOException {
        String code = code(i);
        Renames renames = distinct ? renames(reference, t) : null;
        String sfx = suffix(i);
        Files.createDirectories(dir);
        String yaml = Files.readString(t.folder().resolve("procedure.yaml"), StandardCharsets.UTF_8);
        Matcher m = CODE_LINE.matcher(yaml);
        if (!m.find()) {
            throw new IllegalArgumentException("no code line in [" + t.folder().resolve("procedure.yaml") + "]");
        }
        yaml = m.replaceFirst(Matcher.quoteReplacement("code: \"" + code + "\""));
        yaml = ALIASES.matcher(yaml).replaceAll("");
        if (distinct) { // the conditions of steps and documents name form fields: { field: F, equals: V }
            yaml = FIELD_CONDITION.matcher(yaml).replaceAll(l -> Matcher.quoteReplacement(renameTokens(l.group(), renames, sfx)));
        }
        Files.writeString(dir.resolve("procedure.yaml"), yaml, StandardCharsets.UTF_8);
        int rules = 0;
        Path drl = t.folder().resolve("rules.drl");
        if (Files.isRegularFile(drl)) {
            String text = Files.readString(drl, StandardCharsets.UTF_8);
            rules = (int) RULE.matcher(text).results().count();
            if (distinct) {
                text = renameTokens(text, renames, sfx);
            }
            Files.writeString(dir.resolve("rules.drl"), text, StandardCharsets.UTF_8);
        }
        Path rulesYaml = t.folder().resolve("rules.yaml");
        if (Files.isRegularFile(rulesYaml)) {
            String text = Files.readString(rulesYaml, StandardCharsets.UTF_8);
            rules += (int) YAML_RULE.matcher(text).results().count();
            if (distinct) {
                text = renameTokens(text, renames, sfx);
            }
            Files.writeString(dir.resolve("rules.yaml"), text, StandardCharsets.UTF_8);
        }
        Path schema = t.folder().resolve("form.schema.json");
        boolean ownForm = Files.isRegularFile(schema);
        int extra = Math.max(1, TARGET_RULES - rules);
        if (ownForm) {
            String text = Files.readString(schema, StandardCharsets.UTF_8)
                    .replace("urn:motcua:forms:procedure:" + t.code(), "urn:motcua:forms:procedure:" + code);
            text = withPaddingFields(text, code, extra);
            if (distinct) {
                text = distinctSchema(text, renames, code, sfx, extra);
            }
            Files.writeString(dir.resolve("form.schema.json"), text, StandardCharsets.UTF_8);
        }
        Path fees = t.folder().resolve("fees.csv");
        if (Files.isRegularFile(fees) && distinct) {
            Files.writeString(dir.resolve("fees.csv"), renameTokens(Files.readString(fees, StandardCharsets.UTF_8), renames, sfx),
                    StandardCharsets.UTF_8);
        } else if (Files.isRegularFile(fees)) {
            Files.copy(fees, dir.resolve("fees.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Matcher b = FIRST_BASIS.matcher(yaml);
        String basis = b.find() ? b.group(1) : null;
        if (basis != null && ownForm) { // the padding reads form fields, which the form must declare
            String pad = padding(basis, extra, revision);
            Files.writeString(dir.resolve("extra.drl"), distinct ? renamePadding(pad, sfx) : pad, StandardCharsets.UTF_8);
        }
    }

    /**
     * The form schema under the procedure's own {@code $id} (a template's may carry an old code), with
     * the padding rules' fields {@code ghiChuTongHop0..count-1} declared (optional strings).
     */
    static String withPaddingFields(String schemaJson, String code, int count) {
        tools.jackson.databind.node.ObjectNode root = (tools.jackson.databind.node.ObjectNode) JSON.readTree(schemaJson);
        root.put("$id", "urn:motcua:forms:procedure:" + code);
        tools.jackson.databind.node.ObjectNode props = root.has("properties")
                ? (tools.jackson.databind.node.ObjectNode) root.get("properties") : root.putObject("properties");
        for (int k = 0; k < count; k++) {
            tools.jackson.databind.node.ObjectNode f = props.putObject("ghiChuTongHop" + k);
            f.put("type", "string");
            f.put("title", "Ghi chú tổng hợp " + k);
            f.put("x-title-en", "Synthetic note " + k);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** {@code count} note rules on form fields no real dossier fills, citing {@code basis}. */
    static String padding(String basis, int count, int revision) {
        StringBuilder sb = new StringBuilder("// synthetic padding (CatalogueGenerator), revision ")
                .append(revision).append('\n');
        for (int k = 0; k < count; k++) {
            sb.append(String.format(Locale.ROOT, """

                    rule "Ghi chú tổng hợp %d"
                      @basis("%s")
                    when
                      Form( text("ghiChuTongHop%d") == "CO" )
                    then
                      decision.note("Ghi chú tổng hợp %d, bản %d", "synthetic note %d, revision %d");
                    end
                    """, k, basis, k, k, revision, k, revision));
        }
        return sb.toString();
    }

    /**
     * The distinct variant's renames for template {@code t}: its form's top-level property names that are plain
     * identifiers and used nowhere below the top level (of the form, nor of the reference's shared forms, so a token
     * replacement in rules and fees cannot hit a nested field of the same name), and the upper-case values of those
     * properties' own {@code enum}/{@code const}s.
     */
    static Renames renames(Path reference, Template t) {
        return RENAMES.computeIfAbsent(t.folder().toAbsolutePath().normalize(), k -> {
            try {
                Path schema = t.folder().resolve("form.schema.json");
                if (!Files.isRegularFile(schema)) {
                    return new Renames(java.util.Set.of(), java.util.Set.of());
                }
                tools.jackson.databind.JsonNode root = JSON.readTree(Files.readString(schema, StandardCharsets.UTF_8));
                java.util.Set<String> nested = new java.util.HashSet<>();
                tools.jackson.databind.JsonNode props = root.path("properties");
                for (tools.jackson.databind.JsonNode p : props.values()) {
                    collectPropertyNames(p, nested);
                }
                collectPropertyNames(root.path("$defs"), nested);
                Path forms = reference.resolve("forms");
                if (Files.isDirectory(forms)) {
                    try (Stream<Path> shared = Files.walk(forms)) {
                        for (Path f : (Iterable<Path>) shared.filter(x -> x.toString().endsWith(".json"))::iterator) {
                            collectPropertyNames(JSON.readTree(Files.readString(f, StandardCharsets.UTF_8)), nested);
                        }
                    }
                }
                // pack-wide files (exemptions.yaml's dateField...) name form fields every procedure shares: kept
                try (Stream<Path> top = Files.list(reference)) {
                    for (Path f : (Iterable<Path>) top.filter(x -> x.toString().endsWith(".yaml"))::iterator) {
                        Matcher m = PACK_FIELD.matcher(Files.readString(f, StandardCharsets.UTF_8));
                        while (m.find()) {
                            nested.add(m.group(1));
                        }
                    }
                }
                java.util.Set<String> fields = new java.util.TreeSet<>();
                java.util.Set<String> values = new java.util.TreeSet<>();
                for (Map.Entry<String, tools.jackson.databind.JsonNode> e : props.properties()) {
                    String name = e.getKey();
                    if (!FIELD_NAME.matcher(name).matches() || nested.contains(name)) {
                        continue;
                    }
                    fields.add(name);
                    collectEnumValues(e.getValue(), values);
                }
                return new Renames(java.util.Set.copyOf(fields), java.util.Set.copyOf(values));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every key of every {@code properties} object in {@code node}, at any depth. */
    private static void collectPropertyNames(tools.jackson.databind.JsonNode node, java.util.Set<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, tools.jackson.databind.JsonNode> e : node.properties()) {
                if (e.getKey().equals("properties") && e.getValue().isObject()) {
                    for (Map.Entry<String, tools.jackson.databind.JsonNode> p : e.getValue().properties()) {
                        into.add(p.getKey());
                    }
                }
                collectPropertyNames(e.getValue(), into);
            }
        } else if (node.isArray()) {
            for (tools.jackson.databind.JsonNode c : node.values()) {
                collectPropertyNames(c, into);
            }
        }
    }

    /** The upper-case strings of a property's own {@code enum} arrays and {@code const}s (not below nested properties). */
    private static void collectEnumValues(tools.jackson.databind.JsonNode node, java.util.Set<String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, tools.jackson.databind.JsonNode> e : node.properties()) {
                String key = e.getKey();
                tools.jackson.databind.JsonNode v = e.getValue();
                if (key.equals("properties")) {
                    continue;
                }
                if (key.equals("const") && v.isString() && ENUM_VALUE.matcher(v.asString()).matches()) {
                    into.add(v.asString());
                } else if (key.equals("enum") && v.isArray()) {
                    for (tools.jackson.databind.JsonNode x : v.values()) {
                        if (x.isString() && ENUM_VALUE.matcher(x.asString()).matches()) {
                            into.add(x.asString());
                        }
                    }
                } else {
                    collectEnumValues(v, into);
                }
            }
        } else if (node.isArray()) {
            for (tools.jackson.databind.JsonNode c : node.values()) {
                collectEnumValues(c, into);
            }
        }
    }

    /** {@code text} with every renamed field and value, as a whole token, suffixed. */
    static String renameTokens(String text, Renames renames, String sfx) {
        java.util.Set<String> all = new java.util.HashSet<>(renames.fields());
        all.addAll(renames.values());
        if (all.isEmpty()) {
            return text;
        }
        StringBuilder alt = new StringBuilder();
        all.stream().sorted((a, b) -> b.length() - a.length()).forEach(x -> alt.append(alt.length() == 0 ? "" : "|")
                .append(Pattern.quote(x)));
        Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}_])(" + alt + ")(?![\\p{L}\\p{N}_])");
        return p.matcher(text).replaceAll(m -> Matcher.quoteReplacement(renamed(m.group(1), renames, sfx)));
    }

    private static String renamed(String token, Renames renames, String sfx) {
        return renames.values().contains(token) ? token + "_" + sfx : token + sfx;
    }

    /** The padding rules' fields under the procedure's suffix. */
    static String renamePadding(String drl, String sfx) {
        return PADDING_FIELD.matcher(drl).replaceAll(m -> m.group() + sfx);
    }

    /**
     * The distinct variant's form: every text (title, description, message) ends with the procedure's code, and
     * every renamed field (as a key, a whole string, or the head of a JSON pointer or dotted path) and enum value is
     * suffixed, padding fields included.
     */
    static String distinctSchema(String schemaJson, Renames renames, String code, String sfx, int padding) {
        java.util.Set<String> fields = new java.util.HashSet<>(renames.fields());
        for (int k = 0; k < padding; k++) {
            fields.add("ghiChuTongHop" + k);
        }
        Renames all = new Renames(fields, renames.values());
        tools.jackson.databind.JsonNode root = JSON.readTree(schemaJson);
        tools.jackson.databind.JsonNode out = rewrite(root, all, code, sfx, null);
        ((tools.jackson.databind.node.ObjectNode) out).put("$id", "urn:motcua:forms:procedure:" + code);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }

    private static tools.jackson.databind.JsonNode rewrite(tools.jackson.databind.JsonNode node, Renames r, String code,
            String sfx, String key) {
        if (node.isObject()) {
            tools.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
            for (Map.Entry<String, tools.jackson.databind.JsonNode> e : node.properties()) {
                String k = r.fields().contains(e.getKey()) ? e.getKey() + sfx : e.getKey();
                o.set(k, rewrite(e.getValue(), r, code, sfx, e.getKey()));
            }
            return o;
        }
        if (node.isArray()) {
            tools.jackson.databind.node.ArrayNode a = JSON.createArrayNode();
            for (tools.jackson.databind.JsonNode c : node.values()) {
                a.add(rewrite(c, r, code, sfx, key));
            }
            return a;
        }
        if (node.isString()) {
            String v = node.asString();
            if (key != null && TEXT_KEYS.contains(key)) {
                return JSON.getNodeFactory().stringNode(v + " — " + code);
            }
            if (key != null && key.startsWith("$")) {
                return node;
            }
            if (r.values().contains(v)) {
                return JSON.getNodeFactory().stringNode(v + "_" + sfx);
            }
            return JSON.getNodeFactory().stringNode(renameHead(v, r.fields(), sfx));
        }
        return node;
    }

    /** {@code v} with its first path segment suffixed when it names a renamed field: {@code f}, {@code /f/x}, {@code f.x}. */
    private static String renameHead(String v, java.util.Set<String> fields, String sfx) {
        int start = v.startsWith("/") ? 1 : 0;
        int end = start;
        while (end < v.length() && v.charAt(end) != '/' && v.charAt(end) != '.') {
            end++;
        }
        String head = v.substring(start, end);
        return fields.contains(head) ? v.substring(0, end) + sfx + v.substring(end) : v;
    }

    /**
     * A reference dossier's form re-addressed to synthetic procedure i of the distinct variant: each renamed top-level
     * field (padding fields included) under its suffixed name, and each renamed enum value among its value (a string,
     * or a list's strings) suffixed. Other entries unchanged.
     */
    public static Map<String, Object> distinctForm(Path reference, int i, Map<String, Object> form) {
        Renames r = renames(reference, templateOf(templates(reference), i));
        String sfx = suffix(i);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : form.entrySet()) {
            String k = e.getKey();
            if (r.fields().contains(k) || PADDING_FIELD.matcher(k).matches()) {
                out.put(k + sfx, distinctValue(e.getValue(), r, sfx));
            } else {
                out.put(k, e.getValue());
            }
        }
        return out;
    }

    private static Object distinctValue(Object v, Renames r, String sfx) {
        if (v instanceof String s && r.values().contains(s)) {
            return s + "_" + sfx;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(distinctValue(x, r, sfx));
            }
            return out;
        }
        return v;
    }

    /** Command line: OUT_DIR [N] [REFERENCE_DIR] [distinct]. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: CatalogueGenerator OUT_DIR [N=2000] [REFERENCE=examples/packs/gia-lai] [distinct]");
            System.exit(2);
        }
        boolean distinct = args[args.length - 1].equals("distinct");
        int positional = distinct ? args.length - 1 : args.length;
        int n = positional > 1 ? Integer.parseInt(args[1]) : DEFAULT_PROCEDURES;
        Path ref = Path.of(positional > 2 ? args[2] : "examples/packs/gia-lai");
        Path out = write(ref, Path.of(args[0]), n, distinct || distinctByDefault());
        System.out.println(String.format(Locale.ROOT, "wrote %d procedures to %s", n, out));
    }
}
