package io.github.motcua.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Dossier;
import org.junit.jupiter.api.Test;

/**
 * {@code CatalogueBenchmark}'s set-up warm-up of the skewed mix (session 23): it decides the whole mix at least the
 * rounds asked and at most {@link CatalogueBenchmark.Catalogue#MAX_WARM_ROUNDS}, none when asked for 0 (the benchmark as
 * it was), and leaves the mix as drawn, so both sides of a comparison measure the same slots from the first.
 */
class CatalogueWarmUpTest {
    @Test
    void warmUp_decidesAtLeastTheRoundsAsked_andLeavesTheMixAsDrawn() throws Exception {
        String reference = System.getProperty("motcua.reference");
        System.setProperty("motcua.reference", CatalogueLazyParseTest.REFERENCE.toString());
        CatalogueBenchmark.Catalogue c = new CatalogueBenchmark.Catalogue();
        c.procedures = CatalogueGenerator.templates(CatalogueLazyParseTest.REFERENCE).size();
        try {
            c.setUp();
            Dossier[] drawn = c.mixed.clone();
            assertEquals(0, c.warmUp(0));
            int rounds = c.warmUp(2);
            assertTrue(rounds >= 2 && rounds <= CatalogueBenchmark.Catalogue.MAX_WARM_ROUNDS, "rounds " + rounds);
            assertEquals(drawn.length, c.mixed.length);
            for (int i = 0; i < drawn.length; i++) {
                assertSame(drawn[i], c.mixed[i], "slot " + i);
            }
            assertEquals(0, c.next, "the measurement starts at the mix's first slot");
        } finally {
            if (reference == null) {
                System.clearProperty("motcua.reference");
            } else {
                System.setProperty("motcua.reference", reference);
            }
            if (c.engine != null) {
                c.tearDown();
            }
        }
    }
}
