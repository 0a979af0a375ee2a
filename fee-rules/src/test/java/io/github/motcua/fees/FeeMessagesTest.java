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
    private static final Pattern KEY = Pattern.compile("\"(FEES_[A-Z0-9_]+)\"");

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
}
