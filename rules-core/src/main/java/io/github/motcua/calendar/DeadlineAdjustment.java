package io.github.motcua.calendar;

import io.github.motcua.law.LegalBasis;
import java.time.Instant;

/**
 * A change to a dossier's deadline, taken by a rule or given with the dossier. CONTRACT: owned by
 * the calendar work (may add components).
 *
 * @param kind     extend the limit, pause the clock, or replace the base limit
 * @param limit    for EXTEND and REPLACE, and for a PAUSE of known length: how much; else {@code null}
 * @param from     for a PAUSE given as an interval: its start; else {@code null}
 * @param to       for a PAUSE given as an interval: its end; else {@code null}
 * @param reasonVi why, in Vietnamese
 * @param basis    the legal basis
 * @param rule     the rule that took it, or {@code null} when it came with the dossier
 */
public record DeadlineAdjustment(Kind kind, TimeLimit limit, Instant from, Instant to, String reasonVi,
        LegalBasis basis, String rule) {
    /** What the adjustment does. */
    public enum Kind { EXTEND, PAUSE, REPLACE }
}
