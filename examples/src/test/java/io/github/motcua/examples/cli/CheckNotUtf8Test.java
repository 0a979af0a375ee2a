package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on a pack with one letter saved in another encoding: the kernel's {@code NOT_UTF8} at the file, line
 * and column to fix, in Vietnamese (the default) or English, exit 2 — never a U+FFFD the analyst cannot see.
 */
class CheckNotUtf8Test {
    @TempDir
    Path dir;

    @Test
    void check_malformedByteInARuleFile_namesItsLineAndColumn_exitsTwo() throws IOException {
        Path p = Cli.copyOfSmallPack(dir);
        Path drl = p.resolve("procedures/1.000894/rules.drl");
        byte[] b = Files.readAllBytes(drl);
        int i = 0;
        while ((b[i] & 0xFF) < 0xC2) { // the first letter outside ASCII: its lead byte stays, the next becomes 'x'
            i++;
        }
        String before = new String(b, 0, i, StandardCharsets.UTF_8);
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        String lastLine = before.substring(before.lastIndexOf('\n') + 1);
        int column = lastLine.codePointCount(0, lastLine.length()) + 1;
        b[i + 1] = 'x';
        Files.write(drl, b);
        Cli.Run vi = Cli.run("check", p.toString());
        assertEquals(ExitCodes.PACK_PROBLEMS, vi.code(), vi.out() + vi.err());
        String at = "procedures/1.000894/rules.drl:" + line + ":" + column + ": [NOT_UTF8] ";
        assertTrue(vi.out().contains(at + "Tệp không phải văn bản UTF-8 (hãy lưu với mã UTF-8)"), vi.out());
        assertFalse(vi.out().contains("\uFFFD") || vi.err().contains("\uFFFD"), vi.out() + vi.err());
        Cli.Run en = Cli.run("check", p.toString(), "--lang", "en");
        assertEquals(ExitCodes.PACK_PROBLEMS, en.code());
        assertTrue(en.out().contains(at + "the file is not UTF-8 text (save it as UTF-8)"), en.out());
    }
}
