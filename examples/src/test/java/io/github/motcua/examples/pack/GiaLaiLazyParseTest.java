package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.RulesException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Gia Lai pack decided by a strict engine and by a lazy-parse one ({@code lazyParse(true)}, each folder parsed at its
 * first use): the same decision JSON for every analyst case, every example dossier and a decision by an alias (mã cũ),
 * the same catalogue and the same cases.
 */
class GiaLaiLazyParseTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);

    /** The decision JSON, or the refusal's class and message. */
    private static String outcome(Supplier<String> decide) {
        try {
            return decide.get();
        } catch (RulesException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void lazyParse_givesTheStrictDecisionsCatalogueAndCases() throws IOException {
        try (Engine strict = Motcua.engine().clock(CLOCK).build(); Engine lazy = Motcua.engine().clock(CLOCK).lazyParse(true).build()) {
            strict.load(GiaLaiCasesTest.PACK).orThrow();
            lazy.load(GiaLaiCasesTest.PACK).orThrow();
            List<PackCase> cases = strict.cases();
            assertFalse(cases.isEmpty());
            for (PackCase c : cases) {
                Dossier d = c.dossier();
                assertEquals(outcome(() -> strict.decide(d).toJson()), outcome(() -> lazy.decide(d).toJson()), c.name());
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(GiaLaiDecisionsTest.DOSSIERS)) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            assertFalse(files.isEmpty());
            for (Path f : files) {
                String json = Files.readString(f, StandardCharsets.UTF_8);
                assertEquals(outcome(() -> strict.decide(json).toJson()), outcome(() -> lazy.decide(json).toJson()), f.toString());
            }
            // an old code (procedures/1.013831 lists GL.DD.02): resolved after every folder is parsed, to the same decision
            Dossier byCode = cases.stream().map(PackCase::dossier).filter(d -> d.procedure().equals("1.013831")).findFirst().orElseThrow();
            Dossier byAlias = new Dossier("GL.DD.02", byCode.channel(), byCode.receivedAt(), byCode.unit(), byCode.asOf(),
                    byCode.applicant(), byCode.form(), byCode.heldData(), byCode.excludedPeriods());
            assertEquals(outcome(() -> strict.decide(byAlias).toJson()), outcome(() -> lazy.decide(byAlias).toJson()));
            Dossier unknown = new Dossier("GL.DD.03", byCode.channel(), byCode.receivedAt(), byCode.unit(), byCode.asOf(),
                    byCode.applicant(), byCode.form(), byCode.heldData(), byCode.excludedPeriods());
            assertEquals(outcome(() -> strict.decide(unknown).toJson()), outcome(() -> lazy.decide(unknown).toJson()),
                    "an unknown code: the same closest codes");
            assertEquals(strict.catalog(), lazy.catalog());
            assertEquals(cases.stream().map(PackCase::name).toList(), lazy.cases().stream().map(PackCase::name).toList());
            assertEquals(List.of(), lazy.compiled().join());
        }
    }
}
