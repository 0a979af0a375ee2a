package io.github.motcua.calendar;

import java.util.List;
import java.util.Objects;

/**
 * A procedure's internal steps (quy trình nội bộ) worked out once, for {@link DeadlineEngine#compute(DeadlineRequest,
 * StepPlan)}: what a deadline reads of each step — its budget's amount and unit, whether it is counted — in one array,
 * and the sums a caller rescaling the steps needs. Made when a procedure is prepared; a deadline computed with it reads
 * this plan instead of every step and every step's budget (docs/performance.md, "Session 21 — the skewed mix").
 *
 * <p>The result is the one {@link DeadlineEngine#compute(DeadlineRequest)} gives for the same request: the plan is used
 * only when the request's steps are the very list it was made of.
 *
 * <p>Immutable and thread-safe: its fields are final and its arrays never written after the constructor.
 */
public final class StepPlan {
    private static final DeadlineUnit[] UNITS = DeadlineUnit.values();
    private final List<InternalStep> steps;
    private final InternalStep[] array;
    /** Per step: the budget's amount shifted left by 8, its unit's ordinal shifted left by 1, and 1 when counted. */
    private final int[] codes;
    private final boolean allCounted;
    /** The counted steps' working days summed, or -1 when a counted step's budget is in another unit. */
    private final long countedWorkingDays;

    private StepPlan(List<InternalStep> steps) {
        this.steps = steps;
        this.array = steps.toArray(new InternalStep[0]);
        this.codes = new int[array.length];
        boolean all = true;
        long sum = 0;
        for (int i = 0; i < array.length; i++) {
            InternalStep s = Objects.requireNonNull(array[i], "step");
            TimeLimit b = s.budget();
            // amounts are at most TimeLimit.MAX_WORKING_HOURS (8,000): they fit above the unit and the flag
            codes[i] = (int) b.amount() << 8 | b.unit().ordinal() << 1 | (s.counted() ? 1 : 0);
            all &= s.counted();
            if (s.counted()) {
                sum = sum < 0 || b.unit() != DeadlineUnit.WORKING_DAYS ? -1 : sum + b.amount();
            }
        }
        this.allCounted = all;
        this.countedWorkingDays = sum;
    }

    /**
     * The plan of {@code steps}, an immutable list (as {@code List.copyOf} gives): a request whose steps are this
     * very list is computed with the plan.
     *
     * @throws NullPointerException when {@code steps} or a step is null
     */
    public static StepPlan of(List<InternalStep> steps) {
        return new StepPlan(List.copyOf(steps));
    }

    /** The steps planned (the list given to {@link #of}, or its immutable copy). */
    public List<InternalStep> steps() {
        return steps;
    }

    /** Whether every step is counted in the time limit ({@link InternalStep#counted()}). */
    public boolean allCounted() {
        return allCounted;
    }

    /**
     * The working days of the counted steps' budgets summed, or -1 when a counted step's budget is not in working days
     * (then steps are never rescaled to a limit).
     */
    public long countedWorkingDays() {
        return countedWorkingDays;
    }

    /** How many steps. */
    public int size() {
        return codes.length;
    }

    InternalStep step(int i) {
        return array[i];
    }

    long amount(int i) {
        return codes[i] >>> 8;
    }

    DeadlineUnit unit(int i) {
        return UNITS[codes[i] >>> 1 & 0x7f];
    }

    boolean counted(int i) {
        return (codes[i] & 1) != 0;
    }
}
