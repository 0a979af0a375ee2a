package io.github.motcua.examples.catalog;

import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.catalogue.imports.NationalLayer;
import io.github.motcua.dossier.Channel;
import io.github.motcua.rules.LocalizedText;
import io.github.motcua.rules.Procedure;
import java.util.List;
import java.util.Objects;

/**
 * One procedure as the published catalogue lists it (một dòng của danh mục thủ tục hành chính).
 *
 * <p>Immutable and thread-safe.
 *
 * @param code         national code (mã thủ tục)
 * @param name         name
 * @param field        field (lĩnh vực)
 * @param level        level of the deciding authority (cấp thực hiện)
 * @param agency       deciding agency (cơ quan thực hiện)
 * @param onlineLevel  online service level
 * @param boundaryFree received regardless of administrative boundaries (phi địa giới hành chính)
 * @param deadline     the base time limit (thời hạn giải quyết)
 * @param fees         the fees and charges, in fee-table order; empty when the procedure charges nothing
 * @param feesKnown    {@code false} when the engine serves no fee table for the procedure (the fees
 *                     are then unknown, not zero)
 * @param channels     channels accepted (the pack's)
 * @param national     the procedure's imported national layer (national.yaml), or {@code null} when the
 *                     pack has none: then {@code onlineLevel} and {@code boundaryFree} are the pack's
 * @param source       provenance of an imported procedure, or {@code null} for a hand-written one
 * @param commitment   the province's committed time beside {@code deadline} (the law's maximum), or {@code null}
 */
public record CatalogueEntry(String code, LocalizedText name, LocalizedText field, Procedure.Level level,
        LocalizedText agency, Procedure.OnlineLevel onlineLevel, boolean boundaryFree, TimeLimit deadline,
        List<FeeText> fees, boolean feesKnown, List<Channel> channels, NationalLayer national, Procedure.Source source,
        Procedure.Commitment commitment) {
    public CatalogueEntry {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        fees = List.copyOf(fees);
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** An entry without a national layer and without a commitment (the shape before the import). */
    public CatalogueEntry(String code, LocalizedText name, LocalizedText field, Procedure.Level level,
            LocalizedText agency, Procedure.OnlineLevel onlineLevel, boolean boundaryFree, TimeLimit deadline,
            List<FeeText> fees, boolean feesKnown) {
        this(code, name, field, level, agency, onlineLevel, boundaryFree, deadline, fees, feesKnown, List.of(), null, null,
                null);
    }

    /** {@code true} when the values were imported from a national record and not reviewed yet. */
    public boolean importedUnreviewed() {
        return source != null && (source.values().isEmpty() ? !source.verified() : !source.unreviewed().isEmpty());
    }

    /**
     * The national online level when the pack has the record (FULL exactly when {@code isFullProcess}), else
     * the pack's.
     */
    public String nationalOrPackOnlineLevel() {
        return national != null && !"UNKNOWN".equals(national.onlineLevel()) ? national.onlineLevel()
                : onlineLevel == null ? null : onlineLevel.name();
    }


    /**
     * The deadline as published: "03 ngày làm việc" ({@link TimeLimit#labelVi()}) or its English; with a
     * commitment, both: "tối đa 17 ngày làm việc; tỉnh cam kết 7,5 ngày làm việc (giảm 55,9%)".
     */
    public String deadlineLabel(boolean en) {
        return commitmentLabel(deadline, commitment, en);
    }

    /** The maximum and the commitment with the cut in percent, or the maximum alone. */
    public static String commitmentLabel(TimeLimit deadline, Procedure.Commitment commitment, boolean en) {
        if (commitment == null || deadline == null) {
            return Labels.limit(deadline, en);
        }
        java.math.BigDecimal cut = commitment.cutPercent(deadline);
        String pct = cut == null ? "" : " " + CatalogMessages.text(en, "CAT_COMMITMENT_CUT",
                "percent", en ? cut.toPlainString() : cut.toPlainString().replace('.', ','));
        String committed = en ? commitment.amount().stripTrailingZeros().toPlainString() + " "
                + commitment.unit().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : commitment.labelVi();
        return CatalogMessages.text(en, "CAT_COMMITMENT", "maximum", Labels.limit(deadline, en), "commitment", committed)
                + pct;
    }

    /** All fees as one readable text; "Không thu phí, lệ phí" when none. */
    public String feesText(boolean en) {
        if (!feesKnown) {
            return CatalogMessages.text(en, "CAT_NO_FEE_TABLE");
        }
        if (fees.isEmpty()) {
            return CatalogMessages.text(en, "CAT_NO_FEE");
        }
        StringBuilder sb = new StringBuilder();
        for (FeeText f : fees) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            sb.append(f.label(en)).append(": ").append(f.desk(en));
            if (!f.verified()) {
                sb.append(' ').append(CatalogMessages.text(en, "CAT_RATE_NOT_VERIFIED"));
            }
        }
        return sb.toString();
    }

    /** The online tariffs that differ from the desk, or "Như nộp trực tiếp" (same as at the desk). */
    public String onlineFeesText(boolean en) {
        if (!feesKnown) {
            return CatalogMessages.text(en, "CAT_NO_FEE_TABLE");
        }
        StringBuilder sb = new StringBuilder();
        for (FeeText f : fees) {
            if (f.onlineVi() != null) {
                if (sb.length() > 0) {
                    sb.append(" | ");
                }
                sb.append(en && !f.nameEn().isEmpty() ? f.nameEn() : f.nameVi()).append(": ").append(f.online(en));
            }
        }
        if (sb.length() == 0) {
            return CatalogMessages.text(en, fees.isEmpty() ? "CAT_NO_FEE" : "CAT_SAME_AS_DESK");
        }
        return sb.toString();
    }

    /** The legal bases of the fees, distinct, joined by "; ". */
    public String feeBasesText(boolean en) {
        return String.join("; ", fees.stream().map(f -> en ? f.basisEn() : f.basisVi()).filter(s -> !s.isEmpty())
                .distinct().toList());
    }
}
