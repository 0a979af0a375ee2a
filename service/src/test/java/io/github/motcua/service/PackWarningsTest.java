package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A pack's load warnings (what does not keep it out: a procedure code in pack.yaml {@code cutOffs} the
 * pack does not have) reach the operator: in {@code /ready} by file, line, column and code (with the message, in the
 * language asked, only for the admin token), in the admin reload's answer, and in the service's log on load and
 * reload, Vietnamese / English.
 */
class PackWarningsTest {
    static final String TYPO = "1.001139";

    @TempDir
    Path dir;

    /** The cut-off rule's {@code except} list names a code the pack does not have (a typo of 1.001193). */
    static void exceptTypo(Path pack, String code) throws Exception {
        Path yaml = pack.resolve("pack.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        String edited = text.replaceFirst("except: \\[\"[0-9.]+\"\\]", "except: [\"" + code + "\"]");
        assertTrue(edited.contains("except: [\"" + code + "\"]"), "the Gia Lai pack.yaml no longer has a cutOffs except list to edit");
        Files.writeString(yaml, edited, StandardCharsets.UTF_8);
    }

    static JsonNode onlyWarning(JsonNode answer) {
        JsonNode w = answer.get("warnings");
        assertTrue(w != null && w.isArray(), "no warnings array: " + answer);
        assertEquals(1, w.size(), answer.toString());
        return w.get(0);
    }

    @Test
    void unknownCodeInCutOffs_isInReadyAndTheLog_vietnameseAndEnglish_andReloadsTellTheirOwn() throws Exception {
        Path pack = TestPacks.small(dir);
        exceptTypo(pack, TYPO);
        List<String> log = new CopyOnWriteArrayList<>();
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).adminToken(ReloadTest.TOKEN)
                .log(log::add).start()) {
            assertTrue(s.initialLoad().ok(), "a warning does not keep the pack out: " + s.initialLoad().problems());
            Client c = new Client(s.uri());

            // an unauthenticated probe: where and which code, not the message (which quotes the pack's text)
            HttpResponse<String> open = c.get("/ready", "vi");
            assertEquals(200, open.statusCode(), open.body());
            JsonNode place = onlyWarning(ReloadTest.json(open));
            assertEquals("UNKNOWN_PROCEDURE", place.get("code").asString());
            assertFalse(place.has("message"), open.body());
            assertFalse(open.body().contains(TYPO), open.body());

            // the admin (token) sees the message, in the language asked
            HttpResponse<String> vi = c.getAsAdmin("/ready", ReloadTest.TOKEN, "vi");
            assertEquals(200, vi.statusCode(), vi.body());
            JsonNode wVi = onlyWarning(ReloadTest.json(vi));
            assertEquals(place.get("line").asInt(), wVi.get("line").asInt());
            assertEquals("UNKNOWN_PROCEDURE", wVi.get("code").asString());
            assertEquals("pack.yaml", wVi.get("file").asString());
            assertTrue(wVi.get("line").asInt() > 0, wVi.toString());
            String msgVi = wVi.get("message").asString();
            assertTrue(msgVi.contains("[" + TYPO + "]") && msgVi.contains("không có trong bộ quy tắc")
                    && msgVi.contains("1.001193"), msgVi);

            JsonNode wEn = onlyWarning(ReloadTest.json(c.getAsAdmin("/ready", ReloadTest.TOKEN, "en")));
            String msgEn = wEn.get("message").asString();
            assertTrue(msgEn.contains("[" + TYPO + "]") && msgEn.contains("is not in the pack"), msgEn);
            assertFalse(msgEn.chars().anyMatch(ch -> ch > 0x7f), "Vietnamese in the English message: " + msgEn);
            assertEquals(wVi.get("line").asInt(), wEn.get("line").asInt());

            String line = log.stream().filter(l -> l.contains("[UNKNOWN_PROCEDURE]")).findFirst()
                    .orElseThrow(() -> new AssertionError("no warning in the log: " + log));
            assertEquals(DecisionService.warningLine(s.initialLoad().warnings().get(0)), line);
            // where and what, not the message: the message quotes the pack's text (the code it did not find)
            assertEquals("cảnh báo / warning: pack.yaml:" + wVi.get("line").asInt() + ":" + wVi.get("column").asInt()
                    + " [UNKNOWN_PROCEDURE]", line);
            assertFalse(line.contains(TYPO), line);
            assertEquals(s.initialLoad().warnings(), s.warnings());

            // the typo fixed (a code the pack has): the reload and /ready say no warning, and the log adds none
            exceptTypo(pack, "1.001193");
            log.clear();
            HttpResponse<String> fixed = c.admin(ReloadTest.TOKEN);
            assertEquals(200, fixed.statusCode(), fixed.body());
            assertEquals(0, ReloadTest.json(fixed).get("warnings").size(), fixed.body());
            assertEquals(0, ReloadTest.json(c.get("/ready")).get("warnings").size());
            assertTrue(s.warnings().isEmpty());
            assertTrue(log.stream().noneMatch(l -> l.contains("UNKNOWN_PROCEDURE")), log.toString());

            // broken again by a reload: its answer, /ready and the log tell the new pack's warning
            exceptTypo(pack, "9.999999");
            HttpResponse<String> again = c.admin(ReloadTest.TOKEN);
            assertEquals(200, again.statusCode(), again.body());
            assertTrue(onlyWarning(ReloadTest.json(again)).get("message").asString().contains("[9.999999]"), again.body());
            assertTrue(onlyWarning(ReloadTest.json(c.getAsAdmin("/ready", ReloadTest.TOKEN, "en"))).get("message").asString()
                    .contains("[9.999999]"));
            HttpResponse<String> openAgain = c.get("/ready", "en");
            assertEquals("UNKNOWN_PROCEDURE", onlyWarning(ReloadTest.json(openAgain)).get("code").asString());
            assertFalse(openAgain.body().contains("9.999999"), openAgain.body());
            assertTrue(log.stream().anyMatch(l -> l.startsWith("cảnh báo / warning: pack.yaml:") && l.endsWith("[UNKNOWN_PROCEDURE]")),
                    log.toString());
            assertTrue(log.stream().noneMatch(l -> l.contains("9.999999")), log.toString());
        }
    }
}
