package io.github.motcua.rules;

/**
 * The front door of rules-core: {@code Motcua.engine().build()} returns an {@link Engine}.
 *
 * <p>Thread-safe (static factories only).
 */
public final class Motcua {
    private Motcua() {
    }

    /** A builder for an engine with default settings. */
    public static EngineBuilder engine() {
        return new EngineBuilder();
    }
}
