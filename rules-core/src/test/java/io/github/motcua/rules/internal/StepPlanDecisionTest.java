package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.InternalStep;
import io.github.motcua.calendar.StepPlan;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.rules.Procedure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The deadline section with the procedure's step plan (Session 21: made when the procedure is prepared) gives the steps
 * it gave from the steps themselves: {@link StepBudgets#rescaled(StepPlan, TimeLimit, List)} is
 * {@link StepBudgets#rescaled(List, TimeLimit, List)}, and only a procedure whose steps apply to every dossier has one.
 */
class StepPlanDecisionTest {

    private static TimeLimit budget(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> TimeLimit.workingHours(1 + r.nextInt(8));
            case 1 -> TimeLimit.calendarDays(1 + r.nextInt(5));
            default -> TimeLimit.workingDays(1 + r.nextInt(6));
        };
    }

    @Test
    void rescaled_fromThePlan_isRescaledFromTheSteps() {
        Random r = new Random(2021);
        int changed = 0;
        int unchanged = 0;
        for (int n = 0; n < 5000; n++) {
            List<InternalStep> steps = new ArrayList<>();
            for (int i = r.nextInt(6); i > 0; i--) {
                boolean counted = r.nextInt(6) != 0;
                TimeLimit b = budget(r);
                if (!counted && b.unit() == io.github.motcua.calendar.DeadlineUnit.SAME_DAY) {
                    b = TimeLimit.workingDays(1);
                }
                steps.add(new InternalStep("b" + i, "Công chức", "Bước", b, null, counted, null, true, null));
            }
            steps = List.copyOf(steps);
            TimeLimit base = r.nextInt(5) == 0 ? TimeLimit.calendarDays(1 + r.nextInt(30))
                    : TimeLimit.workingDays(1 + r.nextInt(25));
            List<DeadlineAdjustment> adjustments = new ArrayList<>();
            for (int a = r.nextInt(3); a > 0; a--) {
                adjustments.add(switch (r.nextInt(3)) {
                    case 0 -> DeadlineAdjustment.extend(budget(r), "Gia hạn", null, "r");
                    case 1 -> DeadlineAdjustment.replace(budget(r), "Thay thời hạn", null, "r");
                    default -> DeadlineAdjustment.pause(TimeLimit.workingDays(1 + r.nextInt(3)), "Tạm dừng", null, "r");
                });
            }
            List<InternalStep> expected = StepBudgets.rescaled(steps, base, adjustments);
            List<InternalStep> planned = StepBudgets.rescaled(StepPlan.of(steps), base, adjustments);
            assertEquals(expected, planned, "steps " + steps + ", base " + base + ", adjustments " + adjustments);
            if (expected == steps) {
                assertSame(steps, planned, "unchanged steps are the procedure's list: the plan applies to them");
                unchanged++;
            } else {
                changed++;
            }
        }
        assertTrue(changed > 500 && unchanged > 500, changed + " rescaled, " + unchanged + " unchanged");
    }

    @Test
    void stepPlan_onlyForStepsEveryDossierGoesThrough() throws Exception {
        int with = 0;
        int without = 0;
        for (Procedure p : ProcedureFixtures.giaLaiProcedures()) {
            CompiledProcedure cp = new CompiledProcedure(p, (org.kie.api.KieBase) null, java.util.Map.of(), null, false, 0, null);
            if (p.stepConditions().isEmpty()) {
                assertNotNull(cp.stepPlan(), p.code());
                assertSame(p.steps(), cp.stepPlan().steps(), p.code());
                with++;
            } else {
                assertNull(cp.stepPlan(), p.code() + ": its steps depend on the dossier");
                without++;
            }
        }
        assertTrue(with > 10 && without > 0, with + " with a plan, " + without + " without");
    }

    /** Gia Lai's procedures as the loader reads them. */
    static final class ProcedureFixtures {
        static List<Procedure> giaLaiProcedures() {
            Path pack = Path.of("..", "examples", "packs", "gia-lai");
            try (io.github.motcua.rules.Engine e = io.github.motcua.rules.Motcua.engine().build()) {
                e.load(pack).orThrow();
                return e.catalog();
            }
        }
    }
}
