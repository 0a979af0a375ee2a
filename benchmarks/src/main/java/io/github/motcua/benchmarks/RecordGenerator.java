package io.github.motcua.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes N national procedure records shaped like the real ones (the shared set in
 * {@code examples/imports/dvc-records}): record i is real record {@code i mod 21} with the code
 * {@code 8.xxxxxx} and id changed, everything else (deadlines of unit OTHER, 10 USD fees, repeated case
 * codes, decomposed Vietnamese, empty agencies) kept, so the import meets every real flaw at scale.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.RecordGenerator OUT [N=2000]
 * [RECORDS=examples/imports/dvc-records]}. Not thread-safe.
 */
public final class RecordGenerator {
    private RecordGenerator() {
    }

    /** The real records of a folder, by file name. */
    static List<JsonNode> templates(Path records) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(records)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                out.add(json.readTree(Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no *.json record in " + records);
        }
        return out;
    }

    /** The synthetic code of record i. */
    static String code(int i) {
        return String.format(Locale.ROOT, "8.%06d", i + 1);
    }

    /** Writes n records as {@code OUT/<code>.json}. */
    static void generate(Path out, int n, Path records) throws IOException {
        List<JsonNode> t = templates(records);
        JsonMapper json = JsonMapper.builder().build();
        Files.createDirectories(out);
        for (int i = 0; i < n; i++) {
            ObjectNode r = (ObjectNode) t.get(i % t.size()).deepCopy();
            r.put("code", code(i));
            r.put("codeNotation", code(i));
            r.put("id", "synthetic-" + code(i));
            Files.writeString(out.resolve(code(i) + ".json"), json.writeValueAsString(r), StandardCharsets.UTF_8);
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/records");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        Path records = Path.of(args.length > 2 ? args[2] : "examples/imports/dvc-records");
        generate(out, n, records);
        System.out.println("wrote " + n + " records to " + out);
    }
}
