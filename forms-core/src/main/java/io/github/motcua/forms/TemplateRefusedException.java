package io.github.motcua.forms;

/**
 * A pack template (mẫu in, biểu mẫu HTML) uses something the sandbox forbids, e.g. {@code ?new},
 * {@code ?api}, {@code ?eval} or {@code ?interpret}, or does not parse. The pack is refused at load.
 *
 * <p>Immutable and thread-safe.
 */
public class TemplateRefusedException extends UnableToLoadFormsException {
    private static final long serialVersionUID = 1L;

    public TemplateRefusedException(String file, String message) {
        super(file, message);
    }

    public TemplateRefusedException(String file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
