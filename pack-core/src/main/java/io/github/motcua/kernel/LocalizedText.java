package io.github.motcua.kernel;

import java.util.Locale;
import java.util.Objects;

/**
 * A text in Vietnamese, with an optional English version (văn bản song ngữ).
 *
 * <p>Immutable and thread-safe.
 *
 * @param vi the Vietnamese text
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

    /** The text for a reader of {@code locale}: English when asked for and present, else Vietnamese. */
    public String in(Locale locale) {
        return Messages.english(locale) ? enOrVi() : vi;
    }
}
