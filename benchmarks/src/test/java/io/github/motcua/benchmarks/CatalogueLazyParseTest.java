package io.github.motcua.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.RulesException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slice of the synthetic catalogue (every template, three copies each) decided by a strict engine and by a lazy-parse
 * one ({@code lazyParse(true)}): the same decision JSON for every procedure, and the same catalogue.
 */
class CatalogueLazyParseTest {
    static final Path REFERENCE = Path.of("..", "examples", "packs", "gia-lai");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** A decision's JSON, or the exception it threw by class and message (both sides of a comparison alike). */
    static String outcome(Supplier<String> decide) {
        try {
            return decide.get();
        } catch (RulesException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void lazyParse_decidesEveryProcedureOfTheSliceAsTheStrictLoad() {
        List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(REFERENCE);
        int n = templates.size() * 3;
        CatalogueGenerator.write(REFERENCE, dir, n);
        Map<String, Dossier> byTemplate = CatalogueScale.referenceDossiers(REFERENCE);
        try (Engine strict = Motcua.engine().clock(CLOCK).lazyCompile(true).build();
                Engine lazy = Motcua.engine().clock(CLOCK).lazyParse(true).build()) {
            strict.load(dir).orThrow();
            lazy.load(dir).orThrow();
            for (int i = n - 1; i >= 0; i--) { // from the end: not the background's order
                Dossier d = CatalogueScale.dossierFor(byTemplate, templates, i, Map.of());
                assertEquals(outcome(() -> strict.decide(d).toJson()), outcome(() -> lazy.decide(d).toJson()), d.procedure());
            }
            assertEquals(strict.catalog(), lazy.catalog());
            assertEquals(strict.compiled().join(), lazy.compiled().join());
        }
    }
}
