package io.github.motcua.rules.vocabulary;

import io.github.motcua.rules.RulesException;

/**
 * A rule read the dossier in a way its data does not allow (e.g. {@code integer("soTrang")} on a
 * text). The decision becomes INDETERMINATE with this message; it never reads as "condition not met".
 *
 * <p>Immutable and thread-safe.
 */
public final class VocabularyException extends RulesException {
    private final String messageVi;

    public VocabularyException(String messageVi, String messageEn) {
        super(messageEn, java.util.List.of(io.github.motcua.kernel.Problem.ofText("", 0, 0,
                new io.github.motcua.kernel.ProblemCode("VOCABULARY"), io.github.motcua.kernel.Severity.ERROR,
                messageVi, messageEn)), null);
        this.messageVi = messageVi;
    }

    /** The message in Vietnamese. */
    public String messageVi() {
        return messageVi;
    }
}
