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
 * @param kind     COMMUNE, WARD, PROVINCIAL_CENTRE or PROVINCIAL_DEPARTMENT
 * @param flags    e.g. {@code DISADVANTAGED}, {@code BORDER}
 * @param verified whether the code and flags were checked against an official source
 * @param source   where the data comes from, or {@code null}
 * @param address  its address where a source gives one (the source is {@code source}), else {@code null}
 */
public record ReceivingUnit(String code, LocalizedText name, String kind, Set<String> flags, boolean verified,
        String source, String address) {
    public ReceivingUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        flags = Set.copyOf(flags);
    }

    /** A unit without an address. */
    public ReceivingUnit(String code, LocalizedText name, String kind, Set<String> flags, boolean verified,
            String source) {
        this(code, name, kind, flags, verified, source, null);
    }
}
