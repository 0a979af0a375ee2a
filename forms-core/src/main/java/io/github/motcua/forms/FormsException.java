package io.github.motcua.forms;

/**
 * Root of every exception forms-core throws (lỗi của mô-đun biểu mẫu). Unchecked. Problems in what a
 * citizen typed are never exceptions: they are {@link Violation}s in a {@link FormReport}.
 *
 * <p>Immutable and thread-safe.
 */
public class FormsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FormsException(String message) {
        super(message);
    }

    public FormsException(String message, Throwable cause) {
        super(message, cause);
    }
}
