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

    /** The message from forms-core's bundle, or {@code null} for an exception built from a plain message. */
    private final transient Problem detail;

    public FormsException(String message) {
        super(message);
        this.detail = null;
    }

    public FormsException(String message, Throwable cause) {
        super(message, cause);
        this.detail = null;
    }

    /**
     * An exception whose message is a problem of forms-core's bundle (Vietnamese and English, the
     * same named arguments); {@link #getMessage()} is its English message.
     *
     * @param detail the message (its code is replaced by this exception's)
     * @param cause  the underlying cause, or {@code null}
     */
    public FormsException(Problem detail, Throwable cause) {
        super(detail.messageEn(), cause);
        this.detail = detail;
    }

    /**
     * What went wrong, in Vietnamese and English from forms-core's bundle, without the kind of problem
     * that {@link #toProblem()} puts before it (e.g. "cannot load the e-forms: "); {@code null} when
     * the exception was built from a plain message (then {@link #getMessage()} is the detail). A caller
     * that words the kind of problem itself takes this rather than cutting a prefix off the rendered
     * text (which breaks silently when the bundle is reworded).
     */
    public Problem detail() {
        return detail;
    }

    /** forms-core's exception bundle (the {@code FORMS_} keys). */
    static final String BUNDLE = "io/github/motcua/forms/problems";
    /** The bundle key of each code's kind of problem ({@code "<kind>: {detail}"} in Vietnamese). */
    private static final Map<String, String> TITLES = Map.of(
            "FORMS", "FORMS_TITLE_FORMS",
            "NO_SUCH_FORM", "FORMS_TITLE_NO_SUCH_FORM",
            "RENDERING_FAILED", "FORMS_TITLE_RENDERING_FAILED",
            "UNABLE_TO_LOAD_FORMS", "FORMS_TITLE_UNABLE_TO_LOAD_FORMS",
            "TEMPLATE_REFUSED", "FORMS_TITLE_TEMPLATE_REFUSED",
            "SCHEMA_REFERENCE_REFUSED", "FORMS_TITLE_SCHEMA_REFERENCE_REFUSED");

    /**
     * This exception as the kernel's problem: the code is the class name without {@code Exception} in
     * upper snake case (e.g. {@code NO_SUCH_FORM}); the message is the bundle's, in Vietnamese and
     * English. An exception built from a plain (English) message has the kind of problem in
     * Vietnamese followed by that message.
     */
    @Override
    public Problem toProblem() {
        return detail != null ? ProblemCarrier.recoded(this, detail) : ProblemCarrier.ofDetail(this, BUNDLE, TITLES, "FORMS_TITLE_FORMS");
    }

    @Override
    public List<Problem> toProblems() {
        return List.of(toProblem());
    }
}
