package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 3: {@code decide --text} lists each basis once and names the procedure in the header.
 */
class DecideTextTest {
    static final String PACK = "packs/gia-lai";
    static final String LAND = "dossiers/dat-dai-xa-kho-khan.json";

    static int lineOf(Path file, String prefix) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not in " + file);
    }

    @Test
    void decideText_landChange_eachBasisOnceAndTheName() throws IOException {
        MainTest.Run r = MainTest.run("decide", PACK, LAND, "--text");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("Thủ tục: 1.013831 — Đăng ký biến động quyền sử dụng đất"), out);
        // the +10-day rule fired and extended the deadline: one line in the basis list
        long extension = out.lines().filter(l -> l.startsWith("  procedures/1.013831/rules.drl:")
                && l.contains("cộng thêm 10 ngày làm việc")).count();
        assertEquals(1, extension, out);
    }

    @Test
    void decideText_english_headerNamedInEnglish() {
        MainTest.Run r = MainTest.run("decide", PACK, LAND, "--text", "--lang", "en");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("Procedure: 1.013831 — "), r.out());
        assertTrue(r.out().contains("Outcome: ELIGIBLE"), r.out());
    }
}
