package io.github.motcua.examples.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The published catalogue of a pack (công bố danh mục thủ tục hành chính): the procedures offered
 * fully online (toàn trình) and those received regardless of administrative boundaries (phi địa
 * giới hành chính), as of a date. Build it with {@link Catalogues#catalogue}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param packId       the pack's id
 * @param packVersion  the pack's version
 * @param packName     the pack's name in Vietnamese
 * @param packNameEn   the pack's name in English, or its Vietnamese name
 * @param packSha256   the SHA-256 of the pack's content
 * @param asOf         the date whose rates apply
 * @param fullyOnline  procedures with onlineLevel FULL, ordered by code
 * @param boundaryFree procedures with boundaryFree, ordered by code
 */
public record Catalogue(String packId, String packVersion, String packName, String packNameEn, String packSha256,
        LocalDate asOf, List<CatalogueEntry> fullyOnline, List<CatalogueEntry> boundaryFree) {
    public Catalogue {
        Objects.requireNonNull(packId, "packId");
        Objects.requireNonNull(asOf, "asOf");
        fullyOnline = List.copyOf(fullyOnline);
        boundaryFree = List.copyOf(boundaryFree);
    }
}
