package io.github.motcua.catalogue.imports;

import java.util.Objects;

/**
 * A value the import could not read exactly (giá trị cần rà soát): imported as "unknown, see the official
 * text" (never as 0 or free), or kept with a doubt. Review items are warnings, not failures. Immutable and
 * thread-safe.
 *
 * @param record the record's origin (file)
 * @param code   the procedure code
 * @param field  the record's field (JSON pointer), e.g. {@code /executionMethods/0/processingTimeUnit}
 * @param raw    the raw value as the record has it (JSON text, shortened to 300 characters)
 * @param why    why it needs review (Vietnamese / English)
 */
public record ReviewItem(String record, String code, String field, String raw, String why) {
    public ReviewItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(field, "field");
        raw = raw == null ? "" : raw.length() > 300 ? raw.substring(0, 300) + "…" : raw;
    }
}
