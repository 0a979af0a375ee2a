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
 * @param toDigitise the papers the receiving officer digitises at receipt (thành phần hồ sơ phải số hóa),
 *                   each as one printed line (name and, where known, the national component code); empty
 *                   when none
 */
public record ControlSheet(DocumentHeader header, LocalDateTime receivedAt, LocalDateTime dueAt,
        List<ControlStep> steps, String receivingUnit, String competentUnit, List<String> toDigitise)
        implements PrintableDocument {

    /** A sheet with no papers to digitise. */
    public ControlSheet(DocumentHeader header, LocalDateTime receivedAt, LocalDateTime dueAt, List<ControlStep> steps,
            String receivingUnit, String competentUnit) {
        this(header, receivedAt, dueAt, steps, receivingUnit, competentUnit, List.of());
    }

    /** A sheet that names no units. */
    public ControlSheet(DocumentHeader header, LocalDateTime receivedAt, LocalDateTime dueAt, List<ControlStep> steps) {
        this(header, receivedAt, dueAt, steps, null, null);
    }
    public ControlSheet {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        steps = List.copyOf(steps);
        toDigitise = toDigitise == null ? List.of() : List.copyOf(toDigitise);
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.CONTROL_SHEET;
    }
}
