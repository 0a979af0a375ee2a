package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command has help in Vietnamese and English, with its exit codes. */
class HelpTest {
    static final List<List<String>> COMMANDS = List.of(List.of("explain"), List.of("calendar"), List.of("calendar", "lunar"),
            List.of("calendar", "month-starts"), List.of("calendar", "days-off"), List.of("catalog"), List.of("guide"),
            List.of("new-pack"), List.of("new-procedure"), List.of("check"), List.of("decide"));

    @Test
    void help_everyCommand_bilingualDescription() {
        for (List<String> c : COMMANDS) {
            String[] args = new String[c.size() + 1];
            for (int i = 0; i < c.size(); i++) {
                args[i] = c.get(i);
            }
            args[c.size()] = "--help";
            Cli.Run r = Cli.run(args);
            assertEquals(ExitCodes.OK, r.code(), c.toString());
            // Vietnamese first (a diacritic word), English second.
            assertTrue(r.out().matches("(?s).*[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ].*"), c + r.out());
            assertTrue(r.out().matches("(?s).*\\b(the|a|and|of)\\b.*"), c + r.out());
        }
    }

    @Test
    void help_newCommandsListExitCodes() {
        for (String c : new String[] {"explain", "calendar", "catalog", "guide", "new-procedure"}) {
            Cli.Run r = Cli.run(c, "--help");
            assertTrue(r.out().contains("Mã thoát / Exit codes"), c + r.out());
        }
    }

    @Test
    void help_main_listsEveryCommand() {
        Cli.Run r = Cli.run("--help");
        for (String c : new String[] {"check", "decide", "explain", "calendar", "catalog", "guide", "new-procedure"}) {
            assertTrue(r.out().contains(c), c + r.out());
        }
        assertTrue(r.out().contains("5   giá trị đối số sai"), r.out());
    }
}
