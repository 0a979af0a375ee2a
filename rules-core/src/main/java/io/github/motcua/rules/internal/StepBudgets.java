package io.github.motcua.rules.internal;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.calendar.InternalStep;
import io.github.motcua.calendar.TimeLimit;
import java.util.ArrayList;
import java.util.List;

/** The internal steps' budgets fitted to the time a dossier really has (the deadline section's). Stateless. */
final class StepBudgets {
    private StepBudgets() {
    }

    /**
     * The internal steps with their budgets rescaled to the time the dossier really has: when every
     * budget and the limit are in working days and extensions in working days apply (e.g. +10 for a
     * disadvantaged commune), each budget grows in proportion so they add up to limit + extensions
     * (largest remainders first, ties to the earlier step). A rule that replaces the limit rescales to
     * the replacement. Steps not counted in the limit (posting days, the tax authority's days) keep
     * their own budget and are left out of the sum. Otherwise the steps are returned unchanged.
     *
     * <p>From the procedure's {@link io.github.motcua.calendar.StepPlan} (made when it is prepared): the sums are the
     * plan's, so steps that need no rescaling are not read (docs/performance.md, "Session 21 — the skewed mix").
     */
    static List<InternalStep> rescaled(io.github.motcua.calendar.StepPlan plan, TimeLimit base,
            List<DeadlineAdjustment> adjustments) {
        List<InternalStep> steps = plan.steps();
        if (plan.size() == 0) {
            return steps;
        }
        long total = total(base, adjustments);
        if (total < 0) {
            return steps;
        }
        long sum = plan.countedWorkingDays();
        if (sum < 0 || sum == total || sum == 0) {
            return steps;
        }
        return rescaled(steps, base, adjustments);
    }

    /**
     * The working days the counted steps must add up to: the limit in force after {@code adjustments} (a replacement's,
     * else {@code base}) plus the extensions after it; -1 when that limit or an extension is not in working days (the
     * steps are then kept as they are). One reading for both {@code rescaled} methods.
     */
    private static long total(TimeLimit base, List<DeadlineAdjustment> adjustments) {
        TimeLimit limit = base;
        long extra = 0;
        for (DeadlineAdjustment a : adjustments) {
            if (a.kind() == DeadlineAdjustment.Kind.REPLACE && a.limit() != null) {
                limit = a.limit();
                extra = 0;
            } else if (a.kind() == DeadlineAdjustment.Kind.EXTEND && a.limit() != null) {
                if (a.limit().unit() != DeadlineUnit.WORKING_DAYS) {
                    return -1;
                }
                extra += a.limit().amount();
            }
        }
        return limit.unit() != DeadlineUnit.WORKING_DAYS ? -1 : limit.amount() + extra;
    }

    /** The same from the steps themselves (a procedure whose steps depend on the dossier, or without a plan). */
    static List<InternalStep> rescaled(List<InternalStep> steps,
            TimeLimit base, List<DeadlineAdjustment> adjustments) {
        if (steps.isEmpty()) {
            return steps;
        }
        long total = total(base, adjustments);
        if (total < 0) {
            return steps;
        }
        long sum = 0;
        List<Integer> counted = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            InternalStep st = steps.get(i);
            if (!st.counted()) {
                continue; // its own time, outside the limit: never rescaled
            }
            if (st.budget().unit() != DeadlineUnit.WORKING_DAYS) {
                return steps;
            }
            sum += st.budget().amount();
            counted.add(i);
        }
        if (sum == total || sum == 0) {
            return steps;
        }
        long[] parts = new long[counted.size()];
        long[] rem = new long[counted.size()];
        long given = 0;
        for (int i = 0; i < parts.length; i++) {
            long b = steps.get(counted.get(i)).budget().amount();
            parts[i] = Math.max(1, b * total / sum);
            rem[i] = b * total % sum;
            given += parts[i];
        }
        while (given < total) { // hand out the rest by largest remainder
            int best = 0;
            for (int i = 1; i < parts.length; i++) {
                if (rem[i] > rem[best]) {
                    best = i;
                }
            }
            parts[best]++;
            rem[best] = -1;
            given++;
        }
        while (given > total) { // a shortened limit: take from the largest budget, keeping at least 1
            int best = 0;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i] > parts[best]) {
                    best = i;
                }
            }
            if (parts[best] <= 1) {
                return steps; // cannot fit: the deadline engine reports it
            }
            parts[best]--;
            given--;
        }
        List<InternalStep> out = new ArrayList<>(steps);
        for (int i = 0; i < parts.length; i++) {
            int at = counted.get(i);
            out.set(at, steps.get(at).withBudget(TimeLimit.workingDays(parts[i])));
        }
        return out;
    }
}
