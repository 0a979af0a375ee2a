package io.github.motcua.catalogue.imports;

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

/** Reads national records from files, folders of files, or JSON arrays. Stateless. */
final class Records {
    /** A record file larger than this is refused (the largest real record is under 20 KB). */
    static final long MAX_FILE = 64L * 1024 * 1024;
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
                    problems.add(new ImportProblem(in.toString(), null, ImportProblem.Kind.IO, "",
                            "Không đọc được thư mục: " + e.getMessage(), "cannot read the folder: " + e.getMessage()));
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
            if (!Files.isRegularFile(f)) {
                problems.add(new ImportProblem(name, null, ImportProblem.Kind.IO, "", "Không có tệp này", "no such file"));
                return;
            }
            if (Files.size(f) > MAX_FILE) {
                problems.add(new ImportProblem(name, null, ImportProblem.Kind.TEXT_TOO_LONG, "",
                        "Tệp lớn hơn " + MAX_FILE + " byte", "the file is larger than " + MAX_FILE + " bytes"));
                return;
            }
            byte[] bytes = Files.readAllBytes(f);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new ImportProblem(name, null, ImportProblem.Kind.MALFORMED_JSON, "",
                    "Tệp không phải UTF-8", "the file is not UTF-8"));
            return;
        } catch (IOException e) {
            problems.add(new ImportProblem(name, null, ImportProblem.Kind.IO, "", "Không đọc được tệp: " + e.getMessage(),
                    "cannot read the file: " + e.getMessage()));
            return;
        }
        parse(name, text, out, problems);
    }

    static void parse(String name, String text, List<RecordInput> out, List<ImportProblem> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JacksonException e) {
            String msg = e.getOriginalMessage();
            problems.add(new ImportProblem(name, null, ImportProblem.Kind.MALFORMED_JSON, "",
                    "JSON không hợp lệ: " + msg, "malformed JSON: " + msg));
            return;
        }
        if (root == null || root.isMissingNode()) {
            problems.add(new ImportProblem(name, null, ImportProblem.Kind.MALFORMED_JSON, "", "Tệp rỗng", "empty file"));
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                JsonNode r = root.get(i);
                if (r.isObject()) {
                    out.add(new RecordInput(name + "[" + i + "]", r));
                } else {
                    problems.add(new ImportProblem(name + "[" + i + "]", null, ImportProblem.Kind.WRONG_TYPE, "",
                            "Phần tử không phải một bản ghi (đối tượng JSON)", "the element is not a record (JSON object)"));
                }
            }
        } else if (root.isObject()) {
            out.add(new RecordInput(name, root));
        } else {
            problems.add(new ImportProblem(name, null, ImportProblem.Kind.WRONG_TYPE, "",
                    "Tệp phải chứa một bản ghi hoặc một mảng bản ghi", "the file must hold a record or an array of records"));
        }
    }
}
