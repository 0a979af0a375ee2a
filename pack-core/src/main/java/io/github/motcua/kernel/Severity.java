package io.github.motcua.kernel;

/** How bad a {@link Problem} is: an error stops a pack from loading; a warning is reported and the pack loads. */
public enum Severity {
    /** The pack (or file) cannot be used as written. */
    ERROR,
    /** Worth an analyst's look; nothing is refused. */
    WARNING
}
