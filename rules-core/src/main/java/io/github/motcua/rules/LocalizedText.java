package io.github.motcua.rules;

import java.util.Objects;

/**
 * A text in Vietnamese, with an optional English version. The same value as the kernel's
 * {@link io.github.motcua.kernel.LocalizedText}, which modules below rules-core use; this type stays
 * (a record cannot be aliased, and the decision's public records carry it) and converts both ways.
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

    /** The kernel's equal value. */
    public io.github.motcua.kernel.LocalizedText toKernel() {
        return new io.github.motcua.kernel.LocalizedText(vi, en);
    }

    /** The rules' value equal to a kernel text. */
    public static LocalizedText of(io.github.motcua.kernel.LocalizedText text) {
        return new LocalizedText(text.vi(), text.en());
    }

    /** English when present, else Vietnamese. */
    public String enOrVi() {
        return en == null ? vi : en;
    }
}
