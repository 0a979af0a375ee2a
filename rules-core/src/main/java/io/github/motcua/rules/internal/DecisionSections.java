package io.github.motcua.rules.internal;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.calendar.StepDue;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.fees.FeeAdjustment;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.law.LegalBasis;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stable JSON shape and the Vietnamese text of a decision's deadline and fee sections. Every key
 * is always present. Thread-safe (stateless).
 */
final class DecisionSections {
    private static final DateTimeFormatter DAY_VI = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter HOUR_VI = DateTimeFormatter.ofPattern("HH 'giờ' mm", Locale.ROOT);

    private DecisionSections() {
    }

    static ObjectNode deadline(DeadlineResult r) {
        ObjectNode o = DossierJson.JSON.createObjectNode();
        o.put("due", r.due().toOffsetDateTime().toString());
        o.put("effectiveStart", r.effectiveStart().toOffsetDateTime().toString());
        o.put("receiptDay", r.receiptDay() == null ? null : r.receiptDay().toString());
        ObjectNode limit = o.putObject("limit");
        if (r.limit() != null) {
            limit.put("amount", r.limit().amount());
            limit.put("unit", r.limit().unit().name());
            limit.put("labelVi", r.limit().labelVi());
        }
        o.put("workingDaysCounted", r.workingDaysCounted());
        o.put("pausedWorkingDays", r.pausedWorkingDays());
        ArrayNode applied = o.putArray("applied");
        for (DeadlineAdjustment a : r.applied()) {
            ObjectNode x = applied.addObject();
            x.put("kind", a.kind().name());
            x.put("amount", a.limit() == null ? null : a.limit().amount());
            x.put("unit", a.limit() == null ? null : a.limit().unit().name());
            x.put("from", a.from() == null ? null : a.from().toString());
            x.put("to", a.to() == null ? null : a.to().toString());
            x.put("reasonVi", a.reasonVi());
            x.put("rule", a.rule());
            x.set("basis", DecisionJson.basis(a.basis()));
        }
        ArrayNode steps = o.putArray("steps");
        for (StepDue s : r.steps()) {
            ObjectNode x = steps.addObject();
            x.put("id", s.step().id());
            x.put("role", s.step().role());
            x.put("nameVi", s.step().nameVi());
            x.put("start", s.start().toOffsetDateTime().toString());
            x.put("due", s.due().toOffsetDateTime().toString());
        }
        ArrayNode bases = o.putArray("countingBases");
        for (LegalBasis b : r.countingBases()) {
            bases.add(DecisionJson.basis(b));
        }
        if (r.rescheduling() == null) {
            o.putNull("rescheduling");
        } else {
            ObjectNode x = o.putObject("rescheduling");
            x.put("previousDue", r.rescheduling().previousDue().toOffsetDateTime().toString());
            x.put("newDue", r.rescheduling().newDue().toOffsetDateTime().toString());
            x.put("issuedAt", r.rescheduling().issuedAt().toString());
            x.put("reasonVi", r.rescheduling().reasonVi());
            x.put("noticeInTime", r.rescheduling().noticeInTime());
            x.set("basis", DecisionJson.basis(r.rescheduling().basis()));
        }
        return o;
    }

    static ObjectNode fees(FeeAssessment f) {
        ObjectNode o = DossierJson.JSON.createObjectNode();
        o.put("total", f.total().dong());
        o.put("totalVi", f.total().formatVi());
        ArrayNode lines = o.putArray("lines");
        for (FeeLine l : f.lines()) {
            ObjectNode x = lines.addObject();
            x.put("item", l.item());
            x.put("kind", l.kind() == null ? null : l.kind().name());
            x.put("descriptionVi", l.descriptionVi());
            x.put("descriptionEn", l.descriptionEn());
            x.put("tariffVi", l.tariffVi());
            x.put("quantity", l.quantity());
            x.put("copies", l.copies());
            x.put("gross", l.gross() == null ? null : l.gross().dong());
            x.put("capPerCopy", l.capPerCopy() == null ? null : l.capPerCopy().dong());
            x.put("amount", l.amount().dong());
            x.put("source", l.source());
            x.put("verified", l.verified());
            x.set("basis", DecisionJson.basis(l.basis()));
            ArrayNode adj = x.putArray("adjustments");
            for (FeeAdjustment a : l.adjustments()) {
                ObjectNode y = adj.addObject();
                y.put("kind", a.kind().name());
                y.put("percent", a.percent());
                y.put("amount", a.amount().dong());
                y.put("reasonVi", a.reasonVi());
                y.put("reasonEn", a.reasonEn());
                y.put("source", a.source());
                y.set("basis", DecisionJson.basis(a.basis()));
            }
        }
        return o;
    }

    /** "ngày 12/01/2026, lúc 17 giờ 00 (Thứ Hai)". */
    static String dueVi(ZonedDateTime due) {
        return "ngày " + DAY_VI.format(due) + ", lúc " + HOUR_VI.format(due) + " (" + weekdayVi(due) + ")";
    }

    /** "09 giờ 00 ngày 04/03/2026", in Vietnam time. */
    static String atVi(java.time.Instant t) {
        ZonedDateTime z = t.atZone(io.github.motcua.calendar.WorkingCalendar.VIETNAM);
        return HOUR_VI.format(z) + " ngày " + DAY_VI.format(z);
    }

    static String weekdayVi(ZonedDateTime t) {
        return switch (t.getDayOfWeek()) {
            case MONDAY -> "Thứ Hai";
            case TUESDAY -> "Thứ Ba";
            case WEDNESDAY -> "Thứ Tư";
            case THURSDAY -> "Thứ Năm";
            case FRIDAY -> "Thứ Sáu";
            case SATURDAY -> "Thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }

    static void textVi(DeadlineResult r, StringBuilder sb) {
        sb.append("Thời hạn giải quyết:\n");
        TimeLimit l = r.limit();
        if (l != null) {
            sb.append("  - Thời hạn: ").append(l.labelVi()).append('\n');
        }
        sb.append("  - Tính từ: ").append(dueVi(r.effectiveStart())).append('\n');
        sb.append("  - Ngày hẹn trả kết quả: ").append(dueVi(r.due())).append('\n');
        sb.append(String.format(Locale.ROOT, "  - Số ngày làm việc đã tính: %d", r.workingDaysCounted()));
        if (r.pausedWorkingDays() > 0) {
            sb.append(String.format(Locale.ROOT, " (không tính %d ngày làm việc tạm dừng)", r.pausedWorkingDays()));
        }
        sb.append('\n');
        for (DeadlineAdjustment a : r.applied()) {
            String what = switch (a.kind()) {
                case EXTEND -> "Gia hạn thêm " + a.limit().labelVi();
                case REPLACE -> "Thay thời hạn bằng " + a.limit().labelVi();
                case PAUSE -> a.isInterval() ? "Không tính thời gian từ " + atVi(a.from()) + " đến " + atVi(a.to())
                        : "Tạm dừng " + a.limit().labelVi();
            };
            sb.append("  - ").append(what).append(": ").append(a.reasonVi()).append(cite(a.basis())).append('\n');
        }
        if (r.rescheduling() != null) {
            sb.append("  - Hẹn lại ngày trả: ").append(dueVi(r.rescheduling().newDue())).append(" — ")
                    .append(r.rescheduling().reasonVi()).append('\n');
        }
    }

    static void textVi(FeeAssessment f, StringBuilder sb) {
        sb.append("Phí, lệ phí:\n");
        if (f.lines().isEmpty()) {
            sb.append("  - Không thu phí, lệ phí\n");
        }
        for (FeeLine l : f.lines()) {
            sb.append("  - ").append(l.descriptionVi());
            if (l.tariffVi() != null && !l.tariffVi().isBlank()) {
                sb.append(" (").append(l.tariffVi()).append(')');
            }
            if (l.copies() > 1) {
                sb.append(String.format(Locale.ROOT, " × %d bản", l.copies()));
            }
            sb.append(": ").append(l.amount().formatVi()).append(cite(l.basis())).append('\n');
            for (FeeAdjustment a : l.adjustments()) {
                sb.append("      ").append(a.kind() == FeeAdjustment.Kind.EXEMPT ? "Miễn" : "Giảm " + a.percent() + "%")
                        .append(" (").append(a.reasonVi()).append("): −").append(a.amount().formatVi())
                        .append(cite(a.basis())).append('\n');
            }
        }
        sb.append("  Tổng cộng: ").append(f.total().formatVi()).append('\n');
    }

    private static String cite(LegalBasis b) {
        return b == null ? "" : " [" + b.citationVi() + "]";
    }
}
