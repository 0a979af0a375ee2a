package io.github.motcua.calendar;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCarrier;
import java.util.List;
import java.util.Map;

/**
 * Root of every exception thrown by the working-day calendar and deadline engine (lịch làm việc,
 * thời hạn giải quyết). Unchecked: each subclass names what failed, and the message names the
 * offending value in brackets.
 *
 * <p>Immutable and thread-safe once constructed.
 */
public class CalendarException extends RuntimeException implements ProblemCarrier {
    private static final long serialVersionUID = 1L;

    /** @param message a plain message naming the offending value in brackets */
    public CalendarException(String message) {
        super(message);
    }

    /**
     * @param message a plain message naming the offending value in brackets
     * @param cause   the underlying cause
     */
    public CalendarException(String message, Throwable cause) {
        super(message, cause);
    }

    private static final Map<String, String> TITLES_VI = Map.of(
            "CALENDAR", "Lỗi lịch làm việc",
            "INVALID_DEADLINE", "Thời hạn không hợp lệ",
            "DATE_OUT_OF_RANGE", "Ngày nằm ngoài phạm vi của lịch",
            "STEP_BUDGET", "Các bước xử lý nội bộ không đủ thời gian",
            "CALENDAR_FILE", "Tệp lịch không hợp lệ");

    /**
     * This exception as the kernel's problem: the code is the class name without {@code Exception} in
     * upper snake case (e.g. {@code CALENDAR}); the Vietnamese message is the kind of problem
     * followed by the detail, which is English ({@link #getMessage()}).
     */
    @Override
    public Problem toProblem() {
        return ProblemCarrier.ofDetail(this, TITLES_VI, "Lỗi lịch làm việc");
    }

    @Override
    public List<Problem> toProblems() {
        return List.of(toProblem());
    }
}
