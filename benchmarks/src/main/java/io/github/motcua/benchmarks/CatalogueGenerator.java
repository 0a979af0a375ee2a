package io.github.motcua.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.CatalogueGenerator
 * OUT_DIR [N] [REFERENCE_DIR]}.
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

    private CatalogueGenerator() {
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
        if (procedures < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "procedures must be >= 1: [%d]", procedures));
        }
        List<Template> templates = templates(reference);
        try {
            copyTopLevel(reference, out);
            for (int i = 0; i < procedures; i++) {
                writeProcedure(templateOf(templates, i), out.resolve("procedures").resolve(code(i)), code(i), 0);
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
        try {
            writeProcedure(templateOf(templates(reference), i), out.resolve("procedures").resolve(code(i)), code(i), revision);
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

    private static void writeProcedure(Template t, Path dir, String code, int revision) throws IOException {
        Files.createDirectories(dir);
        String yaml = Files.readString(t.folder().resolve("procedure.yaml"), StandardCharsets.UTF_8);
        Matcher m = CODE_LINE.matcher(yaml);
        if (!m.find()) {
            throw new IllegalArgumentException("no code line in [" + t.folder().resolve("procedure.yaml") + "]");
        }
        yaml = m.replaceFirst(Matcher.quoteReplacement("code: \"" + code + "\""));
        yaml = ALIASES.matcher(yaml).replaceAll("");
        Files.writeString(dir.resolve("procedure.yaml"), yaml, StandardCharsets.UTF_8);
        int rules = 0;
        Path drl = t.folder().resolve("rules.drl");
        if (Files.isRegularFile(drl)) {
            String text = Files.readString(drl, StandardCharsets.UTF_8);
            rules = (int) RULE.matcher(text).results().count();
            Files.writeString(dir.resolve("rules.drl"), text, StandardCharsets.UTF_8);
        }
        Path rulesYaml = t.folder().resolve("rules.yaml");
        if (Files.isRegularFile(rulesYaml)) {
            String text = Files.readString(rulesYaml, StandardCharsets.UTF_8);
            rules += (int) YAML_RULE.matcher(text).results().count();
            Files.writeString(dir.resolve("rules.yaml"), text, StandardCharsets.UTF_8);
        }
        Path schema = t.folder().resolve("form.schema.json");
        boolean ownForm = Files.isRegularFile(schema);
        int extra = Math.max(1, TARGET_RULES - rules);
        if (ownForm) {
            String text = Files.readString(schema, StandardCharsets.UTF_8)
                    .replace("urn:motcua:forms:procedure:" + t.code(), "urn:motcua:forms:procedure:" + code);
            Files.writeString(dir.resolve("form.schema.json"), withPaddingFields(text, code, extra), StandardCharsets.UTF_8);
        }
        Path fees = t.folder().resolve("fees.csv");
        if (Files.isRegularFile(fees)) {
            Files.copy(fees, dir.resolve("fees.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Matcher b = FIRST_BASIS.matcher(yaml);
        String basis = b.find() ? b.group(1) : null;
        if (basis != null && ownForm) { // the padding reads form fields, which the form must declare
            Files.writeString(dir.resolve("extra.drl"), padding(basis, extra, revision), StandardCharsets.UTF_8);
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

    /** Command line: OUT_DIR [N] [REFERENCE_DIR]. */
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: CatalogueGenerator OUT_DIR [N=2000] [REFERENCE=examples/packs/gia-lai]");
            System.exit(2);
        }
        int n = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_PROCEDURES;
        Path ref = Path.of(args.length > 2 ? args[2] : "examples/packs/gia-lai");
        Path out = write(ref, Path.of(args[0]), n);
        System.out.println(String.format(Locale.ROOT, "wrote %d procedures to %s", n, out));
    }
}
