package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a procedure's base deadline is a dated series (procedure.yaml {@code deadline.values}), each
 * value with its validFrom/validTo and legal basis, picked by the dossier's as-of date (its receipt date);
 * overlapping periods are refused at their line; a single value still loads.
 *
 * <p>The example is the registration of changes in land-use rights by transfer, inheritance or gift: 08
 * working days under NĐ 101/2024 as amended by NĐ 151/2025, 05 since NĐ 226/2025 (15/8/2025) — FACTS.md
 * §4.2 marks the newer figure as to be checked, so both bases here are unverified test bases.
 */
class DatedDeadlineTest {
    private static final String BASES = """
            - id: TEST-ND101-2024-BIEN-DONG
              act: "Nghị định 101/2024/NĐ-CP, sửa đổi bởi Nghị định 151/2025/NĐ-CP (thử nghiệm)"
              verified: false
            - id: TEST-ND226-2025-BIEN-DONG
              act: "Nghị định 226/2025/NĐ-CP (thử nghiệm)"
              verified: false
            """;
    private static final String SERIES = """
            deadline:
              values:
                - { validFrom: "2024-08-01", validTo: "2025-08-14", amount: 8, unit: WORKING_DAYS, basis: TEST-ND101-2024-BIEN-DONG }
                - { validFrom: "2025-08-15", amount: 5, unit: WORKING_DAYS, basis: TEST-ND226-2025-BIEN-DONG }
            """;

    @TempDir
    Path dir;

    private Path pack(String deadline) {
        Path p = TestPacks.copy("guide", dir);
        TestPacks.write(p.resolve("legal-bases/test.yaml"), BASES);
        TestPacks.write(p.resolve("procedures/TEST.DD.01/procedure.yaml"), """
                code: "TEST.DD.01"
                name: { vi: "Đăng ký biến động do chuyển nhượng, thừa kế, tặng cho (thử nghiệm)" }
                field: { vi: "Đất đai", en: "Land" }
                level: PROVINCE
                channels: [DESK]
                legalBases: [TEST-ND101-2024-BIEN-DONG]
                """ + deadline + """
                components:
                  - { id: don, name: { vi: "Đơn đăng ký biến động" }, form: ORIGINAL }
                """);
        return p;
    }

    private static String transfer(String receivedAt) {
        return "{\"procedure\":\"TEST.DD.01\",\"channel\":\"DESK\",\"receivedAt\":\"" + receivedAt + "\","
                + "\"unit\":\"52-phuong-pleiku\",\"applicant\":{\"birthDate\":\"1980-01-01\",\"residenceUnit\":\"52-phuong-pleiku\"},"
                + "\"form\":{}}";
    }

    @Test
    void deadlineChangesOnItsDate_eachDossierGetsTheLimitInForceOnItsReceiptDate() {
        try (Engine e = TestPacks.loaded(pack(SERIES))) {
            // Thursday 14/8/2025, the last day of the 08-day limit: Fri 15 … Tue 26/8 (no holiday)
            Decision before = e.decide(transfer("2025-08-14T09:00:00+07:00"));
            assertEquals(8, before.deadline().limit().amount(), String.valueOf(before.cause()));
            assertEquals(OffsetDateTime.parse("2025-08-26T17:00:00+07:00").toInstant(), before.deadline().due().toInstant());
            assertTrue(cites(before, "TEST-ND101-2024-BIEN-DONG"), before.trace().toString());
            // Friday 15/8/2025, the first day of the 05-day limit: Mon 18 … Fri 22/8
            Decision after = e.decide(transfer("2025-08-15T09:00:00+07:00"));
            assertEquals(5, after.deadline().limit().amount());
            assertEquals(OffsetDateTime.parse("2025-08-22T17:00:00+07:00").toInstant(), after.deadline().due().toInstant());
            assertTrue(cites(after, "TEST-ND226-2025-BIEN-DONG"), after.trace().toString());
            assertFalse(cites(after, "TEST-ND101-2024-BIEN-DONG"), after.trace().toString());

            Procedure p = e.catalog().stream().filter(x -> x.code().equals("TEST.DD.01")).findFirst().orElseThrow();
            assertEquals(5, p.deadline().limit().amount(), "deadline() is the latest value");
            assertEquals(LocalDate.of(2025, 8, 14), p.deadlineOn(LocalDate.of(2025, 8, 14)).orElseThrow().validTo());
            assertEquals(2, p.deadlines().values().size());
        }
    }

    @Test
    void dossierBeforeTheFirstValue_orAfterTheLastEnds_getsNoDeadlineButACause() {
        String ended = SERIES.replace("- { validFrom: \"2025-08-15\", amount: 5",
                "- { validFrom: \"2025-08-15\", validTo: \"2026-12-31\", amount: 5");
        try (Engine e = TestPacks.loaded(pack(ended))) {
            Decision early = e.decide(transfer("2024-07-31T09:00:00+07:00"));
            assertEquals(Eligibility.INDETERMINATE, early.eligibility());
            assertEquals(Decision.Cause.Code.DEADLINE_FAILED, early.cause().code());
            assertTrue(early.cause().messageEn().contains("in force from 2024-08-01"), early.cause().messageEn());
            assertNull(early.deadline());

            Decision late = e.decide(transfer("2027-01-04T09:00:00+07:00"));
            assertEquals(Decision.Cause.Code.DEADLINE_FAILED, late.cause().code());
            assertTrue(late.cause().messageEn().contains("ended on 2026-12-31"), late.cause().messageEn());
            assertTrue(late.cause().messageVi().contains("2026-12-31"), late.cause().messageVi());
        }
    }

    @Test
    void overlappingPeriods_areALoadProblemAtTheLineOfTheLaterValue() {
        String overlap = SERIES.replace("validTo: \"2025-08-14\"", "validTo: \"2025-08-15\"");
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(pack(overlap));
            assertFalse(r.ok());
            // procedure.yaml: line 7 "deadline:", 8 "values:", 9 the first value, 10 the second
            assertTrue(r.problems().stream().anyMatch(x -> x.file().equals("procedures/TEST.DD.01/procedure.yaml")
                    && x.line() == 10 && x.code().equals("DEADLINE_OVERLAP") && x.messageEn().contains("line 9")),
                    r.problems().toString());
            PackProblem p = r.problems().stream().filter(x -> x.code().equals("DEADLINE_OVERLAP")).findFirst().orElseThrow();
            assertEquals("Khoảng hiệu lực từ [2025-08-15] chồng lên khoảng [2024-08-01..2025-08-15] ở dòng 9;"
                    + " các khoảng phải theo thứ tự và không chồng nhau", p.messageVi());
            assertEquals("the period from [2025-08-15] overlaps the period [2024-08-01..2025-08-15] at line 9;"
                    + " periods must follow each other without overlapping", p.messageEn());
        }
    }

    @Test
    void singleValueFile_stillLoads_andItsValidFromStillHolds() {
        try (Engine e = TestPacks.loaded(pack(
                "deadline: { amount: 8, unit: WORKING_DAYS, basis: TEST-ND101-2024-BIEN-DONG, validFrom: \"2024-08-01\" }\n"))) {
            Procedure p = e.catalog().stream().filter(x -> x.code().equals("TEST.DD.01")).findFirst().orElseThrow();
            assertNull(p.deadlines());
            assertEquals(8, e.decide(transfer("2025-08-15T09:00:00+07:00")).deadline().limit().amount());
            assertEquals(Decision.Cause.Code.DEADLINE_FAILED, e.decide(transfer("2024-07-31T09:00:00+07:00")).cause().code());
        }
    }

    private static boolean cites(Decision d, String basisId) {
        return d.trace().stream().anyMatch(t -> t.kind() == Decision.TraceStep.Kind.DEADLINE && t.basis() != null
                && t.basis().id().equals(basisId));
    }
}
