package io.github.motcua.examples.cli;

import io.github.motcua.dossier.ApplicantCategory;
import io.github.motcua.kernel.CsvTable;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.rules.DossierComponent;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Procedure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code table-xlsx PACK CODE TABLE.rules.csv}: writes the decision table as {@code TABLE.rules.xlsx} beside
 * it, with a drop-down list on every column whose values must be one of a known set — the options the
 * procedure's form declares for the field a condition compares ({@code Form( text("x") == "$1" )}), the
 * applicant categories ({@code hasCategory("$1")}) and the procedure's components ({@code require("$1")},
 * {@code optional}, {@code waive}). The lists are on a second sheet, {@code danh-muc}; the first sheet holds
 * the table exactly as the CSV had it, so the engine reads the XLSX like the CSV (delete one of the two).
 * Not thread-safe.
 */
@Command(name = "table-xlsx", mixinStandardHelpOptions = true)
public final class TableXlsxCommand implements Callable<Integer> {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A form accessor compared with the column's value: {@code text("giayChungSinh") == "$1"}. */
    private static final Pattern FORM_OPTION = Pattern.compile(
            "\\b(?:text)\\s*\\(\\s*\"([^\"]+)\"\\s*\\)\\s*(?:==|!=)\\s*\"\\$1\"");
    private static final Pattern CATEGORY = Pattern.compile("\\bhasCategory\\s*\\(\\s*\"\\$1\"\\s*\\)");
    private static final Pattern COMPONENT = Pattern.compile(
            "\\bdecision\\s*\\.\\s*(?:require|optional|waive)\\s*\\(\\s*\"\\$1\"");
    /** Rows below the table that also get the drop-downs, for the analyst's new rules. */
    static final int SPARE_ROWS = 200;

    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Parameters(index = "1", paramLabel = "CODE")
    String code;

    @Parameters(index = "2", paramLabel = "TABLE")
    String table;

    @Mixin
    PackOptions options = new PackOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        boolean en = options.en();
        if (!table.endsWith(".rules.csv") || table.contains("/") || table.contains("\\") || code.contains("/")
                || code.contains("\\") || code.contains("..")) {
            err.println(CliMessages.text(en, "CLI_TABLE_NAME"));
            return ExitCodes.BAD_ARGUMENT;
        }
        return options.withProcedure(pack, code, err, (engine, procedure) -> {
            String rel = "procedures/" + code + "/" + table;
            PackReader reader = PackReader.of(pack);
            CsvTable csv;
            JsonNode form;
            try {
                Optional<String> text = reader.text(rel);
                if (text.isEmpty()) {
                    err.println(CliMessages.text(en, "CLI_NO_SUCH_FILE", "file", rel));
                    return ExitCodes.IO;
                }
                csv = PackReader.csv(rel, text.get());
                Optional<String> schema = reader.text("procedures/" + code + "/form.schema.json");
                form = schema.isEmpty() ? null : JSON.readTree(schema.get());
                if (!csv.problems().isEmpty() || csv.rows().isEmpty()) {
                    err.println(rel + ": " + (csv.problems().isEmpty() ? CliMessages.text(en, "CLI_EMPTY_TABLE")
                            : csv.problems().get(0).message(en ? java.util.Locale.ENGLISH : java.util.Locale.ROOT)));
                    return ExitCodes.PACK_PROBLEMS;
                }
                Map<Integer, List<String>> lists = lists(csv.rows().get(0).cells(), form, reader, procedure);
                String xlsx = rel.substring(0, rel.length() - ".csv".length()) + ".xlsx";
                Path target = pack.resolve(xlsx);
                if (Files.isSymbolicLink(target)) {
                    // a link (dangling ones load without a problem) would take the write wherever it leads
                    err.println(CliMessages.text(en, "CLI_TABLE_TARGET_IS_LINK", "file", xlsx));
                    return ExitCodes.IO;
                }
                try (OutputStream o = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    write(o, csv, lists);
                }
                out.println(CliMessages.text(en, "CLI_TABLE_WRITTEN", "file", xlsx, "lists", lists.size()));
                return ExitCodes.OK;
            } catch (IOException | RuntimeException e) {
                err.println(CliMessages.text(en, "CLI_CANNOT_WRITE_TABLE", "detail", io.github.motcua.kernel.Failures.detail(e)));
                return ExitCodes.IO;
            }
        });
    }

    /** Column index → the values its cells may take, for the columns whose values come from a known set. */
    static Map<Integer, List<String>> lists(List<String> header, JsonNode form, PackReader reader, Procedure p) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            Matcher f = FORM_OPTION.matcher(h);
            if (f.find() && form != null) {
                List<String> opts = options(form, f.group(1).split("\\."), reader, 0);
                if (!opts.isEmpty()) {
                    out.put(i, opts);
                }
            } else if (CATEGORY.matcher(h).find()) {
                out.put(i, ApplicantCategory.codes());
            } else if (COMPONENT.matcher(h).find()) {
                out.put(i, p.components().stream().map(DossierComponent::id).toList());
            }
        }
        return out;
    }

    /** The options of the field at {@code path} ({@code enum}, {@code const}, {@code oneOf}/{@code anyOf} of consts). */
    static List<String> options(JsonNode schema, String[] path, PackReader reader, int depth) {
        JsonNode node = resolve(schema, reader, depth);
        for (String part : path) {
            if (node == null) {
                return List.of();
            }
            JsonNode props = node.get("properties");
            node = props == null ? null : resolve(props.get(part), reader, depth);
        }
        Set<String> out = new LinkedHashSet<>();
        collect(node, out, reader, depth);
        return List.copyOf(out);
    }

    private static void collect(JsonNode node, Set<String> out, PackReader reader, int depth) {
        if (node == null || depth > 12) {
            return;
        }
        if (node.get("enum") != null) {
            node.get("enum").forEach(v -> out.add(v.asString()));
        }
        if (node.get("const") != null) {
            out.add(node.get("const").asString());
        }
        for (String k : List.of("oneOf", "anyOf")) {
            if (node.get(k) != null) {
                node.get(k).forEach(v -> collect(resolve(v, reader, depth + 1), out, reader, depth + 1));
            }
        }
    }

    /** Follows a {@code $ref} to a shared form of the pack (forms/*.schema.json, by {@code $id}) or a local {@code #/…}. */
    private static JsonNode resolve(JsonNode node, PackReader reader, int depth) {
        if (node == null || node.get("$ref") == null || depth > 12) {
            return node;
        }
        String ref = node.get("$ref").asString();
        int hash = ref.indexOf('#');
        String doc = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode target = node;
        if (!doc.isEmpty()) {
            target = null;
            for (String f : reader.list("forms", ".json")) {
                JsonNode s = reader.text(f).map(JSON::readTree).orElse(null);
                if (s != null && s.get("$id") != null && s.get("$id").asString().equals(doc)) {
                    target = s;
                    break;
                }
            }
        }
        if (target == null) {
            return null;
        }
        JsonNode at = pointer.isEmpty() ? target : target.at(pointer);
        return resolve(at.isMissingNode() ? null : at, reader, depth + 1);
    }

    /** The table on the first sheet as the CSV had it, the lists on sheet {@code danh-muc}, and the validations. */
    static void write(OutputStream o, CsvTable csv, Map<Integer, List<String>> lists) throws IOException {
        Workbook wb = new Workbook(o, "motcua", "1.0");
        Worksheet rules = wb.newWorksheet("bang-quyet-dinh");
        Worksheet names = wb.newWorksheet("danh-muc");
        int r = 0;
        for (CsvTable.Row row : csv.rows()) {
            for (int c = 0; c < row.cells().size(); c++) {
                rules.value(r, c, row.cells().get(c));
            }
            r++;
        }
        int last = r + SPARE_ROWS - 1;
        int k = 0;
        for (Map.Entry<Integer, List<String>> e : lists.entrySet()) {
            names.value(0, k, csv.rows().get(0).cells().get(e.getKey()));
            for (int i = 0; i < e.getValue().size(); i++) {
                names.value(i + 1, k, e.getValue().get(i));
            }
            rules.range(1, e.getKey(), last, e.getKey()).validateWithList(names.range(1, k, e.getValue().size(), k))
                    // STOP: a value outside the list is refused (fastexcel lower-cases the style's name with the default
                    // locale; "stop" has no I, so the attribute stays valid under a Turkish default locale)
                    .allowBlank(true).errorStyle(DataValidationErrorStyle.STOP).showErrorMessage(true).errorTitle(CliMessages.both("CLI_XLSX_NOT_IN_LIST"))
                    .error(CliMessages.both("CLI_XLSX_PICK"));
            k++;
        }
        wb.finish();
    }
}
