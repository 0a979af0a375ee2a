package io.github.motcua.rules;

import java.util.Objects;

/**
 * A text in Vietnamese, with an optional English version.
 *
 * <p>Immutable and thread-safe.
 *
 * @param vi the Vietnamese text (never blank)
 * @param en the English text, or {@code null}
 */
public record LocalizedText(String vi, String en) {
    public LocalizedText {
        Objects.requireNonNull(vi, "vi");
    }

    /** English when present, else Vietnamese. */
    public String enOrVi() {
        return en == null ? vi : en;
    }
}
