package io.github.motcua.fees.testkit;

import io.github.motcua.dossier.Channel;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for whole dossiers in the JSON shape of docs/pack-format.md ("Dossier JSON"),
 * as {@code Map<String, Object>}: procedure, channel, receiving unit, {@code receivedAt} (Vietnam
 * time, +07:00) in a window, {@code asOf} (its date), and an applicant with a birth date, categories
 * and residence unit, plus the form data.
 *
 * <pre>{@code
 * Arbitrary<Map<String, Object>> dossiers = DossierArbitraries.forProcedure("2.000815")
 *     .receivedBetween(LocalDateTime.of(2025, 1, 1, 7, 0), LocalDateTime.of(2027, 12, 31, 17, 0))
 *     .units(List.of("52-xa-ia-o", "52-phuong-quy-nhon"))
 *     .form(FormArbitraries.fromSchema(schemaJson))
 *     .build();
 * }</pre>
 *
 * <p>The builder is not thread-safe; the built arbitrary is immutable.
 */
public final class DossierArbitraries {
    private static final java.time.format.DateTimeFormatter RFC_3339 =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", java.util.Locale.ROOT);


    /** The applicant categories: the codes of {@link io.github.motcua.dossier.ApplicantCategory}. */
    public static final List<String> CATEGORIES = io.github.motcua.dossier.ApplicantCategory.codes();

    private final String procedure;
    private List<Channel> channels = List.of(Channel.values());
    private List<String> units = List.of("52-xa-ia-o");
    private LocalDateTime from = LocalDateTime.of(2025, 1, 1, 7, 0);
    private LocalDateTime to = LocalDateTime.of(2027, 12, 31, 17, 0);
    private List<String> categories = CATEGORIES;
    private Arbitrary<Map<String, Object>> form = Arbitraries.just(Map.of());

    private DossierArbitraries(String procedure) {
        this.procedure = procedure;
    }

    /** Starts a builder for one procedure code. */
    public static DossierArbitraries forProcedure(String procedureCode) {
        return new DossierArbitraries(Objects.requireNonNull(procedureCode, "procedureCode"));
    }

    /** The channels to draw from (default: all — prefer {@link #channels(java.util.Collection)} with the procedure's). */
    public DossierArbitraries channels(Channel... cs) {
        if (cs.length == 0) {
            throw new IllegalArgumentException("at least one channel: []");
        }
        this.channels = List.copyOf(Arrays.asList(cs));
        return this;
    }

    /**
     * The channels to draw from: pass the procedure's own ({@code procedure.channels()}), so no
     * dossier is drawn for a channel the procedure does not accept.
     */
    public DossierArbitraries channels(java.util.Collection<Channel> cs) {
        return channels(cs.toArray(new Channel[0]));
    }

    /** Receiving and residence unit codes to draw from (default: one Gia Lai border commune). */
    public DossierArbitraries units(List<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            throw new IllegalArgumentException("at least one unit code: []");
        }
        this.units = List.copyOf(unitCodes);
        return this;
    }

    /** The window of {@code receivedAt}, Vietnam local time, inclusive. */
    public DossierArbitraries receivedBetween(LocalDateTime start, LocalDateTime end) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "window ends [%s] before it starts [%s]",
                    end, start));
        }
        this.from = start;
        this.to = end;
        return this;
    }

    /** The applicant categories to draw subsets of (default: all shared codes). */
    public DossierArbitraries categories(List<String> codes) {
        this.categories = List.copyOf(codes);
        return this;
    }

    /** The form data (default: an empty form). */
    public DossierArbitraries form(Arbitrary<Map<String, Object>> formData) {
        this.form = Objects.requireNonNull(formData, "formData");
        return this;
    }

    /** The dossier arbitrary. */
    public Arbitrary<Map<String, Object>> build() {
        long minutes = Duration.between(from, to).toMinutes();
        LocalDateTime start = from;
        String code = procedure;
        Arbitrary<LocalDateTime> received = Arbitraries.longs().between(0, minutes).map(start::plusMinutes);
        Arbitrary<Set<String>> cats = categories.isEmpty() ? Arbitraries.just(Set.of())
                : Arbitraries.subsetOf(categories).ofMaxSize(Math.min(3, categories.size()));
        Arbitrary<Integer> ageDays = Arbitraries.integers().between(0, 95 * 366);
        return Combinators.combine(Arbitraries.of(channels), Arbitraries.of(units), Arbitraries.of(units), received,
                cats, ageDays, form, VnFormats.personalId())
                .as((channel, unit, residence, at, cs, age, formData, pid) -> {
                    LocalDate asOf = at.toLocalDate();
                    Map<String, Object> applicant = new LinkedHashMap<>();
                    applicant.put("personalId", pid);
                    applicant.put("fullName", "Nguyễn Văn A");
                    applicant.put("birthDate", asOf.minusDays(age).toString());
                    applicant.put("sex", pid.charAt(3) % 2 == 0 ? "MALE" : "FEMALE");
                    applicant.put("categories", new ArrayList<>(new TreeSet<>(cs)));
                    applicant.put("residenceUnit", residence);
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("procedure", code);
                    d.put("channel", channel.name());
                    // always with seconds: OffsetDateTime.toString() drops ":00", which RFC 3339 (the dossier schema) refuses
                    d.put("receivedAt", at.atOffset(ZoneOffset.ofHours(7)).format(RFC_3339));
                    d.put("unit", unit);
                    d.put("asOf", asOf.toString());
                    d.put("applicant", applicant);
                    d.put("form", formData);
                    return d;
                });
    }
}
