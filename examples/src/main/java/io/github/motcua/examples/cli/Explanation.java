package io.github.motcua.examples.cli;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.calendar.DeadlineUnit;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.fees.FeeAdjustment;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeDirective;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Procedure;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The readable explanation of a decision ({@code explain}): the outcome, every fired rule with its
 * file:line and legal basis, every reason and note, every deadline adjustment and every fee
 * exemption or reduction with its basis. Vietnamese unless {@code en}. Stateless and thread-safe.
 */
final class Explanation {
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy", Locale.ROOT);

    private Explanation() {
    }

    static String of(Decision d, Procedure p, boolean en) {
        StringBuilder sb = new StringBuilder();
        sb.append(en ? "Procedure: " : "Thủ tục: ").append(d.procedure());
        if (p != null) {
            sb.append(" — ").append(en ? p.name().enOrVi() : p.name().vi());
        }
        sb.append('\n');
        sb.append(en ? "Outcome: " : "Kết quả: ").append(switch (d.eligibility()) {
            case ELIGIBLE -> en ? "ELIGIBLE" : "ĐỦ ĐIỀU KIỆN";
            case INELIGIBLE -> en ? "NOT ELIGIBLE" : "KHÔNG ĐỦ ĐIỀU KIỆN";
            case INDETERMINATE -> en ? "NOT DETERMINED" : "CHƯA XÁC ĐỊNH ĐƯỢC";
            case NOT_ASSESSED -> en ? "CONDITIONS NOT ASSESSED" : "CHƯA ĐÁNH GIÁ ĐIỀU KIỆN";
            case WRONG_UNIT -> en ? "NOT RECEIVED AT THIS UNIT" : "KHÔNG TIẾP NHẬN TẠI ĐƠN VỊ NÀY";
        }).append('\n');
        if (d.routing() != null) {
            Decision.Routing r = d.routing();
            sb.append(en ? "Receipt: " : "Tiếp nhận: ").append(en ? r.messageEn() : r.messageVi()).append('\n');
        }
        if (d.commitment() != null) {
            Decision.Commitment c = d.commitment();
            sb.append(en ? "Time limit: law's maximum " : "Thời hạn: tối đa theo quy định ").append(c.maximum().labelVi())
                    .append(en ? "; province's commitment " : "; cam kết của tỉnh ").append(c.labelVi())
                    .append(c.cutPercent() == null ? "" : " (−" + c.cutPercent().toPlainString() + "%)").append('\n');
        }
        if (d.cause() != null) {
            Decision.Cause c = d.cause();
            sb.append(en ? "Why not determined: " : "Vì sao chưa xác định được: ").append(en ? c.messageEn() : c.messageVi());
            if (c.file() != null) {
                sb.append(" (").append(c.file()).append(':').append(c.line()).append(')');
            }
            sb.append('\n');
        }

        sb.append('\n').append(en ? "Rules applied, in order:" : "Các quy tắc đã áp dụng, theo thứ tự:").append('\n');
        if (d.trace().isEmpty()) {
            sb.append(en ? "  (no rule fired)" : "  (không có quy tắc nào được áp dụng)").append('\n');
        }
        int n = 0;
        for (Decision.TraceStep t : d.trace()) {
            sb.append("  ").append(++n).append(". ").append(t.rule()).append('\n');
            sb.append("     ").append(en ? "where: " : "vị trí: ").append(t.file());
            if (t.line() > 0) {
                sb.append(':').append(t.line());
            }
            sb.append('\n');
            sb.append("     ").append(en ? "basis: " : "căn cứ: ").append(cite(t.basis(), en)).append('\n');
        }

        if (!d.reasons().isEmpty()) {
            sb.append('\n').append(en ? "Reasons:" : "Lý do không đủ điều kiện:").append('\n');
            for (Decision.Reason r : d.reasons()) {
                sb.append("  - ").append(en && r.messageEn() != null ? r.messageEn() : r.messageVi()).append('\n');
                sb.append("    ").append(en ? "basis: " : "căn cứ: ").append(cite(r.basis(), en));
                sb.append(en ? " (rule " : " (quy tắc ").append(quoted(r.rule())).append(")\n");
            }
        }
        if (!d.notes().isEmpty()) {
            sb.append('\n').append(en ? "Notes:" : "Ghi chú:").append('\n');
            for (Decision.Note x : d.notes()) {
                sb.append("  - ").append(en && x.messageEn() != null ? x.messageEn() : x.messageVi()).append('\n');
                sb.append("    ").append(en ? "basis: " : "căn cứ: ").append(cite(x.basis(), en)).append('\n');
            }
        }

        deadline(sb, d, en);
        fees(sb, d, en);

        Decision.Provenance pv = d.provenance();
        sb.append('\n').append(String.format(Locale.ROOT, en ? "Pack %s %s (sha256 %s), rules as of %s\n"
                : "Bộ quy tắc %s %s (sha256 %s), áp dụng luật ngày %s\n", pv.packId(), pv.packVersion(),
                pv.packSha256() == null ? "?" : pv.packSha256().substring(0, Math.min(12, pv.packSha256().length())),
                pv.asOf()));
        return sb.toString();
    }

    private static void deadline(StringBuilder sb, Decision d, boolean en) {
        DeadlineResult r = d.deadline();
        List<DeadlineAdjustment> adjustments = r != null ? r.applied() : d.deadlineAdjustments();
        sb.append('\n').append(en ? "Deadline:" : "Thời hạn giải quyết:").append('\n');
        if (r == null) {
            sb.append(en ? "  not computed (the calendar is not wired into this engine)"
                    : "  chưa tính (bộ lịch chưa được tích hợp vào bộ máy)").append('\n');
        } else {
            if (r.limit() != null) {
                sb.append("  ").append(en ? "limit counted: " : "thời hạn tính: ").append(limit(r.limit(), en)).append('\n');
            }
            sb.append("  ").append(en ? "clock starts: " : "bắt đầu tính: ").append(DUE.format(r.effectiveStart())).append('\n');
            sb.append("  ").append(en ? "result due: " : "hẹn trả kết quả: ").append(DUE.format(r.due())).append('\n');
            for (LegalBasis b : r.countingBases()) {
                sb.append("  ").append(en ? "counting rule: " : "cách tính: ").append(cite(b, en)).append('\n');
            }
        }
        if (adjustments.isEmpty()) {
            sb.append(en ? "  no adjustment" : "  không có điều chỉnh thời hạn").append('\n');
        }
        for (DeadlineAdjustment a : adjustments) {
            sb.append("  - ").append(adjustment(a, en)).append(": ").append(a.reasonVi()).append('\n');
            sb.append("    ").append(en ? "basis: " : "căn cứ: ").append(cite(a.basis(), en));
            if (a.rule() != null) {
                sb.append(en ? " (rule " : " (quy tắc ").append(quoted(a.rule())).append(')');
            }
            sb.append('\n');
        }
    }

    private static String adjustment(DeadlineAdjustment a, boolean en) {
        String amount = a.limit() == null ? "" : " " + limit(a.limit(), en);
        return switch (a.kind()) {
            case EXTEND -> (en ? "extended by" : "gia hạn thêm") + amount;
            case REPLACE -> (en ? "limit replaced by" : "thay thời hạn bằng") + amount;
            case PAUSE -> a.isInterval()
                    ? (en ? "clock stopped from " : "không tính thời gian từ ") + a.from() + (en ? " to " : " đến ") + a.to()
                    : (en ? "clock stopped for" : "không tính thời gian") + amount;
        };
    }

    private static void fees(StringBuilder sb, Decision d, boolean en) {
        FeeAssessment f = d.fees();
        sb.append('\n').append(en ? "Fees and charges:" : "Phí, lệ phí:").append('\n');
        if (f == null) {
            sb.append(en ? "  not computed (the fee tables are not wired into this engine)"
                    : "  chưa tính (biểu phí chưa được tích hợp vào bộ máy)").append('\n');
            for (FeeDirective x : d.feeDirectives()) {
                sb.append("  - ").append(directive(x, en)).append(": ").append(x.reasonVi()).append('\n');
                sb.append("    ").append(en ? "basis: " : "căn cứ: ").append(cite(x.basis(), en));
                sb.append(en ? " (rule " : " (quy tắc ").append(quoted(x.rule())).append(")\n");
            }
            return;
        }
        if (f.lines().isEmpty()) {
            sb.append(en ? "  none" : "  không thu").append('\n');
        }
        for (FeeLine l : f.lines()) {
            sb.append("  - ").append(en && !l.descriptionEn().isEmpty() ? l.descriptionEn() : l.descriptionVi()).append(": ")
                    .append(en ? l.amount().formatEn() : l.amount().formatVi());
            if (!l.tariffVi().isEmpty()) {
                sb.append(" (").append(en ? "tariff " : "mức thu ").append(l.tariffVi()).append(')');
            }
            sb.append('\n');
            sb.append("    ").append(en ? "basis: " : "căn cứ: ").append(cite(l.basis(), en)).append('\n');
            for (FeeAdjustment a : l.adjustments()) {
                sb.append("    ").append(a.kind() == FeeAdjustment.Kind.EXEMPT ? (en ? "exempted" : "miễn")
                        : String.format(Locale.ROOT, en ? "reduced by %d%%" : "giảm %d%%", a.percent()))
                        .append(": ").append(en && !a.reasonEn().isEmpty() ? a.reasonEn() : a.reasonVi())
                        .append(en ? " — basis: " : " — căn cứ: ").append(cite(a.basis(), en))
                        .append(" [").append(a.source()).append("]\n");
            }
        }
        sb.append("  ").append(en ? "total: " : "tổng cộng: ").append(en ? f.total().formatEn() : f.total().formatVi())
                .append('\n');
    }

    private static String directive(FeeDirective x, boolean en) {
        return switch (x.kind()) {
            case ADD -> (en ? "charge " : "thu ") + x.item();
            case EXEMPT -> (en ? "exempt " : "miễn ") + x.item();
            case REDUCE -> String.format(Locale.ROOT, en ? "reduce %s by %d%%" : "giảm %2$d%% khoản %1$s", x.item(), x.percent());
        };
    }

    static String limit(TimeLimit t, boolean en) {
        if (!en) {
            return t.labelVi();
        }
        return t.unit() == DeadlineUnit.SAME_DAY ? "within the day" : t.amount() + " " + switch (t.unit()) {
            case WORKING_DAYS -> "working day(s)";
            case WORKING_HOURS -> "working hour(s)";
            default -> "day(s)";
        };
    }

    private static String cite(LegalBasis b, boolean en) {
        if (b == null) {
            return en ? "(none cited)" : "(không nêu căn cứ)";
        }
        return (en ? b.citationEn() : b.citationVi()) + " [" + b.id() + "]";
    }

    private static String quoted(String s) {
        return s == null ? "?" : "\u201C" + s + "\u201D";
    }
}
