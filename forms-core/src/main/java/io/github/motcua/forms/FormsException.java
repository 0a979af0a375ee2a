package io.github.motcua.forms;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCarrier;
import java.util.List;
import java.util.Map;

/**
 * Root of every exception forms-core throws (lỗi của mô-đun biểu mẫu). Unchecked. Problems in what a
 * citizen typed are never exceptions: they are {@link Violation}s in a {@link FormReport}.
 *
 * <p>Immutable and thread-safe.
 */
public class FormsException extends RuntimeException implements ProblemCarrier {
    private static final long serialVersionUID = 1L;

    public FormsException(String message) {
        super(message);
    }

    public FormsException(String message, Throwable cause) {
        super(message, cause);
    }

    private static final Map<String, String> TITLES_VI = Map.of(
            "FORMS", "Lỗi tờ khai",
            "NO_SUCH_FORM", "Không có tờ khai",
            "RENDERING_FAILED", "Không hiển thị được tờ khai hoặc giấy tờ",
            "UNABLE_TO_LOAD_FORMS", "Không nạp được tờ khai",
            "TEMPLATE_REFUSED", "Mẫu giấy tờ bị từ chối",
            "SCHEMA_REFERENCE_REFUSED", "Tham chiếu lược đồ bị từ chối");

    /**
     * This exception as the kernel's problem: the code is the class name without {@code Exception} in
     * upper snake case (e.g. {@code FORMS}); the Vietnamese message is the kind of problem
     * followed by the detail, which is English ({@link #getMessage()}).
     */
    @Override
    public Problem toProblem() {
        return ProblemCarrier.ofDetail(this, TITLES_VI, "Lỗi tờ khai");
    }

    @Override
    public List<Problem> toProblems() {
        return List.of(toProblem());
    }
}
