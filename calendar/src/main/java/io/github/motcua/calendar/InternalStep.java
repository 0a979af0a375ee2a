package io.github.motcua.calendar;

import io.github.motcua.law.LegalBasis;
import java.util.Locale;

/**
 * One internal processing step (bước xử lý) with its own budget: clear who, clear what, clear
 * when (rõ người, rõ việc, rõ thời gian). Steps run one after another from the effective start;
 * their budgets must fit in the total time limit.
 *
 * <p>A step that is <em>not counted</em> ({@code counted == false}) is a period the law keeps out of
 * the dossier's time limit, with a unit that still owns it: the tax authority's determination of
 * financial obligations, public posting at the commune (thời gian không tính vào thời hạn giải
 * quyết). Its budget is its own time (the posting days, the tax authority's days); the clock of the
 * dossier stops over it, so the appointment moves by it and the counted steps' budgets add up to the
 * limit without it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id       step id, unique within the procedure
 * @param role     who does it (e.g. "Công chức tiếp nhận hồ sơ", "Công chức tư pháp - hộ tịch")
 * @param nameVi   what is done, in Vietnamese
 * @param budget   its share of the total time limit (of its own time when not counted)
 * @param unit     the responsible unit (đơn vị chủ trì, e.g. "Chi nhánh Văn phòng đăng ký đất đai"), or
 *                 {@code null} when the role names it
 * @param counted  {@code false} for a period not counted in the time limit (see above)
 * @param basis    the legal basis of the step's time, or {@code null}
 * @param verified whether the step's budget is sourced (the pack's one trust marking)
 * @param note     why it is (not) verified, or {@code null}
 */
public record InternalStep(String id, String role, String nameVi, TimeLimit budget, String unit, boolean counted,
        LegalBasis basis, boolean verified, String note) {
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
        if (!counted && budget.unit() == DeadlineUnit.SAME_DAY) {
            throw new InvalidDeadlineException(CalendarMessages.problem("STEP_NOT_COUNTED_SAME_DAY", "id", id));
        }
    }

    /** A counted step with no unit, basis or note (the shape before issue 14's inter-agency steps). */
    public InternalStep(String id, String role, String nameVi, TimeLimit budget) {
        this(id, role, nameVi, budget, null, true, null, true, null);
    }

    /** The same step with another budget (steps are rescaled to the time a dossier really has). */
    public InternalStep withBudget(TimeLimit newBudget) {
        return new InternalStep(id, role, nameVi, newBudget, unit, counted, basis, verified, note);
    }

    /** Who is responsible, for a reader: the unit and the role, or the role alone. */
    public String owner() {
        return unit == null || unit.isBlank() || role.contains(unit) ? role : unit + " — " + role;
    }
}
