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
    public enum Status implements io.github.motcua.kernel.Labelled {
        /** Finished on a day before the due day (trước hạn). */
        EARLY("FORMS_LABEL_STATUS_EARLY"),
        /** Finished on the due day, not after the due time (đúng hạn). */
        ON_TIME("FORMS_LABEL_STATUS_ON_TIME"),
        /** Finished after the due time (quá hạn). */
        LATE("FORMS_LABEL_STATUS_LATE"),
        /** Not finished yet (đang xử lý). */
        PENDING("FORMS_LABEL_STATUS_PENDING");

        private final String key;

        Status(String key) {
            this.key = key;
        }

        /** The key of this constant's label. */
        @Override
        public String labelKey() {
            return key;
        }

        /** forms-core's bundle. */
        @Override
        public String labelBundle() {
            return "io/github/motcua/forms/problems";
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
