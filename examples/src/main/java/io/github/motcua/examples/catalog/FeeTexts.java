package io.github.motcua.examples.catalog;

import io.github.motcua.dossier.ApplicantCategory;

import io.github.motcua.dossier.Channel;
import io.github.motcua.fees.FeeAdjustment;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeException;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.fees.FeeRequest;
import io.github.motcua.fees.FeeTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a procedure's published tariffs from its compiled fee table: the table prices a plain
 * dossier (no exemption category, default quantities) filed at the desk and one filed online, and
 * every line becomes a {@link FeeText}. Only the table's own rows are seen: a line that a rule adds
 * for special cases is not part of the published tariff.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeeTexts {
    private FeeTexts() {
    }

    /**
     * The fee texts of one procedure as of a date.
     *
     * @param table the procedure's fee table
     * @param code  the procedure code (for the table's messages)
     * @param asOf  the date whose rates apply
     * @return one text per fee line, in table order; a table that cannot price a plain dossier gives
     *         one text saying so with the table's message
     */
    public static List<FeeText> of(FeeTable table, String code, LocalDate asOf) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(asOf, "asOf");
        FeeRequest desk = FeeRequest.of(code, asOf);
        FeeAssessment atDesk;
        FeeAssessment online;
        try {
            atDesk = table.assess(desk);
            online = table.assess(desk.withChannel(Channel.ONLINE));
        } catch (FeeException e) {
            // the table's problem in each language (its bundle), not the exception's one-line message in both
            io.github.motcua.kernel.Problem why = e.toProblem();
            return List.of(new FeeText("?", CatalogMessages.text(false, "CAT_FEES_CANNOT_PRICE"),
                    CatalogMessages.text(true, "CAT_FEES_CANNOT_PRICE"), CatalogMessages.text(false, "CAT_FEES"),
                    CatalogMessages.text(true, "CAT_FEES"), CatalogMessages.text(false, "CAT_FEES_UNKNOWN", "detail",
                            why.messageVi()), null, "", "", false, CatalogMessages.text(true, "CAT_FEES_UNKNOWN", "detail",
                            why.messageEn()), null));
        }
        Map<String, FeeLine> onlineByItem = new LinkedHashMap<>();
        for (FeeLine l : online.lines()) {
            onlineByItem.putIfAbsent(l.item(), l);
        }
        List<FeeText> out = new ArrayList<>();
        for (FeeLine d : atDesk.lines()) {
            FeeLine o = onlineByItem.remove(d.item());
            String deskText = tariff(d, false);
            String onlineText;
            String onlineEn;
            if (o == null) {
                onlineText = CatalogMessages.text(false, "CAT_NOT_CHARGED_ONLINE");
                onlineEn = CatalogMessages.text(true, "CAT_NOT_CHARGED_ONLINE");
            } else {
                String t = tariff(o, false);
                boolean same = t.equals(deskText) && o.amount().equals(d.amount());
                onlineText = same ? null : t;
                onlineEn = same ? null : tariff(o, true);
            }
            out.add(text(d, deskText, onlineText, d.verified() && (o == null || o.verified()), tariff(d, true), onlineEn));
        }
        for (FeeLine o : onlineByItem.values()) {
            out.add(text(o, CatalogMessages.text(false, "CAT_NOT_CHARGED_AT_DESK"), tariff(o, false), o.verified(),
                    CatalogMessages.text(true, "CAT_NOT_CHARGED_AT_DESK"), tariff(o, true)));
        }
        return List.copyOf(out);
    }

    private static FeeText text(FeeLine l, String desk, String online, boolean verified, String deskEn, String onlineEn) {
        return new FeeText(l.item(), l.descriptionVi(), l.descriptionEn(), l.kind().labelVi(), l.kind().labelEn(), desk,
                online, l.basis().citationVi(), l.basis().citationEn(), verified, deskEn, onlineEn);
    }

    /**
     * The line's tariff words, then every exemption or reduction applied, with its basis: in English
     * ({@code en}) with the line's English tariff and the English reason and citation, falling back to
     * the Vietnamese where the line has no English words.
     */
    private static String tariff(FeeLine l, boolean en) {
        java.util.Locale reader = en ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag("vi");
        StringBuilder sb = new StringBuilder(!l.hasTariff(reader) && l.tariffVi().isBlank() ? l.gross().format(reader)
                : l.tariff(reader));
        for (FeeAdjustment a : l.adjustments()) {
            sb.append("; ").append(a.kind() == FeeAdjustment.Kind.EXEMPT ? CatalogMessages.text(en, "CAT_EXEMPT")
                    : CatalogMessages.text(en, "CAT_REDUCED", "percent", a.percent()));
            String reason = en && !a.reasonEn().isEmpty() ? a.reasonEn() : a.reasonVi();
            sb.append(" (").append(CatalogMessages.text(en, "CAT_ADJUSTMENT_WHY", "reason", reason,
                    "basis", en ? a.basis().citationEn() : a.basis().citationVi())).append(')');
        }
        if (!l.amount().equals(l.gross())) {
            sb.append(" = ").append(l.amount().format(reader));
        }
        return sb.toString();
    }

    /**
     * One exemption or reduction (miễn, giảm) that a fee table gives a group of applicants, in plain
     * words: who, what (exempt or the percentage off) and why, with its basis.
     *
     * @param whoVi    the applicant category or commune flag, Vietnamese
     * @param whoEn    the same, English
     * @param itemVi   the fee line it applies to
     * @param itemEn   the same, English
     * @param percent  100 for an exemption, else the reduction in %
     * @param reasonVi the table row's reason
     * @param reasonEn the same, English
     * @param basisVi  the row's legal basis
     * @param basisEn  the same, English
     * @param verified {@code false} when the row is marked unverified
     */
    public record Relief(String whoVi, String whoEn, String itemVi, String itemEn, int percent, String reasonVi,
            String reasonEn, String basisVi, String basisEn, boolean verified) {
        /** "Hộ nghèo: miễn Lệ phí … (lý do; căn cứ …)". */
        public String text(boolean en) {
            String item = en && !itemEn.isBlank() ? itemEn : itemVi;
            String what = percent >= 100 ? CatalogMessages.text(en, "CAT_RELIEF_EXEMPT", "item", item)
                    : CatalogMessages.text(en, "CAT_RELIEF_REDUCED", "percent", percent, "item", item);
            String reason = en && reasonEn != null && !reasonEn.isBlank() ? reasonEn : reasonVi;
            return (en ? whoEn : whoVi) + ": " + what
                    + (reason == null || reason.isBlank() ? "" : " — " + reason)
                    + " (" + CatalogMessages.text(en, "CAT_BASIS", "basis", en ? basisEn : basisVi) + ")"
                    + (verified ? "" : " " + CatalogMessages.text(en, "CAT_NOT_VERIFIED"));
        }
    }

    /**
     * Every exemption or reduction the table gives a plain dossier filed at the desk by an applicant of
     * one category ({@link ApplicantCategory}) or living in a commune with one flag
     * ({@link io.github.motcua.fees.ExemptionCategory#UNIT_FLAGS}): each category is tried alone, and
     * what it changes is listed. Exemptions that depend on form values (e.g. a registration within 60
     * days) are not found this way.
     */
    public static List<Relief> reliefs(FeeTable table, String code, LocalDate asOf) {
        Objects.requireNonNull(table, "table");
        FeeRequest plain = FeeRequest.of(code, asOf);
        List<Relief> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try {
            for (FeeLine l : table.assess(plain).lines()) {
                for (FeeAdjustment a : l.adjustments()) {
                    seen.add(l.item() + "|" + a.reasonVi());
                }
            }
            for (ApplicantCategory c : ApplicantCategory.values()) {
                collect(table.assess(plain.withCategories(c.name())), c.labelVi(), c.labelEn(), seen, out);
            }
            for (String[] flag : FLAGS) {
                collect(table.assess(plain.withUnitFlags(flag[0])), CatalogMessages.text(false, flag[1]),
                        CatalogMessages.text(true, flag[1]), seen, out);
            }
        } catch (FeeException | IllegalArgumentException e) {
            return List.copyOf(out); // a table that cannot price a plain dossier has said so in the fee texts
        }
        return List.copyOf(out);
    }

    /**
     * The commune flags of docs/pack-format.md "Shared codes", each with the key of who it describes
     * ({@code CAT_FLAG_…} in the catalog bundle).
     */
    private static final String[][] FLAGS = {
        {"DISADVANTAGED", "CAT_FLAG_DISADVANTAGED"},
        {"BORDER", "CAT_FLAG_BORDER"},
        {"MOUNTAINOUS", "CAT_FLAG_MOUNTAINOUS"},
        {"ISLAND", "CAT_FLAG_ISLAND"},
        {"REMOTE", "CAT_FLAG_REMOTE"},
        {"SAFE_ZONE", "CAT_FLAG_SAFE_ZONE"},
    };

    private static void collect(FeeAssessment a, String whoVi, String whoEn, java.util.Set<String> seen, List<Relief> out) {
        for (FeeLine l : a.lines()) {
            for (FeeAdjustment adj : l.adjustments()) {
                if (seen.contains(l.item() + "|" + adj.reasonVi()) || adj.percent() <= 0) {
                    continue;
                }
                out.add(new Relief(whoVi, whoEn, l.descriptionVi(), l.descriptionEn() == null ? "" : l.descriptionEn(),
                        adj.kind() == FeeAdjustment.Kind.EXEMPT ? 100 : adj.percent(), adj.reasonVi(), adj.reasonEn(),
                        adj.basis().citationVi(), adj.basis().citationEn(), adj.verified() && l.verified()));
            }
        }
    }
}
