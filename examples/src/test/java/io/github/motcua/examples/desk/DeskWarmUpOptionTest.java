package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.motcua.examples.cli.Cli;
import io.github.motcua.examples.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code desk --no-background-warm-up}: the desk's engine prepares each procedure of a prebuilt pack at its first
 * decision only, instead of all of them in the background as soon as the pack serves.
 */
class DeskWarmUpOptionTest {
    @TempDir
    static Path dir;
    static Path artifact;

    @BeforeAll
    static void build() {
        Path pack = Cli.copyOfSmallPack(dir);
        artifact = dir.resolve("ho-tich.motcua");
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"build", pack.toString(), "--out", artifact.toString()}, new PrintWriter(out),
                new PrintWriter(out));
        assertEquals(0, code, out::toString);
    }

    static DeskServer start(String... options) {
        DeskCommand cmd = new DeskCommand();
        String[] args = new String[options.length + 1];
        args[0] = artifact.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        new CommandLine(cmd).parseArgs(args);
        return cmd.start();
    }

    @Test
    void desk_default_preparesEveryProcedureInTheBackground() throws Exception {
        try (DeskServer d = start()) {
            assertEquals(List.of(), d.ownedEngine().compiled().get(5, TimeUnit.MINUTES));
        }
    }

    @Test
    void desk_noBackgroundWarmUp_leavesEachProcedureToItsFirstDecision() {
        try (DeskServer d = start("--no-background-warm-up")) {
            // nothing decided: with the warm-up off no procedure is prepared, so the engine is not all compiled (ever)
            assertFalse(d.ownedEngine().compiled().isDone(), "the warm-up ran");
        }
    }
}
