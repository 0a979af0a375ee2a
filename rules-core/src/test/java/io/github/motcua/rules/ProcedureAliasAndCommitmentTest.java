package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: old codes (aliases) still decide; a province's commitment may not exceed the law's maximum. */
class ProcedureAliasAndCommitmentTest {
    @TempDir
    Path dir;

    private Path withBirth(String insertAfterCode) {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"),
                s -> s.replace("code: \"1.001193\"\n", "code: \"1.001193\"\n" + insertAfterCode));
        return p;
    }

    @Test
    void decide_dossierNamingAnAlias_isDecidedByTheProcedureWithANoteNamingBothCodes() {
        Path p = withBirth("aliases:\n  - { code: \"GL.KS.01\", note: \"mã cũ\" }\n");
        try (Engine e = TestPacks.loaded(p)) {
            Decision d = e.decide(TestPacks.birth("{ \"giayChungSinh\": \"CO\" }").replace("\"1.001193\"", "\"GL.KS.01\""));
            assertEquals("1.001193", d.procedure());
            assertEquals(Eligibility.ELIGIBLE, d.eligibility());
            assertTrue(d.notes().stream().anyMatch(n -> n.messageVi().contains("[GL.KS.01]") && n.messageVi().contains("[1.001193]")),
                    d.notes().toString());
            assertEquals("GL.KS.01", e.catalog().stream().filter(x -> x.code().equals("1.001193")).findFirst().orElseThrow()
                    .aliases().get(0).code());
            // an unknown code is still refused
            assertThrows(NoSuchProcedureException.class,
                    () -> e.decide(TestPacks.birth("{}").replace("\"1.001193\"", "\"GL.KS.02\"")));
        }
    }

    @Test
    void decide_unknownCodeCloseToAnAlias_namesTheProcedureOfThatAlias() {
        Path p = withBirth("aliases:\n  - { code: \"GL.KS.01\", note: \"mã cũ\" }\n");
        try (Engine e = TestPacks.loaded(p)) {
            NoSuchProcedureException x = assertThrows(NoSuchProcedureException.class,
                    () -> e.decide(TestPacks.birth("{}").replace("\"1.001193\"", "\"GL.KS.02\"")));
            // "GL.KS.02" is one letter from the alias GL.KS.01, far from every procedure's own code
            assertEquals(java.util.List.of("1.001193"), x.closest().stream().map(Procedure::code).toList());
        }
    }

    @Test
    void load_aliasThatIsAnotherProceduresCode_isAProblem() {
        Path p = withBirth("aliases:\n  - { code: \"1.000894\" }\n");
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            PackProblem x = PackLoadTest.only(r, q -> q.code().equals("ALIAS_CONFLICT"));
            assertEquals("procedures/1.001193/procedure.yaml", x.file());
            assertTrue(x.messageVi().contains("[1.000894]"), x.messageVi());
        }
    }

    @Test
    void load_commitmentLongerThanTheMaximum_isRefusedAtItsLine() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"), s -> s
                .replace("deadline: { amount: 0, unit: SAME_DAY, basis: LHT-2014-D5, cutOff: \"15:00\" }",
                        "deadline: { amount: 3, unit: WORKING_DAYS, basis: LHT-2014-D5 }\n"
                                + "commitment: { amount: 3.5, unit: WORKING_DAYS }")
                .replace("budget: { amount: 2, unit: WORKING_HOURS }", "budget: { amount: 2, unit: WORKING_DAYS }"));
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            PackProblem x = PackLoadTest.only(r, q -> q.code().equals("COMMITMENT_EXCEEDS_MAXIMUM"));
            assertTrue(x.line() > 0, x.toString());
            assertTrue(x.messageVi().contains("3,5 ngày làm việc"), x.messageVi());
        }
    }

    @Test
    void commitment_fractionalWorkingDays_becomeWorkingHoursOfTheOfficeDay() {
        Procedure.Commitment c = new Procedure.Commitment(new BigDecimal("2.5"),
                io.github.motcua.calendar.DeadlineUnit.WORKING_DAYS, null, null);
        // 07:30-11:30 and 13:30-17:00 = 450 minutes a day; 2.5 days = 1,125 minutes = 18.75 h, rounded up to 19 h
        assertEquals(io.github.motcua.calendar.TimeLimit.workingHours(19), c.limit(450));
        assertEquals("2,5 ngày làm việc", c.labelVi());
        assertEquals(new BigDecimal("50.0"), c.cutPercent(io.github.motcua.calendar.TimeLimit.workingDays(5)));
        assertTrue(c.withinMaximum(io.github.motcua.calendar.TimeLimit.workingDays(3)));
        assertFalse(c.withinMaximum(io.github.motcua.calendar.TimeLimit.workingDays(2)));
        assertFalse(c.withinMaximum(io.github.motcua.calendar.TimeLimit.calendarDays(10)), "other units are not compared");
    }
}
