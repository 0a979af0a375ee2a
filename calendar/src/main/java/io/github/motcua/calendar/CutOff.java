package io.github.motcua.calendar;

import io.github.motcua.law.LegalBasis;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * A procedure's cut-off hour (giờ tiếp nhận): a dossier received on a working day after {@link #at()}
 * counts from the next working day — with the legal bases that set it, which a deadline cites when the
 * cut-off moved its start. Or {@link #none()}: no cut-off applies, a dossier received on a working day
 * is received that day whatever the hour.
 *
 * <p>The 15:00 rule is not general law: Luật Hộ tịch 2014 Art. 5(3) sets it for civil-status matters
 * with no stated limit and NĐ 23/2015 Art. 7 for certification (docs/calendar.md). A pack says where it
 * applies; a deadline never cites a basis for a cut-off that does not concern the procedure.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at    the hour, or {@code null} for no cut-off
 * @param bases the legal bases of the hour (at least one when {@code at} is given, none otherwise)
 */
public record CutOff(LocalTime at, List<LegalBasis> bases) {
    private static final CutOff NONE = new CutOff(null, List.of());

    public CutOff {
        bases = List.copyOf(Objects.requireNonNullElse(bases, List.of()));
        if (at == null && !bases.isEmpty()) {
            throw new InvalidDeadlineException(CalendarMessages.problem("CUT_OFF_BASIS_WITHOUT_HOUR", "bases", bases));
        }
        if (at != null && bases.isEmpty()) {
            throw new InvalidDeadlineException(CalendarMessages.problem("CUT_OFF_NO_BASIS", "at", at));
        }
    }

    /** The hour {@code at}, set by {@code basis}. */
    public static CutOff of(LocalTime at, LegalBasis basis) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(basis, "basis");
        return new CutOff(at, List.of(basis));
    }

    /** No cut-off: received on a working day, the dossier is received that day. */
    public static CutOff none() {
        return NONE;
    }

    /** Whether a cut-off hour applies. */
    public boolean applies() {
        return at != null;
    }
}
