package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.BundleKeys;
import io.github.motcua.kernel.Problem;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * fee-rules' message bundle: every key in Vietnamese and English with the same placeholders, every
 * {@code FEES_} key the code names is in it (a misspelt key fails here, not in front of an analyst),
 * none unused; each fee-table problem carries its own stable code; exceptions carry their problem in
 * both languages.
 */
class FeeMessagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "fees");
    private static final Pattern KEY = Pattern.compile("\"((?:FEES|XLSX)_[A-Z0-9_]+)\"");

    @Test
    void bundle_completeInBothLanguages_everyKeyTheCodeNamesIsInIt_andEveryKeyIsUsed() {
        BundleKeys.assertExactlyTheKeysUsed(FeeMessages.BUNDLE, BundleKeys.named(SOURCES, false, KEY), 41);
    }

    @Test
    void exemptionTableProblems_haveTheirOwnCode_andAreTheKernelsProblem() {
        FeeTableResult r = LightTablesTest.light(LightTablesTest.LIGHT_FEES,
                "item,categories,basis,note\nle-phi-khai-sinh,,PHI-LHT-2014-D11-K1-A,\n");
        FeeTableProblem p = r.problems().get(0);
        assertEquals("FEES_EXEMPTION_FOR_EVERYONE", p.code());
        Problem k = p.toProblem();
        assertEquals("FEES_EXEMPTION_FOR_EVERYONE", k.code().name());
        assertEquals(2, k.line());
        assertEquals(p.messageVi(), k.messageVi());
        assertTrue(k.messageVi().startsWith("Dòng miễn, giảm không nêu đối tượng"), k.messageVi());
        FeeTableResult unknown = LightTablesTest.light(LightTablesTest.LIGHT_FEES,
                "item,categories,basis\nle-phi-khai-sinh,HO_NGHEO,PHI-LHT-2014-D11-K1-A\n");
        FeeTableProblem u = unknown.problems().get(0);
        assertEquals("FEES_UNKNOWN_CATEGORY", u.code());
        assertTrue(u.messageVi().contains("POOR_HOUSEHOLD") && u.messageEn().contains("POOR_HOUSEHOLD"),
                "names the categories there are: " + u.messageEn());
    }

    @Test
    void moneyOverflow_carriesItsCodeAndBothLanguages_messageKeepsItsForm() {
        MoneyOverflowException e = assertThrows(MoneyOverflowException.class, () -> Money.of(-5));
        Problem p = e.toProblem();
        assertEquals("MONEY_OVERFLOW", p.code().name());
        assertEquals("Số tiền không được âm [-5]", p.messageVi());
        assertEquals("an amount in đồng must not be negative [-5]", p.messageEn());
        assertEquals("Số tiền không được âm [-5] / an amount in đồng must not be negative [-5]", e.getMessage());
    }

    private static final java.util.Locale VI = java.util.Locale.forLanguageTag("vi");

    private static FeeRow row(FeeRow.Tariff tariff, long rate, long fromUnit, long unitRate, Long cap, String copiesPath) {
        return new FeeRow(FeeRow.Type.RATE, "x", FeeKind.PHI, "X", "X", tariff, rate, fromUnit, unitRate, cap, "n", copiesPath,
                false, java.util.Set.of(), java.util.List.of(), 0, false, null, null,
                io.github.motcua.law.LegalBasis.of("B", "Luật Phí và lệ phí"), true, null, null);
    }

    @Test
    void tariffInWords_fromTheBundle_inBothLanguages() {
        assertEquals("8.000 đ/trường hợp", row(FeeRow.Tariff.FLAT, 8_000, 0, 0, null, null).tariffVi());
        assertEquals("VND 8,000 per case", row(FeeRow.Tariff.FLAT, 8_000, 0, 0, null, null).tariff(java.util.Locale.ENGLISH));
        assertEquals("2.000 đ/bản", row(FeeRow.Tariff.FLAT, 2_000, 0, 0, null, "soBan").tariff(VI));
        assertEquals("3.000 đ/đơn vị", row(FeeRow.Tariff.PER_UNIT, 3_000, 0, 0, null, null).tariffVi());
        FeeRow tiered = row(FeeRow.Tariff.TIERED, 2_000, 3, 1_000, 200_000L, "soBan");
        assertEquals("2.000 đ/đơn vị cho 2 đơn vị đầu; 1.000 đ/đơn vị từ đơn vị thứ 3; tối đa 200.000 đ/bản", tiered.tariffVi());
        assertEquals("VND 2,000 per unit for the first 2 units; VND 1,000 per unit from unit 3; at most VND 200,000 per copy",
                tiered.tariff(java.util.Locale.ENGLISH));
        FeeRow extra = row(FeeRow.Tariff.BASE_PLUS_EXTRA, 50_000, 11, 1_000, null, null);
        assertEquals("50.000 đ; từ đơn vị thứ 11 thêm 1.000 đ/đơn vị", extra.tariffVi());
        assertEquals("VND 50,000; from unit 11, VND 1,000 more per unit", extra.tariff(java.util.Locale.ENGLISH));
    }

    @Test
    void feeKindAndMoney_inBothLanguages() {
        assertEquals("Lệ phí", FeeKind.LE_PHI.labelVi());
        assertEquals("Fee", FeeKind.LE_PHI.labelEn());
        assertEquals("Phí hoặc lệ phí (chưa rõ loại)", FeeKind.UNSTATED.label(VI));
        assertEquals("Charge", FeeKind.PHI.label(java.util.Locale.ENGLISH));
        assertEquals("1.234.567 đ", Money.of(1_234_567).format(VI));
        assertEquals("1.234.567 đ", Money.of(1_234_567).format(java.util.Locale.ROOT), "any language but English is Vietnamese");
        assertEquals("VND 1,234,567", Money.of(1_234_567).format(java.util.Locale.ENGLISH));
        assertEquals("0 đ", Money.of(0).toString());
    }

    @Test
    void plainFeeException_hasItsKindInVietnamese_fromTheBundle() {
        Problem p = new FeeException("rate table missing").toProblem();
        assertEquals("FEE", p.code().name());
        assertEquals("Lỗi tính phí, lệ phí: rate table missing", p.messageVi());
        assertEquals("rate table missing", p.messageEn());
        Problem q = new FeeDirectiveException("bad").toProblem();
        assertEquals("FEE_DIRECTIVE", q.code().name());
        assertEquals("Quy tắc về phí không hợp lệ: bad", q.messageVi());
    }
}
