package io.github.motcua.rules.internal;

import io.github.motcua.calendar.DeadlineAdjustment;
import io.github.motcua.fees.FeeDirective;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.RequiredComponent;
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
        ObjectNode form = o.putObject("form");
        form.put("checked", d.form().checked());
        if (d.form().checked()) {
            form.put("valid", d.form().valid());
        } else {
            form.putNull("valid"); // not validated is not the same as invalid
        }
        ArrayNode fv = form.putArray("violations");
        for (Decision.FormViolation v : d.form().violations()) {
            ObjectNode x = fv.addObject();
            x.put("path", v.path());
            x.put("label", v.label());
            x.put("labelEn", v.labelEn());
            x.put("keyword", v.keyword());
            x.put("messageVi", v.messageVi());
            x.put("messageEn", v.messageEn());
        }
        o.set("deadline", d.deadline() == null ? null : DecisionSections.deadline(d.deadline()));
        o.set("commitment", d.commitment() == null ? null : commitment(d.commitment()));
        o.set("routing", d.routing() == null ? null : routing(d.routing()));
        o.set("fees", d.fees() == null ? null : DecisionSections.fees(d.fees()));
        ArrayNode adj = o.putArray("deadlineAdjustments");
        for (DeadlineAdjustment a : d.deadlineAdjustments()) {
            ObjectNode x = adj.addObject();
            x.put("kind", a.kind().name());
            x.put("amount", a.limit() == null ? null : a.limit().amount());
            x.put("unit", a.limit() == null ? null : a.limit().unit().name());
            x.put("from", a.from() == null ? null : a.from().toString());
            x.put("to", a.to() == null ? null : a.to().toString());
            x.put("reasonVi", a.reasonVi());
            x.put("rule", a.rule());
            x.set("basis", basis(a.basis()));
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
            x.put("kind", t.kind());
            x.put("rule", t.rule());
            x.put("file", t.file());
            x.put("line", t.line());
            x.set("basis", basis(t.basis()));
        }
        if (d.cause() == null) {
            o.putNull("cause");
        } else {
            ObjectNode c = o.putObject("cause");
            c.put("code", d.cause().code());
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

    static ObjectNode commitment(Decision.Commitment c) {
        ObjectNode x = DossierJson.JSON.createObjectNode();
        ObjectNode max = x.putObject("maximum");
        max.put("amount", c.maximum().amount());
        max.put("unit", c.maximum().unit().name());
        max.put("labelVi", c.maximum().labelVi());
        max.set("basis", basis(c.maximumBasis()));
        ObjectNode com = x.putObject("committed");
        com.put("amount", c.amount());
        com.put("unit", c.unit().name());
        com.put("labelVi", c.labelVi());
        com.put("countedAmount", c.counted().amount());
        com.put("countedUnit", c.counted().unit().name());
        com.set("basis", basis(c.basis()));
        com.put("note", c.note());
        x.put("cutPercent", c.cutPercent());
        return x;
    }

    static ObjectNode routing(Decision.Routing r) {
        ObjectNode x = DossierJson.JSON.createObjectNode();
        x.set("receivingUnit", unit(r.receivingUnit()));
        x.set("competentUnit", unit(r.competentUnit()));
        x.put("competenceBy", r.competenceBy());
        x.put("accepted", r.accepted());
        ObjectNode bf = x.putObject("boundaryFree");
        bf.put("procedure", r.procedureBoundaryFree());
        if (r.provinceBoundaryFree() == null) {
            bf.putNull("province");
        } else {
            bf.put("province", r.provinceBoundaryFree());
        }
        bf.put("applied", r.boundaryFree());
        if (r.transfer() == null) {
            x.putNull("transfer");
        } else {
            ObjectNode t = x.putObject("transfer");
            t.put("amount", r.transfer().limit().amount());
            t.put("unit", r.transfer().limit().unit().name());
            t.put("labelVi", r.transfer().limit().labelVi());
            t.put("counted", r.transfer().counted());
            t.set("basis", basis(r.transfer().basis()));
        }
        x.set("basis", basis(r.basis()));
        x.set("fileAt", unit(r.fileAt()));
        x.put("messageVi", r.messageVi());
        x.put("messageEn", r.messageEn());
        return x;
    }

    private static JsonNode unit(Decision.RoutedUnit u) {
        if (u == null) {
            return DossierJson.JSON.getNodeFactory().nullNode();
        }
        ObjectNode x = DossierJson.JSON.createObjectNode();
        x.put("code", u.code());
        x.put("nameVi", u.nameVi());
        x.put("nameEn", u.nameEn());
        x.put("kind", u.kind());
        x.put("address", u.address());
        x.put("verified", u.verified());
        return x;
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

    /** A readable Vietnamese summary for officers. */
    public static String textVi(Decision d) {
        StringBuilder sb = new StringBuilder();
        sb.append("Thủ tục: ").append(d.procedure()).append('\n');
        sb.append("Kết quả: ").append(switch (d.eligibility()) {
            case ELIGIBLE -> "ĐỦ ĐIỀU KIỆN";
            case INELIGIBLE -> "KHÔNG ĐỦ ĐIỀU KIỆN";
            case INDETERMINATE -> "CHƯA XÁC ĐỊNH ĐƯỢC";
            case NOT_ASSESSED -> "CHƯA ĐÁNH GIÁ ĐIỀU KIỆN";
            case WRONG_UNIT -> "KHÔNG TIẾP NHẬN TẠI ĐƠN VỊ NÀY (NỘP SAI NƠI)";
        }).append('\n');
        if (d.routing() != null) {
            Decision.Routing r = d.routing();
            sb.append("Tiếp nhận: ").append(r.receivingUnit() == null ? "(không ghi)" : r.receivingUnit().nameVi())
                    .append("; cơ quan có thẩm quyền: ").append(r.competentUnit() == null ? "(chưa xác định)" : r.competentUnit().nameVi())
                    .append('\n');
            sb.append("  - ").append(r.messageVi()).append(cite(r.basis())).append('\n');
            sb.append("  - Phi địa giới: theo thủ tục ").append(r.procedureBoundaryFree() ? "có" : "không")
                    .append(r.provinceBoundaryFree() == null ? "" : "; theo quy định của tỉnh " + (r.provinceBoundaryFree() ? "có" : "không"))
                    .append('\n');
        }
        if (d.commitment() != null) {
            Decision.Commitment c = d.commitment();
            sb.append("Thời hạn tối đa theo quy định: ").append(c.maximum().labelVi()).append(cite(c.maximumBasis()))
                    .append("; thời gian cam kết của tỉnh: ").append(c.labelVi())
                    .append(c.cutPercent() == null ? "" : " (giảm " + c.cutPercent().toPlainString().replace('.', ',') + "%)")
                    .append(cite(c.basis())).append('\n');
        }
        for (Decision.Reason r : d.reasons()) {
            sb.append("  - Lý do: ").append(r.messageVi()).append(cite(r.basis())).append('\n');
        }
        if (d.cause() != null) {
            sb.append("  - Nguyên nhân: ").append(d.cause().messageVi()).append('\n');
        }
        if (!d.components().isEmpty()) {
            sb.append("Thành phần hồ sơ:\n");
            for (RequiredComponent c : d.components()) {
                String st = switch (c.status()) {
                    case REQUIRED -> "bắt buộc";
                    case ONE_OF -> "một trong nhóm " + c.group();
                    case WAIVED -> "được miễn nộp (dữ liệu có trong " + c.waivedBy() + ")";
                    case OPTIONAL -> "không bắt buộc";
                };
                sb.append(String.format(Locale.ROOT, "  - %s (%s, %d bản): %s%n", c.name().vi(), formVi(c), c.quantity(), st));
            }
        }
        if (d.form().checked() && !d.form().valid()) {
            sb.append("Tờ khai cần sửa:\n");
            for (Decision.FormViolation v : d.form().violations()) {
                sb.append("  - ").append(v.label() == null ? v.path() : v.label()).append(": ").append(v.messageVi()).append('\n');
            }
        }
        if (d.deadline() != null) {
            DecisionSections.textVi(d.deadline(), sb);
        }
        if (d.fees() != null) {
            DecisionSections.textVi(d.fees(), sb);
        }
        for (DeadlineAdjustment a : d.deadline() != null ? java.util.List.<DeadlineAdjustment>of() : d.deadlineAdjustments()) {
            sb.append("Thời hạn: ").append(a.kind()).append(' ').append(a.limit() == null ? "" : a.limit().amount() + " " + a.limit().unit())
                    .append(" — ").append(a.reasonVi()).append(cite(a.basis())).append('\n');
        }
        for (Decision.Note n : d.notes()) {
            sb.append("Ghi chú: ").append(n.messageVi()).append('\n');
        }
        if (!d.trace().isEmpty()) {
            sb.append("Căn cứ (quy tắc đã áp dụng):\n");
            for (Decision.TraceStep t : d.trace()) {
                sb.append(String.format(Locale.ROOT, "  %s:%d %s%s%n", t.file(), t.line(), t.rule(), cite(t.basis())));
            }
        }
        sb.append(String.format(Locale.ROOT, "Bộ quy tắc %s %s (sha256 %s), áp dụng luật ngày %s%n",
                d.provenance().packId(), d.provenance().packVersion(), d.provenance().packSha256().substring(0, 12),
                d.provenance().asOf()));
        return sb.toString();
    }

    private static String formVi(RequiredComponent c) {
        return switch (c.form()) {
            case ORIGINAL -> "bản chính";
            case CERTIFIED_COPY -> "bản sao có chứng thực";
            case ELECTRONIC_COPY -> "bản sao điện tử";
            case COPY_WITH_ORIGINAL -> "bản sao kèm bản chính để đối chiếu";
        };
    }

    private static String cite(LegalBasis b) {
        return b == null ? "" : " [" + b.citationVi() + "]";
    }
}
