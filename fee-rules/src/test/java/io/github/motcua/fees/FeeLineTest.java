package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.law.LegalBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link FeeLine#builder()}: each part by name, the optional ones defaulted, the required ones named when missing. */
class FeeLineTest {
    static final LegalBasis B = LegalBasis.of("TT-281-2016", "Thông tư 281/2016/TT-BTC");

    @Nested
    class Builder {
        @Test
        void build_requiredPartsOnly_plainVerifiedLePhiLineOfOneUnit() {
            FeeLine l = FeeLine.builder().item("ban-sao").descriptionVi("Bản sao").amount(Money.of(2_000)).basis(B).build();
            assertEquals(new FeeLine("ban-sao", "Bản sao", "", 1, Money.of(2_000), B), l);
            assertEquals(FeeKind.LE_PHI, l.kind());
            assertEquals(1, l.copies());
            assertEquals(Money.of(2_000), l.gross());
            assertTrue(l.verified());
            assertEquals(List.of(), l.adjustments());
        }

        @Test
        void build_everyPart_sameAsTheCanonicalConstructor() {
            FeeAdjustment half = new FeeAdjustment(FeeAdjustment.Kind.REDUCE, 50, Money.of(151_000), "Hộ nghèo", "Poor household",
                    B, FeeSource.row("fees.csv", 7), false);
            FeeLine built = FeeLine.builder().item("ban-sao").descriptionVi("Bản sao").descriptionEn("Copy").quantity(300)
                    .amount(Money.of(151_000)).basis(B).kind(FeeKind.PHI).tariffVi("2.000 đ/trang").tariffEn("VND 2,000 per page")
                    .copies(1).gross(Money.of(302_000)).capPerCopy(Money.of(400_000)).adjustment(half)
                    .source(FeeSource.row("fees.csv", 4)).verified(false).build();
            assertEquals(new FeeLine("ban-sao", "Bản sao", "Copy", 300, Money.of(151_000), B, FeeKind.PHI, "2.000 đ/trang",
                    "VND 2,000 per page", 1, Money.of(302_000), Money.of(400_000), List.of(half), FeeSource.row("fees.csv", 4),
                    false), built);
            assertEquals("VND 2,000 per page", built.tariff(Locale.ENGLISH));
        }

        @Test
        void build_requiredPartsMissing_namesEveryOneOfThem() {
            NullPointerException e = assertThrows(NullPointerException.class,
                    () -> FeeLine.builder().item("ban-sao").descriptionEn("Copy").build());
            assertEquals("fee line [ban-sao]: required part(s) not given: [descriptionVi, amount, basis]", e.getMessage());
            NullPointerException none = assertThrows(NullPointerException.class, () -> FeeLine.builder().build());
            assertEquals("fee line [null]: required part(s) not given: [item, descriptionVi, amount, basis]", none.getMessage());
        }

        @Test
        void build_partsTheRecordRefuses_refusedWithTheRecordsMessage() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeeLine.builder().item("x")
                    .descriptionVi("Phí").amount(Money.of(500)).gross(Money.of(100)).basis(B).build());
            assertEquals("fee line [x]: amount [500] exceeds gross [100]", e.getMessage());
        }

        @Test
        void build_thenBuilderChanged_builtLineUnchanged() {
            List<FeeAdjustment> given = new ArrayList<>();
            given.add(new FeeAdjustment(FeeAdjustment.Kind.EXEMPT, 100, Money.of(8_000), "Trẻ em", "Child", B, FeeSource.rule("r")));
            FeeLine.Builder b = FeeLine.builder().item("x").descriptionVi("Phí").amount(Money.ZERO).gross(Money.of(8_000))
                    .basis(B).adjustments(given);
            FeeLine first = b.build();
            given.clear();
            b.adjustment(new FeeAdjustment(FeeAdjustment.Kind.REDUCE, 10, Money.ZERO, "Giảm", "Cut", B, FeeSource.rule("r")));
            assertEquals(1, first.adjustments().size());
            assertTrue(first.exempted());
            assertEquals(2, b.build().adjustments().size());
        }
    }
}
