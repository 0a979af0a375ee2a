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
        return DossierJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(d)).replace("\r\n", "\n");
    }

    public static ObjectNode tree(Decision d) {
        ObjectNode o = DossierJson.JSON.createObjectNode();
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
            o.set(part.key().name(), part.value() == null ? null : DossierJson.JSON.valueToTree(json(part)));
        }
        ArrayNode adj = o.putArray("deadlineAdjustments");
        for (DeadlineAdjustment a : d.deadlineAdjustments()) {
            adj.add(DossierJson.JSON.valueToTree(DecisionSections.adjustment(a)));
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
            return DossierJson.JSON.getNodeFactory().nullNode();
        }
        ObjectNode x = DossierJson.JSON.createObjectNode();
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

    /** A readable summary for officers, in Vietnamese ({@link #VI}) or English. */
    public static String text(Decision d, Locale locale) {
        boolean vi = "vi".equals(locale.getLanguage());
        StringBuilder sb = new StringBuilder();
        sb.append(vi ? "Thủ tục: " : "Procedure: ").append(d.procedure()).append('\n');
        sb.append(vi ? "Kết quả: " : "Outcome: ").append(switch (d.eligibility()) {
            case ELIGIBLE -> vi ? "ĐỦ ĐIỀU KIỆN" : "ELIGIBLE";
            case INELIGIBLE -> vi ? "KHÔNG ĐỦ ĐIỀU KIỆN" : "NOT ELIGIBLE";
            case INDETERMINATE -> vi ? "CHƯA XÁC ĐỊNH ĐƯỢC" : "NOT DETERMINED";
            case NOT_ASSESSED -> vi ? "CHƯA ĐÁNH GIÁ ĐIỀU KIỆN" : "CONDITIONS NOT ASSESSED";
            case WRONG_UNIT -> vi ? "KHÔNG TIẾP NHẬN TẠI ĐƠN VỊ NÀY (NỘP SAI NƠI)" : "NOT RECEIVED AT THIS UNIT (FILED AT THE WRONG PLACE)";
        }).append('\n');
        for (Decision.Reason r : d.reasons()) {
            sb.append(vi ? "  - Lý do: " : "  - Reason: ").append(vi || r.messageEn() == null ? r.messageVi() : r.messageEn())
                    .append(PartJson.cite(r.basis(), locale)).append('\n');
        }
        if (d.cause() != null) {
            sb.append(vi ? "  - Nguyên nhân: " : "  - Cause: ").append(vi ? d.cause().messageVi() : d.cause().messageEn())
                    .append('\n');
        }
        if (!d.components().isEmpty()) {
            sb.append(vi ? "Thành phần hồ sơ:\n" : "Dossier components:\n");
            for (RequiredComponent c : d.components()) {
                String st = switch (c.status()) {
                    case REQUIRED -> vi ? "bắt buộc" : "required";
                    case ONE_OF -> (vi ? "một trong nhóm " : "one of group ") + c.group();
                    case WAIVED -> vi ? "được miễn nộp (dữ liệu có trong " + c.waivedBy() + ")"
                            : "waived (data held in " + c.waivedBy() + ")";
                    case OPTIONAL -> vi ? "không bắt buộc" : "optional";
                };
                sb.append(vi ? String.format(Locale.ROOT, "  - %s (%s, %d bản): %s%n", c.name().vi(), formVi(c), c.quantity(), st)
                        : String.format(Locale.ROOT, "  - %s (%s, %d): %s%n", c.name().enOrVi(), formEn(c), c.quantity(), st));
            }
        }
        for (Decision.Part<?> part : d.parts()) {
            text(part, locale, sb);
        }
        for (DeadlineAdjustment a : d.deadline() != null ? java.util.List.<DeadlineAdjustment>of() : d.deadlineAdjustments()) {
            sb.append(vi ? "Thời hạn: " : "Time limit: ").append(a.kind()).append(' ')
                    .append(a.limit() == null ? "" : a.limit().amount() + " " + a.limit().unit())
                    .append(" — ").append(a.reasonVi()).append(PartJson.cite(a.basis(), locale)).append('\n');
        }
        for (Decision.Note n : d.notes()) {
            sb.append(vi ? "Ghi chú: " : "Note: ").append(vi || n.messageEn() == null ? n.messageVi() : n.messageEn()).append('\n');
        }
        if (!d.trace().isEmpty()) {
            sb.append(vi ? "Căn cứ (quy tắc đã áp dụng):\n" : "Basis (what was applied):\n");
            // each basis once: a rule that fired and then adjusted the deadline is one line, not two
            java.util.Set<String> cited = new java.util.HashSet<>();
            for (Decision.TraceStep t : d.trace()) {
                if (cited.add(t.file() + ":" + t.line() + ":" + t.rule())) {
                    sb.append(String.format(Locale.ROOT, "  %s:%d %s%s%n", t.file(), t.line(), t.rule(),
                            PartJson.cite(t.basis(), locale)));
                }
            }
        }
        sb.append(String.format(Locale.ROOT, vi ? "Bộ quy tắc %s %s (sha256 %s), áp dụng luật ngày %s%n"
                : "Pack %s %s (sha256 %s), law as of %s%n",
                d.provenance().packId(), d.provenance().packVersion(), d.provenance().packSha256().substring(0, 12),
                d.provenance().asOf()));
        return sb.toString();
    }

    private static String formEn(RequiredComponent c) {
        return switch (c.form()) {
            case ORIGINAL -> "original";
            case CERTIFIED_COPY -> "certified copy";
            case ELECTRONIC_COPY -> "electronic copy";
            case COPY_WITH_ORIGINAL -> "copy with the original for comparison";
        };
    }

    private static String formVi(RequiredComponent c) {
        return switch (c.form()) {
            case ORIGINAL -> "bản chính";
            case CERTIFIED_COPY -> "bản sao có chứng thực";
            case ELECTRONIC_COPY -> "bản sao điện tử";
            case COPY_WITH_ORIGINAL -> "bản sao kèm bản chính để đối chiếu";
        };
    }

}
