package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.cases.CaseResult;
import io.github.motcua.rules.cases.CaseRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case runner compares only named parts, reports mismatches readably, and never passes silently. */
class CaseRunnerTest {
    @TempDir
    Path dir;

    @Test
    void run_wrongExpectation_reportsExpectedVersusActualWithTrace() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                s -> s.replace("required: [to-khai, giay-chung-sinh]", "required: [to-khai]"));
        try (Engine e = TestPacks.loaded(p)) {
            CaseResult r = CaseRunner.runAll(e).stream().filter(x -> !x.passed()).findFirst().orElseThrow();
            assertEquals(List.of("components.required: expected [to-khai], actual [giay-chung-sinh, to-khai]"), r.mismatches());
            assertTrue(r.report().contains("procedures/1.001193/rules.drl:2 Có giấy chứng sinh thì nộp giấy chứng sinh"), r.report());
            // the printed line is Vietnamese first; mismatches() keeps its one English form
            assertTrue(r.report().contains("  ✗ components.required: ca kiểm thử ghi [to-khai], kết quả là [giay-chung-sinh,"
                    + " to-khai] / expected [to-khai], actual [giay-chung-sinh, to-khai]"), r.report());
        }
    }

    @Test
    void run_deadlineExpected_isComparedWithTheComputedDueInstant() {
        // same-day birth registration received Monday 02/3/2026 09:00, before the 15:00 cut-off:
        // due at the close of that day's office hours, 17:00 (Luật Hộ tịch Art. 5(3))
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                s -> s.replaceFirst("eligibility: ELIGIBLE", "eligibility: ELIGIBLE\n    deadline: { due: \"2026-03-02T17:00:00+07:00\" }"));
        try (Engine e = TestPacks.loaded(p)) {
            CaseResult r = CaseRunner.runAll(e).stream().filter(x -> x.packCase().file().endsWith("giay-chung-sinh.yaml")).findFirst().orElseThrow();
            assertTrue(r.passed(), r.report());
            assertEquals(List.of(), r.notChecked());
        }
    }

    @Test
    void run_wrongDeadlineExpected_isAMismatchNamingBothInstants() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/cases/giay-chung-sinh.yaml"),
                s -> s.replaceFirst("eligibility: ELIGIBLE", "eligibility: ELIGIBLE\n    deadline: { due: \"2026-03-03T17:00:00+07:00\" }"));
        try (Engine e = TestPacks.loaded(p)) {
            CaseResult r = CaseRunner.runAll(e).stream().filter(x -> x.packCase().file().endsWith("giay-chung-sinh.yaml")).findFirst().orElseThrow();
            assertFalse(r.passed());
            assertEquals(List.of("deadline.due: expected 2026-03-03T17:00+07:00, actual 2026-03-02T17:00+07:00[Asia/Ho_Chi_Minh]"),
                    r.mismatches());
        }
    }
}
