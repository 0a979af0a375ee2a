package io.github.motcua.calendar;

import io.github.motcua.law.LegalBasis;
import java.time.Instant;
import java.util.Locale;

/**
 * A change to a dossier's deadline, taken by a rule or given with the dossier.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>The constructor throws {@link InvalidDeadlineException} when the parts do not match the kind, or an
 * interval is reversed.
 *
 * @param kind     extend the limit, pause the clock, or replace the base limit
 * @param limit    for EXTEND and REPLACE, and for a PAUSE of known length: how much; else {@code null}
 * @param from     for a PAUSE given as an interval: its start; else {@code null}
 * @param to       for a PAUSE given as an interval: its end (after {@code from}); else {@code null}
 * @param reasonVi why, in Vietnamese
 * @param reasonEn why, in English; {@code ""} when the adjustment has none (a rule or a caller that gave only the
 *                 Vietnamese): {@link #reason(Locale)} then falls back to the Vietnamese, and English renderings
 *                 say the reason is in Vietnamese only
 * @param basis    the legal basis ({@code null} only when the caller has none; a decision should cite one)
 * @param rule     the rule that took it, or {@code null} when it came with the dossier
 */
public record DeadlineAdjustment(Kind kind, TimeLimit limit, Instant from, Instant to, String reasonVi,
        String reasonEn, LegalBasis basis, String rule) {
    /** What the adjustment does. */
    public enum Kind {
        /** Adds time (gia hạn), e.g. +10 working days in disadvantaged communes. */
        EXTEND,
        /** Stops the clock (thời gian không tính): for a known length, or over an interval. */
        PAUSE,
        /** Replaces the base limit (a special case that overrides the general one). */
        REPLACE
    }

    public DeadlineAdjustment {
        if (kind == null) {
            throw new InvalidDeadlineException(CalendarMessages.problem("ADJUSTMENT_NO_KIND"));
        }
        if (reasonVi == null || reasonVi.isBlank()) {
            throw new InvalidDeadlineException(CalendarMessages.problem("ADJUSTMENT_NO_REASON", "kind", kind, "reason", reasonVi));
        }
        reasonEn = reasonEn == null ? "" : reasonEn.strip();
        boolean interval = from != null || to != null;
        if (kind != Kind.PAUSE) {
            if (limit == null || interval) {
                throw new InvalidDeadlineException(CalendarMessages.problem("ADJUSTMENT_LIMIT_ONLY", "kind", kind, "reason", reasonVi));
            }
            if (limit.unit() == DeadlineUnit.SAME_DAY && kind == Kind.EXTEND) {
                throw new InvalidDeadlineException(CalendarMessages.problem("EXTENSION_SAME_DAY", "reason", reasonVi));
            }
        } else {
            if ((limit == null) == (from == null || to == null) || (limit != null && interval)) {
                throw new InvalidDeadlineException(CalendarMessages.problem("PAUSE_NEEDS_LIMIT_OR_INTERVAL", "reason", reasonVi));
            }
            if (limit != null && limit.unit() == DeadlineUnit.SAME_DAY) {
                throw new InvalidDeadlineException(CalendarMessages.problem("PAUSE_SAME_DAY", "reason", reasonVi));
            }
            if (from != null && !to.isAfter(from)) {
                throw new InvalidDeadlineException(CalendarMessages.problem("PAUSE_REVERSED", "to", to, "from", from, "reason", reasonVi));
            }
        }
    }

    /** The shape before the English reason: a reason in Vietnamese only ({@link #reasonEn()} is {@code ""}). */
    public DeadlineAdjustment(Kind kind, TimeLimit limit, Instant from, Instant to, String reasonVi, LegalBasis basis,
            String rule) {
        this(kind, limit, from, to, reasonVi, "", basis, rule);
    }

    /** An extension (gia hạn) taken by a rule, its reason in Vietnamese only. */
    public static DeadlineAdjustment extend(TimeLimit limit, String reasonVi, LegalBasis basis, String rule) {
        return extend(limit, reasonVi, "", basis, rule);
    }

    /** An extension (gia hạn) taken by a rule, its reason in Vietnamese and English. */
    public static DeadlineAdjustment extend(TimeLimit limit, String reasonVi, String reasonEn, LegalBasis basis, String rule) {
        return new DeadlineAdjustment(Kind.EXTEND, limit, null, null, reasonVi, reasonEn, basis, rule);
    }

    /** A replacement of the base limit taken by a rule, its reason in Vietnamese only. */
    public static DeadlineAdjustment replace(TimeLimit limit, String reasonVi, LegalBasis basis, String rule) {
        return replace(limit, reasonVi, "", basis, rule);
    }

    /** A replacement of the base limit taken by a rule, its reason in Vietnamese and English. */
    public static DeadlineAdjustment replace(TimeLimit limit, String reasonVi, String reasonEn, LegalBasis basis, String rule) {
        return new DeadlineAdjustment(Kind.REPLACE, limit, null, null, reasonVi, reasonEn, basis, rule);
    }

    /** A pause of known length (e.g. 15 days of public posting), added to the appointment date; reason in Vietnamese only. */
    public static DeadlineAdjustment pause(TimeLimit limit, String reasonVi, LegalBasis basis, String rule) {
        return pause(limit, reasonVi, "", basis, rule);
    }

    /** A pause of known length, its reason in Vietnamese and English. */
    public static DeadlineAdjustment pause(TimeLimit limit, String reasonVi, String reasonEn, LegalBasis basis, String rule) {
        return new DeadlineAdjustment(Kind.PAUSE, limit, null, null, reasonVi, reasonEn, basis, rule);
    }

    /** An excluded period given with the dossier: the clock stops over [from, to); reason in Vietnamese only. */
    public static DeadlineAdjustment excluded(Instant from, Instant to, String reasonVi, LegalBasis basis) {
        return excluded(from, to, reasonVi, "", basis);
    }

    /** An excluded period given with the dossier, its reason in Vietnamese and English. */
    public static DeadlineAdjustment excluded(Instant from, Instant to, String reasonVi, String reasonEn, LegalBasis basis) {
        return new DeadlineAdjustment(Kind.PAUSE, null, from, to, reasonVi, reasonEn, basis, null);
    }

    /**
     * The reason for a reader of {@code locale}: English ({@link #reasonEn()}) for English when the adjustment has
     * it, else the Vietnamese ({@link #reasonVi()}, also for any other language). {@link #hasReason(Locale)} says
     * which one a renderer got, so it can say that an English text shows a Vietnamese reason.
     */
    public String reason(Locale locale) {
        return "en".equals(locale.getLanguage()) && !reasonEn.isEmpty() ? reasonEn : reasonVi;
    }

    /** Whether the reason exists in the language of {@code locale}: always for Vietnamese; for English when given. */
    public boolean hasReason(Locale locale) {
        return !"en".equals(locale.getLanguage()) || !reasonEn.isEmpty();
    }

    /** Whether this is a pause given as an interval. */
    public boolean isInterval() {
        return from != null;
    }
}
