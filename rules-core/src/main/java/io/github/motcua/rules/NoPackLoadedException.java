package io.github.motcua.rules;

/**
 * A decision was asked of an engine that has no pack serving yet.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoPackLoadedException extends RulesException {
    public NoPackLoadedException() {
        super("no pack loaded: call Engine.load(...) first and check its LoadResult");
    }
}
