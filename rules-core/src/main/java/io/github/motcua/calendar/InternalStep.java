package io.github.motcua.calendar;

/**
 * One internal processing step (bước xử lý) with its own budget: clear who, clear what, clear
 * when (rõ người, rõ việc, rõ thời gian). CONTRACT: owned by the calendar work.
 *
 * @param id     step id, unique within the procedure
 * @param role   who does it (e.g. "Bộ phận Một cửa", "Công chức tư pháp - hộ tịch")
 * @param nameVi what is done, in Vietnamese
 * @param budget its share of the total time limit
 */
public record InternalStep(String id, String role, String nameVi, TimeLimit budget) {
}
