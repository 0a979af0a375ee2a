package io.github.motcua.fees;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Read access to the e-form data (tờ khai) by dot path, e.g. {@code "soTrang"} or
 * {@code "treEm.ngaySinh"}: the only way a fee table reads the form.
 *
 * <p>A fee table row names the path of its quantity ({@code unitPath}, {@code copiesPath}) or of a
 * date ({@code dateField}); the table converts and checks the raw value itself, so that a bad value
 * is reported with the table's file and row ({@link FeeQuantityException}). A missing quantity
 * counts as 1 (one page, one copy, one case); a missing date means the date condition is not met.
 *
 * <p>Implementations must be safe to read from several threads if the request is shared; the
 * map-backed one from {@link #of(Map)} is, as long as the map is not modified.
 */
@FunctionalInterface
public interface FormValues {

    /**
     * The raw value at a dot path: a {@link Number}, {@link String}, {@link Boolean},
     * {@link java.time.LocalDate}, or a nested map/list; empty when absent or JSON {@code null}.
     */
    Optional<Object> value(String path);

    /** No form data at all (every quantity takes its default). */
    static FormValues empty() {
        return path -> Optional.empty();
    }

    /** Reads a JSON-shaped form (nested {@code Map<String, ?>}); a path segment that is a number indexes a list. */
    static FormValues of(Map<String, ?> form) {
        Objects.requireNonNull(form, "form");
        return path -> {
            Object cur = form;
            for (String seg : path.split("\\.", -1)) {
                if (cur instanceof Map<?, ?> m) {
                    cur = m.get(seg);
                } else if (cur instanceof List<?> l && !seg.isEmpty() && seg.chars().allMatch(Character::isDigit)
                        && seg.length() < 9 && Integer.parseInt(seg) < l.size()) {
                    cur = l.get(Integer.parseInt(seg));
                } else {
                    return Optional.empty();
                }
                if (cur == null) {
                    return Optional.empty();
                }
            }
            return Optional.of(cur);
        };
    }
}
