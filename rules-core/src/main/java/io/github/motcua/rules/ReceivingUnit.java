package io.github.motcua.rules;

import java.util.Objects;
import java.util.Set;

/**
 * A receiving unit (đơn vị tiếp nhận: commune, ward, provincial centre) from units.yaml.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code     official commune code where known, else a pack code
 * @param name     its name
 * @param kind     COMMUNE, WARD or PROVINCIAL_CENTRE
 * @param flags    e.g. {@code DISADVANTAGED}, {@code BORDER}
 * @param verified whether the code and flags were checked against an official source
 * @param source   where the data comes from, or {@code null}
 */
public record ReceivingUnit(String code, LocalizedText name, String kind, Set<String> flags, boolean verified,
        String source) {
    public ReceivingUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        flags = Set.copyOf(flags);
    }
}
