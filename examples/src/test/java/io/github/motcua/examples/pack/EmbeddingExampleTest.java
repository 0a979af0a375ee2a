package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
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
 */
class EmbeddingExampleTest {

    @Test
    void embed_loadPackAndDecide_givesAppointmentAndFee() throws Exception {
        // tag::embed[]
        try (Engine engine = Motcua.engine().build()) {
            engine.load(Path.of("packs/gia-lai")).orThrow();          // problems? orThrow lists them

            String json = Files.readString(Path.of("../examples/dossiers/khai-sinh-sau-15-gio.json"));
            Decision decision = engine.decide(json);                   // form, rules, deadline, fees

            switch (decision.eligibility()) {
                case ELIGIBLE -> {
                    OffsetDateTime due = decision.deadline().due().toOffsetDateTime();
                    long feeDong = decision.fees().total().dong();
                    System.out.println(decision.toTextVi());           // readable Vietnamese summary
                    assertEquals(OffsetDateTime.parse("2026-02-23T17:00+07:00"), due);
                    assertEquals(0, feeDong);
                }
                case INELIGIBLE -> decision.reasons().forEach(r -> System.out.println(r.messageVi()));
                case INDETERMINATE -> System.out.println(decision.cause().messageVi());
            }
            assertEquals(io.github.motcua.rules.Eligibility.ELIGIBLE, decision.eligibility());
        }
        // end::embed[]
    }
}
