package io.github.motcua.rules.spi;

import io.github.motcua.law.LegalBasis;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Helpers for {@link DecisionSection#toJson}: the decision JSON's shapes of shared values, so every
 * part writes them alike. Stateless, so thread-safe.
 */
public final class PartJson {
    private PartJson() {
    }

    /** {@code {id, citationVi, citationEn, verified, link}}, or {@code null}. */
    public static Map<String, Object> basis(LegalBasis b) {
        if (b == null) {
            return null;
        }
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", b.id());
        x.put("citationVi", b.citationVi());
        x.put("citationEn", b.citationEn());
        x.put("verified", b.verified());
        x.put("link", b.link());
        return x;
    }

    /**
     * An RFC 3339 date-time with the offset, seconds always written (a fraction only when not zero), e.g.
     * {@code 2026-02-23T17:00:00+07:00}, or {@code null}.
     */
    public static String instant(ZonedDateTime t) {
        // RFC 3339 requires the seconds: OffsetDateTime.toString() drops zero seconds ("15:30+07:00")
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    /** A citation for text: {@code " [Luật Hộ tịch 2014, Điều 16]"}, or {@code ""}. */
    public static String cite(LegalBasis b, java.util.Locale locale) {
        if (b == null) {
            return "";
        }
        return " [" + ("vi".equals(locale.getLanguage()) || b.citationEn() == null ? b.citationVi() : b.citationEn()) + "]";
    }
}
