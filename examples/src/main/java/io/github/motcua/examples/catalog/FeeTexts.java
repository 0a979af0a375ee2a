package io.github.motcua.examples.catalog;

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
            return List.of(new FeeText("?", "Không tính được phí theo biểu phí", "The fee table cannot price a plain dossier",
                    "Phí, lệ phí", "Fees", "không xác định: " + e.getMessage(), null, "", "", false));
        }
        Map<String, FeeLine> onlineByItem = new LinkedHashMap<>();
        for (FeeLine l : online.lines()) {
            onlineByItem.putIfAbsent(l.item(), l);
        }
        List<FeeText> out = new ArrayList<>();
        for (FeeLine d : atDesk.lines()) {
            FeeLine o = onlineByItem.remove(d.item());
            String deskText = tariff(d);
            String onlineText;
            if (o == null) {
                onlineText = "không thu khi nộp trực tuyến";
            } else {
                String t = tariff(o);
                onlineText = t.equals(deskText) && o.amount().equals(d.amount()) ? null : t;
            }
            out.add(text(d, deskText, onlineText, d.verified() && (o == null || o.verified())));
        }
        for (FeeLine o : onlineByItem.values()) {
            out.add(text(o, "không thu khi nộp trực tiếp", tariff(o), o.verified()));
        }
        return List.copyOf(out);
    }

    private static FeeText text(FeeLine l, String desk, String online, boolean verified) {
        return new FeeText(l.item(), l.descriptionVi(), l.descriptionEn(), l.kind().labelVi(), l.kind().labelEn(), desk,
                online, l.basis().citationVi(), l.basis().citationEn(), verified);
    }

    /** The line's tariff words, then every exemption or reduction applied, with its basis. */
    private static String tariff(FeeLine l) {
        StringBuilder sb = new StringBuilder(l.tariffVi().isBlank() ? l.gross().formatVi() : l.tariffVi());
        for (FeeAdjustment a : l.adjustments()) {
            sb.append("; ").append(a.kind() == FeeAdjustment.Kind.EXEMPT ? "miễn"
                    : String.format(Locale.ROOT, "giảm %d%%", a.percent()));
            sb.append(" (").append(a.reasonVi()).append("; căn cứ ").append(a.basis().citationVi()).append(')');
        }
        if (!l.amount().equals(l.gross())) {
            sb.append(" = ").append(l.amount().formatVi());
        }
        return sb.toString();
    }
}
