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
 * {@code check} says which path decides the pack's procedures: a summary line by default, each procedure with
 * {@code --verbose}, a compiled one with the construct that sent it to the compiler.
 */
class CheckDecisionPathsTest {
    @TempDir
    Path dir;

    /** The small pack with one rule of the birth registration (1.001193) outside the data subset. */
    Path packWithOneCompiled() throws IOException {
        Path p = Cli.copyOfSmallPack(dir);
        Files.writeString(p.resolve("procedures/1.001193/extra.drl"), """
                rule "Có a trong hai cặp ngoặc thì ghi chú"
                  @basis("LHT-2014-D16")
                when
                  Form( ((has("a"))) )
                then
                  decision.note("x");
                end
                """, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void check_bothKinds_printsTheSummaryInVietnameseByDefault() throws IOException {
        Cli.Run r = Cli.run("check", packWithOneCompiled().toString());
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("2 thủ tục: 1 quy tắc dạng dữ liệu, 1 biên dịch (--verbose: lý do từng thủ tục"), r.out());
        assertFalse(r.out().contains("lý do: rule"), r.out());
    }

    @Test
    void check_verbose_namesEachProcedureAndTheReasonOfTheCompiledOne() throws IOException {
        Cli.Run r = Cli.run("check", packWithOneCompiled().toString(), "--verbose", "--lang", "en");
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("  1.000894: rules as data\n"), r.out());
        assertTrue(r.out().contains("  1.001193: compiled — reason: rule [Có a trong hai cặp ngoặc thì ghi chú]: constraint "
                + "`((has(\"a\")))`: parentheses\n"), r.out());
        assertTrue(r.out().contains("2 procedure(s): 1 rules as data, 1 compiled\n"), r.out());
    }

    @Test
    void check_allData_saysSoWithoutAHint() {
        Cli.Run r = Cli.run("check", Cli.copyOfSmallPack(dir).toString(), "--lang", "en");
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("2 procedure(s): 2 rules as data, 0 compiled\n"), r.out());
    }
}
