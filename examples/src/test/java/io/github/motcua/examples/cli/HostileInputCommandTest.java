package io.github.motcua.examples.cli;

import static io.github.motcua.examples.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.examples.cli.Cli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11 (sec-edge): hostile pack content and dossiers give the documented exit codes, never a stack trace. */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // a hang guard, not a performance assertion
class HostileInputCommandTest {
    static final String SHEET = "xl/worksheets/sheet1.xml";

    /** About 3 MB that inflates to 3 GB. */
    static byte[] bomb() {
        return ZipBombs.zip(List.of(
                ZipBombs.deflated("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8)),
                new ZipBombs.Raw(SHEET, 8, ZipBombs.deflatedRepeat((byte) ' ', 3000), 3000L * 1024 * 1024)), 0);
    }

    @Test
    void check_feeTableBomb_exitsTwoNamingTheFile(@TempDir Path dir) throws IOException {
        Path pack = Cli.copyOfSmallPack(dir);
        Files.write(pack.resolve("procedures/1.001193/fees.xlsx"), bomb());
        Run r = run("check", pack.toString(), "--lang", "en");
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("procedures/1.001193/fees.xlsx"), r.out());
        assertTrue(r.out().contains("inflates to 3145728000 bytes"), r.out());
        assertTrue(!r.err().contains("OutOfMemoryError") && !r.err().contains("\tat "), r.err());
    }

    @Test
    void check_templateOutsideAllowlist_exitsTwoWithFileAndLine(@TempDir Path dir) throws IOException {
        Path pack = Cli.copyOfSmallPack(dir);
        Files.createDirectories(pack.resolve("templates"));
        Files.writeString(pack.resolve("templates/receipt.ftlh"), "<#-- x -->\n${\"\"?left_pad(2000000000)}");
        Run r = run("check", pack.toString(), "--lang", "en");
        assertEquals(ExitCodes.PACK_PROBLEMS, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("templates/receipt.ftlh:2:"), r.out());
        assertTrue(r.out().contains("[TEMPLATE_REFUSED]"), r.out());
    }
}
