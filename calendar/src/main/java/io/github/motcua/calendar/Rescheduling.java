package io.github.motcua.calendar;

import io.github.motcua.law.LegalBasis;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * An apology and new date (văn bản xin lỗi và hẹn lại ngày trả kết quả) that moved a due instant.
 *
 * <p>Immutable and thread-safe.
 *
 * @param previousDue  the due instant before the apology (statistics still count a result returned
 *                     after it as late)
 * @param newDue       the new appointment
 * @param issuedAt     when the letter was issued
 * @param reasonVi     the reason for the delay, in Vietnamese
 * @param basis        the legal basis of the letter, or {@code null}
 * @param noticeInTime whether it was issued on a date before the previous due date (NĐ 61/2018
 *                     required it no later than the day before; from memory, unverified)
 */
public record Rescheduling(ZonedDateTime previousDue, ZonedDateTime newDue, Instant issuedAt, String reasonVi,
        LegalBasis basis, boolean noticeInTime) {
    public Rescheduling {
        Objects.requireNonNull(previousDue, "previousDue");
        Objects.requireNonNull(newDue, "newDue");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(reasonVi, "reasonVi");
    }
}
