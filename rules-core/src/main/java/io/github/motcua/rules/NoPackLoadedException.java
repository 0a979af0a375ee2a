package io.github.motcua.rules;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import java.util.List;

/**
 * A decision was asked of an engine that has no pack serving yet. Its problem has the code
 * {@link #CODE}.
 *
 * <p>Immutable and thread-safe.
 */
public final class NoPackLoadedException extends RulesException {
    private static final long serialVersionUID = 1L;
    /** {@code NO_PACK_LOADED}. */
    public static final ProblemCode CODE = new ProblemCode("NO_PACK_LOADED");

    public NoPackLoadedException() {
        super("no pack loaded: call Engine.load(...) first and check its LoadResult", List.of(new Problem("", 0, 0, "", CODE, io.github.motcua.kernel.Severity.ERROR,
                RulesMessages.BUNDLE, CODE.name(), null)), null);
    }
}
