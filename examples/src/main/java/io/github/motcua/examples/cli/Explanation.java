package io.github.motcua.examples.cli;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.fees.FeeAdjustment;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeDirective;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.kernel.Messages;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Procedure;
import java.util.List;
import java.util.Locale;

/**
 * The readable explanation of a decision ({@code explain}): the outcome, every fired rule with its
 * file:line and legal basis, every reason and note, every deadline adjustment and every fee
 * exemption or reduction with its basis. Vietnamese unless {@code en}. Stateless and thread-safe.
 */
final class Explanation {

    private Explanation() {
    }

    static String of(Decision d, Procedure p, boolean en) {
        StringBuilder sb = new StringBuilder();
        sb.append(t(en, "CLI_EX_PROCEDURE", "code", d.procedure()));
        if (p != null) {
            sb.append(" — ").append(en ? p.name().enOrVi() : p.name().vi());
        }
        sb.append('\n');
        sb.append(t(en, "CLI_EX_OUTCOME", "outcome", t(en, switch (d.eligibility()) {
            case ELIGIBLE -> "CLI_OUTCOME_ELIGIBLE";
            case INELIGIBLE -> "CLI_OUTCOME_INELIGIBLE";
            case INDETERMINATE -> "CLI_OUTCOME_INDETERMINATE";
            case NOT_ASSESSED -> "CLI_OUTCOME_NOT_ASSESSED";
            case WRONG_UNIT -> "CLI_OUTCOME_WRONG_UNIT";
        }))).append('\n');
        if (d.routing() != null) {
            Decision.Routing r = d.routing();
            sb.append(t(en, "CLI_EX_RECEIPT", "message", en ? r.messageEn() : r.messageVi())).append('\n');
        }
        if (d.commitment() != null) {
            Decision.Commitment c = d.commitment();
            sb.append(t(en, "CLI_EX_COMMITMENT", "maximum", c.maximum().labelVi(), "commitment", c.labelVi()))
                    .append(c.cutPercent() == null ? "" : " (−" + c.cutPercent().toPlainString() + "%)").append('\n');
        }
        if (d.cause() != null) {
            Decision.Cause c = d.cause();
            sb.append(t(en, "CLI_EX_WHY", "message", en ? c.messageEn() : c.messageVi()));
            if (c.file() != null) {
                sb.append(" (").append(c.file()).append(':').append(c.line()).append(')');
            }
            sb.append('\n');
        }

        sb.append('\n').append(t(en, "CLI_EX_RULES")).append('\n');
        if (d.trace().isEmpty()) {
            sb.append("  ").append(t(en, "CLI_EX_NO_RULE")).append('\n');
        }
        int n = 0;
        for (Decision.TraceStep step : d.trace()) {
            sb.append("  ").append(++n).append(". ").append(step.rule()).append('\n');
            sb.append("     ").append(t(en, "CLI_EX_WHERE", "file", step.line() > 0 ? step.file() + ":" + step.line() : step.file()));
            sb.append('\n');
            sb.append("     ").append(basis(step.basis(), en)).append('\n');
        }

        if (!d.reasons().isEmpty()) {
            sb.append('\n').append(t(en, "CLI_EX_REASONS")).append('\n');
            for (Decision.Reason r : d.reasons()) {
                sb.append("  - ").append(en && r.messageEn() != null ? r.messageEn() : r.messageVi()).append('\n');
                sb.append("    ").append(basis(r.basis(), en)).append(byRule(r.rule(), en)).append('\n');
            }
        }
        if (!d.notes().isEmpty()) {
            sb.append('\n').append(t(en, "CLI_EX_NOTES")).append('\n');
            for (Decision.Note x : d.notes()) {
                sb.append("  - ").append(en && x.messageEn() != null ? x.messageEn() : x.messageVi()).append('\n');
                sb.append("    ").append(basis(x.basis(), en)).append('\n');
            }
        }

        deadline(sb, d, en);
        fees(sb, d, en);

        Decision.Provenance pv = d.provenance();
        sb.append('\n').append(t(en, "CLI_EX_PROVENANCE", "id", pv.packId(), "version", pv.packVersion(), "sha256",
                pv.packSha256() == null ? "?" : pv.packSha256().substring(0, Math.min(12, pv.packSha256().length())),
                "asOf", pv.asOf())).append('\n');
        return sb.toString();
    }

    private static void deadline(StringBuilder sb, Decision d, boolean en) {
        DeadlineResult r = d.deadline();
        List<DeadlineAdjustment> adjustments = r != null ? r.applied() : d.deadlineAdjustments();
        sb.append('\n').append(t(en, "CLI_EX_DEADLINE")).append('\n');
        if (r == null) {
            sb.append("  ").append(t(en, "CLI_EX_NO_CALENDAR")).append('\n');
        } else {
            if (r.limit() != null) {
                sb.append("  ").append(t(en, "CLI_EX_LIMIT", "limit", limit(r.limit(), en))).append('\n');
            }
            sb.append("  ").append(t(en, "CLI_EX_START", "at", CliMessages.time(en).format(r.effectiveStart()))).append('\n');
            sb.append("  ").append(t(en, "CLI_EX_DUE", "at", CliMessages.time(en).format(r.due()))).append('\n');
            for (LegalBasis b : r.countingBases()) {
                sb.append("  ").append(t(en, "CLI_EX_COUNTING", "basis", cite(b, en))).append('\n');
            }
        }
        if (adjustments.isEmpty()) {
            sb.append("  ").append(t(en, "CLI_EX_NO_ADJUSTMENT")).append('\n');
        }
        for (DeadlineAdjustment a : adjustments) {
            // a paused interval in the deadline's local time, as the start and the due above
            java.time.ZoneId zone = r != null ? r.due().getZone() : io.github.motcua.calendar.WorkingCalendar.VIETNAM;
            // a reason the rule gave in Vietnamese only is shown as it is, and said to be Vietnamese
            String reason = !en ? a.reasonVi() : a.hasReason(java.util.Locale.ENGLISH) ? a.reasonEn()
                    : t(true, "CLI_EX_REASON_VI_ONLY", "reason", a.reasonVi());
            sb.append("  - ").append(adjustment(a, en, zone)).append(": ").append(reason).append('\n');
            sb.append("    ").append(basis(a.basis(), en));
            if (a.rule() != null) {
                sb.append(byRule(a.rule(), en));
            }
            sb.append('\n');
        }
    }

    private static String adjustment(DeadlineAdjustment a, boolean en, java.time.ZoneId zone) {
        String amount = a.limit() == null ? "" : " " + limit(a.limit(), en);
        return switch (a.kind()) {
            case EXTEND -> t(en, "CLI_EX_EXTEND", "amount", amount);
            case REPLACE -> t(en, "CLI_EX_REPLACE", "amount", amount);
            case PAUSE -> a.isInterval() ? t(en, "CLI_EX_PAUSE_FROM_TO", "from", CliMessages.time(en).format(a.from().atZone(zone)),
                    "to", CliMessages.time(en).format(a.to().atZone(zone)))
                    : t(en, "CLI_EX_PAUSE", "amount", amount);
        };
    }

    private static void fees(StringBuilder sb, Decision d, boolean en) {
        FeeAssessment f = d.fees();
        sb.append('\n').append(t(en, "CLI_EX_FEES")).append('\n');
        if (f == null) {
            sb.append("  ").append(t(en, "CLI_EX_NO_FEE_TABLES")).append('\n');
            for (FeeDirective x : d.feeDirectives()) {
                sb.append("  - ").append(directive(x, en)).append(": ").append(x.reasonVi()).append('\n');
                sb.append("    ").append(basis(x.basis(), en)).append(byRule(x.rule(), en)).append('\n');
            }
            return;
        }
        if (f.lines().isEmpty()) {
            sb.append("  ").append(t(en, "CLI_EX_NO_FEE")).append('\n');
        }
        for (FeeLine l : f.lines()) {
            sb.append("  - ").append(en && !l.descriptionEn().isEmpty() ? l.descriptionEn() : l.descriptionVi()).append(": ")
                    .append(en ? l.amount().formatEn() : l.amount().formatVi());
            Locale reader = en ? Locale.ENGLISH : Messages.VI;
            if (l.hasTariff(reader)) {
                sb.append(" (").append(t(en, "CLI_EX_TARIFF", "tariff", l.tariff(reader))).append(')');
            } else if (!l.tariffVi().isEmpty()) {
                // a line without English words (built by hand): the Vietnamese tariff, said to be Vietnamese
                sb.append(" (").append(t(en, "CLI_EX_TARIFF_VI_ONLY", "tariff", l.tariffVi())).append(')');
            }
            sb.append('\n');
            sb.append("    ").append(basis(l.basis(), en)).append('\n');
            for (FeeAdjustment a : l.adjustments()) {
                sb.append("    ").append(a.kind() == FeeAdjustment.Kind.EXEMPT ? t(en, "CLI_EX_EXEMPTED")
                        : t(en, "CLI_EX_REDUCED", "percent", a.percent()))
                        .append(": ").append(en && !a.reasonEn().isEmpty() ? a.reasonEn() : a.reasonVi())
                        .append(" — ").append(basis(a.basis(), en))
                        .append(" [").append(a.source()).append("]\n");
            }
        }
        sb.append("  ").append(t(en, "CLI_EX_TOTAL", "amount", en ? f.total().formatEn() : f.total().formatVi()))
                .append('\n');
    }

    private static String directive(FeeDirective x, boolean en) {
        return switch (x.kind()) {
            case ADD -> t(en, "CLI_EX_CHARGE", "item", x.item());
            case EXEMPT -> t(en, "CLI_EX_EXEMPT_ITEM", "item", x.item());
            case REDUCE -> t(en, "CLI_EX_REDUCE_ITEM", "item", x.item(), "percent", x.percent());
        };
    }

    static String limit(TimeLimit t, boolean en) {
        if (!en) {
            return t.labelVi();
        }
        return switch (t.unit()) {
            case SAME_DAY -> t(true, "CLI_EX_LIMIT_SAME_DAY");
            case WORKING_DAYS -> t(true, "CLI_EX_LIMIT_WORKING_DAYS", "amount", t.amount());
            case WORKING_HOURS -> t(true, "CLI_EX_LIMIT_WORKING_HOURS", "amount", t.amount());
            case CALENDAR_DAYS -> t(true, "CLI_EX_LIMIT_CALENDAR_DAYS", "amount", t.amount());
        };
    }

    private static String cite(LegalBasis b, boolean en) {
        if (b == null) {
            return t(en, "CLI_EX_NO_BASIS");
        }
        return (en ? b.citationEn() : b.citationVi()) + " [" + b.id() + "]";
    }

    /** "căn cứ: …" / "basis: …". */
    private static String basis(LegalBasis b, boolean en) {
        return t(en, "CLI_EX_BASIS", "basis", cite(b, en));
    }

    /** " (quy tắc “…”)" / " (rule “…”)". */
    private static String byRule(String rule, boolean en) {
        return " " + t(en, "CLI_EX_BY_RULE", "rule", quoted(rule));
    }

    private static String t(boolean en, String key, Object... pairs) {
        return CliMessages.text(en, key, pairs);
    }

    private static String quoted(String s) {
        return s == null ? "?" : "\u201C" + s + "\u201D";
    }
}
