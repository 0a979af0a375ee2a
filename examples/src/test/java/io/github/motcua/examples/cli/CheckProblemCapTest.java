package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.examples.desk.DeskServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} and the desk on a hostile copy of Gia Lai (made in a temporary folder, deleted after): a fee table whose
 * header is 30,000 unknown columns. They list the first 10,000 problems and one {@code PROBLEMS_MORE} saying how many
 * more, and the count line says "more than" (session 21: the list had no cap, the JVM ran out of memory first).
 */
class CheckProblemCapTest {
    @TempDir
    Path dir;

    Path hostile() throws IOException {
        Path p = Cli.copyOfGiaLai(dir);
        Files.writeString(p.resolve("procedures/2.000815/fees.csv"), "x,".repeat(29_999) + "x\n", StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void check_listsTheFirstTenThousand_thenTheCount_VietnameseFirst() throws IOException {
        Path p = hostile();
        Cli.Run vi = Cli.run("check", p.toString());
        assertEquals(ExitCodes.PACK_PROBLEMS, vi.code());
        List<String> lines = vi.out().lines().toList();
        assertEquals(10_002, lines.size(), "10,000 problems, the count of the rest, the summary line");
        assertTrue(lines.get(0).startsWith("procedures/2.000815/fees.csv:1:1: [FEES_UNKNOWN_COLUMN]"), lines.get(0));
        String more = lines.get(10_000);
        assertTrue(more.startsWith("procedures/2.000815/fees.csv:1:") && more.contains(": [PROBLEMS_MORE] Còn 20."), more);
        assertTrue(more.contains("vấn đề khác, từ vị trí này trở đi, không được liệt kê: mỗi lần nạp chỉ liệt kê 10.000 vấn"
                + " đề đầu tiên (theo tệp, dòng, cột)"), more);
        assertEquals("hơn 10000 lỗi trong " + p + " (liệt kê 10000 lỗi đầu tiên; dòng [PROBLEMS_MORE] ở trên đếm các lỗi còn"
                + " lại)", lines.get(10_001));
        Cli.Run en = Cli.run("check", p.toString(), "--lang", "en");
        List<String> enLines = en.out().lines().toList();
        assertTrue(enLines.get(10_000).contains("[PROBLEMS_MORE] 20,"), enLines.get(10_000));
        assertTrue(enLines.get(10_001).startsWith("more than 10000 problems in "), enLines.get(10_001));
    }

    @Test
    void desk_refusesToStart_namingTheCountOfTheRest() throws IOException {
        Path p = hostile();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DeskServer.start(p, 0, Clock.systemUTC()));
        assertTrue(e.getMessage().contains(": hơn 10000 lỗi (liệt kê 10000 lỗi đầu tiên"), e.getMessage().substring(0, 300));
        assertTrue(e.getMessage().contains("[PROBLEMS_MORE] Còn 20."), "the last problem is there");
    }
}
