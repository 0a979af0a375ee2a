package io.github.motcua.forms.document;

import java.util.List;
import java.util.Objects;

/**
 * Phiếu từ chối tiếp nhận giải quyết hồ sơ: the refusal with every reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param header  the head
 * @param reasons the reasons (at least one), each ideally naming its legal basis
 * @param officer the officer who refuses
 */
public record RefusalNotice(DocumentHeader header, List<String> reasons, String officer) implements PrintableDocument {
    public RefusalNotice {
        Objects.requireNonNull(header, "header");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a refusal must give at least one reason: [0]");
        }
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.REFUSAL;
    }
}
