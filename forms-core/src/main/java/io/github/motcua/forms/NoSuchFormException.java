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

    /** @param detail the message, from forms-core's bundle, in Vietnamese and English */
    public NoSuchFormException(String formId, io.github.motcua.kernel.Problem detail) {
        super(detail, null);
        this.formId = formId;
    }

    /** The id that was asked for. */
    public String formId() {
        return formId;
    }
}
