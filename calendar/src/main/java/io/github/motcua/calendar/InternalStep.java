package io.github.motcua.calendar;

import java.util.Locale;

/**
 * One internal processing step (bước xử lý) with its own budget: clear who, clear what, clear
 * when (rõ người, rõ việc, rõ thời gian). Steps run one after another from the effective start;
 * their budgets must fit in the total time limit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id     step id, unique within the procedure
 * @param role   who does it (e.g. "Bộ phận Một cửa", "Công chức tư pháp - hộ tịch")
 * @param nameVi what is done, in Vietnamese
 * @param budget its share of the total time limit
 */
public record InternalStep(String id, String role, String nameVi, TimeLimit budget) {
    public InternalStep {
        if (id == null || id.isBlank()) {
            throw new InvalidDeadlineException(CalendarMessages.problem("STEP_NO_ID", "id", id));
        }
        if (role == null || role.isBlank()) {
            throw new InvalidDeadlineException(CalendarMessages.problem("STEP_NO_ROLE", "id", id));
        }
        if (budget == null) {
            throw new InvalidDeadlineException(CalendarMessages.problem("STEP_NO_BUDGET", "id", id));
        }
    }
}
