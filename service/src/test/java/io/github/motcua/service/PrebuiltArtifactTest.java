package io.github.motcua.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PrebuiltPack;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service started on a prebuilt pack artifact ({@code build PACK --out FILE}) instead of a
 * folder: it only calls {@code Engine.load}/{@code reload}, so it serves the artifact, and its
 * decisions are the folder's, byte for byte.
 */
class PrebuiltArtifactTest {
    static final String TOKEN = "prebuilt-artifact-test-token";

    @TempDir
    Path dir;

    @Test
    void serve_prebuiltArtifact_answersWhatTheFolderAnswers_andReloadsIt() throws Exception {
        Path pack = TestPacks.small(dir);
        Path artifact = dir.resolve("gia-lai.motcua");
        try (PrebuiltPack p = PrebuiltPack.compile(pack)) {
            p.load().orThrow();
            p.write(artifact);
        }
        try (Engine folder = Motcua.engine().clock(TestPacks.CLOCK).build();
                DecisionService s = DecisionService.builder(artifact).clock(TestPacks.CLOCK).adminToken(TOKEN).start()) {
            assertTrue(folder.load(pack).ok());
            assertTrue(s.initialLoad().ok(), () -> s.initialLoad().problems().toString());
            assertEquals(folder.pack().orElseThrow().sha256(), s.pack().orElseThrow().sha256());
            Client c = new Client(s.uri());
            for (String name : List.of("khai-sinh-sau-15-gio", "ket-hon-chu-re-chua-du-20-tuoi", "chung-thuc-ban-sao-300-trang")) {
                String dossier = TestPacks.dossier(name);
                HttpResponse<String> r = c.post("/decisions", dossier);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(folder.decide(dossier).toJson() + "\n", r.body(), name);
            }
            assertEquals(200, c.admin(TOKEN).statusCode());
            assertEquals(200, c.get("/procedures/1.001193/form").statusCode());
        }
    }
}
