package io.github.motcua.rules;

import java.util.List;
import java.util.Locale;

/**
 * The dossier input (hồ sơ) is malformed: not JSON, or not matching the published dossier schema
 * ({@code io/github/motcua/rules/schema/dossier.schema.json}). Each violation names the JSON
 * pointer of the bad value.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidDossierException extends RulesException {
    private final transient List<String> violations;

    public InvalidDossierException(List<String> violations) {
        super(String.format(Locale.ROOT, "invalid dossier: %s", String.join("; ", violations)));
        this.violations = List.copyOf(violations);
    }

    /** Each violation, e.g. {@code "/receivedAt: không phải date-time [abc]"}. */
    public List<String> violations() {
        return violations;
    }
}
