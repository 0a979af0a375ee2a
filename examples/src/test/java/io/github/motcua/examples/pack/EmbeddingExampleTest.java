package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The README's "embedding in 20 lines": load the Gia Lai pack, decide one dossier, read the
 * appointment and the fee. Expected values by hand: a birth registration received Friday 13/02/2026
 * at 15:30, after the 15:00 cut-off (Luật Hộ tịch Art. 5(3)), counts from the next working day; Tết
 * closes offices 14–22/02/2026, so the same-day result is due Monday 23/02/2026 at the close of office,
 * 17:00. The child was born 20/01/2026, 24 days before: registered within 60 days, the fee is waived
 * (Luật Hộ tịch Art. 11(1)(b)), 0 đ.
 *
 * <p>{@link #readme_embeddingSnippet_isThisTestsTaggedRegion()} keeps the README's copy of the
 * region identical to the code compiled here, so the README cannot drift.
 */
class EmbeddingExampleTest {

    // tag::embed[]
    static Decision decideOne(Path pack, Path dossierJson) throws IOException {
        try (Engine engine = Motcua.engine().build()) {           // build once, share across threads
            engine.load(pack).orThrow();                            // a broken pack lists every problem
            Decision decision = engine.decide(Files.readString(dossierJson));
            switch (decision.eligibility()) {
                case ELIGIBLE -> System.out.println("Hẹn trả kết quả: " + decision.deadline().due()
                        + " — phí, lệ phí: " + decision.fees().total().formatVi());
                case INELIGIBLE -> decision.reasons().forEach(r ->
                        System.out.println(r.messageVi() + " (" + r.basis().citationVi() + ")"));
                case INDETERMINATE -> System.out.println(decision.cause().messageVi());
            }
            System.out.println(decision.toTextVi());                // or decision.toJson() for a portal
            return decision;
        }
    }
    // end::embed[]

    @Test
    void decideOne_birthAfterCutOffBeforeTet_dueMondayAfterTetAndFree() throws Exception {
        Decision decision = decideOne(Path.of("packs/gia-lai"), Path.of("dossiers/khai-sinh-sau-15-gio.json"));

        assertEquals(Eligibility.ELIGIBLE, decision.eligibility());
        assertEquals(OffsetDateTime.parse("2026-02-23T17:00+07:00"), decision.deadline().due().toOffsetDateTime());
        assertEquals(0, decision.fees().total().dong());
    }

    @Test
    void readme_embeddingSnippet_isThisTestsTaggedRegion() throws Exception {
        DocSnippets.assertRegionIn("src/test/java/io/github/motcua/examples/pack/EmbeddingExampleTest.java", "embed",
                "../README.md");
    }
}
