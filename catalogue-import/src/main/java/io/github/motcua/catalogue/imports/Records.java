package io.github.motcua.catalogue.imports;

import io.github.motcua.kernel.JsonSyntax;
import io.github.motcua.kernel.PackReadException;
import io.github.motcua.kernel.PackReader;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads national records from files, folders of files, or JSON arrays. Each file is read through the
 * kernel's {@link PackReader} with its limits ({@link PackReader.Limits#DEFAULT}: 8 MB a file — the
 * largest real record is under 20 KB — and a symbolic link out of the file's folder refused), so a
 * record file meets the same limit as a pack file. Stateless.
 */
final class Records {
    /** The one limit of every file the import reads: the kernel reader's. */
    static final PackReader.Limits LIMITS = PackReader.Limits.DEFAULT;
    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Records() {
    }

    /** Every record of the inputs, in order (folders: their {@code *.json} files by name); problems go to the list. */
    static List<RecordInput> read(List<Path> inputs, List<ImportProblem> problems) {
        List<RecordInput> out = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                List<Path> files;
                try (Stream<Path> s = Files.list(in)) {
                    files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
                } catch (IOException e) {
                    problems.add(ImportMessages.problem(in.toString(), null, ImportProblem.Kind.IO, "", "refuse.folderUnreadable",
                            "detail", String.valueOf(e.getMessage())));
                    continue;
                }
                for (Path f : files) {
                    file(f, out, problems);
                }
            } else {
                file(in, out, problems);
            }
        }
        return out;
    }

    private static void file(Path f, List<RecordInput> out, List<ImportProblem> problems) {
        String name = f.toString();
        String text;
        try {
            Path abs = f.toAbsolutePath();
            Path folder = abs.getParent();
            java.util.Optional<byte[]> read = folder == null || !Files.isRegularFile(f) ? java.util.Optional.empty()
                    : PackReader.of(folder, LIMITS).bytes(abs.getFileName().toString());
            if (read.isEmpty()) {
                problems.add(ImportMessages.problem(name, null, ImportProblem.Kind.IO, "", "refuse.noFile"));
                return;
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(read.get())).toString();
        } catch (PackReadException e) {
            // the kernel reader's refusal (FILE_TOO_LARGE, LINK_OUTSIDE_PACK, IO), in its own words
            // (IO: a Vietnamese sentence first, the system's English only quoted after the English)
            Problem p = e.problem();
            ImportProblem.Kind kind = ProblemCode.FILE_TOO_LARGE.equals(p.code()) ? ImportProblem.Kind.TEXT_TOO_LONG
                    : ImportProblem.Kind.IO;
            problems.add(new ImportProblem(name, null, kind, "", p.messageVi(), p.messageEn()));
            return;
        } catch (CharacterCodingException e) {
            problems.add(ImportMessages.problem(name, null, ImportProblem.Kind.MALFORMED_JSON, "", "refuse.notUtf8"));
            return;
        }
        parse(name, text, out, problems);
    }

    static void parse(String name, String text, List<RecordInput> out, List<ImportProblem> problems) {
        JsonNode root;
        String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            // the kernel's plain words at the parser's line and column: never the parser's English in the Vietnamese
            var loc = e.getLocation();
            Problem p = JsonSyntax.problem(name, json, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    e.getOriginalMessage());
            String line = Integer.toString(p.line());
            String column = Integer.toString(p.column());
            String key = p.line() > 0 ? "refuse.malformedJson" : "refuse.malformedJsonNoPlace";
            problems.add(new ImportProblem(name, null, ImportProblem.Kind.MALFORMED_JSON, "",
                    ImportMessages.vi(key, "line", line, "column", column, "detail", p.messageVi()),
                    ImportMessages.en(key, "line", line, "column", column, "detail", p.messageEn())));
            return;
        }
        if (root == null || root.isMissingNode()) {
            problems.add(ImportMessages.problem(name, null, ImportProblem.Kind.MALFORMED_JSON, "", "refuse.emptyFile"));
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                JsonNode r = root.get(i);
                if (r.isObject()) {
                    out.add(new RecordInput(name + "[" + i + "]", r));
                } else {
                    problems.add(ImportMessages.problem(name + "[" + i + "]", null, ImportProblem.Kind.WRONG_TYPE, "",
                            "refuse.notARecord"));
                }
            }
        } else if (root.isObject()) {
            out.add(new RecordInput(name, root));
        } else {
            problems.add(ImportMessages.problem(name, null, ImportProblem.Kind.WRONG_TYPE, "", "refuse.notRecords"));
        }
    }
}
