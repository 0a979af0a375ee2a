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
import io.github.motcua.rules.spi.PartJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stable JSON shape (as plain values) and the text of the built-in deadline and fee parts, written
 * here once. Every key is always present. Thread-safe (stateless).
 */
final class DecisionSections {
    /** Date and hour patterns of the text summary, each language's (the bundle's {@code text.pattern.*}). */
    private static final DateTimeFormatter DAY_VI = DateTimeFormatter.ofPattern(Msg.vi("text.pattern.day"), Locale.ROOT);
    private static final DateTimeFormatter HOUR_VI = DateTimeFormatter.ofPattern(Msg.vi("text.pattern.hour"), Locale.ROOT);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern(Msg.en("text.pattern.day"), Locale.ROOT);
    private static final DateTimeFormatter HOUR_EN = DateTimeFormatter.ofPattern(Msg.en("text.pattern.hour"), Locale.ROOT);

    private DecisionSections() {
    }

    /** The deadline part. */
    static Map<String, Object> deadline(DeadlineResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("due", PartJson.instant(r.due()));
        o.put("effectiveStart", PartJson.instant(r.effectiveStart()));
        o.put("receiptDay", r.receiptDay() == null ? null : r.receiptDay().toString());
        Map<String, Object> limit = new LinkedHashMap<>();
        if (r.limit() != null) {
            limit.put("amount", r.limit().amount());
            limit.put("unit", r.limit().unit().name());
            limit.put("labelVi", r.limit().labelVi());
        }
        o.put("limit", limit);
        o.put("workingDaysCounted", r.workingDaysCounted());
        o.put("pausedWorkingDays", r.pausedWorkingDays());
        List<Object> applied = new ArrayList<>();
        for (DeadlineAdjustment a : r.applied()) {
            applied.add(adjustment(a));
        }
        o.put("applied", applied);
        List<Object> steps = new ArrayList<>();
        for (StepDue s : r.steps()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", s.step().id());
            x.put("role", s.step().role());
            x.put("nameVi", s.step().nameVi());
            // the inter-agency keys only where the pack declares them (steps of the shape before them print as before)
            if (s.step().unit() != null) {
                x.put("unit", s.step().unit());
            }
            if (!s.step().counted()) {
                x.put("counted", false);
                Map<String, Object> budget = new LinkedHashMap<>();
                budget.put("amount", s.step().budget().amount());
                budget.put("unit", s.step().budget().unit().name());
                x.put("budget", budget);
            }
            if (s.step().basis() != null) {
                x.put("basis", PartJson.basis(s.step().basis()));
            }
            if (!s.step().verified()) {
                x.put("verified", false);
            }
            if (s.step().note() != null) {
                x.put("note", s.step().note());
            }
            x.put("start", PartJson.instant(s.start()));
            x.put("due", PartJson.instant(s.due()));
            steps.add(x);
        }
        o.put("steps", steps);
        List<Object> bases = new ArrayList<>();
        for (LegalBasis b : r.countingBases()) {
            bases.add(PartJson.basis(b));
        }
        o.put("countingBases", bases);
        if (r.rescheduling() == null) {
            o.put("rescheduling", null);
        } else {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("previousDue", PartJson.instant(r.rescheduling().previousDue()));
            x.put("newDue", PartJson.instant(r.rescheduling().newDue()));
            x.put("issuedAt", r.rescheduling().issuedAt().toString());
            x.put("reasonVi", r.rescheduling().reasonVi());
            x.put("noticeInTime", r.rescheduling().noticeInTime());
            x.put("basis", PartJson.basis(r.rescheduling().basis()));
            o.put("rescheduling", x);
        }
        return o;
    }

    /**
     * One deadline adjustment, the shape of both {@code deadline.applied[]} and the decision's
     * {@code deadlineAdjustments[]}; {@code reasonEn} is {@code ""} when the rule gave the reason in Vietnamese only.
     */
    static Map<String, Object> adjustment(DeadlineAdjustment a) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("kind", a.kind().name());
        x.put("amount", a.limit() == null ? null : a.limit().amount());
        x.put("unit", a.limit() == null ? null : a.limit().unit().name());
        x.put("from", a.from() == null ? null : a.from().toString());
        x.put("to", a.to() == null ? null : a.to().toString());
        x.put("reasonVi", a.reasonVi());
        x.put("reasonEn", a.reasonEn());
        x.put("rule", a.rule());
        x.put("basis", PartJson.basis(a.basis()));
        return x;
    }

    /** The fee part. */
    static Map<String, Object> fees(FeeAssessment f) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("total", f.total().dong());
        o.put("totalVi", f.total().formatVi());
        List<Object> lines = new ArrayList<>();
        for (FeeLine l : f.lines()) {
            Map<String, Object> x = new LinkedHashMap<>();
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
            x.put("source", l.source() == null ? "" : l.source().toString());
            x.put("verified", l.verified());
            x.put("basis", PartJson.basis(l.basis()));
            List<Object> adj = new ArrayList<>();
            for (FeeAdjustment a : l.adjustments()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("kind", a.kind().name());
                y.put("percent", a.percent());
                y.put("amount", a.amount().dong());
                y.put("reasonVi", a.reasonVi());
                y.put("reasonEn", a.reasonEn());
                y.put("source", a.source().toString());
                y.put("basis", PartJson.basis(a.basis()));
                adj.add(y);
            }
            x.put("adjustments", adj);
            lines.add(x);
        }
        o.put("lines", lines);
        return o;
    }

    /** "ngày 12/01/2026, lúc 17 giờ 00 (Thứ Hai)". */
    static String dueVi(ZonedDateTime due) {
        return Msg.vi("text.due", "day", DAY_VI.format(due), "hour", HOUR_VI.format(due), "weekday", weekdayVi(due));
    }

    /** "09 giờ 00 ngày 04/03/2026": an instant in the deadline's local time ({@code zone}, the pack's). */
    static String atVi(java.time.Instant t, java.time.ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return Msg.vi("text.at", "hour", HOUR_VI.format(z), "day", DAY_VI.format(z));
    }

    /** "09:00 on 2026-03-04": the same local time as {@link #atVi}, with the English bundle's patterns. */
    static String atEn(java.time.Instant t, java.time.ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return Msg.en("text.at", "hour", HOUR_EN.format(z), "day", DAY_EN.format(z));
    }

    static String weekdayVi(ZonedDateTime t) {
        return Msg.vi(weekdayKey(t));
    }

    private static String weekdayKey(ZonedDateTime t) {
        return switch (t.getDayOfWeek()) {
            case MONDAY -> "text.weekday.MONDAY";
            case TUESDAY -> "text.weekday.TUESDAY";
            case WEDNESDAY -> "text.weekday.WEDNESDAY";
            case THURSDAY -> "text.weekday.THURSDAY";
            case FRIDAY -> "text.weekday.FRIDAY";
            case SATURDAY -> "text.weekday.SATURDAY";
            case SUNDAY -> "text.weekday.SUNDAY";
        };
    }

    static void textVi(DeadlineResult r, StringBuilder sb) {
        sb.append(Msg.vi("text.deadline")).append(":\n");
        TimeLimit l = r.limit();
        if (l != null) {
            sb.append("  - ").append(Msg.vi("text.deadline.limit")).append(": ").append(l.labelVi()).append('\n');
        }
        sb.append("  - ").append(Msg.vi("text.deadline.from")).append(": ").append(dueVi(r.effectiveStart())).append('\n');
        sb.append("  - ").append(Msg.vi("text.deadline.due")).append(": ").append(dueVi(r.due())).append('\n');
        sb.append("  - ").append(Msg.vi("text.deadline.counted", "days", String.valueOf(r.workingDaysCounted())));
        if (r.pausedWorkingDays() > 0) {
            sb.append(' ').append(Msg.vi("text.deadline.paused", "days", String.valueOf(r.pausedWorkingDays())));
        }
        sb.append('\n');
        for (DeadlineAdjustment a : r.applied()) {
            String what = switch (a.kind()) {
                case EXTEND -> Msg.vi("text.deadline.extend", "limit", a.limit().labelVi());
                case REPLACE -> Msg.vi("text.deadline.replace", "limit", a.limit().labelVi());
                case PAUSE -> a.isInterval() ? Msg.vi("text.deadline.notCounted", "from", atVi(a.from(), r.due().getZone()), "to", atVi(a.to(), r.due().getZone()))
                        : Msg.vi("text.deadline.pause", "limit", a.limit().labelVi());
            };
            sb.append("  - ").append(what).append(": ").append(a.reasonVi()).append(cite(a.basis())).append('\n');
        }
        if (r.rescheduling() != null) {
            sb.append("  - ").append(Msg.vi("text.deadline.rescheduled")).append(": ").append(dueVi(r.rescheduling().newDue())).append(" — ")
                    .append(r.rescheduling().reasonVi()).append('\n');
        }
    }

    static void textVi(FeeAssessment f, StringBuilder sb) {
        sb.append(Msg.vi("text.fees")).append(":\n");
        if (f.lines().isEmpty()) {
            sb.append("  - ").append(Msg.vi("text.fees.none")).append('\n');
        }
        for (FeeLine l : f.lines()) {
            sb.append("  - ").append(l.descriptionVi());
            if (l.tariffVi() != null && !l.tariffVi().isBlank()) {
                sb.append(" (").append(l.tariffVi()).append(')');
            }
            if (l.copies() > 1) {
                sb.append(' ').append(Msg.vi("text.fees.copies", "copies", String.valueOf(l.copies())));
            }
            sb.append(": ").append(l.amount().formatVi()).append(cite(l.basis())).append('\n');
            for (FeeAdjustment a : l.adjustments()) {
                sb.append("      ").append(a.kind() == FeeAdjustment.Kind.EXEMPT ? Msg.vi("text.fees.exempt")
                        : Msg.vi("text.fees.reduced", "percent", String.valueOf(a.percent())))
                        .append(" (").append(a.reasonVi()).append("): −").append(a.amount().formatVi())
                        .append(cite(a.basis())).append('\n');
            }
        }
        sb.append("  ").append(Msg.vi("text.fees.total")).append(": ").append(f.total().formatVi()).append('\n');
    }

    /** "2026-01-12 17:00 (Monday)". */
    private static String dueEn(ZonedDateTime due) {
        return Msg.en("text.due", "day", DAY_EN.format(due), "hour", HOUR_EN.format(due), "weekday", Msg.en(weekdayKey(due)));
    }

    static void textEn(DeadlineResult r, StringBuilder sb) {
        sb.append(Msg.en("text.deadline")).append(":\n");
        if (r.limit() != null) {
            sb.append("  - ").append(Msg.en("text.deadline.limit")).append(": ").append(r.limit().labelEn()).append('\n');
        }
        sb.append("  - ").append(Msg.en("text.deadline.from")).append(": ").append(dueEn(r.effectiveStart())).append('\n');
        sb.append("  - ").append(Msg.en("text.deadline.due")).append(": ").append(dueEn(r.due())).append('\n');
        sb.append("  - ").append(Msg.en("text.deadline.counted", "days", String.valueOf(r.workingDaysCounted())));
        if (r.pausedWorkingDays() > 0) {
            sb.append(' ').append(Msg.en("text.deadline.paused", "days", String.valueOf(r.pausedWorkingDays())));
        }
        sb.append('\n');
        for (DeadlineAdjustment a : r.applied()) {
            String what = switch (a.kind()) {
                case EXTEND -> Msg.en("text.deadline.extend", "limit", a.limit().labelEn());
                case REPLACE -> Msg.en("text.deadline.replace", "limit", a.limit().labelEn());
                case PAUSE -> a.isInterval() ? Msg.en("text.deadline.notCounted", "from", atEn(a.from(), r.due().getZone()), "to", atEn(a.to(), r.due().getZone()))
                        : Msg.en("text.deadline.pause", "limit", a.limit().labelEn());
            };
            // a reason given in Vietnamese only (a rule without English words): shown, and said to be Vietnamese
            sb.append("  - ").append(what).append(": ").append(a.hasReason(Locale.ENGLISH) ? a.reasonEn()
                    : Msg.en("text.deadline.reasonViOnly", "reason", a.reasonVi()))
                    .append(PartJson.cite(a.basis(), Locale.ENGLISH)).append('\n');
        }
        if (r.rescheduling() != null) {
            sb.append("  - ").append(Msg.en("text.deadline.rescheduled")).append(": ").append(dueEn(r.rescheduling().newDue())).append(" — ")
                    .append(r.rescheduling().reasonVi()).append('\n');
        }
    }

    static void textEn(FeeAssessment f, StringBuilder sb) {
        sb.append(Msg.en("text.fees")).append(":\n");
        if (f.lines().isEmpty()) {
            sb.append("  - ").append(Msg.en("text.fees.none")).append('\n');
        }
        for (FeeLine l : f.lines()) {
            sb.append("  - ").append(l.descriptionEn().isBlank() ? l.descriptionVi() : l.descriptionEn());
            if (l.hasTariff(Locale.ENGLISH)) {
                sb.append(" (").append(l.tariffEn()).append(')');
            } else if (!l.tariffVi().isBlank()) {
                // a line without English words (built by hand): the Vietnamese tariff, said to be Vietnamese
                sb.append(" (").append(Msg.en("text.fees.tariffViOnly", "tariff", l.tariffVi())).append(')');
            }
            if (l.copies() > 1) {
                sb.append(' ').append(Msg.en("text.fees.copies", "copies", String.valueOf(l.copies())));
            }
            sb.append(": ").append(l.amount().formatEn()).append(PartJson.cite(l.basis(), Locale.ENGLISH)).append('\n');
            for (FeeAdjustment a : l.adjustments()) {
                sb.append("      ").append(a.kind() == FeeAdjustment.Kind.EXEMPT ? Msg.en("text.fees.exempt")
                        : Msg.en("text.fees.reduced", "percent", String.valueOf(a.percent())))
                        .append(" (").append(a.reasonEn() != null ? a.reasonEn() : a.reasonVi()).append("): −")
                        .append(a.amount().formatEn()).append(PartJson.cite(a.basis(), Locale.ENGLISH)).append('\n');
            }
        }
        sb.append("  ").append(Msg.en("text.fees.total")).append(": ").append(f.total().formatEn()).append('\n');
    }

    private static String cite(LegalBasis b) {
        return b == null ? "" : " [" + b.citationVi() + "]";
    }
}
