package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.PrebuiltPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session 17: special files never make a load wait. A named pipe (FIFO) opened for reading blocks until someone writes
 * to it — forever, if nobody does. Every read of pack content goes through the kernel's reader, which takes regular
 * files only; the one file an embedder names itself (a pack given as a path: a folder or a prebuilt pack) is opened
 * only when it is a regular file. The guard below is a hang detector (minutes), not a timing assertion.
 */
class SpecialFilesTest {
    @TempDir
    Path dir;

    private static Path fifo(Path at) throws IOException, InterruptedException {
        Files.createDirectories(at.getParent());
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo on this system: " + e.getMessage());
            return at;
        }
        Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(at), "mkfifo failed");
        return at;
    }

    @Test
    void load_aPipeGivenAsThePack_isNotFound_withoutWaiting() throws Exception {
        Path pipe = fifo(dir.resolve("goi.motcua"));
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            try (Engine e = Motcua.engine().build()) {
                LoadResult r = e.load(pipe);
                assertFalse(r.ok());
                assertEquals("PACK_NOT_FOUND", r.problems().get(0).code(), r.problems()::toString);
            }
            assertFalse(PrebuiltPack.isPrebuilt(pipe));
        });
    }

    @Test
    void load_pipesInsideThePack_areSkippedAsEveryNonRegularFile_withoutWaiting() throws Exception {
        Path pack = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        fifo(pack.resolve("procedures/1.001193/extra.rules.csv")); // a table the loader would read
        fifo(pack.resolve("calendar/2027.yaml"));
        Path outside = fifo(dir.resolve("outside.drl"));
        Files.createSymbolicLink(pack.resolve("procedures/1.001193/linked.drl"), outside);
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            try (Engine e = Motcua.engine().build()) {
                LoadResult r = e.load(pack);
                assertTrue(r.ok(), () -> r.problems().stream().map(PackProblem::toString).toList().toString());
            }
        });
    }
}
