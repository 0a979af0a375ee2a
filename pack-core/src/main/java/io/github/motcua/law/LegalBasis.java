package io.github.motcua.law;

import io.github.motcua.kernel.Messages;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
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
     * 60/2014/QH13"}, with {@code " (chưa xác minh)"} appended when not verified. The words (điểm,
     * khoản, Điều, chưa xác minh) are the kernel bundle's {@code citation.*}.
     */
    public String citationVi() {
        Locale vi = Messages.VI;
        StringBuilder sb = new StringBuilder();
        if (point != null) {
            sb.append(word("citation.point", vi, "point", point)).append(' ');
        }
        if (clause != null) {
            sb.append(word(sb.length() == 0 ? "citation.clauseFirst" : "citation.clause", vi, "clause", clause)).append(' ');
        }
        if (article != null) {
            sb.append(word("citation.article", vi, "article", article)).append(' ');
        }
        sb.append(act);
        if (!verified) {
            sb.append(' ').append(word("citation.unverified", vi, null, null));
        }
        return sb.toString();
    }

    /**
     * The citation in English style, e.g. {@code "Luật Hộ tịch 60/2014/QH13, Art. 11(1)(a)"} (a clause
     * or point is printed only under an article), with {@code " (unverified)"} appended when not verified.
     */
    public String citationEn() {
        Locale en = Locale.ENGLISH;
        StringBuilder sb = new StringBuilder(act);
        if (article != null) {
            sb.append(", ").append(word("citation.article", en, "article", article));
            if (clause != null) {
                sb.append(word("citation.clause", en, "clause", clause));
            }
            if (point != null) {
                sb.append(word("citation.point", en, "point", point));
            }
        }
        if (!verified) {
            sb.append(' ').append(word("citation.unverified", en, null, null));
        }
        return sb.toString();
    }

    /** {@link #citationEn()} when {@code locale} is English, else {@link #citationVi()}. */
    public String citation(Locale locale) {
        return Messages.english(locale) ? citationEn() : citationVi();
    }

    private static String word(String key, Locale locale, String name, String value) {
        return Messages.render(Messages.KERNEL, key, name == null ? Map.of() : Map.of(name, value), locale);
    }

    /** Whether the cited provision is in force on {@code date} (unknown bounds count as open). */
    public boolean inForceOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
