package io.github.motcua.forms.document;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One hand-over recorded on the control sheet (một bước giao, nhận hồ sơ).
 *
 * <p>Immutable and thread-safe.
 *
 * @param task          the step, e.g. "Thẩm định hồ sơ"
 * @param handedOverBy  who handed the dossier over (người giao)
 * @param receivedBy    who received it (người nhận)
 * @param handedAt      when it was handed over
 * @param dueAt         when the step is due
 * @param doneAt        when it was finished, or {@code null} while pending
 */
public record ControlStep(String task, String handedOverBy, String receivedBy, LocalDateTime handedAt,
        LocalDateTime dueAt, LocalDateTime doneAt) {

    /** How a step ended against its due time (Trước hạn / Đúng hạn / Quá hạn). */
    public enum Status {
        /** Finished on a day before the due day (trước hạn). */
        EARLY("Trước hạn", "Early"),
        /** Finished on the due day, not after the due time (đúng hạn). */
        ON_TIME("Đúng hạn", "On time"),
        /** Finished after the due time (quá hạn). */
        LATE("Quá hạn", "Late"),
        /** Not finished yet (đang xử lý). */
        PENDING("Đang xử lý", "In progress");

        private final String vi;
        private final String en;

        Status(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }

        public String labelVi() {
            return vi;
        }

        public String labelEn() {
            return en;
        }
    }

    public ControlStep {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** The status, from {@link #doneAt()} against {@link #dueAt()}. */
    public Status status() {
        if (doneAt == null) {
            return Status.PENDING;
        }
        if (doneAt.isAfter(dueAt)) {
            return Status.LATE;
        }
        return doneAt.toLocalDate().isBefore(dueAt.toLocalDate()) ? Status.EARLY : Status.ON_TIME;
    }
}
