package io.github.motcua.forms;

import java.util.Objects;

/**
 * A value the citizen typed in a usual way and that validation read in its canonical form
 * (giá trị đã chuẩn hoá): {@code "0311 916 028"} → {@code "0311916028"}, {@code "+84 912 345 678"} →
 * {@code "0912345678"}, {@code "13/02/2026"} → {@code "2026-02-13"}. Only a rewrite that yields a valid
 * value of the field's format is made, so the typed text and the canonical one always name the same
 * thing; {@link FormReport#data()} holds the canonical value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pointer   the JSON pointer of the field
 * @param typed     the text as typed (after NFC)
 * @param canonical the canonical value validated and kept
 * @param format    the field's format ({@code vn-tax-code}, {@code vn-personal-id}, {@code vn-mobile}, {@code date})
 */
public record NormalisedValue(String pointer, String typed, String canonical, String format) {
    public NormalisedValue {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(typed, "typed");
        Objects.requireNonNull(canonical, "canonical");
        Objects.requireNonNull(format, "format");
    }
}
