package io.github.motcua.forms;

/**
 * A schema's {@code $ref} (or {@code $schema}) points outside the pack, e.g. at
 * {@code http://127.0.0.1:8080/x.json} or {@code classpath:...}. Schemas are loaded only from the pack;
 * nothing is ever fetched from a network or the classpath, so the pack is refused as a whole.
 *
 * <p>Immutable and thread-safe.
 */
public class SchemaReferenceRefusedException extends UnableToLoadFormsException {
    private static final long serialVersionUID = 1L;
    private final String reference;

    public SchemaReferenceRefusedException(String file, String reference, String message) {
        super(file, message);
        this.reference = reference;
    }

    /** @param detail the message, from forms-core's bundle, in Vietnamese and English */
    public SchemaReferenceRefusedException(String file, String reference, io.github.motcua.kernel.Problem detail) {
        super(file, detail, null);
        this.reference = reference;
    }

    /** The refused reference exactly as written in the schema. */
    public String reference() {
        return reference;
    }
}
