package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A reload of a hostile pack (a fee table whose header is 30,000 unknown columns, made in a temporary folder deleted
 * after) is refused with the first 10,000 problems and one {@code PROBLEMS_MORE} counting the rest; the serving pack
 * keeps serving (session 21: the problem list had no cap).
 */
class ReloadProblemCapTest {
    @TempDir
    Path dir;

    @Test
    void adminReload_hostilePack_422WithTheCappedList_andTheServingPackStays() throws Exception {
        Path pack = TestPacks.small(dir);
        try (DecisionService s = DecisionService.builder(pack).clock(TestPacks.CLOCK).adminToken(ReloadTest.TOKEN).start()) {
            Client c = new Client(s.uri());
            String serving = s.pack().orElseThrow().sha256();
            Files.writeString(pack.resolve("procedures/2.000815/fees.csv"), "x,".repeat(29_999) + "x\n", StandardCharsets.UTF_8);
            HttpResponse<String> refused = c.admin(ReloadTest.TOKEN);
            assertEquals(422, refused.statusCode());
            JsonNode p = ReloadTest.json(refused);
            assertEquals("PACK_PROBLEMS", p.get("code").asString());
            JsonNode problems = p.get("problems");
            assertEquals(10_001, problems.size());
            JsonNode last = problems.get(10_000);
            assertEquals("PROBLEMS_MORE", last.get("code").asString(), last.toString());
            assertEquals("procedures/2.000815/fees.csv", last.get("file").asString());
            assertTrue(p.get("detail").asString().contains("10000+"), p.get("detail").asString());
            assertEquals(serving, p.get("packSha256").asString());
            assertEquals(200, c.post("/decisions", TestPacks.dossier("khai-sinh-sau-15-gio")).statusCode());
            assertEquals(serving, s.pack().orElseThrow().sha256());
        }
    }
}
