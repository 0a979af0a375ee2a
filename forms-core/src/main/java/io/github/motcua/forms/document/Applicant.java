package io.github.motcua.forms.document;

import java.util.Objects;

/**
 * The person or organisation the document is addressed to (người nộp hồ sơ).
 *
 * <p>Immutable and thread-safe.
 *
 * @param fullName   name as on the dossier
 * @param personalId personal identification number or tax code, or {@code null}
 * @param address    address, or {@code null}
 * @param phone      phone, or {@code null}
 * @param email      e-mail, or {@code null}
 * @deprecated renamed {@link Addressee} (three public types were called {@code Applicant}; see
 *             docs/architecture.md "Names"): a {@link DocumentHeader} still takes one for this release
 */
@Deprecated(since = "0.1.0")
public record Applicant(String fullName, String personalId, String address, String phone, String email) {
    public Applicant {
        if (fullName == null || fullName.isBlank()) {
            throw new IllegalArgumentException("applicant fullName must not be blank: [" + fullName + "]");
        }
    }

    public static Applicant named(String fullName) {
        return new Applicant(Objects.requireNonNull(fullName, "fullName"), null, null, null, null);
    }

    /** The same values as an {@link Addressee}. */
    public Addressee toAddressee() {
        return new Addressee(fullName, personalId, address, phone, email);
    }
}
