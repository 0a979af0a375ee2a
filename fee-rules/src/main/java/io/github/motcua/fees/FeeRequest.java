package io.github.motcua.fees;

import io.github.motcua.dossier.Channel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a fee table needs to price one dossier.
 *
 * <p>Immutable (the collections are copied) and thread-safe if {@code form} is.
 *
 * @param procedureCode       national procedure code (for messages and the trace)
 * @param asOf                the date whose rates, windows and date conditions apply (the dossier's
 *                            {@code asOf}; never "today")
 * @param channel             how the dossier was filed (online reductions)
 * @param applicantCategories the applicant's categories, e.g. {@code CHILD}, {@code POOR_HOUSEHOLD}
 *                            (docs/pack-format.md "Shared codes"; the engine adds CHILD/ELDERLY from the
 *                            birth date)
 * @param unitFlags           flags of the applicant's residence commune, e.g. {@code BORDER}
 * @param form                the e-form data, read by path
 * @param directives          fee actions emitted by the procedure's rules, in firing order
 */
public record FeeRequest(String procedureCode, LocalDate asOf, Channel channel, Set<String> applicantCategories,
        Set<String> unitFlags, FormValues form, List<FeeDirective> directives) {

    public FeeRequest {
        procedureCode = procedureCode == null ? "" : procedureCode;
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(channel, "channel");
        applicantCategories = Set.copyOf(applicantCategories == null ? Set.of() : applicantCategories);
        unitFlags = Set.copyOf(unitFlags == null ? Set.of() : unitFlags);
        form = form == null ? FormValues.empty() : form;
        directives = List.copyOf(directives == null ? List.of() : directives);
    }

    /**
     * Convenience for callers that already hold the quantities by path, e.g. {@code soTrang=5}.
     */
    public FeeRequest(String procedureCode, LocalDate asOf, Channel channel, Set<String> applicantCategories,
            Set<String> unitFlags, Map<String, Long> quantities, List<FeeDirective> directives) {
        this(procedureCode, asOf, channel, applicantCategories, unitFlags, quantitiesOf(quantities), directives);
    }

    private static FormValues quantitiesOf(Map<String, Long> quantities) {
        Map<String, Long> copy = Map.copyOf(quantities == null ? Map.of() : quantities);
        return path -> Optional.ofNullable(copy.get(path));
    }

    /** A desk request with no categories, flags, form data or directives; change it with the withers. */
    public static FeeRequest of(String procedureCode, LocalDate asOf) {
        return new FeeRequest(procedureCode, asOf, Channel.DESK, Set.of(), Set.of(), FormValues.empty(), List.of());
    }

    public FeeRequest withChannel(Channel c) {
        return new FeeRequest(procedureCode, asOf, c, applicantCategories, unitFlags, form, directives);
    }

    public FeeRequest withCategories(String... categories) {
        return new FeeRequest(procedureCode, asOf, channel, new java.util.HashSet<>(java.util.Arrays.asList(categories)),
                unitFlags, form, directives);
    }

    public FeeRequest withUnitFlags(String... flags) {
        return new FeeRequest(procedureCode, asOf, channel, applicantCategories,
                new java.util.HashSet<>(java.util.Arrays.asList(flags)), form, directives);
    }

    public FeeRequest withForm(Map<String, ?> formData) {
        return new FeeRequest(procedureCode, asOf, channel, applicantCategories, unitFlags, FormValues.of(formData),
                directives);
    }

    public FeeRequest withAsOf(LocalDate date) {
        return new FeeRequest(procedureCode, date, channel, applicantCategories, unitFlags, form, directives);
    }

    public FeeRequest withDirectives(List<FeeDirective> ds) {
        return new FeeRequest(procedureCode, asOf, channel, applicantCategories, unitFlags, form, ds);
    }
}
