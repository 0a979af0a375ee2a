package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision's JSON shape is stable: compared with golden files under golden/. The pack hash is
 * replaced by a placeholder so editing the test pack does not churn every golden file. Set
 * -Dmotcua.golden.update=true to rewrite them after an intended change (and review the diff).
 */
class DecisionJsonTest {
    static Engine engine;

    @BeforeAll
    static void load() {
        engine = TestPacks.engine();
        engine.load(DecisionJsonTest.class.getClassLoader(), "packs/ho-tich").orThrow();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "birth-one-of|1.001193|{\"giayChungSinh\":\"KHONG_CO\",\"treEm\":{\"ngaySinh\":\"2026-02-01\"}}",
        "marriage-ineligible|1.000894|{\"chong\":{\"ngaySinh\":\"2006-03-03\"},\"vo\":{\"ngaySinh\":\"2008-03-02\"},\"haiBenCoMat\":true,\"canXacMinh\":true}",
        "marriage-indeterminate|1.000894|{\"chong\":{\"ngaySinh\":\"không rõ\"},\"haiBenCoMat\":true}",
    })
    void toJson_matchesGoldenFile(String name, String procedure, String form) throws IOException {
        String json = "{\"procedure\":\"" + procedure + "\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\",\"form\":" + form + "}";
        Decision d = engine.decide(json);
        String actual = d.toJson().replace(d.provenance().packSha256(), "<sha256>") + "\n";
        String path = "golden/" + name + ".json";
        if (Boolean.getBoolean("motcua.golden.update")) {
            java.nio.file.Path out = java.nio.file.Path.of("src/test/resources", path);
            java.nio.file.Files.createDirectories(out.getParent());
            java.nio.file.Files.writeString(out, actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = DecisionJsonTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("missing golden file " + path + "; actual:\n" + actual);
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual);
        }
    }
}
