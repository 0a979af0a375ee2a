package io.github.motcua.forms;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;

/**
 * A pack's forms or templates could not be loaded: unreadable or malformed schema, a {@code $ref}
 * that leaves the pack, an unknown dialect, a duplicate {@code $id}, a refused template. The
 * message names the file (relative to the pack root) in brackets.
 *
 * <p>Immutable and thread-safe.
 */
public class UnableToLoadFormsException extends FormsException {
    private static final long serialVersionUID = 1L;
    /** The code of {@link #toProblem()}. */
    public static final ProblemCode CODE = new ProblemCode("FORMS");
    private final String file;

    public UnableToLoadFormsException(String file, String message) {
        super(message);
        this.file = file;
    }

    public UnableToLoadFormsException(String file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /**
     * @param detail the message, from forms-core's bundle, in Vietnamese and English
     * @param cause  the underlying cause, or {@code null}
     */
    public UnableToLoadFormsException(String file, Problem detail, Throwable cause) {
        super(detail, cause);
        this.file = file;
    }

    /**
     * This failure as the kernel's {@link Problem} (code {@code FORMS}), the one structure the CLI,
     * the desk and a service render: "cannot load the e-forms" and the detail, in Vietnamese and in
     * English (from forms-core's bundle; an exception built from a plain message carries that English
     * detail in both).
     */
    @Override
    public Problem toProblem() {
        Problem d = detail();
        // the detail's line and column when it knows them (a schema that is not JSON), else 0
        return Problem.ofText(file == null ? "" : file, d == null ? 0 : d.line(), d == null ? 0 : d.column(), CODE, Severity.ERROR,
                io.github.motcua.kernel.Messages.render(BUNDLE, "FORMS_CANNOT_LOAD", io.github.motcua.kernel.Messages.VI,
                        "detail", d == null ? getMessage() : d.messageVi()),
                io.github.motcua.kernel.Messages.render(BUNDLE, "FORMS_CANNOT_LOAD", java.util.Locale.ENGLISH,
                        "detail", d == null ? getMessage() : d.messageEn()));
    }

    /** The pack-relative file at fault, e.g. {@code "procedures/1.001193/form.schema.json"}, or {@code null}. */
    public String file() {
        return file;
    }
}
