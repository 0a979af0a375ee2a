package io.github.motcua.forms;

/**
 * A pack's forms or templates could not be loaded: unreadable or malformed schema, a {@code $ref}
 * that leaves the pack, an unknown dialect, a duplicate {@code $id}, a refused template. The
 * message names the file (relative to the pack root) in brackets.
 *
 * <p>Immutable and thread-safe.
 */
public class UnableToLoadFormsException extends FormsException {
    private static final long serialVersionUID = 1L;
    private final String file;

    public UnableToLoadFormsException(String file, String message) {
        super(message);
        this.file = file;
    }

    public UnableToLoadFormsException(String file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The pack-relative file at fault, e.g. {@code "procedures/1.001193/form.schema.json"}, or {@code null}. */
    public String file() {
        return file;
    }
}
