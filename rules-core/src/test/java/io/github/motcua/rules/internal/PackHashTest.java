package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.PrebuiltPack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pack's hash — the identity every decision cites (its provenance), {@code PackInfo.sha256} and the prebuilt
 * artifact's name and check — is the SHA-256 of each file's path (UTF-8), a zero byte, its length in decimal and a
 * colon, and its bytes, the files in path order. Issue 15, session 24 moved the first load's hash off the calling
 * thread (a load thread free of folders works it out while the calling thread loads the forms); these tests hold the
 * result to the definition, digested here as session 23's code digested it, on random files and on the Gia Lai pack
 * loaded from its folder and as a prebuilt artifact.
 */
class PackHashTest {
    private static final Path GIA_LAI = Path.of("..", "examples", "packs", "gia-lai");

    /** Session 23's {@code PackFiles.computeSha256}, kept verbatim: four updates a file. */
    private static String definition(Map<String, byte[]> files) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Map.Entry<String, byte[]> e : new TreeMap<>(files).entrySet()) {
            md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(String.format(java.util.Locale.ROOT, "%d:", e.getValue().length).getBytes(StandardCharsets.US_ASCII));
            md.update(e.getValue());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void sha256_randomFiles_isTheDefinitionsDigest() throws Exception {
        Random r = new Random(2415);
        List<Integer> sizes = List.of(0, 1, 9, 10, 99, 100, 65_535, 65_536, 65_537, 200_000, 1_000_000);
        for (int round = 0; round < 40; round++) {
            Map<String, byte[]> files = new TreeMap<>();
            int count = 1 + r.nextInt(12);
            for (int i = 0; i < count; i++) {
                byte[] bytes = new byte[round == 0 ? sizes.get(i % sizes.size()) : sizes.get(r.nextInt(sizes.size()))];
                r.nextBytes(bytes);
                String path = (r.nextBoolean() ? "procedures/thủ-tục-" : "forms/") + i + "-" + r.nextInt(1000) + ".yaml";
                files.put(path, bytes);
            }
            assertEquals(definition(files), PackFiles.of("test", files).sha256(), "round " + round);
        }
        assertEquals(definition(Map.of()), PackFiles.of("empty", Map.of()).sha256());
    }

    @Test
    void load_folderAndPrebuiltArtifact_citeTheDefinitionsDigest(@TempDir Path dir) throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        PackFiles read = PackFiles.read(GIA_LAI, problems);
        assertTrue(problems.isEmpty(), problems::toString);
        assertTrue(read.files().size() > 100, () -> "files: " + read.files().size());
        String expected = definition(read.files());
        assertEquals(expected, read.sha256());
        try (Engine engine = Motcua.engine().build()) {
            assertEquals(expected, engine.load(GIA_LAI).orThrow().sha256());
        }
        Path artifact = dir.resolve("gia-lai.motcua");
        try (PrebuiltPack built = PrebuiltPack.compile(GIA_LAI)) {
            built.write(artifact);
        }
        assertTrue(Files.size(artifact) > 0);
        try (Engine engine = Motcua.engine().build()) {
            assertEquals(expected, engine.load(artifact).orThrow().sha256());
        }
    }
}
