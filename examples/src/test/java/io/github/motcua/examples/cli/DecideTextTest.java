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
 * Issue 19 item 3: {@code decide --text} cites real lines (the deadline's line in procedure.yaml, not
 * line 0), each basis once, and names the procedure in the header.
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
    void decideText_landChange_realLinesEachBasisOnceAndTheName() throws IOException {
        MainTest.Run r = MainTest.run("decide", PACK, LAND, "--text");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith("Thủ tục: 1.013831 — Đăng ký biến động quyền sử dụng đất"), out);
        int deadline = lineOf(Path.of(PACK, "procedures/1.013831/procedure.yaml"), "deadline:");
        assertTrue(out.contains("  procedures/1.013831/procedure.yaml:" + deadline + " thời hạn "), out);
        assertFalse(out.contains("procedure.yaml:0 "), out);
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

    /** Issue 18 item 3: a decision counted over a year the pack has no official schedule for says so. */
    @Test
    void decide_inAComputedYear_namesTheYear(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path dossier = dir.resolve("2027.json");
        Files.writeString(dossier, Files.readString(Path.of("dossiers/khai-sinh-sau-15-gio.json"))
                .replace("2026-02-13T15:30:00+07:00", "2027-03-09T09:00:00+07:00").replace("2026-01-20", "2027-03-01"));
        MainTest.Run vi = MainTest.run("decide", PACK, dossier.toString(), "--text");
        assertEquals(ExitCodes.OK, vi.code(), vi.out() + vi.err());
        assertTrue(vi.out().contains("Ghi chú: Năm 2027: ngày làm việc được tính toán theo âm lịch"), vi.out());
        MainTest.Run json = MainTest.run("decide", PACK, dossier.toString());
        assertTrue(json.out().contains("Year 2027: working days computed from the lunar calendar"), json.out());
        MainTest.Run official = MainTest.run("decide", PACK, "dossiers/khai-sinh-sau-15-gio.json", "--text");
        assertFalse(official.out().contains("tính toán theo âm lịch"), official.out());
    }
}
