package io.github.motcua.rules.internal;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.fees.FeeDirective;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.RequiredComponent;
import io.github.motcua.rules.spi.PartJson;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stable JSON shape of a decision: every key is always present (null when empty), in a fixed
 * order, so consumers and golden files can rely on it. Thread-safe.
 */
public final class DecisionJson {
    private DecisionJson() {
    }

    public static String write(Decision d) {
        return DossierJson.json().writerWithDefaultPrettyPrinter().writeValueAsString(tree(d)).replace("\r\n", "\n");
    }

    public static ObjectNode tree(Decision d) {
        ObjectNode o = DossierJson.json().createObjectNode();
        o.put("procedure", d.procedure());
        o.put("eligibility", d.eligibility().name());
        ArrayNode reasons = o.putArray("reasons");
        for (Decision.Reason r : d.reasons()) {
            ObjectNode x = reasons.addObject();
            x.put("messageVi", r.messageVi());
            x.put("messageEn", r.messageEn());
            x.put("rule", r.rule());
            x.set("basis", basis(r.basis()));
        }
        ArrayNode comps = o.putArray("components");
        for (RequiredComponent c : d.components()) {
            ObjectNode x = comps.addObject();
            x.put("id", c.id());
            x.put("nameVi", c.name().vi());
            x.put("nameEn", c.name().en());
            x.put("form", c.form().name());
            x.put("quantity", c.quantity());
            x.put("status", c.status().name());
            x.put("group", c.group());
            x.put("waivedBy", c.waivedBy());
            x.put("condition", c.condition());
            x.set("basis", basis(c.basis()));
        }
        for (Decision.Part<?> part : d.parts()) {
            o.set(part.key().name(), part.value() == null ? null : DossierJson.json().valueToTree(json(part)));
        }
        ArrayNode adj = o.putArray("deadlineAdjustments");
        for (DeadlineAdjustment a : d.deadlineAdjustments()) {
            adj.add(DossierJson.json().valueToTree(DecisionSections.adjustment(a)));
        }
        ArrayNode fees = o.putArray("feeDirectives");
        for (FeeDirective f : d.feeDirectives()) {
            ObjectNode x = fees.addObject();
            x.put("kind", f.kind().name());
            x.put("item", f.item());
            x.put("quantity", f.quantity());
            x.put("percent", f.percent());
            x.put("reasonVi", f.reasonVi());
            x.put("rule", f.rule());
            x.set("basis", basis(f.basis()));
        }
        ArrayNode notes = o.putArray("notes");
        for (Decision.Note n : d.notes()) {
            ObjectNode x = notes.addObject();
            x.put("messageVi", n.messageVi());
            x.put("messageEn", n.messageEn());
            x.put("rule", n.rule());
            x.set("basis", basis(n.basis()));
        }
        ArrayNode trace = o.putArray("trace");
        for (Decision.TraceStep t : d.trace()) {
            ObjectNode x = trace.addObject();
            x.put("kind", t.kind().name());
            x.put("rule", t.rule());
            x.put("file", t.file());
            x.put("line", t.line());
            x.set("basis", basis(t.basis()));
        }
        if (d.cause() == null) {
            o.putNull("cause");
        } else {
            ObjectNode c = o.putObject("cause");
            c.put("code", d.cause().code().name());
            c.put("rule", d.cause().rule());
            c.put("file", d.cause().file());
            c.put("line", d.cause().line());
            c.put("messageVi", d.cause().messageVi());
            c.put("messageEn", d.cause().messageEn());
        }
        ObjectNode p = o.putObject("provenance");
        p.put("packId", d.provenance().packId());
        p.put("packVersion", d.provenance().packVersion());
        p.put("packSha256", d.provenance().packSha256());
        p.put("asOf", d.provenance().asOf().toString());
        p.put("evaluatedAt", d.provenance().evaluatedAt().toString());
        return o;
    }

    static JsonNode basis(LegalBasis b) {
        if (b == null) {
            return DossierJson.json().getNodeFactory().nullNode();
        }
        ObjectNode x = DossierJson.json().createObjectNode();
        x.put("id", b.id());
        x.put("citationVi", b.citationVi());
        x.put("citationEn", b.citationEn());
        x.put("verified", b.verified());
        x.put("link", b.link());
        return x;
    }

    /** Vietnamese (Vietnam). */
    public static final Locale VI = Locale.forLanguageTag("vi-VN");

    private static <T> Object json(Decision.Part<T> part) {
        return part.section().toJson(part.value());
    }

    private static <T> void text(Decision.Part<T> part, Locale locale, StringBuilder sb) {
        if (part.value() != null) {
            part.section().text(part.value(), locale, sb);
        }
    }

    /** A readable summary for officers, in Vietnamese ({@link #VI}) or English; the words are rules-core's bundle {@code text.*}. */
    public static String text(Decision d, Locale locale) {
        boolean vi = "vi".equals(locale.getLanguage());
        StringBuilder sb = new StringBuilder();
        sb.append(t(vi, "text.procedure")).append(": ").append(d.procedure()).append('\n');
        sb.append(t(vi, "text.outcome")).append(": ").append(t(vi, switch (d.eligibility()) {
            case ELIGIBLE -> "text.outcome.ELIGIBLE";
            case INELIGIBLE -> "text.outcome.INELIGIBLE";
            case INDETERMINATE -> "text.outcome.INDETERMINATE";
            case NOT_ASSESSED -> "text.outcome.NOT_ASSESSED";
            case WRONG_UNIT -> "text.outcome.WRONG_UNIT";
        })).append('\n');
        for (Decision.Reason r : d.reasons()) {
            sb.append("  - ").append(t(vi, "text.reason")).append(": ")
                    .append(vi || r.messageEn() == null ? r.messageVi() : r.messageEn())
                    .append(PartJson.cite(r.basis(), locale)).append('\n');
        }
        if (d.cause() != null) {
            sb.append("  - ").append(t(vi, "text.cause")).append(": ").append(vi ? d.cause().messageVi() : d.cause().messageEn())
                    .append('\n');
        }
        if (!d.components().isEmpty()) {
            sb.append(t(vi, "text.components")).append(":\n");
            for (RequiredComponent c : d.components()) {
                String st = switch (c.status()) {
                    case REQUIRED -> t(vi, "text.status.required");
                    case ONE_OF -> t(vi, "text.status.oneOf", "group", String.valueOf(c.group()));
                    case WAIVED -> t(vi, "text.status.waived", "source", String.valueOf(c.waivedBy()));
                    case OPTIONAL -> t(vi, "text.status.optional");
                };
                sb.append("  - ").append(t(vi, "text.component", "name", vi ? c.name().vi() : c.name().enOrVi(),
                        "form", t(vi, formKey(c)), "quantity", String.valueOf(c.quantity()), "status", st))
                        .append(System.lineSeparator());
            }
        }
        for (Decision.Part<?> part : d.parts()) {
            text(part, locale, sb);
        }
        for (DeadlineAdjustment a : d.deadline() != null ? java.util.List.<DeadlineAdjustment>of() : d.deadlineAdjustments()) {
            sb.append(t(vi, "text.timeLimit")).append(": ").append(a.kind()).append(' ')
                    .append(a.limit() == null ? "" : a.limit().amount() + " " + a.limit().unit())
                    .append(" — ").append(vi ? a.reasonVi() : a.hasReason(java.util.Locale.ENGLISH) ? a.reasonEn()
                            : Msg.en("text.deadline.reasonViOnly", "reason", a.reasonVi()))
                    .append(PartJson.cite(a.basis(), locale)).append('\n');
        }
        for (Decision.Note n : d.notes()) {
            sb.append(t(vi, "text.note")).append(": ").append(vi || n.messageEn() == null ? n.messageVi() : n.messageEn()).append('\n');
        }
        if (!d.trace().isEmpty()) {
            sb.append(t(vi, "text.basis")).append(":\n");
            // each basis once: a rule that fired and then adjusted the deadline is one line, not two
            java.util.Set<String> cited = new java.util.HashSet<>();
            for (Decision.TraceStep t : d.trace()) {
                if (cited.add(t.file() + ":" + t.line() + ":" + t.rule())) {
                    sb.append(String.format(Locale.ROOT, "  %s:%d %s%s%n", t.file(), t.line(), t.rule(),
                            PartJson.cite(t.basis(), locale)));
                }
            }
        }
        sb.append(t(vi, "text.provenance", "id", String.valueOf(d.provenance().packId()), "version", String.valueOf(d.provenance().packVersion()),
                "sha", d.provenance().packSha256().substring(0, 12), "asOf", String.valueOf(d.provenance().asOf())))
                .append(System.lineSeparator());
        return sb.toString();
    }

    private static String formKey(RequiredComponent c) {
        return switch (c.form()) {
            case ORIGINAL -> "text.form.ORIGINAL";
            case CERTIFIED_COPY -> "text.form.CERTIFIED_COPY";
            case ELECTRONIC_COPY -> "text.form.ELECTRONIC_COPY";
            case COPY_WITH_ORIGINAL -> "text.form.COPY_WITH_ORIGINAL";
        };
    }

    /** The bundle's {@code key} in Vietnamese ({@code vi}) or English. */
    private static String t(boolean vi, String key, String... pairs) {
        return vi ? Msg.vi(key, pairs) : Msg.en(key, pairs);
    }

}
