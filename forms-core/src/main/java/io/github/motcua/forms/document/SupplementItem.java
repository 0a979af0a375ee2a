package io.github.motcua.forms.document;

import java.util.Objects;

/**
 * One thing to add or correct (nội dung cần bổ sung, hoàn thiện) and why.
 *
 * <p>Immutable and thread-safe.
 *
 * @param what   the component or information, e.g. "Giấy chứng sinh"
 * @param reason why it is needed or what is wrong with it
 */
public record SupplementItem(String what, String reason) {
    public SupplementItem {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(reason, "reason");
    }
}
