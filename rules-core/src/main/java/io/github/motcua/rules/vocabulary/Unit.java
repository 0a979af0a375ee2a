package io.github.motcua.rules.vocabulary;

import java.util.Objects;
import java.util.Set;

/**
 * Fact: a unit of units.yaml (đơn vị hành chính / đơn vị tiếp nhận). The receiving unit of the
 * dossier is inserted as a fact; the applicant's residence is reachable as
 * {@code Applicant.residence}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Unit {
    private final String code;
    private final String name;
    private final String kind;
    private final Set<String> flags;

    public Unit(String code, String name, String kind, Set<String> flags) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = name;
        this.kind = kind;
        this.flags = Set.copyOf(flags);
    }

    /** The unit code. */
    public String getCode() {
        return code;
    }

    /** The Vietnamese name. */
    public String getName() {
        return name;
    }

    /** COMMUNE, WARD or PROVINCIAL_CENTRE. */
    public String getKind() {
        return kind;
    }

    /** Whether the unit has this flag, e.g. {@code hasFlag("DISADVANTAGED")}. */
    public boolean hasFlag(String flag) {
        return flags.contains(flag);
    }

    @Override
    public String toString() {
        return "Unit[" + code + "]";
    }
}
