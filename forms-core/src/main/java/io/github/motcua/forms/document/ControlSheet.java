package io.github.motcua.forms.document;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ: travels with the dossier and records each hand-over
 * (rõ người, rõ việc, rõ thời gian).
 *
 * <p>Immutable and thread-safe.
 *
 * @param header     the head
 * @param receivedAt when the dossier was received
 * @param dueAt      when the result is due
 * @param steps      the hand-overs, in order
 */
public record ControlSheet(DocumentHeader header, LocalDateTime receivedAt, LocalDateTime dueAt,
        List<ControlStep> steps) implements PrintableDocument {
    public ControlSheet {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        steps = List.copyOf(steps);
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.CONTROL_SHEET;
    }
}
