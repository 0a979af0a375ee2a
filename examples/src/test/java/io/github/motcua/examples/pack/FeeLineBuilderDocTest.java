package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.fees.FeeAdjustment;
import io.github.motcua.fees.FeeKind;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.fees.FeeSource;
import io.github.motcua.fees.Money;
import io.github.motcua.law.LegalBasis;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** docs/fees.md "Building a fee line by hand": the snippet is compiled and run here, and stands in the guide verbatim. */
class FeeLineBuilderDocTest {
    @Test
    void feesGuide_builderSnippet_compilesBuildsAndStandsVerbatim() throws IOException {
        LegalBasis basis = LegalBasis.of("TT226", "Thông tư 226/2016/TT-BTC");
        FeeAdjustment reduction = new FeeAdjustment(FeeAdjustment.Kind.REDUCE, 50, Money.of(100_000), "Nộp trực tuyến", "Filed online",
                basis, FeeSource.rule("r"));
        // tag::fee-line-builder[]
        FeeLine line = FeeLine.builder().item("ban-sao").descriptionVi("Bản sao").descriptionEn("Copy")
                .quantity(300).amount(Money.of(100_000)).gross(Money.of(200_000)).capPerCopy(Money.of(200_000))
                .basis(basis).kind(FeeKind.PHI).adjustment(reduction).source(FeeSource.rule("r")).build();
        // end::fee-line-builder[]
        assertEquals(Money.of(100_000), line.amount());
        assertEquals(1, line.copies());
        assertTrue(line.verified());
        DocSnippets.assertRegionIn("src/test/java/io/github/motcua/examples/pack/FeeLineBuilderDocTest.java", "fee-line-builder",
                "../docs/fees.md");
    }
}
