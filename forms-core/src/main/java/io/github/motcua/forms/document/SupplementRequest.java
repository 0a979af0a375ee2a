package io.github.motcua.forms.document;

import java.util.List;
import java.util.Objects;

/**
 * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ: everything missing, asked for once and in full
 * (một lần, đầy đủ).
 *
 * <p>Immutable and thread-safe.
 *
 * @param header  the head
 * @param items   what to supplement (at least one)
 * @param officer the officer who asks
 */
public record SupplementRequest(DocumentHeader header, List<SupplementItem> items, String officer)
        implements PrintableDocument {
    public SupplementRequest {
        Objects.requireNonNull(header, "header");
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a supplement request must list at least one item: [0]");
        }
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.SUPPLEMENT_REQUEST;
    }
}
