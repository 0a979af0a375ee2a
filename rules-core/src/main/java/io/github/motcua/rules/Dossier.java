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
    /**
     * The longest dossier JSON text {@link #fromJson(String)} and {@code Engine.decide(String)} accept, in
     * characters (UTF-16 units); a longer one is refused as {@code DOSSIER_TOO_LARGE}. A caller reading a
     * file can stop at {@code 3 * MAX_JSON_CHARS} bytes: UTF-8 never spends more than 3 bytes a character.
     */
    public static final int MAX_JSON_CHARS = 2 * 1024 * 1024;

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
     * @throws NullPointerException    when {@code json} is {@code null}
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
        /** A builder with every part unset. */
        public static ApplicantBuilder builder() {
            return new ApplicantBuilder();
        }

        public Applicant {
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            if (sex != null && !sex.equals("MALE") && !sex.equals("FEMALE")) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "sex must be MALE or FEMALE: [%s]", sex));
            }
        }
    }

    /** Builds a {@link Applicant}; not thread-safe. */
    public static final class ApplicantBuilder {
        private String personalId;
        private String fullName;
        private LocalDate birthDate;
        private String sex;
        private Set<String> categories = Set.of();
        private String residenceUnit;

        private ApplicantBuilder() {
        }

        /** The 12-digit personal identification number. */
        public ApplicantBuilder personalId(String personalId) {
            this.personalId = personalId;
            return this;
        }

        /** The full name. */
        public ApplicantBuilder fullName(String fullName) {
            this.fullName = fullName;
            return this;
        }

        /** The birth date. */
        public ApplicantBuilder birthDate(LocalDate birthDate) {
            this.birthDate = birthDate;
            return this;
        }

        /** {@code MALE} or {@code FEMALE}. */
        public ApplicantBuilder sex(String sex) {
            this.sex = sex;
            return this;
        }

        /** Shared category codes ({@link io.github.motcua.dossier.ApplicantCategory}). */
        public ApplicantBuilder categories(Set<String> categories) {
            this.categories = categories;
            return this;
        }

        /** The code of the unit of residence. */
        public ApplicantBuilder residenceUnit(String residenceUnit) {
            this.residenceUnit = residenceUnit;
            return this;
        }

        /** The applicant (the record's checks apply). */
        public Applicant build() {
            return new Applicant(personalId, fullName, birthDate, sex, categories, residenceUnit);
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

    /**
     * A builder: name what you know, leave the rest (e.g.
     * {@code Dossier.builder("1.001193", Channel.DESK, receivedAt).unit("52-xa-ia-o").form(data).build()}).
     */
    public static Builder builder(String procedure, Channel channel, OffsetDateTime receivedAt) {
        return new Builder(procedure, channel, receivedAt);
    }

    /** Builds a {@link Dossier}; not thread-safe. Unset parts are empty (or {@code null} where the record allows). */
    public static final class Builder {
        private final String procedure;
        private final Channel channel;
        private final OffsetDateTime receivedAt;
        private String unit;
        private LocalDate asOf;
        private Applicant applicant;
        private Map<String, Object> form = Map.of();
        private Set<String> heldData = Set.of();
        private List<ExcludedPeriod> excludedPeriods = List.of();

        private Builder(String procedure, Channel channel, OffsetDateTime receivedAt) {
            this.procedure = procedure;
            this.channel = channel;
            this.receivedAt = receivedAt;
        }

        /** The receiving unit's code (units.yaml). */
        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        /** The date whose law applies (default: the date of receipt in the pack's zone). */
        public Builder asOf(LocalDate asOf) {
            this.asOf = asOf;
            return this;
        }

        /** The applicant. */
        public Builder applicant(Applicant applicant) {
            this.applicant = applicant;
            return this;
        }

        /** The e-form data. */
        public Builder form(Map<String, Object> form) {
            this.form = form;
            return this;
        }

        /** Databases that hold data for this applicant. */
        public Builder heldData(Set<String> heldData) {
            this.heldData = heldData;
            return this;
        }

        /** Periods not counted in the deadline. */
        public Builder excludedPeriods(List<ExcludedPeriod> excludedPeriods) {
            this.excludedPeriods = excludedPeriods;
            return this;
        }

        /** The dossier (the record's checks apply). */
        public Dossier build() {
            return new Dossier(procedure, channel, receivedAt, unit, asOf, applicant, form, heldData, excludedPeriods);
        }
    }
}
