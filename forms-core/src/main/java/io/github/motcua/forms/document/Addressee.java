package io.github.motcua.forms.document;

import java.util.Objects;

/**
 * The person or organisation a printed document is addressed to (người nộp hồ sơ, as the document's
 * head names them). Named apart from the rule fact {@code io.github.motcua.rules.vocabulary.Applicant}
 * and the dossier's {@code io.github.motcua.rules.Dossier.Applicant}: this is only what a document prints.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fullName   name as on the dossier
 * @param personalId personal identification number or tax code, or {@code null}
 * @param address    address, or {@code null}
 * @param phone      phone, or {@code null}
 * @param email      e-mail, or {@code null}
 */
public record Addressee(String fullName, String personalId, String address, String phone, String email) {
    public Addressee {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("addressee fullName must not be blank: [" + fullName + "]");
        }
    }

    /** An addressee known by name only. */
    public static Addressee named(String fullName) {
        return new Addressee(Objects.requireNonNull(fullName, "fullName"), null, null, null, null);
    }
}
