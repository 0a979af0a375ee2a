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
    /** The birth registration's one-line deadline replaced by {@code deadline}, with {@code commitment} after it. */
    private Path birthWithDeadline(String deadline, String commitment) {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"), s -> s
                .replace("deadline: { amount: 0, unit: SAME_DAY, basis: LHT-2014-D5, cutOff: \"15:00\" }\n",
                        deadline + commitment));
        return p;
    }

    /** 8 working days until 30/6/2025, 5 since 1/7/2025: a law that shortened the limit (test values). */
    private static final String SHORTENED = """
            deadline:
              values:
                - { validFrom: "2024-01-01", validTo: "2025-06-30", amount: 8, unit: WORKING_DAYS, basis: LHT-2014-D5 }
                - { validFrom: "2025-07-01", amount: 5, unit: WORKING_DAYS, basis: LHT-2014-D16 }
            """;

    @Test
    void load_commitmentBeyondALaterShorterLimitOfADatedDeadline_isRefused() {
        // 6 days is within the 8 of the first period but not the 5 in force since 1/7/2025: the commitment holds in
        // every period, so it would promise a dossier received today more than the law allows (was a
        // NullPointerException reported as BAD_VALUE at line 1: a dated deadline has no one limit)
        Path p = birthWithDeadline(SHORTENED, "commitment: { amount: 6, unit: WORKING_DAYS }\n");
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            PackProblem x = PackLoadTest.only(r, q -> q.code().equals("COMMITMENT_EXCEEDS_MAXIMUM"));
            assertEquals(15, x.line(), x.toString());
            assertEquals("Thời gian cam kết [6 ngày làm việc] dài hơn thời hạn tối đa theo luật [05 ngày làm việc] hoặc khác đơn vị",
                    x.messageVi());
            assertTrue(r.problems().stream().noneMatch(q -> q.code().equals("BAD_VALUE")), PackLoadTest.dump(r));
        }
    }

    @Test
    void decide_commitmentWithinEveryValueOfADatedDeadline_isCountedAgainstTheValueInForce() {
        Path p = birthWithDeadline(SHORTENED, "commitment: { amount: 4, unit: WORKING_DAYS }\n");
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), PackLoadTest.dump(r));
            Decision d = e.decide(TestPacks.birth("{}")); // received 2/3/2026: the 5-day limit is in force
            assertEquals(5, d.commitment().maximum().amount(), String.valueOf(d.cause()));
            assertEquals(new BigDecimal("20.0"), d.commitment().cutPercent());
        }
    }

    @Test
    void load_commitmentBesideAnUnknownDeadline_isRefusedAtTheCommitment() {
        // nothing to keep within, and no decision would count it (no deadline): a plain problem at the commitment,
        // not a NullPointerException reported as BAD_VALUE at line 1
        Path p = birthWithDeadline("deadline: { unknown: true, note: \"không đọc được thời hạn\" }\n",
                "commitment: { amount: 2, unit: WORKING_DAYS }\n");
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            PackProblem x = PackLoadTest.only(r, q -> q.code().equals("COMMITMENT_WITHOUT_MAXIMUM"));
            assertEquals(12, x.line(), x.toString());
            assertTrue(x.messageVi().startsWith("Thời gian cam kết không đối chiếu được"), x.messageVi());
            assertTrue(r.problems().stream().noneMatch(q -> q.code().equals("BAD_VALUE")), PackLoadTest.dump(r));
        }
    }

    @Test
    void load_numberTooLargeForItsField_isABadValueAtItsLineInPlainWords() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"), s -> s
                .replaceFirst("quantity: 1\n", "quantity: 3000000000\n"));
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertFalse(r.ok());
            PackProblem x = PackLoadTest.only(r, q -> q.code().equals("BAD_VALUE"));
            assertEquals("procedures/1.001193/procedure.yaml", x.file());
            assertEquals(19, x.line(), x.toString()); // the first component's quantity, not line 1
            assertEquals("Số [3000000000] nằm ngoài giới hạn của giá trị này (tối đa 2.147.483.647)", x.messageVi());
            assertEquals("the number [3000000000] is out of range for this value (at most 2,147,483,647)", x.messageEn());
        }
    }
}
