package io.github.motcua.forms.document;

import io.github.motcua.dossier.Channel;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả: what was received, when, and when the result is due.
 *
 * <p>Immutable and thread-safe. Ten parts: build one with {@link #builder(DocumentHeader)}, which names
 * each part.
 *
 * @param header          the head
 * @param components      the components received
 * @param receivedAt      received at (Vietnam local time)
 * @param dueAt           appointment for the result (Vietnam local time)
 * @param channel         how the dossier came in
 * @param returnPlace     where or how the result is returned, e.g. "Tại Bộ phận Một cửa" or "Qua bưu chính", or {@code null}
 * @param feeTotalDong    fees and charges collected, in đồng (0 when none)
 * @param receivingOfficer the officer who received it, or {@code null}
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

    /**
     * A builder naming each part: {@code ReceiptSlip.builder(header).components(received)
     * .receivedAt(at).dueAt(due).channel(Channel.DESK).returnPlace("Tại Bộ phận Một cửa")
     * .feeTotalDong(8_000).receivingOfficer("Trần Thị B").build()}.
     *
     * @param header the head of the slip
     */
    public static Builder builder(DocumentHeader header) {
        return new Builder(Objects.requireNonNull(header, "header"));
    }

    /**
     * Builds a {@link ReceiptSlip}; {@link #build()} refuses what the constructor refuses (no time of
     * receipt, appointment or channel; an appointment before receipt; a negative fee). Not thread-safe.
     */
    public static final class Builder {
        private final DocumentHeader header;
        private List<ReceivedComponent> components = List.of();
        private LocalDateTime receivedAt;
        private LocalDateTime dueAt;
        private Channel channel;
        private String returnPlace;
        private long feeTotalDong;
        private String receivingOfficer;
        private String receivingUnit;
        private String competentUnit;

        private Builder(DocumentHeader header) {
            this.header = header;
        }

        /** The components received, in the order printed (none by default). */
        public Builder components(List<ReceivedComponent> components) {
            this.components = List.copyOf(components);
            return this;
        }

        /** Received at, Vietnam local time (required). */
        public Builder receivedAt(LocalDateTime receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        /** The appointment for the result, Vietnam local time, not before receipt (required). */
        public Builder dueAt(LocalDateTime dueAt) {
            this.dueAt = dueAt;
            return this;
        }

        /** How the dossier came in (required). */
        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /** Where or how the result is returned, e.g. "Qua bưu chính" (none by default). */
        public Builder returnPlace(String returnPlace) {
            this.returnPlace = returnPlace;
            return this;
        }

        /** Fees and charges collected, in đồng (0 by default). */
        public Builder feeTotalDong(long feeTotalDong) {
            this.feeTotalDong = feeTotalDong;
            return this;
        }

        /** The officer who received it (none by default). */
        public Builder receivingOfficer(String receivingOfficer) {
            this.receivingOfficer = receivingOfficer;
            return this;
        }

        /** The unit that received the dossier, đơn vị tiếp nhận (none by default). */
        public Builder receivingUnit(String receivingUnit) {
            this.receivingUnit = receivingUnit;
            return this;
        }

        /** The unit that decides it, cơ quan có thẩm quyền giải quyết (none by default). */
        public Builder competentUnit(String competentUnit) {
            this.competentUnit = competentUnit;
            return this;
        }

        /**
         * The slip.
         *
         * @throws NullPointerException     naming a required part not given
         * @throws IllegalArgumentException when the appointment is before receipt or the fee negative
         */
        public ReceiptSlip build() {
            return new ReceiptSlip(header, components, receivedAt, dueAt, channel, returnPlace, feeTotalDong,
                    receivingOfficer, receivingUnit, competentUnit);
        }
    }
}
