package io.github.motcua.forms.spi;

import java.util.Map;
import java.util.Objects;

/**
 * What a {@link DataSource} is asked: which form, for whom, and what has been entered so far.
 *
 * <p>Immutable and thread-safe.
 *
 * @param formId     the form being filled (procedure code or schema {@code $id})
 * @param personalId the applicant's 12-digit personal identification number (số định danh cá nhân), or {@code null}
 * @param data       the form data so far (unmodifiable)
 */
public record PrefillQuery(String formId, String personalId, Map<String, Object> data) {
    public PrefillQuery {
        Objects.requireNonNull(formId, "formId");
        data = data == null ? Map.of() : data;
    }
}
