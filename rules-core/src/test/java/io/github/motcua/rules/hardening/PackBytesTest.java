package io.github.motcua.rules.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.PackReader;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.ReloadResult;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack's files are read into memory at a load, each under 8 MB — and, since session 17, all of them under 256 MB
 * together ({@link PackReader.Limits#DEFAULT}). Before, 50,000 files of 8 MB were all read: 80 notes of 7 MB beside the
 * Gia Lai pack ran {@code check} with a 512 MB heap out of memory, and a reload would have done so in the serving JVM.
 * Here 33 files of 8 MB (sparse: they take no disk) are dropped beside a serving pack: the reload is refused naming the
 * file that passes the total, and the old pack keeps answering.
 */
class PackBytesTest {
    @TempDir
    Path dir;

    @Test
    void reload_filesTogetherOverTheTotal_refusedNamingTheFile_andTheOldPackKeepsServing() throws Exception {
        Path p = HardeningPacks.copy("ho-tich", dir.resolve("pack"));
        try (Engine e = Motcua.engine().build()) {
            assertTrue(e.load(p).ok());
            String before = e.pack().orElseThrow().sha256();
            Path notes = Files.createDirectories(p.resolve("notes"));
            long each = PackReader.Limits.DEFAULT.maxFileBytes(); // the largest a file may be
            int files = (int) (PackReader.Limits.DEFAULT.maxTotalBytes() / each) + 1;
            for (int i = 0; i < files; i++) {
                try (RandomAccessFile f = new RandomAccessFile(notes.resolve(String.format("ghi-chu-%02d.md", i)).toFile(), "rw")) {
                    f.setLength(each);
                }
            }
            ReloadResult r = e.reload(p).get();
            assertFalse(r.swapped());
            PackProblem q = r.problems().stream().filter(x -> x.code().equals("PACK_TOO_MANY_BYTES")).findFirst()
                    .orElseThrow(() -> new AssertionError(r.problems().toString()));
            assertTrue(q.file().startsWith("notes/ghi-chu-"), q.file());
            assertTrue(q.messageVi().startsWith("Bộ quy tắc quá lớn"), q.messageVi());
            assertEquals(before, e.pack().orElseThrow().sha256());
            Decision d = e.decide(HardeningPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            assertEquals(before, d.provenance().packSha256());
        }
    }
}
