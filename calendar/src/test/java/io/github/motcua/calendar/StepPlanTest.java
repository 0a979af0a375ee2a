package io.github.motcua.calendar;

import static io.github.motcua.calendar.TestPacks.vn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A deadline computed with the procedure's {@link StepPlan} is the one computed from the steps themselves: the same
 * result, or the same failure with the same message (docs/performance.md, "Session 21 — the skewed mix").
 */
class StepPlanTest {
    static final WorkingCalendar CALENDAR = TestPacks.giaLaiCalendar();

    /** Either the result or the failure's class and message: what a caller sees. */
    private static Object outcome(DeadlineEngine engine, DeadlineRequest req, StepPlan plan) {
        try {
            return engine.compute(req, plan);
        } catch (CalendarException e) {
            String id = e instanceof StepBudgetException s ? s.stepId() : "";
            return e.getClass().getName() + " " + id + " " + e.getMessage();
        }
    }

    private static TimeLimit budget(Random r, boolean counted) {
        return switch (r.nextInt(counted ? 5 : 3)) {
            case 0, 1 -> TimeLimit.workingDays(1 + r.nextInt(6));
            case 2 -> TimeLimit.calendarDays(1 + r.nextInt(10));
            case 3 -> TimeLimit.workingHours(1 + r.nextInt(12));
            default -> TimeLimit.sameDay();
        };
    }

    @Test
    void compute_withThePlan_isTheSameAsFromTheStepsOverManyRequests() {
        Random r = new Random(21);
        int withSteps = 0;
        int failed = 0;
        int uncounted = 0;
        for (int n = 0; n < 3000; n++) {
            DeadlineSettings settings = DeadlineSettings.defaults().withCountReceiptDay(r.nextBoolean())
                    .withDueAt(r.nextBoolean() ? DueAt.SAME_TIME : DueAt.CLOSE_OF_OFFICE);
            DeadlineEngine engine = DeadlineEngine.of(CALENDAR, settings);
            List<InternalStep> steps = new ArrayList<>();
            int count = r.nextInt(6);
            for (int i = 0; i < count; i++) {
                boolean counted = r.nextInt(5) != 0;
                steps.add(new InternalStep("b" + i, "Công chức " + i, "Bước " + i, budget(r, counted), null, counted, null,
                        true, null));
                uncounted += counted ? 0 : 1;
            }
            StepPlan plan = StepPlan.of(steps);
            TimeLimit base = r.nextInt(4) == 0 ? TimeLimit.calendarDays(5 + r.nextInt(20))
                    : TimeLimit.workingDays(1 + r.nextInt(20));
            Instant at = vn(2026, 1 + r.nextInt(12), 1 + r.nextInt(28), 6 + r.nextInt(13), r.nextInt(60));
            List<DeadlineAdjustment> adjustments = new ArrayList<>();
            if (r.nextInt(3) == 0) {
                adjustments.add(DeadlineAdjustment.extend(TimeLimit.workingDays(1 + r.nextInt(5)), "Gia hạn", "Extended", null,
                        null));
            }
            if (r.nextInt(4) == 0) {
                Instant from = at.plusSeconds(3600L * 24 * (1 + r.nextInt(5)));
                adjustments.add(DeadlineAdjustment.excluded(from, from.plusSeconds(3600L * (2 + r.nextInt(100))),
                        "Bổ sung hồ sơ", null));
            }
            Channel channel = Channel.values()[r.nextInt(Channel.values().length)];
            DeadlineRequest req = new DeadlineRequest(at, channel, base, null, adjustments, plan.steps());
            Object planned = outcome(engine, req, plan);
            assertEquals(outcome(engine, req, null), planned, "request " + n + ": " + req);
            withSteps += count > 0 ? 1 : 0;
            failed += planned instanceof String ? 1 : 0;
        }
        // the comparison covered what it must: steps, steps not counted, and steps that do not fit
        assertTrue(withSteps > 2000, "requests with steps: " + withSteps);
        assertTrue(uncounted > 500, "steps not counted: " + uncounted);
        assertTrue(failed > 100 && failed < 2500, "requests whose steps do not fit: " + failed);
    }

    @Test
    void compute_withAPlanOfOtherSteps_ignoresThePlan() {
        DeadlineEngine engine = DeadlineEngine.of(CALENDAR, DeadlineSettings.defaults());
        InternalStep receive = new InternalStep("tiep-nhan", "Bộ phận Một cửa", "Tiếp nhận", TimeLimit.workingDays(1));
        InternalStep handle = new InternalStep("xu-ly", "Công chức chuyên môn", "Thẩm định", TimeLimit.workingDays(2));
        StepPlan other = StepPlan.of(List.of(handle, receive));
        DeadlineRequest req = DeadlineRequest.of(vn(2026, 3, 2, 9, 0), Channel.DESK, TimeLimit.workingDays(3))
                .withSteps(List.of(receive, handle));
        DeadlineResult r = engine.compute(req, other);
        assertEquals(engine.compute(req), r);
        assertEquals("tiep-nhan", r.steps().get(0).step().id(), "the request's steps, not the plan's");
        assertNotEquals(other.steps(), req.steps());
    }

    @Test
    void of_sumsTheCountedWorkingDaysAndKeepsTheList() {
        List<InternalStep> steps = List.of(new InternalStep("a", "A", "A", TimeLimit.workingDays(2)),
                new InternalStep("b", "B", "B", TimeLimit.workingDays(5), null, false, null, true, null),
                new InternalStep("c", "C", "C", TimeLimit.workingDays(3)));
        StepPlan plan = StepPlan.of(steps);
        assertSame(steps, plan.steps());
        assertEquals(3, plan.size());
        assertEquals(5, plan.countedWorkingDays(), "the uncounted step's own days are not in the sum");
        assertFalse(plan.allCounted());
        StepPlan hours = StepPlan.of(List.of(new InternalStep("a", "A", "A", TimeLimit.workingHours(4)),
                new InternalStep("c", "C", "C", TimeLimit.workingDays(3))));
        assertEquals(-1, hours.countedWorkingDays());
        assertTrue(hours.allCounted());
        assertEquals(0, StepPlan.of(List.of()).countedWorkingDays());
        assertThrows(NullPointerException.class, () -> StepPlan.of(null));
    }
}
