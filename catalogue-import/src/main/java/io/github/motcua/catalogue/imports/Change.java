package io.github.motcua.catalogue.imports;

/**
 * One line of a re-import diff or of a drift report. Immutable and thread-safe.
 *
 * @param code   the procedure code
 * @param kind   what kind of change
 * @param what   the compared value: {@code deadline.DESK}, {@code fees.ONLINE}, {@code components},
 *               {@code legalBases}, {@code toanTrinh}, {@code phiDiaGioi}, {@code channels}, {@code name},
 *               {@code agency}, {@code level}, an overridden field, or {@code procedure}
 * @param before the value before (the pack's, for drift), or {@code ""}
 * @param after  the value now (the national record's), or {@code ""}
 */
public record Change(String code, Kind kind, String what, String before, String after) {
    /** Kinds of change. */
    public enum Kind {
        /** A procedure new to the pack. */
        ADDED,
        /** A procedure whose national layer is in the pack but whose record is not in this import. */
        NOT_IN_IMPORT,
        /** A national value changed since the last import. */
        CHANGED,
        /** An analyst's override whose recorded official value is no longer the national one. */
        OVERRIDE_CONFLICT,
        /** A hand-written procedure differs from its national record. */
        DRIFT
    }
}
