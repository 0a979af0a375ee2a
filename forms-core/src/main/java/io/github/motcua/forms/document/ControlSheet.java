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
 * @param receivingUnit the unit that received the dossier, or {@code null}
 * @param competentUnit the unit that decides it, or {@code null}
 * @param steps      the hand-overs, in order
 */
public record ControlSheet(DocumentHeader header, LocalDateTime receivedAt, LocalDateTime dueAt,
        List<ControlStep> steps, String receivingUnit, String competentUnit) implements PrintableDocument {

    /** A sheet that names no units. */
    public ControlSheet(DocumentHeader header, LocalDateTime receivedAt, LocalDateTime dueAt, List<ControlStep> steps) {
        this(header, receivedAt, dueAt, steps, null, null);
    }
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
