package io.github.motcua.rules;

import io.github.motcua.dossier.Channel;
import io.github.motcua.rules.internal.DossierJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The input of a decision: one dossier (hồ sơ) as received. Its JSON form is documented by
 * {@code io/github/motcua/rules/schema/dossier.schema.json}; parse it with {@link #fromJson(String)}.
 *
 * <p>Immutable and thread-safe (the form map is deep-copied into unmodifiable maps and lists).
 *
 * @param procedure       national procedure code
 * @param channel         how it was filed
 * @param receivedAt      when it was received, with its offset
 * @param unit            receiving unit code (units.yaml), or {@code null}
 * @param asOf            the date whose law applies; {@code null} means the Vietnam date of
 *                        {@code receivedAt} (computed in the pack's zone)
 * @param applicant       the applicant, or {@code null}
 * @param form            the e-form data (plain maps, lists, strings, numbers, booleans)
 * @param heldData        databases that hold data for this applicant (waive components automatically)
 * @param excludedPeriods periods not counted in the deadline, given with the dossier
 */
public record Dossier(String procedure, Channel channel, OffsetDateTime receivedAt, String unit, LocalDate asOf,
        Applicant applicant, Map<String, Object> form, Set<String> heldData, List<ExcludedPeriod> excludedPeriods) {
    public Dossier {
        if (procedure == null || procedure.isBlank()) {
            throw new IllegalArgumentException("procedure must not be blank: [" + procedure + "]");
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        form = form == null ? Map.of() : DossierJson.deepCopy(form);
        heldData = heldData == null ? Set.of() : Set.copyOf(heldData);
        excludedPeriods = excludedPeriods == null ? List.of() : List.copyOf(excludedPeriods);
    }

    /**
     * Parses dossier JSON and validates it against the dossier schema.
     *
     * @throws InvalidDossierException naming each bad value by its JSON pointer
     */
    public static Dossier fromJson(String json) {
        return DossierJson.parse(json);
    }

    /** A minimal dossier for tests and examples. */
    public static Dossier of(String procedure, Channel channel, OffsetDateTime receivedAt) {
        return new Dossier(procedure, channel, receivedAt, null, null, null, new LinkedHashMap<>(), Set.of(), List.of());
    }

    /**
     * The applicant (người yêu cầu).
     *
     * @param personalId    12-digit personal identification number, or {@code null}
     * @param fullName      full name, or {@code null}
     * @param birthDate     birth date, or {@code null}
     * @param sex           {@code MALE} or {@code FEMALE}, or {@code null}
     * @param categories    shared category codes, e.g. {@code POOR_HOUSEHOLD}
     * @param residenceUnit code of the unit of residence, or {@code null}
     */
    public record Applicant(String personalId, String fullName, LocalDate birthDate, String sex,
            Set<String> categories, String residenceUnit) {
        public Applicant {
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            if (sex != null && !sex.equals("MALE") && !sex.equals("FEMALE")) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "sex must be MALE or FEMALE: [%s]", sex));
            }
        }
    }

    /**
     * A period not counted in the deadline (thời gian không tính vào thời hạn).
     *
     * @param kind   e.g. {@code SUPPLEMENT}, {@code FINANCIAL_OBLIGATION}, {@code POSTING}
     * @param from   start
     * @param to     end
     * @param reason why, or {@code null}
     */
    public record ExcludedPeriod(String kind, Instant from, Instant to, String reason) {
        public ExcludedPeriod {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "excluded period ends [%s] before it starts [%s]", to, from));
            }
        }
    }
}
