package io.github.motcua.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The result of validating an e-form (kết quả kiểm tra tờ khai): every violation, and the data
 * after Unicode NFC normalisation (keys and strings), which is what should be stored and decided on.
 *
 * <p>Immutable and thread-safe. {@link #data()} is a deep unmodifiable tree of {@code Map<String, Object>},
 * {@code List<Object>}, {@code String}, {@code Long}/{@code BigInteger}/{@code BigDecimal},
 * {@code Boolean} and {@code null}; it is empty when the input could not be parsed.
 *
 * @param formId     the form validated (procedure code or schema {@code $id})
 * @param violations every problem found, in document order where known
 * @param data       the NFC-normalised data
 * @param locale     the locale asked for (for {@link #messages()})
 * @param normalised the values typed in a usual way and read in canonical form (a tax code with
 *                   spaces, a mobile number with {@code +84}, a date as {@code dd/mm/yyyy}); {@link #data()}
 *                   holds the canonical values
 */
public record FormReport(String formId, List<Violation> violations, Map<String, Object> data, Locale locale,
                         List<NormalisedValue> normalised) {

    public FormReport {
        Objects.requireNonNull(formId, "formId");
        violations = List.copyOf(violations);
        // a read-only view forms-core made of a tree nobody modifies is kept; anything else is copied
        data = data == null ? Map.of() : Forms.readOnly(data) ? data : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        locale = locale == null ? Locale.forLanguageTag("vi-VN") : locale;
        normalised = normalised == null ? List.of() : List.copyOf(normalised);
    }

    /** A report with nothing normalised (the shape before normalisation existed). */
    public FormReport(String formId, List<Violation> violations, Map<String, Object> data, Locale locale) {
        this(formId, violations, data, locale, List.of());
    }

    /** Whether the data satisfies the form: no violations at all. */
    public boolean valid() {
        return violations.isEmpty();
    }

    /** The violations at {@code pointer} (exact match). */
    public List<Violation> at(String pointer) {
        return violations.stream().filter(v -> v.pointer().equals(pointer)).toList();
    }

    /** Every message in the report's locale, e.g. for a log line or a test. */
    public List<String> messages() {
        return violations.stream().map(v -> v.message(locale)).toList();
    }
}
