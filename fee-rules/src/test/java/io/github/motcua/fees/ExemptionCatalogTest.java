package io.github.motcua.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.motcua.law.LegalBasis;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * exemptions.yaml is read through the kernel's positioned reader: a category's problem is at the line
 * the category starts on (not its index in the list), and the kernel's limits apply (an alias is refused).
 */
class ExemptionCatalogTest {
    static final LegalBasis BASIS = new LegalBasis("TT-106-2021-D3", "Thông tư 106/2021/TT-BTC", "3", null, null, null,
            null, null, true, null);

    static ExemptionCatalog.Result parse(String yaml) {
        return ExemptionCatalog.parse("exemptions.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                id -> id.equals(BASIS.id()) ? Optional.of(BASIS) : Optional.empty());
    }

    static final String GOOD = "categories:\n"
            + "  - code: POOR_HOUSEHOLD\n    match: APPLICANT\n    basis: TT-106-2021-D3\n    name: { vi: \"Hộ nghèo\" }\n";

    @Test
    void parse_goodCatalogue_hasTheCategory() {
        ExemptionCatalog.Result r = parse(GOOD);
        assertEquals(List.of(), r.problems());
        assertNotNull(r.catalog().find("POOR_HOUSEHOLD").orElse(null));
    }

    @Test
    void parse_unknownBasis_isAtTheLineOfItsCategory() {
        ExemptionCatalog.Result r = parse(GOOD + "  - code: CHILD\n    match: APPLICANT\n    basis: TT-KHONG-CO\n"
                + "    name: { vi: \"Trẻ em\" }\n");
        assertNull(r.catalog());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals("FEES_CATEGORY_UNKNOWN_BASIS", r.problems().get(0).code());
        assertEquals(6, r.problems().get(0).row());
    }

    @Test
    void parse_anAlias_isRefusedAtItsLine() {
        ExemptionCatalog.Result r = parse("categories:\n  - &c\n    code: A\n  - *c\n");
        assertNull(r.catalog());
        assertEquals("FEES_CATEGORIES_YAML", r.problems().get(0).code());
        assertEquals(4, r.problems().get(0).row());
    }
}
