package io.github.motcua.forms;

/**
 * No form with the requested id (procedure code or schema {@code $id}) exists in the pack.
 *
 * <p>Immutable and thread-safe.
 */
public class NoSuchFormException extends FormsException {
    private static final long serialVersionUID = 1L;
    private final String formId;

    public NoSuchFormException(String formId, String message) {
        super(message);
        this.formId = formId;
    }

    /** The id that was asked for. */
    public String formId() {
        return formId;
    }
}
