package io.github.motcua.rules.vocabulary;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Fact: the dossier being decided (hồ sơ). One per decision.
 *
 * <p>Immutable and thread-safe.
 */
public final class Dossier {
    private final String procedure;
    private final String channel;
    private final LocalDateTime receivedAt;
    private final LocalDate asOf;
    private final String unitCode;
    private final Set<String> heldData;

    public Dossier(String procedure, String channel, LocalDateTime receivedAt, LocalDate asOf, String unitCode,
            Set<String> heldData) {
        this.procedure = Objects.requireNonNull(procedure, "procedure");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.unitCode = unitCode;
        this.heldData = Set.copyOf(heldData);
    }

    /** The procedure code, e.g. {@code "1.001193"}. */
    public String getProcedure() {
        return procedure;
    }

    /** {@code "DESK"}, {@code "ONLINE"} or {@code "POST"}. */
    public String getChannel() {
        return channel;
    }

    /** Whether it was filed online. */
    public boolean isOnline() {
        return "ONLINE".equals(channel);
    }

    /** When it was received, Vietnam local time. */
    public LocalDateTime getReceivedAt() {
        return receivedAt;
    }

    /** The Vietnam date it was received. */
    public LocalDate getReceivedDate() {
        return receivedAt.toLocalDate();
    }

    /** The date whose law applies. */
    public LocalDate getAsOf() {
        return asOf;
    }

    /** The receiving unit's code, or null. */
    public String getUnitCode() {
        return unitCode;
    }

    /** Whether a database holds this applicant's data, e.g. {@code hasHeldData("CSDL_HO_TICH")}. */
    public boolean hasHeldData(String source) {
        return heldData.contains(source);
    }

    @Override
    public String toString() {
        return "Dossier[" + procedure + ", " + channel + ", " + receivedAt + "]";
    }
}
