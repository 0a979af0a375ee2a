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
     * the replacement. Otherwise the steps are returned unchanged.
     */
    static List<InternalStep> rescaled(List<InternalStep> steps,
            TimeLimit base, List<DeadlineAdjustment> adjustments) {
        if (steps.isEmpty()) {
            return steps;
        }
        TimeLimit limit = base;
        long extra = 0;
        for (DeadlineAdjustment a : adjustments) {
            if (a.kind() == DeadlineAdjustment.Kind.REPLACE && a.limit() != null) {
                limit = a.limit();
                extra = 0;
            } else if (a.kind() == DeadlineAdjustment.Kind.EXTEND && a.limit() != null) {
                if (a.limit().unit() != DeadlineUnit.WORKING_DAYS) {
                    return steps;
                }
                extra += a.limit().amount();
            }
        }
        if (limit.unit() != DeadlineUnit.WORKING_DAYS) {
            return steps;
        }
        long sum = 0;
        for (InternalStep st : steps) {
            if (st.budget().unit() != DeadlineUnit.WORKING_DAYS) {
                return steps;
            }
            sum += st.budget().amount();
        }
        long total = limit.amount() + extra;
        if (sum == total || sum == 0) {
            return steps;
        }
        long[] parts = new long[steps.size()];
        long[] rem = new long[steps.size()];
        long given = 0;
        for (int i = 0; i < parts.length; i++) {
            long b = steps.get(i).budget().amount();
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
        List<InternalStep> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            InternalStep st = steps.get(i);
            out.add(new InternalStep(st.id(), st.role(), st.nameVi(),
                    TimeLimit.workingDays(parts[i])));
        }
        return out;
    }
}
