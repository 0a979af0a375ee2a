package io.github.motcua.rules;

/**
 * Root of every exception rules-core throws (unchecked). Citizen-facing outcomes are never
 * exceptions: they are {@link Decision} values. Exceptions mean a programmer error or a pack that
 * cannot serve.
 *
 * <p>Immutable and thread-safe.
 */
public class RulesException extends RuntimeException {
    public RulesException(String message) {
        super(message);
    }

    public RulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
