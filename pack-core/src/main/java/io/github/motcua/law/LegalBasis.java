package io.github.motcua.law;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A structured reference to the law (căn cứ pháp lý): the act, and where inside it.
 *
 * <p>Every rule, tariff, exemption, holiday and deadline adjustment in a pack names one. A pack
 * declares its references once (by {@link #id()}) and rules point at them, so the same citation is
 * spelled the same way everywhere and a decision can print it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id          the pack-local identifier rules use, e.g. {@code "LHT-2014-D16"}
 * @param act         the instrument's name and number, e.g. {@code "Luật Hộ tịch 60/2014/QH13"}
 * @param article     the article (điều), or {@code null} when the whole act is meant
 * @param clause      the clause (khoản), or {@code null}
 * @param point       the point (điểm), or {@code null}
 * @param link        a public URL of the text, or {@code null}
 * @param validFrom   first day the cited provision is in force, or {@code null} when unknown/always
 * @param validTo     last day it is in force, or {@code null} when open-ended
 * @param verified    {@code false} when the citation comes from memory or a third-party source and
 *                    has not been checked against the official text (FACTS.md marks these)
 * @param note        free text for analysts (e.g. why it is unverified), or {@code null}
 */
public record LegalBasis(
        String id,
        String act,
        String article,
        String clause,
        String point,
        String link,
        LocalDate validFrom,
        LocalDate validTo,
        boolean verified,
        String note) {

    public LegalBasis {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("legal basis id must not be blank: [" + id + "]");
        }
        if (act == null || act.isBlank()) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "legal basis [%s] must name its act", id));
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "legal basis [%s] ends [%s] before it starts [%s]", id, validTo, validFrom));
        }
    }

    /** A verified reference to a whole act, for tests and simple packs. */
    public static LegalBasis of(String id, String act) {
        return new LegalBasis(id, act, null, null, null, null, null, null, true, null);
    }

    /**
     * The citation in Vietnamese legal style, e.g. {@code "Điểm a khoản 1 Điều 11 Luật Hộ tịch
     * 60/2014/QH13"}, with {@code " (chưa xác minh)"} appended when not verified.
     */
    public String citationVi() {
        StringBuilder sb = new StringBuilder();
        if (point != null) {
            sb.append("Điểm ").append(point).append(' ');
        }
        if (clause != null) {
            sb.append(sb.length() == 0 ? "Khoản " : "khoản ").append(clause).append(' ');
        }
        if (article != null) {
            sb.append(sb.length() == 0 ? "Điều " : "Điều ").append(article).append(' ');
        }
        sb.append(act);
        if (!verified) {
            sb.append(" (chưa xác minh)");
        }
        return sb.toString();
    }

    /** The citation in English style, e.g. {@code "Luật Hộ tịch 60/2014/QH13, Art. 11(1)(a)"}. */
    public String citationEn() {
        StringBuilder sb = new StringBuilder(act);
        if (article != null) {
            sb.append(", Art. ").append(article);
            if (clause != null) {
                sb.append('(').append(clause).append(')');
            }
            if (point != null) {
                sb.append('(').append(point).append(')');
            }
        }
        if (!verified) {
            sb.append(" (unverified)");
        }
        return sb.toString();
    }

    /** Whether the cited provision is in force on {@code date} (unknown bounds count as open). */
    public boolean inForceOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
