package io.github.motcua.calendar;

/**
 * The internal steps' budgets (thời gian của từng bước) do not fit in the total time limit: a
 * step would end after the dossier's due instant.
 *
 * <p>Immutable and thread-safe.
 */
public final class StepBudgetException extends InvalidDeadlineException {
    private static final long serialVersionUID = 1L;

    private final String stepId;

    /**
     * @param stepId  the first step that does not fit
     * @param message names the step, its due instant and the total due instant in brackets
     */
    public StepBudgetException(String stepId, String message) {
        super(message);
        this.stepId = stepId;
    }

    /** A message of the calendar's bundle, in Vietnamese and English. */
    StepBudgetException(String stepId, io.github.motcua.kernel.Problem detail) {
        super(detail);
        this.stepId = stepId;
    }

    /** The first step that does not fit. */
    public String stepId() {
        return stepId;
    }
}
