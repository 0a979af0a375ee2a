package io.github.motcua.rules.vocabulary;

import io.github.motcua.rules.RulesException;

/**
 * A rule's regular expression needed more work than its budget on this dossier's value (a pattern
 * with nested quantifiers meeting a crafted value). The decision becomes INDETERMINATE with cause
 * {@code REGEX_BUDGET}. Immutable and thread-safe.
 */
public final class RegexBudgetException extends RulesException {
    private static final long serialVersionUID = 1L;
    private final String pattern;

    RegexBudgetException(String pattern) {
        super(VocabularyTexts.en("vocabulary.regexBudget", "pattern", pattern),
                java.util.List.of(io.github.motcua.kernel.Problem.ofText("", 0, 0,
                        new io.github.motcua.kernel.ProblemCode("REGEX_BUDGET"), io.github.motcua.kernel.Severity.ERROR,
                        viText(pattern), VocabularyTexts.en("vocabulary.regexBudget", "pattern", pattern))), null);
        this.pattern = pattern;
    }

    /** The pattern that ran out of budget. */
    public String pattern() {
        return pattern;
    }

    /** The message in Vietnamese. */
    public String messageVi() {
        return viText(pattern);
    }

    private static String viText(String pattern) {
        return VocabularyTexts.vi("vocabulary.regexBudget", "pattern", pattern);
    }
}
