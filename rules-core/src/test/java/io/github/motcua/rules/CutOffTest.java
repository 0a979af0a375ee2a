package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.law.LegalBasis;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 6: the cut-off hour (giờ tiếp nhận) applies only where the pack says so — a procedure's
 * own {@code deadline.cutOff} or a pack.yaml {@code cutOffs} rule — and a deadline cites the basis the pack
 * names for it, never the civil-status and certification bases for a procedure they do not concern.
 */
class CutOffTest {
    /** Monday 02/3/2026 16:30, after 15:00 and 16:00 but inside office hours. */
    private static final String LATE = "2026-03-02T16:30:00+07:00";
    private static final String BASES = """
            - id: TEST-LLTP-GIO-TIEP-NHAN
              act: "Quyết định thử nghiệm của tỉnh về giờ tiếp nhận hồ sơ lý lịch tư pháp"
              verified: false
            """;

    @TempDir
    Path dir;

    private Path guide(String packYamlTail) {
        Path p = TestPacks.copy("guide", dir);
        TestPacks.write(p.resolve("legal-bases/test.yaml"), BASES);
        TestPacks.edit(p.resolve("pack.yaml"), s -> s + packYamlTail);
        return p;
    }

    private static String judicialRecord(String receivedAt) {
        return "{\"procedure\":\"GL.LLTP.01\",\"channel\":\"DESK\",\"receivedAt\":\"" + receivedAt + "\","
                + "\"unit\":\"52-phuong-pleiku\",\"applicant\":{\"birthDate\":\"1990-05-01\",\"residenceUnit\":\"52-phuong-pleiku\"},"
                + "\"form\":{}}";
    }

    private static String certification(String receivedAt) {
        return "{\"procedure\":\"2.000815\",\"channel\":\"DESK\",\"receivedAt\":\"" + receivedAt + "\",\"form\":{}}";
    }

    private static List<String> countingIds(Decision d) {
        return d.deadline().countingBases().stream().map(LegalBasis::id).collect(Collectors.toList());
    }

    @Test
    void procedureOutsideCivilStatus_cutOffFromPackSettings_citesTheBasisThePackNames() {
        Path p = guide("""
                defaults: { cutOff: "15:00" }
                cutOffs:
                  - { procedures: [GL.LLTP.01], at: "16:00", basis: TEST-LLTP-GIO-TIEP-NHAN }
                """);
        try (Engine e = TestPacks.loaded(p)) {
            Procedure lltp = e.catalog().stream().filter(x -> x.code().equals("GL.LLTP.01")).findFirst().orElseThrow();
            assertEquals(LocalTime.of(16, 0), lltp.deadline().cutOff());
            assertEquals("TEST-LLTP-GIO-TIEP-NHAN", lltp.deadline().cutOffBasis().id());

            Decision d = e.decide(judicialRecord(LATE));
            assertEquals(Eligibility.ELIGIBLE, d.eligibility(), String.valueOf(d.cause()));
            // received Monday 16:30, after the pack's 16:00 for this procedure: counted from Tuesday
            assertEquals(LocalDate.of(2026, 3, 3), d.deadline().receiptDay());
            List<String> ids = countingIds(d);
            assertTrue(ids.contains("TEST-LLTP-GIO-TIEP-NHAN"), ids.toString());
            assertFalse(ids.contains("LHT-2014-D5-3"), "civil-status basis cited for a judicial record: " + ids);
            assertFalse(ids.contains("ND-23-2015-D7"), "certification basis cited for a judicial record: " + ids);

            // before its own hour (15:30 < 16:00) the day counts, whatever defaults.cutOff says
            Decision early = e.decide(judicialRecord("2026-03-02T15:30:00+07:00"));
            assertEquals(LocalDate.of(2026, 3, 2), early.deadline().receiptDay());
            assertFalse(countingIds(early).contains("TEST-LLTP-GIO-TIEP-NHAN"), countingIds(early).toString());
        }
    }

    @Test
    void procedureThePackDoesNotOptIn_getsNoCutOff_evenWithADefaultHour() {
        Path p = guide("""
                defaults: { cutOff: "15:00" }
                """);
        try (Engine e = TestPacks.loaded(p)) {
            Procedure lltp = e.catalog().stream().filter(x -> x.code().equals("GL.LLTP.01")).findFirst().orElseThrow();
            assertNull(lltp.deadline().cutOff());
            Decision d = e.decide(judicialRecord(LATE));
            // received Monday 16:30: Monday is the receipt day; 10 working days later is Monday 16/3
            assertEquals(LocalDate.of(2026, 3, 2), d.deadline().receiptDay());
            assertEquals(LocalDate.of(2026, 3, 16), d.deadline().due().toLocalDate());
            List<String> ids = countingIds(d);
            assertFalse(ids.contains("LHT-2014-D5-3"), ids.toString());
            assertFalse(ids.contains("ND-23-2015-D7"), ids.toString());

            // the certification procedure names its own 15:00 (basis: its deadline's, NĐ 23/2015 Art. 7)
            Decision c = e.decide(certification(LATE));
            assertEquals(LocalDate.of(2026, 3, 3), c.deadline().receiptDay());
            assertEquals(List.of("ND-23-2015-D7"), countingIds(c));
        }
    }

    @Test
    void fieldRule_appliesToTheField_aProcedureMayOptOutWithNone() {
        Path p = guide("""
                cutOffs:
                  - { field: "Lý lịch tư pháp", basis: TEST-LLTP-GIO-TIEP-NHAN }
                """);
        try (Engine e = TestPacks.loaded(p)) {
            Decision d = e.decide(judicialRecord(LATE));
            // no hour named: 15:00, the default hour
            assertEquals(LocalDate.of(2026, 3, 3), d.deadline().receiptDay());
            assertTrue(countingIds(d).contains("TEST-LLTP-GIO-TIEP-NHAN"), countingIds(d).toString());
        }
        TestPacks.edit(p.resolve("procedures/GL.LLTP.01/procedure.yaml"),
                s -> s.replace("basis: LLTP-2009-D48 }", "basis: LLTP-2009-D48, cutOff: none }"));
        try (Engine e = TestPacks.loaded(p)) {
            assertEquals(LocalDate.of(2026, 3, 2), e.decide(judicialRecord(LATE)).deadline().receiptDay());
        }
    }

    @Test
    void procedureOwnCutOffBasis_isCitedInsteadOfTheDeadlineBasis() {
        Path p = guide("");
        TestPacks.edit(p.resolve("procedures/GL.LLTP.01/procedure.yaml"),
                s -> s.replace("basis: LLTP-2009-D48 }",
                        "basis: LLTP-2009-D48, cutOff: \"16:00\", cutOffBasis: TEST-LLTP-GIO-TIEP-NHAN }"));
        try (Engine e = TestPacks.loaded(p)) {
            Decision d = e.decide(judicialRecord(LATE));
            assertEquals(LocalDate.of(2026, 3, 3), d.deadline().receiptDay());
            assertEquals(List.of("TEST-LLTP-GIO-TIEP-NHAN"), countingIds(d).stream()
                    .filter(id -> id.startsWith("TEST")).toList());
        }
    }

    @Test
    void unknownBasisInCutOffs_isALoadProblemAtItsLine_withTheClosestIds() {
        Path p = guide("""
                cutOffs:
                  - { procedures: [GL.LLTP.01], basis: TEST-LLTP-GIO-TIEP-NHAM }
                """);
        int line = lineOf(p.resolve("pack.yaml"), "TEST-LLTP-GIO-TIEP-NHAM");
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(x -> x.file().equals("pack.yaml") && x.line() == line
                    && x.code().equals("UNKNOWN_BASIS") && x.messageEn().contains("TEST-LLTP-GIO-TIEP-NHAN")),
                    r.problems().toString());
            PackProblem u = r.problems().stream().filter(x -> x.code().equals("UNKNOWN_BASIS")).findFirst().orElseThrow();
            assertTrue(u.messageVi().startsWith("Căn cứ pháp lý [TEST-LLTP-GIO-TIEP-NHAM] không có trong legal-bases/*.yaml; gần nhất: "),
                    u.messageVi());
            assertTrue(u.messageEn().startsWith("legal basis [TEST-LLTP-GIO-TIEP-NHAM] is not declared in legal-bases/*.yaml; closest: "),
                    u.messageEn());
        }
    }

    /** A pack copied in part keeps loading: a rule may name a code it lacks, or cover nothing. */
    @Test
    void ruleNamingAnAbsentProcedureOrCoveringNothing_stillLoads_andGivesNoCutOff() {
        Path p = guide("""
                cutOffs:
                  - { field: "Chứng thực", basis: ND-23-2015-D7, except: ["2.001035"] }
                  - { procedures: [GL.DD.99], basis: TEST-LLTP-GIO-TIEP-NHAN }
                  - { field: "Đất đai", basis: TEST-LLTP-GIO-TIEP-NHAN }
                """);
        try (Engine e = TestPacks.loaded(p)) {
            assertEquals(LocalDate.of(2026, 3, 2), e.decide(judicialRecord(LATE)).deadline().receiptDay());
            assertEquals(LocalDate.of(2026, 3, 3), e.decide(certification(LATE)).deadline().receiptDay());
        }
    }

    @Test
    void procedureCodeNotInThePack_isAWarningAtItsLine_withTheClosestCodes_andThePackLoads() {
        Path p = guide("""
                cutOffs:
                  - { procedures: [GL.LLTP.01, GL.LLTP.1], at: "16:00", basis: TEST-LLTP-GIO-TIEP-NHAN, except: ["2.00815"] }
                """);
        int line = lineOf(p.resolve("pack.yaml"), "GL.LLTP.1]");
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), r.problems().toString());
            assertEquals(List.of("UNKNOWN_PROCEDURE", "UNKNOWN_PROCEDURE"), r.warnings().stream().map(PackProblem::code).toList());
            PackProblem typo = r.warnings().get(0);
            assertEquals("pack.yaml", typo.file());
            assertEquals(line, typo.line());
            assertTrue(typo.messageEn().contains("[GL.LLTP.1]") && typo.messageEn().endsWith("closest codes: GL.LLTP.01"),
                    typo.messageEn());
            assertTrue(r.warnings().get(1).messageVi().contains("[2.00815]") && r.warnings().get(1).messageVi().endsWith("2.000815"),
                    r.warnings().get(1).messageVi());
            // the rule still applies to the code it names rightly: after its 16:00, counted from Tuesday
            assertEquals(LocalDate.of(2026, 3, 3), e.decide(judicialRecord(LATE)).deadline().receiptDay());
        }
    }

    @Test
    void unknownCutOffBasisInProcedure_isALoadProblemAtItsLine() {
        Path p = guide("");
        TestPacks.edit(p.resolve("procedures/GL.LLTP.01/procedure.yaml"),
                s -> s.replace("basis: LLTP-2009-D48 }", "basis: LLTP-2009-D48, cutOff: \"16:00\", cutOffBasis: ND23-2015-D7 }"));
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            assertTrue(r.problems().stream().anyMatch(x -> x.file().equals("procedures/GL.LLTP.01/procedure.yaml")
                    && x.line() == 11 && x.code().equals("UNKNOWN_BASIS") && x.messageEn().contains("ND-23-2015-D7")),
                    r.problems().toString());
        }
    }

    private static int lineOf(Path file, String text) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(text + " not in " + file);
    }
}
