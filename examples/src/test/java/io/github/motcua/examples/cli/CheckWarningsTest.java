package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A procedure code the pack does not have (here a typo in pack.yaml {@code cutOffs}) does not keep the
 * pack out — a pack copied in part must load — but {@code check} says it, at its line, with the closest code.
 */
class CheckWarningsTest {
    @TempDir
    Path dir;

    @Test
    void check_procedureCodeNotInThePack_isPrintedAsAWarningWithTheClosestCode_andTheCasesStillRun() throws IOException {
        Path p = Cli.copyOfSmallPack(dir);
        Path yaml = p.resolve("pack.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        int line = (int) text.lines().count() + 2;
        Files.writeString(yaml, text + "cutOffs:\n  - { procedures: [\"1.00193\"], basis: LHT-2014-D16 }\n", StandardCharsets.UTF_8);
        Cli.Run r = Cli.run("check", p.toString(), "--lang", "en");
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("pack.yaml:" + line + ":") && r.out().contains("[UNKNOWN_PROCEDURE] warning:")
                && r.out().contains("[1.00193]") && r.out().contains("closest codes: 1.001193"), r.out());
    }
}
