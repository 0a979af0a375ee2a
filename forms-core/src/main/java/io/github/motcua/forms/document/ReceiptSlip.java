package io.github.motcua.forms.document;

import io.github.motcua.dossier.Channel;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả: what was received, when, and when the result is due.
 *
 * <p>Immutable and thread-safe.
 *
 * @param header          the head
 * @param components      the components received
 * @param receivedAt      received at (Vietnam local time)
 * @param dueAt           appointment for the result (Vietnam local time)
 * @param channel         how the dossier came in
 * @param returnPlace     where or how the result is returned, e.g. "Tại Bộ phận Một cửa" or "Qua bưu chính"
 * @param feeTotalDong    fees and charges collected, in đồng (0 when none)
 * @param receivingOfficer the officer who received it
 * @param receivingUnit   the unit that received the dossier (đơn vị tiếp nhận), or {@code null}
 * @param competentUnit   the unit that decides it (cơ quan có thẩm quyền giải quyết), or {@code null}
 */
public record ReceiptSlip(DocumentHeader header, List<ReceivedComponent> components, LocalDateTime receivedAt,
        LocalDateTime dueAt, Channel channel, String returnPlace, long feeTotalDong, String receivingOfficer,
        String receivingUnit, String competentUnit)
        implements PrintableDocument {

    /** A slip that names no units. */
    public ReceiptSlip(DocumentHeader header, List<ReceivedComponent> components, LocalDateTime receivedAt,
            LocalDateTime dueAt, Channel channel, String returnPlace, long feeTotalDong, String receivingOfficer) {
        this(header, components, receivedAt, dueAt, channel, returnPlace, feeTotalDong, receivingOfficer, null, null);
    }
    public ReceiptSlip {
        Objects.requireNonNull(header, "header");
        components = List.copyOf(components);
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(channel, "channel");
        if (dueAt.isBefore(receivedAt)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "dueAt [%s] is before receivedAt [%s]", dueAt, receivedAt));
        }
        if (feeTotalDong < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "feeTotalDong must not be negative: [%d]", feeTotalDong));
        }
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.RECEIPT;
    }
}
