package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.UnableToLoadPackException;
import io.github.motcua.service.DecisionService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve --lazy-parse}: the service's engine parses the pack folder's procedure folders lazily. Seen from outside
 * by a pack folder with one broken procedure folder: the default (strict) start refuses the whole pack, a lazy-parse
 * start serves the other procedure and quarantines the broken one with the strict load's problems.
 */
class ServeLazyParseOptionTest {
    static final String BROKEN = "1.000894";

    @TempDir
    static Path dir;
    static Path pack;

    @BeforeAll
    static void breakOneProcedure() throws IOException {
        pack = Cli.copyOfSmallPackWithBrokenProcedure(dir, BROKEN);
    }

    static DecisionService start(String... options) {
        ServeCommand cmd = new ServeCommand();
        String[] args = new String[options.length + 3];
        args[0] = pack.toString();
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(options, 0, args, 3, options.length);
        new CommandLine(cmd).parseArgs(args);
        return cmd.builder(null, new PrintWriter(Writer.nullWriter())).start();
    }

    private static List<String> texts(List<PackProblem> problems) {
        return problems.stream().map(p -> p.file() + ":" + p.line() + ":" + p.column() + " " + p.code() + " " + p.messageVi()
                + " | " + p.messageEn()).sorted().toList();
    }

    @Test
    void serve_default_refusesThePackWithABrokenProcedureFolder() {
        try (DecisionService s = start()) {
            assertFalse(s.initialLoad().ok(), "the strict load serves a pack with a broken folder");
            assertTrue(s.initialLoad().problems().stream().anyMatch(p -> p.file().contains(BROKEN)),
                    s.initialLoad().problems()::toString);
        }
    }

    @Test
    void serve_lazyParse_servesTheOthersAndQuarantinesTheBrokenFolderWithTheStrictProblems() throws Exception {
        List<PackProblem> strict;
        try (DecisionService s = start()) {
            strict = s.initialLoad().problems();
        }
        try (DecisionService s = start("--lazy-parse")) {
            assertTrue(s.initialLoad().ok(), s.initialLoad().problems()::toString);
            Engine e = s.engine();
            List<PackCase> cases = e.cases();
            assertFalse(cases.isEmpty());
            assertTrue(cases.stream().noneMatch(c -> c.dossier().procedure().equals(BROKEN)), "a quarantined procedure's cases");
            assertEquals(cases.get(0).expect().eligibility(), e.decide(cases.get(0).dossier()).eligibility());
            UnableToLoadPackException refused = assertThrows(UnableToLoadPackException.class,
                    () -> e.decide(Dossier.of(BROKEN, Channel.DESK, OffsetDateTime.parse("2026-03-02T10:00:00+07:00"))));
            assertEquals(texts(strict), texts(refused.problems()));
            HttpResponse<String> http = HttpClient.newHttpClient().send(HttpRequest.newBuilder(s.uri().resolve("decisions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"procedure\":\"" + BROKEN + "\",\"channel\":\"DESK\",\"receivedAt\":\"2026-03-02T10:00:00+07:00\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, http.statusCode(), http.body());
            assertTrue(http.body().contains("PROCEDURE_UNAVAILABLE"), http.body());
        }
    }
}
