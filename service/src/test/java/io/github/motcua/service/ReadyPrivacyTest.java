package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Session 16: {@code GET /ready} is open to every probe, so it names the serving pack's warnings by file, line, column and
 * code only — a warning's message may quote the pack's text, as the log no longer does (docs/service.md, "What the log
 * says of a pack"); with the admin token it has the messages, and a wrong token is refused as the admin reload refuses it.
 */
class ReadyPrivacyTest {
    static final String SECRET = ReloadLogTest.SECRET;

    @TempDir
    Path dir;

    @Test
    void warnedPackQuotingASecret_readyNamesPlaceAndCodeOnly_adminSeesTheMessage() throws Exception {
        Path pack = TestPacks.small(dir);
        PackWarningsTest.exceptTypo(pack, SECRET);
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).adminToken(ReloadTest.TOKEN).start()) {
            assertTrue(s.initialLoad().ok(), "a warning does not keep the pack out: " + s.initialLoad().problems());
            assertTrue(s.warnings().stream().anyMatch(w -> w.messageVi().contains(SECRET) && w.messageEn().contains(SECRET)),
                    "the test needs a warning that quotes the pack: " + s.warnings());
            Client c = new Client(s.uri());
            for (String language : new String[] {"vi", "en"}) {
                HttpResponse<String> open = c.get("/ready", language);
                assertEquals(200, open.statusCode(), open.body());
                assertFalse(open.body().contains(SECRET) || open.body().contains("Hunter2"), open.body());
                JsonNode w = PackWarningsTest.onlyWarning(ReloadTest.json(open));
                assertEquals("pack.yaml", w.get("file").asString());
                assertTrue(w.get("line").asInt() > 0 && w.get("column").asInt() > 0, w.toString());
                assertEquals("UNKNOWN_PROCEDURE", w.get("code").asString());
                assertFalse(w.has("message"), w.toString());

                HttpResponse<String> admin = c.getAsAdmin("/ready", ReloadTest.TOKEN, language);
                assertEquals(200, admin.statusCode(), admin.body());
                JsonNode full = PackWarningsTest.onlyWarning(ReloadTest.json(admin));
                assertTrue(full.get("message").asString().contains(SECRET), admin.body());
                assertEquals(w.get("line").asInt(), full.get("line").asInt());
                assertEquals(w.get("column").asInt(), full.get("column").asInt());
            }
        }
    }

    @Test
    void brokenReloadQuotingASecret_neverInReady() throws Exception {
        Path pack = TestPacks.small(dir);
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).adminToken(ReloadTest.TOKEN).start()) {
            ReloadTest.append(ReloadTest.birthRules(pack), ReloadLogTest.brokenRule());
            Client c = new Client(s.uri());
            HttpResponse<String> refused = c.admin(ReloadTest.TOKEN);
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains(SECRET), "the test needs a problem that quotes the file: " + refused.body());
            for (String language : new String[] {"vi", "en"}) {
                HttpResponse<String> open = c.get("/ready", language);
                assertEquals(200, open.statusCode(), open.body());
                assertFalse(open.body().contains(SECRET) || open.body().contains("Hunter2"), open.body());
            }
        }
    }

    @Test
    void readyWithAWrongToken_401_withoutAdmin_403_withoutHeader_200() throws Exception {
        Path pack = TestPacks.small(dir);
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).adminToken(ReloadTest.TOKEN).start()) {
            Client c = new Client(s.uri());
            HttpResponse<String> wrong = c.getAsAdmin("/ready", "not-the-token-of-the-operator", null);
            assertEquals(401, wrong.statusCode(), wrong.body());
            assertEquals("Bearer realm=\"motcua-admin\"", wrong.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(200, c.get("/ready").statusCode());
        }
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).start()) {
            Client c = new Client(s.uri());
            HttpResponse<String> disabled = c.getAsAdmin("/ready", ReloadTest.TOKEN, null);
            assertEquals(403, disabled.statusCode(), disabled.body());
            assertTrue(disabled.body().contains("ADMIN_DISABLED"), disabled.body());
            assertEquals(200, c.get("/ready").statusCode());
        }
    }
}
