package io.github.motcua.fees.testkit;

import io.github.motcua.dossier.Channel;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeRequest;
import io.github.motcua.fees.FeeTable;
import io.github.motcua.fees.FormValues;
import io.github.motcua.law.DefaultParameters;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Anything that prices a dossier: the whole engine (dossier → decision → its fee section) or one
 * {@link FeeTable}. The invariants of {@link FeeInvariants} run against it.
 *
 * <p>The dossier is the JSON shape of docs/pack-format.md ("Dossier JSON") as a {@code Map}. An
 * oracle must be safe to call repeatedly; whether it is thread-safe is up to the implementation
 * (the one from {@link #of} is, because tables are).
 */
@FunctionalInterface
public interface FeeOracle {

    /** Prices the dossier. */
    FeeAssessment assess(Map<String, Object> dossier);

    /**
     * An oracle over one fee table. The dossier is mapped as the engine does: {@code channel},
     * {@code asOf} (default: the Vietnam date of {@code receivedAt}), {@code applicant.categories}
     * plus {@code CHILD} and {@code ELDERLY} derived from {@code applicant.birthDate} with the ages of
     * {@link DefaultParameters} (under 16, 60 or over, on {@code asOf}), the flags of {@code applicant.residenceUnit} from {@code unitFlags},
     * and {@code form}.
     *
     * @param table     the fee table
     * @param unitFlags the flags of a unit code (e.g. read from units.yaml); unknown codes → empty set
     */
    static FeeOracle of(FeeTable table, Function<String, Set<String>> unitFlags) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(unitFlags, "unitFlags");
        return dossier -> table.assess(request(dossier, unitFlags));
    }

    /** Maps a dossier to a {@link FeeRequest} (see {@link #of}); throws {@link IllegalArgumentException} naming a bad field. */
    @SuppressWarnings("unchecked")
    static FeeRequest request(Map<String, Object> dossier, Function<String, Set<String>> unitFlags) {
        String procedure = String.valueOf(dossier.getOrDefault("procedure", ""));
        Channel channel;
        try {
            channel = Channel.valueOf(String.valueOf(dossier.getOrDefault("channel", "DESK")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "dossier channel: [%s]",
                    dossier.get("channel")), e);
        }
        LocalDate asOf;
        try {
            Object a = dossier.get("asOf");
            if (a != null) {
                asOf = LocalDate.parse(String.valueOf(a));
            } else {
                asOf = OffsetDateTime.parse(String.valueOf(dossier.get("receivedAt")))
                        .withOffsetSameInstant(ZoneOffset.ofHours(7)).toLocalDate();
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "dossier asOf/receivedAt: [%s]/[%s]",
                    dossier.get("asOf"), dossier.get("receivedAt")), e);
        }
        Map<String, Object> applicant = dossier.get("applicant") instanceof Map<?, ?> m
                ? (Map<String, Object>) m : Map.of();
        Set<String> categories = new HashSet<>();
        if (applicant.get("categories") instanceof Collection<?> c) {
            c.forEach(x -> categories.add(String.valueOf(x)));
        }
        if (applicant.get("birthDate") != null) {
            try {
                int age = Period.between(LocalDate.parse(String.valueOf(applicant.get("birthDate"))), asOf).getYears();
                // the ages are the law's dated parameters (the engine's defaults; a pack may declare its own)
                if (age < DefaultParameters.CHILD_UNDER_DEFAULT.at(asOf).value()) {
                    categories.add("CHILD");
                }
                if (age >= DefaultParameters.ELDERLY_FROM_DEFAULT.at(asOf).value()) {
                    categories.add("ELDERLY");
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "applicant birthDate: [%s]",
                        applicant.get("birthDate")), e);
            }
        }
        Object unit = applicant.get("residenceUnit");
        Set<String> flags = unit == null ? Set.of() : unitFlags.apply(String.valueOf(unit));
        Map<String, Object> form = dossier.get("form") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
        return new FeeRequest(procedure, asOf, channel, categories, flags == null ? Set.of() : flags,
                FormValues.of(form), List.of());
    }
}
