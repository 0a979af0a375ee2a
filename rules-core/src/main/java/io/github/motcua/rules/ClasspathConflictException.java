package io.github.motcua.rules;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The application's class path holds an older version of a library motcua needs than the one it is
 * built and tested with, so loading a pack or rendering a form would fail later with a
 * {@link LinkageError} (e.g. {@code NoClassDefFoundError: com/fasterxml/jackson/annotation/JsonSerializeAs}
 * when Spring Boot 3's BOM chose {@code jackson-annotations} 2.19). Thrown by
 * {@link EngineBuilder#build()} before anything is loaded. Its problem has the code {@link #CODE} and
 * names the artifact, the version found and the version needed; the fix is to import
 * {@code io.github.motcua:motcua-bom} before other BOMs (docs/integration.md).
 *
 * <p>Immutable and thread-safe.
 */
public final class ClasspathConflictException extends RulesException {
    private static final long serialVersionUID = 1L;
    /** {@code CLASSPATH_CONFLICT}. */
    public static final ProblemCode CODE = new ProblemCode("CLASSPATH_CONFLICT");
    private final String artifact;

    ClasspathConflictException(String artifact, String found, String needed, String missing) {
        super(List.of(problem(artifact, found, needed, missing)), null);
        this.artifact = artifact;
    }

    /** The Maven coordinates without version, e.g. {@code com.fasterxml.jackson.core:jackson-annotations}. */
    public String artifact() {
        return artifact;
    }

    private static Problem problem(String artifact, String found, String needed, String missing) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("artifact", artifact);
        args.put("found", found);
        args.put("needed", needed);
        args.put("missing", missing);
        return new Problem("", 0, 0, "", CODE, Severity.ERROR, RulesMessages.BUNDLE, CODE.name(), args);
    }

    @Override
    public String toString() {
        return getClass().getName() + ": " + message(Locale.ENGLISH);
    }
}
