package io.github.motcua.fees.testkit;

/**
 * A fee invariant failed for one dossier. The message explains which and why, and ends with a
 * ready-to-paste case YAML ({@link #caseYaml()}) reproducing the dossier. An {@link AssertionError},
 * so any test framework reports it as a failure.
 *
 * <p>Immutable; safe to share.
 */
public final class FeeInvariantViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final String invariant;
    private final String caseYaml;

    FeeInvariantViolation(String invariant, String explanation, String caseYaml) {
        super(KitMessages.both("violation.head") + ": [" + invariant + "]\n" + explanation
                + "\n" + KitMessages.both("violation.case") + ":\n" + caseYaml);
        this.invariant = invariant;
        this.caseYaml = caseYaml;
    }

    /** The invariant's name, e.g. {@code "total-is-sum"}. */
    public String invariant() {
        return invariant;
    }

    /** The counterexample as a cases/*.yaml entry. */
    public String caseYaml() {
        return caseYaml;
    }
}
