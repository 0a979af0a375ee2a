package io.github.motcua.forms;

/**
 * A pack template (mẫu in, biểu mẫu HTML) uses something the sandbox forbids, e.g. {@code ?new},
 * {@code ?api}, {@code ?eval} or {@code ?interpret}, or does not parse. The pack is refused at load.
 *
 * <p>Immutable and thread-safe.
 */
public class TemplateRefusedException extends UnableToLoadFormsException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public TemplateRefusedException(String file, String message) {
        this(file, 0, 0, message);
    }

    /** A refusal at a place in the template: 1-based {@code line} and {@code column}, 0 when unknown. */
    public TemplateRefusedException(String file, int line, int column, String message) {
        super(file, message);
        this.line = line;
        this.column = column;
    }

    /**
     * A refusal at a place in the template, its message from forms-core's bundle in Vietnamese and
     * English: 1-based {@code line} and {@code column}, 0 when unknown.
     */
    public TemplateRefusedException(String file, int line, int column, io.github.motcua.kernel.Problem detail) {
        super(file, detail, null);
        this.line = line;
        this.column = column;
    }

    public TemplateRefusedException(String file, String message, Throwable cause) {
        super(file, message, cause);
        this.line = 0;
        this.column = 0;
    }

    /** The 1-based line in {@link #file()} of the refused construct, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the refused construct, or 0 when unknown. */
    public int column() {
        return column;
    }
}
