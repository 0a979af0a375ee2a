package io.github.motcua.forms.document;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * Văn bản xin lỗi và hẹn lại ngày trả kết quả: why the result is late and the new appointment.
 *
 * <p>Immutable and thread-safe.
 *
 * @param header        the head
 * @param reason        the reason for the delay (lý do chậm trả kết quả)
 * @param originalDueAt the appointment that will be missed
 * @param newDueAt      the new appointment (after the original)
 * @param signer        who signs for the processing agency
 */
public record ApologyLetter(DocumentHeader header, String reason, LocalDateTime originalDueAt, LocalDateTime newDueAt,
        String signer) implements PrintableDocument {
    public ApologyLetter {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(originalDueAt, "originalDueAt");
        Objects.requireNonNull(newDueAt, "newDueAt");
        if (!newDueAt.isAfter(originalDueAt)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "newDueAt [%s] must be after originalDueAt [%s]", newDueAt, originalDueAt));
        }
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.APOLOGY;
    }
}
