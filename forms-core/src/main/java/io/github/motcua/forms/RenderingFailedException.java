package io.github.motcua.forms;

/**
 * A form or document could not be rendered: the template failed, ran past its time limit, or
 * wrote more than the output limit. The cause is described in the message only (no template-engine
 * type is exposed).
 *
 * <p>Immutable and thread-safe.
 */
public class RenderingFailedException extends FormsException {
    private static final long serialVersionUID = 1L;

    /** Why rendering stopped. */
    public enum Reason {
        /** The template itself failed (missing value, bad expression, recursion too deep). */
        TEMPLATE_ERROR,
        /** Rendering did not finish within the configured time limit. */
        TIMEOUT,
        /** The output exceeded the configured maximum size. */
        OUTPUT_TOO_LARGE,
        /** The rendering allocated more memory than one rendering may (its thread was stopped). */
        MEMORY_LIMIT,
        /** Every render thread was busy and the waiting line was full: try again later. */
        BUSY
    }

    private final String template;
    private final Reason reason;

    public RenderingFailedException(String template, Reason reason, String message) {
        super(message);
        this.template = template;
        this.reason = reason;
    }

    /** @param detail the message, from forms-core's bundle, in Vietnamese and English */
    public RenderingFailedException(String template, Reason reason, io.github.motcua.kernel.Problem detail) {
        super(detail, null);
        this.template = template;
        this.reason = reason;
    }

    /** The template name, e.g. {@code "receipt.ftlh"}. */
    public String template() {
        return template;
    }

    public Reason reason() {
        return reason;
    }
}
