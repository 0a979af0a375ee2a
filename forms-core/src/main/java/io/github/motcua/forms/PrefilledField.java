package io.github.motcua.forms;

import java.util.Objects;

/**
 * One field prefill filled, and where the value came from, so the desk and the rules know it need
 * not be asked for or submitted again (không yêu cầu nộp lại).
 *
 * <p>Immutable and thread-safe.
 *
 * @param pointer  JSON Pointer of the field
 * @param sourceId the {@link io.github.motcua.forms.spi.DataSource#id()} that supplied it
 * @param value    the value filled (NFC-normalised)
 */
public record PrefilledField(String pointer, String sourceId, Object value) {
    public PrefilledField {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(sourceId, "sourceId");
    }
}
