package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 16 item 2: reload without restart, by the admin endpoint and by watching the folder. */
class ReloadTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOKEN = "s3cret-token-of-the-operator";

    @TempDir
    Path dir;

    static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    static void append(Path file, String text) throws Exception {
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + text, StandardCharsets.UTF_8);
    }

    static Path birthRules(Path pack) {
        return pack.resolve("procedures/1.001193/rules.drl");
    }

    @Test
    void adminReload_withoutATokenAtStart_isRefusedWhateverIsSent() {
        Path pack = TestPacks.small(dir);
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).start()) {
            Client c = new Client(s.uri());
            HttpResponse<String> r = c.admin("anything-at-all-16");
            assertEquals(403, r.statusCode());
            assertEquals("ADMIN_DISABLED", json(r).get("code").asString());
            assertEquals(403, c.admin(null).statusCode());
        }
    }

    @Test
    void adminToken_tooShort_isRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> DecisionService.builder(dir).adminToken("short"));
    }

    @Test
    void adminReload_wrongOrMissingToken_is401AndNothingIsReloaded() throws Exception {
        Path pack = TestPacks.small(dir);
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).adminToken(TOKEN).start()) {
            Client c = new Client(s.uri());
            String before = s.pack().orElseThrow().sha256();
            append(pack.resolve("pack.yaml"), "\n# edited\n");
            for (String wrong : new String[] {null, "s3cret-token-of-the-operatoR", TOKEN + "x", ""}) {
                HttpResponse<String> r = c.admin(wrong);
                assertEquals(401, r.statusCode(), String.valueOf(wrong));
                assertEquals("UNAUTHORIZED", json(r).get("code").asString());
                assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
            }
            assertEquals(before, s.pack().orElseThrow().sha256());
        }
    }

    @Test
    void adminReload_goodPackSwaps_brokenPackIsReportedAndNeverServed() throws Exception {
        Path pack = TestPacks.small(dir);
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).adminToken(TOKEN).start()) {
            Client c = new Client(s.uri());
            String first = s.pack().orElseThrow().sha256();
            append(pack.resolve("pack.yaml"), "\n# a new version\n");
            HttpResponse<String> ok = c.admin(TOKEN);
            assertEquals(200, ok.statusCode(), ok.body());
            String second = json(ok).get("packSha256").asString();
            assertNotEquals(first, second);
            assertEquals(second, ok.headers().firstValue(Api.PACK_HEADER).orElseThrow());
            assertEquals(second, json(c.post("/decisions", TestPacks.dossier("khai-sinh-sau-15-gio")))
                    .get("provenance").get("packSha256").asString());

            append(birthRules(pack), "\nrule \"broken\" when then x( end\n");
            HttpResponse<String> refused = c.admin(TOKEN);
            assertEquals(422, refused.statusCode());
            JsonNode p = json(refused);
            assertEquals("PACK_PROBLEMS", p.get("code").asString());
            assertTrue(p.get("problems").get(0).get("file").asString().endsWith("rules.drl"), p.toString());
            assertEquals(second, p.get("packSha256").asString());
            // still the good pack, for every kind of answer
            HttpResponse<String> d = c.post("/decisions", TestPacks.dossier("khai-sinh-sau-15-gio"));
            assertEquals(200, d.statusCode());
            assertEquals(second, d.headers().firstValue(Api.PACK_HEADER).orElseThrow());
            assertEquals(second, json(c.get("/ready")).get("packSha256").asString());
        }
    }

    @Test
    void initialPackBroken_serviceRunsButIsNotReadyUntilAGoodReload() throws Exception {
        Path pack = TestPacks.small(dir);
        Path rules = birthRules(pack);
        String good = Files.readString(rules, StandardCharsets.UTF_8);
        append(rules, "\nrule \"broken\" when then x( end\n");
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).adminToken(TOKEN).start()) {
            Client c = new Client(s.uri());
            assertTrue(!s.initialLoad().ok());
            assertEquals(200, c.get("/health").statusCode());
            HttpResponse<String> ready = c.get("/ready");
            assertEquals(503, ready.statusCode());
            assertTrue(ready.headers().firstValue(Api.PACK_HEADER).isEmpty());
            assertEquals(503, c.post("/decisions", TestPacks.dossier("khai-sinh-sau-15-gio")).statusCode());
            assertEquals(503, c.get("/procedures").statusCode());

            Files.writeString(rules, good, StandardCharsets.UTF_8);
            assertEquals(200, c.admin(TOKEN).statusCode());
            assertEquals(200, c.get("/ready").statusCode());
            assertEquals(200, c.post("/decisions", TestPacks.dossier("khai-sinh-sau-15-gio")).statusCode());
        }
    }

    @Test
    void watch_reloadsAfterTheFilesChange_andKeepsTheGoodPackWhenTheEditBreaksIt() throws Exception {
        Path pack = TestPacks.small(dir);
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).watch(true)
                .watchQuiet(Duration.ofMillis(200)).start()) {
            Client c = new Client(s.uri());
            String first = s.pack().orElseThrow().sha256();
            append(pack.resolve("pack.yaml"), "\n# saved by an analyst\n");
            String second = awaitChange(c, first);
            assertNotEquals(first, second);

            append(birthRules(pack), "\nrule \"broken\" when then x( end\n");
            append(pack.resolve("pack.yaml"), "\n# saved again\n");
            // the broken edit is reported and not served: once a later good edit is picked up, the
            // hash moves straight from the second pack to the third
            Files.writeString(birthRules(pack), Files.readString(birthRules(pack)).replace("\nrule \"broken\" when then x( end\n", ""));
            String third = awaitChange(c, second);
            assertNotEquals(second, third);
            assertEquals(200, c.post("/decisions", TestPacks.dossier("khai-sinh-sau-15-gio")).statusCode());
        }
    }

    /** Polls /ready until it names another pack than {@code old} (the watch reloads in the background). */
    static String awaitChange(Client c, String old) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode ready = json(c.get("/ready"));
            String now = ready.get("packSha256").asString();
            if (!now.equals(old)) {
                return now;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the watch did not reload within a minute");
    }
}
