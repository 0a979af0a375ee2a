package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case whose dossier names a receiving unit units.yaml does not list: the decision refuses such a dossier
 * ({@code UNKNOWN_UNIT}), so the case could only fail — and it failed at the case's first line, with "decision failed",
 * while the mistake is on its {@code unit:} line (or in the {@code _base.yaml} the case takes its unit from). It is now
 * a load problem where the analyst must edit, naming the closest codes, as a case's unknown field or component is.
 */
class CaseUnknownUnitTest {
    @TempDir
    Path dir;

    @Test
    void caseNamingAUnitNotInUnitsYaml_isAProblemAtItsUnitLine() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                s -> s.replace("unit: \"52-phuong-pleiku\"", "unit: \"52-phuong-pleikuu\""));
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertEquals(1, r.problems().size(), r.problems().toString());
            PackProblem x = r.problems().get(0);
            assertEquals("CASE_UNKNOWN_UNIT", x.code());
            assertEquals("procedures/1.001193/cases/giay-chung-sinh.yaml", x.file());
            assertEquals(5, x.line(), "the unit: line, not the case's first line");
            assertEquals(5, x.column(), "the unit key");
            assertEquals("Đơn vị tiếp nhận [52-phuong-pleikuu] không có trong units.yaml, nên hồ sơ của ca kiểm thử sẽ bị từ"
                    + " chối (UNKNOWN_UNIT); gần nhất: 52-phuong-pleiku. Sửa mã đơn vị ở đây", x.messageVi());
            assertEquals("receiving unit [52-phuong-pleikuu] is not in units.yaml, so the case's dossier would be refused"
                    + " (UNKNOWN_UNIT); closest: 52-phuong-pleiku. Correct the unit code here", x.messageEn());
        }
    }

    @Test
    void unitTakenFromTheBase_isOneProblemAtTheBaseUnitLine() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.000894/cases/_base.yaml"), """
                dossier:
                  channel: DESK
                  unit: "52-xa-ia-0"
                """);
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            List<PackProblem> unit = r.problems().stream().filter(x -> x.code().equals("CASE_UNKNOWN_UNIT")).toList();
            assertEquals(1, unit.size(), "one problem for every case that takes the unit from the base: " + r.problems());
            assertEquals(r.problems(), unit, "no other problem");
            assertEquals("procedures/1.000894/cases/_base.yaml", unit.get(0).file());
            assertEquals(3, unit.get(0).line());
            assertTrue(unit.get(0).messageVi().contains("gần nhất: 52-xa-ia-o"), unit.get(0).messageVi());
        }
    }

    @Test
    void knownUnitInTheBase_loadsAndTheCasesPass() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.000894/cases/_base.yaml"), """
                dossier:
                  unit: "52-xa-ia-o"
                """);
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), r.problems().toString());
            assertTrue(io.github.motcua.rules.cases.CaseRunner.runAll(e).stream().allMatch(c -> c.passed()));
        }
    }

    /**
     * A case naming an applicant's residence unit units.yaml does not list: the decision refuses such a dossier
     * ({@code UNKNOWN_RESIDENCE_UNIT}, it would otherwise apply no residence exemption silently), so the case is a load
     * problem at its {@code residenceUnit:} line, naming the closest codes.
     */
    @Test
    void caseNamingAResidenceUnitNotInUnitsYaml_isAProblemAtItsResidenceLine() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                s -> s.replace("    unit: \"52-phuong-pleiku\"\n", "    unit: \"52-phuong-pleiku\"\n    applicant:\n"
                        + "      residenceUnit: \"52-xa-ia-0\"\n"));
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertEquals(1, r.problems().size(), r.problems().toString());
            PackProblem x = r.problems().get(0);
            assertEquals("CASE_UNKNOWN_RESIDENCE_UNIT", x.code());
            assertEquals("procedures/1.001193/cases/giay-chung-sinh.yaml", x.file());
            assertEquals(7, x.line(), "the residenceUnit: line");
            assertEquals(7, x.column(), "the residenceUnit key");
            assertEquals("Đơn vị cư trú [52-xa-ia-0] của người yêu cầu không có trong units.yaml, nên hồ sơ của ca kiểm thử sẽ"
                    + " bị từ chối (UNKNOWN_RESIDENCE_UNIT); gần nhất: 52-xa-ia-o. Sửa mã đơn vị cư trú ở đây", x.messageVi());
            assertEquals("residence unit [52-xa-ia-0] is not in units.yaml, so the case's dossier would be refused"
                    + " (UNKNOWN_RESIDENCE_UNIT); closest: 52-xa-ia-o. Correct the residence unit code here", x.messageEn());
        }
    }

    @Test
    void residenceTakenFromTheBase_isOneProblemAtTheBaseLine_andAnAbsentOneLoads() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("procedures/1.000894/cases/_base.yaml"), """
                dossier:
                  applicant:
                    residenceUnit: "52-phuong-pleikuu"
                """);
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertEquals(List.of("CASE_UNKNOWN_RESIDENCE_UNIT"), r.problems().stream().map(PackProblem::code).toList(),
                    "one problem for every case that takes it from the base: " + r.problems());
            assertEquals("procedures/1.000894/cases/_base.yaml", r.problems().get(0).file());
            assertEquals(3, r.problems().get(0).line());
            assertTrue(r.problems().get(0).messageVi().contains("gần nhất: 52-phuong-pleiku"), r.problems().get(0).messageVi());
        }
        TestPacks.write(p.resolve("procedures/1.000894/cases/_base.yaml"), """
                dossier:
                  applicant:
                    residenceUnit: "52-xa-ia-o"
                """);
        try (Engine e = TestPacks.engine()) {
            LoadResult r = e.load(p);
            assertTrue(r.ok(), r.problems().toString());
            assertTrue(io.github.motcua.rules.cases.CaseRunner.runAll(e).stream().allMatch(c -> c.passed()));
        }
    }
}
