package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import io.github.motcua.examples.cli.Cli;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.UnableToLoadPackException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code desk --lazy-parse}: the desk's engine parses the pack folder's procedure folders lazily. Seen from outside by a
 * pack folder with one broken procedure folder: the default desk refuses to start, a lazy-parse desk starts, serves the
 * other procedure and refuses the broken one's decisions.
 */
class DeskLazyParseOptionTest {
    static final String BROKEN = "1.000894";

    @TempDir
    static Path dir;
    static Path pack;

    @BeforeAll
    static void breakOneProcedure() throws IOException {
        pack = Cli.copyOfSmallPackWithBrokenProcedure(dir, BROKEN);
    }

    static DeskServer start(String... options) {
        DeskCommand cmd = new DeskCommand();
        String[] args = new String[options.length + 1];
        args[0] = pack.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        new CommandLine(cmd).parseArgs(args);
        return cmd.start();
    }

    @Test
    void desk_default_refusesToStartOnAPackWithABrokenProcedureFolder() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> start().close());
        assertTrue(e.getMessage().contains(BROKEN), e.getMessage());
        // the library's refusal, Vietnamese first: what an officer starting the desk reads
        assertTrue(e.getMessage().startsWith("Không nạp được bộ quy tắc ["), e.getMessage());
        assertTrue(e.getMessage().lines().findFirst().orElseThrow().matches(".*\\]: \\d+ lỗi / unable to load pack \\[.*\\]: \\d+ problem\\(s\\)"),
                e.getMessage());
    }

    @Test
    void desk_lazyParse_startsAndQuarantinesTheBrokenProcedure() {
        try (DeskServer d = start("--lazy-parse")) {
            Engine e = d.ownedEngine();
            List<PackCase> cases = e.cases();
            assertFalse(cases.isEmpty());
            assertTrue(cases.stream().noneMatch(c -> c.dossier().procedure().equals(BROKEN)), "a quarantined procedure's cases");
            e.decide(cases.get(0).dossier());
            UnableToLoadPackException refused = assertThrows(UnableToLoadPackException.class,
                    () -> e.decide(Dossier.of(BROKEN, Channel.DESK, OffsetDateTime.parse("2026-03-02T10:00:00+07:00"))));
            assertTrue(refused.problems().stream().anyMatch(p -> p.file().contains(BROKEN)), refused.problems()::toString);
        }
    }
}
