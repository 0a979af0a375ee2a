package io.github.motcua.rules;

import io.github.motcua.rules.testing.GoldenFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision's JSON shape is stable: rules-core's test pack decided and compared with golden files
 * under golden/ through the one golden-file harness, {@link GoldenFiles} (the Gia Lai pack's golden
 * files in examples use it too). Set -Dmotcua.golden.update=true to rewrite them after an intended
 * change (and review the diff).
 */
class DecisionJsonTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
    static Engine engine;

    @BeforeAll
    static void load() {
        engine = Motcua.engine().clock(CLOCK).firingLimit(200).build();
        engine.load(TestPacks.source("ho-tich")).orThrow();
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
    void toJson_matchesGoldenFile(String name, String procedure, String form) {
        String json = "{\"procedure\":\"" + procedure + "\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T09:00:00+07:00\",\"form\":" + form + "}";
        GoldenFiles.assertMatches(engine.decide(json), Path.of("src", "test", "resources", "golden", name + ".json"));
    }
}
