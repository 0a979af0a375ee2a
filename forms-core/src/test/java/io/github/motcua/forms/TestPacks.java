package io.github.motcua.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** In-memory packs for tests: the real Gia Lai common schema plus a test procedure form. */
final class TestPacks {
    static final String FORM = "T.001";
    static final Path COMMON = Path.of("../examples/packs/gia-lai/forms/common.schema.json");

    private TestPacks() {
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (var in = TestPacks.class.getResourceAsStream("/packs/test/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> files() {
        Map<String, String> files = new HashMap<>();
        files.put("forms/common.schema.json", read(COMMON));
        files.put("procedures/" + FORM + "/form.schema.json", resource("form.schema.json"));
        files.put("units.yaml", "- code: \"52-xa-ia-o\"\n  name: { vi: \"Xã Ia O\" }\n- code: \"52-phuong-quy-nhon\"\n  name: { vi: \"Phường Quy Nhơn\" }\n");
        return files;
    }

    static FormRegistry registry() {
        return Forms.builder().packFiles(files()).build();
    }
}
