package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.service.DecisionService;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve --no-background-warm-up}: the service's engine prepares each procedure of a prebuilt pack at its first
 * decision only, instead of all of them in the background as soon as the pack serves.
 */
class ServeWarmUpOptionTest {
    @TempDir
    static Path dir;
    static Path artifact;

    @BeforeAll
    static void build() {
        artifact = dir.resolve("ho-tich.motcua");
        Cli.Run r = Cli.run("build", Cli.copyOfSmallPack(dir).toString(), "--out", artifact.toString());
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    }

    static DecisionService start(String... options) {
        ServeCommand cmd = new ServeCommand();
        String[] args = new String[options.length + 3];
        args[0] = artifact.toString();
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(options, 0, args, 3, options.length);
        new CommandLine(cmd).parseArgs(args);
        DecisionService s = cmd.builder(null, new PrintWriter(Writer.nullWriter())).start();
        assertTrue(s.initialLoad().ok(), s.initialLoad().problems()::toString);
        return s;
    }

    @Test
    void serve_default_preparesEveryProcedureInTheBackground() throws Exception {
        try (DecisionService s = start()) {
            assertEquals(List.of(), s.engine().compiled().get(5, TimeUnit.MINUTES));
        }
    }

    @Test
    void serve_noBackgroundWarmUp_leavesEachProcedureToItsFirstDecision() throws Exception {
        try (DecisionService s = start("--no-background-warm-up")) {
            Engine e = s.engine();
            // nothing decided: with the warm-up off no procedure is prepared, so the engine is not all compiled (ever)
            assertFalse(e.compiled().isDone(), "the warm-up ran");
            e.decide(e.cases().get(0).dossier());
            assertFalse(e.compiled().isDone(), "one procedure of two decided: the other is still not prepared");
        }
    }
}
