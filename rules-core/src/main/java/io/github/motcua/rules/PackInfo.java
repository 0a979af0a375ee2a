package io.github.motcua.rules;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What pack.yaml says about a pack, plus the SHA-256 of its whole content.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id               pack id, e.g. {@code gia-lai}
 * @param version          the pack's version string
 * @param name             its name
 * @param province         jurisdiction: province name
 * @param provinceCode     jurisdiction: province code, or {@code null}
 * @param zone             the pack's time zone (default Asia/Ho_Chi_Minh)
 * @param defaults         the raw {@code defaults} map (office hours, cut-off ...) for the calendar
 * @param sha256           hex SHA-256 over every file's path and bytes, in path order
 */
public record PackInfo(String id, String version, LocalizedText name, String province, String provinceCode,
        ZoneId zone, Map<String, Object> defaults, String sha256) {
    public PackInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(zone, "zone");
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    }
}
