package io.github.motcua.forms.document;

import java.util.Locale;
import java.util.Objects;

/**
 * One dossier component received (thành phần hồ sơ đã nhận).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name       e.g. "Tờ khai đăng ký khai sinh"
 * @param form       e.g. "Bản chính", "Bản sao có chứng thực", "Bản điện tử"
 * @param quantity   number of copies (at least 1)
 * @param toDigitise {@code true} when the receiving officer digitises this paper at receipt (the
 *                   procedure's digitisation list, số hóa hồ sơ khi tiếp nhận): the slip marks it
 */
public record ReceivedComponent(String name, String form, int quantity, boolean toDigitise) {
    /** A component that is not on the list to digitise. */
    public ReceivedComponent(String name, String form, int quantity) {
        this(name, form, quantity, false);
    }

    public ReceivedComponent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(form, "form");
        if (quantity < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "quantity must be at least 1: [%d]", quantity));
        }
    }
}
