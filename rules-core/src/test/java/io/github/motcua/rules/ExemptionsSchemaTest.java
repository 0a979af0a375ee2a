package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exemptions.yaml} is validated against its published schema, with the file's own positions. */
class ExemptionsSchemaTest {
    @TempDir
    Path dir;

    @Test
    void load_exemptionWithMisspeltKey_schemaProblemAtItsLine() throws Exception {
        Path p = TestPacks.copy("ho-tich", dir);
        Files.writeString(p.resolve("exemptions.yaml"), """
                categories:
                  - code: POOR_HOUSEHOLD
                    name: { vi: "Người thuộc hộ nghèo" }
                    matc: APPLICANT
                    basis: LHT-2014-D16
                """, StandardCharsets.UTF_8);
        try (Engine engine = Motcua.engine().build()) {
            LoadResult r = engine.load(p);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(pr -> pr.file().equals("exemptions.yaml")
                    && pr.code().equals("SCHEMA") && pr.line() >= 2 && pr.line() <= 4), r.problems().toString());
        }
    }

    @Test
    void load_onTimeCategoryWithoutItsWindow_schemaProblem() throws Exception {
        Path p = TestPacks.copy("ho-tich", dir);
        Files.writeString(p.resolve("exemptions.yaml"), """
                categories:
                  - code: ON_TIME_BIRTH
                    match: FORM_DATE_WITHIN
                    name: { vi: "Đăng ký khai sinh đúng hạn" }
                    basis: LHT-2014-D16
                """, StandardCharsets.UTF_8);
        try (Engine engine = Motcua.engine().build()) {
            LoadResult r = engine.load(p);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(pr -> pr.file().equals("exemptions.yaml")
                    && pr.code().equals("SCHEMA") && pr.messageEn().contains("withinDays")), r.problems().toString());
        }
    }
}
