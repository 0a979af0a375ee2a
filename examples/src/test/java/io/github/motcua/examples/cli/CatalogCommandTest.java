package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog} and {@code guide}: formats, files and exit codes. */
class CatalogCommandTest {
    @TempDir
    Path dir;

    @Test
    void catalog_csvToFile_utf8WithBomForExcel() throws IOException {
        Path f = dir.resolve("danh-muc.csv");
        Cli.Run r = Cli.run("catalog", Cli.GIA_LAI.toString(), "--format", "csv", "--out", f.toString(), "--as-of", "2026-03-01");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("", r.out());
        byte[] bytes = Files.readAllBytes(f);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\nToàn trình,GL.LLTP.01,Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam,"), csv);
    }

    @Test
    void catalog_json_toStandardOutput() {
        Cli.Run r = Cli.run("catalog", Cli.GIA_LAI.toString(), "--format", "json", "--as-of", "2026-03-01");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("\"fullyOnline\": ["), r.out());
        assertTrue(r.out().contains("\"asOf\": \"2026-03-01\""), r.out());
    }

    @Test
    void catalog_defaultHtml_english() {
        Cli.Run r = Cli.run("catalog", Cli.GIA_LAI.toString(), "--lang", "en", "--as-of", "2026-03-01");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("<h1>Published procedure catalogue</h1>"), r.out());
    }

    @Test
    void catalog_badAsOf_exitsFive() {
        Cli.Run r = Cli.run("catalog", Cli.GIA_LAI.toString(), "--as-of", "01/03/2026");
        assertEquals(ExitCodes.BAD_ARGUMENT, r.code());
        assertTrue(r.err().contains("[01/03/2026]"), r.err());
    }

    @Test
    void catalog_unknownFormat_isUsageError() {
        assertEquals(ExitCodes.USAGE, Cli.run("catalog", Cli.GIA_LAI.toString(), "--format", "pdf").code());
    }

    @Test
    void catalog_unwritableOut_exitsFour() {
        Cli.Run r = Cli.run("catalog", Cli.GIA_LAI.toString(), "--out", dir.resolve("no/such/dir/x.html").toString());
        assertEquals(ExitCodes.IO, r.code());
    }

    @Test
    void catalog_brokenPack_exitsTwo() {
        assertEquals(ExitCodes.PACK_PROBLEMS, Cli.run("catalog", dir.toString()).code());
    }

    @Test
    void guide_text_vietnamese() {
        Cli.Run r = Cli.run("guide", Cli.GIA_LAI.toString(), "2.000884", "--format", "text", "--as-of", "2026-03-01");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("HƯỚNG DẪN CHUẨN BỊ HỒ SƠ\nChứng thực chữ ký trong giấy tờ, văn bản (mã 2.000884)\n"), r.out());
    }

    @Test
    void guide_htmlDefault() {
        Cli.Run r = Cli.run("guide", Cli.GIA_LAI.toString(), "GL.LLTP.01", "--as-of", "2026-03-01");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("<h1>HƯỚNG DẪN CHUẨN BỊ HỒ SƠ</h1>"), r.out());
    }

    @Test
    void guide_unknownCode_exitsFive() {
        Cli.Run r = Cli.run("guide", Cli.GIA_LAI.toString(), "9.999");
        assertEquals(ExitCodes.BAD_ARGUMENT, r.code());
        assertTrue(r.err().contains("[9.999]"), r.err());
    }
}
