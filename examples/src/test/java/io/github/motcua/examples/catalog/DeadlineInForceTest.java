package io.github.motcua.examples.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Engine;
import io.github.motcua.rules.LoadResult;
import io.github.motcua.rules.Motcua;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A procedure whose base deadline changed on a date (procedure.yaml {@code deadline.values}): the
 * catalogue and the guide print the value in force on their own date, not the latest one.
 */
class DeadlineInForceTest {
    /** Birth registration with a made-up earlier limit of 3 working days until 31/12/2025, same day since. */
    static final String SERIES = "deadline:\n  values:\n"
            + "    - { validFrom: \"2015-01-01\", validTo: \"2025-12-31\", amount: 3, unit: WORKING_DAYS, basis: LHT-2014-D5 }\n"
            + "    - { validFrom: \"2026-01-01\", amount: 0, unit: SAME_DAY, basis: LHT-2014-D5 }\n";

    @TempDir
    Path dir;

    Engine engine() throws IOException {
        Path pack = dir.resolve("ho-tich");
        Path source = Path.of("src/test/resources/packs/ho-tich");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = pack.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Path yaml = pack.resolve("procedures/1.001193/procedure.yaml");
        String text = Files.readString(yaml, StandardCharsets.UTF_8);
        String one = "deadline: { amount: 0, unit: SAME_DAY, basis: LHT-2014-D5, cutOff: \"15:00\" }\n";
        assertTrue(text.contains(one), text);
        Files.writeString(yaml, text.replace(one, SERIES), StandardCharsets.UTF_8);
        Engine e = Motcua.engine().build();
        LoadResult r = e.load(pack);
        assertTrue(r.ok(), r.problems().toString());
        return e;
    }

    @Test
    void catalogue_printsTheDeadlineInForceOnItsDate() throws IOException {
        try (Engine e = engine()) {
            CatalogueEntry before = entry(Catalogues.catalogue(e, LocalDate.of(2025, 6, 1)));
            assertEquals("03 ngày làm việc", before.deadlineLabel(false));
            CatalogueEntry after = entry(Catalogues.catalogue(e, LocalDate.of(2026, 3, 1)));
            assertEquals(0, after.deadline().amount());
            assertTrue(Catalogues.csv(Catalogues.catalogue(e, LocalDate.of(2025, 6, 1)), Locale.forLanguageTag("vi"))
                    .contains("03 ngày làm việc"));
        }
    }

    @Test
    void guide_printsTheDeadlineInForceOnItsDate() throws IOException {
        try (Engine e = engine()) {
            String before = Catalogues.guideText(Catalogues.guide(e, "1.001193", LocalDate.of(2025, 6, 1)),
                    Locale.forLanguageTag("vi"));
            assertTrue(before.contains("03 ngày làm việc"), before);
            String after = Catalogues.guideText(Catalogues.guide(e, "1.001193", LocalDate.of(2026, 3, 1)),
                    Locale.forLanguageTag("vi"));
            assertTrue(!after.contains("03 ngày làm việc"), after);
            assertTrue(after.contains("trong ngày"), after);
        }
    }

    private static CatalogueEntry entry(Catalogue c) {
        return c.fullyOnline().stream().filter(x -> x.code().equals("1.001193")).findFirst()
                .or(() -> c.boundaryFree().stream().filter(x -> x.code().equals("1.001193")).findFirst())
                .orElseThrow(() -> new AssertionError("1.001193 not in the catalogue"));
    }
}
