package io.github.motcua.examples.desk;

import static io.github.motcua.examples.desk.Html.esc;

import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.dossier.Channel;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.forms.Documents;
import io.github.motcua.forms.document.Applicant;
import io.github.motcua.forms.document.DocumentHeader;
import io.github.motcua.forms.document.ReceiptSlip;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.DecisionDocuments;
import io.github.motcua.rules.Digitisation;
import io.github.motcua.rules.DossierComponent;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.RequiredComponent;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The decision page and the printable receipt of one filing. Thread-safe (stateless). */
final class DecisionPage {
    private DecisionPage() {
    }

    static String render(DeskApp.Filing f) {
        Decision d = f.decision();
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"crumbs\"><a href=\"").append(f.portal() ? "/cong-dich-vu" : "/").append("\">")
                .append(f.portal() ? "Cổng dịch vụ công" : "Danh sách thủ tục").append("</a> › Hồ sơ ").append(esc(f.id())).append("</p>");
        b.append("<h1>").append(f.portal() ? "Kết quả nộp hồ sơ trực tuyến" : "Kết quả kiểm tra hồ sơ").append("</h1>");
        b.append("<dl class=\"facts\">");
        fact(b, "Mã hồ sơ", "<span id=\"dossier-code\">" + esc(f.id()) + "</span>");
        fact(b, "Thủ tục", esc(f.procedure().name().vi()) + " (" + esc(f.procedure().code()) + ")");
        fact(b, "Người yêu cầu", "<span id=\"applicant\">" + esc(applicantName(f)) + "</span>");
        fact(b, "Hình thức nộp", "<span id=\"channel\">" + esc(f.dossier().channel().labelVi()) + "</span>");
        fact(b, "Đơn vị tiếp nhận", esc(f.unit().name().vi()));
        fact(b, "Thời điểm tiếp nhận", "<span id=\"received-at\">" + esc(vnTime(f.dossier().receivedAt().toLocalDateTime())) + "</span>");
        b.append("</dl>");

        b.append("<section><h2>Điều kiện thực hiện</h2>");
        switch (d.eligibility()) {
            case ELIGIBLE -> b.append("<p class=\"ok\" id=\"eligibility\" data-eligibility=\"ELIGIBLE\">Đủ điều kiện tiếp nhận.</p>");
            case INELIGIBLE -> b.append("<p class=\"bad\" id=\"eligibility\" data-eligibility=\"INELIGIBLE\">Không đủ điều kiện tiếp nhận.</p>");
            case INDETERMINATE -> b.append("<p class=\"bad\" id=\"eligibility\" data-eligibility=\"INDETERMINATE\">Chưa xác định được: ")
                    .append(esc(d.cause() == null ? "" : d.cause().messageVi())).append("</p>");
            case NOT_ASSESSED -> b.append("<p class=\"warn\" id=\"eligibility\" data-eligibility=\"NOT_ASSESSED\">"
                    + "Chưa đánh giá điều kiện thực hiện (thủ tục chưa có quy tắc kiểm tra điều kiện): cán bộ tự kiểm tra theo văn bản chính thức.</p>");
            case WRONG_UNIT -> b.append("<p class=\"bad\" id=\"eligibility\" data-eligibility=\"WRONG_UNIT\">Không tiếp nhận tại đơn vị này: ")
                    .append(esc(d.routing().messageVi())).append("</p>");
            default -> throw new IllegalStateException("eligibility [" + d.eligibility() + "]");
        }
        if (d.routing() != null) {
            Decision.Routing r = d.routing();
            b.append("<dl id=\"routing\">");
            fact(b, "Đơn vị tiếp nhận", esc(r.receivingUnit() == null ? "—" : r.receivingUnit().nameVi()));
            fact(b, "Cơ quan có thẩm quyền", esc(r.competentUnit() == null ? "chưa xác định" : r.competentUnit().nameVi()));
            fact(b, "Phi địa giới hành chính", esc((r.procedureBoundaryFree() ? "có" : "không") + " (thủ tục)"
                    + (r.provinceBoundaryFree() == null ? "" : "; " + (r.provinceBoundaryFree() ? "có" : "không") + " (quy định của tỉnh)")));
            if (r.fileAt() != null) {
                fact(b, "Nộp hồ sơ tại", esc(r.fileAt().nameVi() + (r.fileAt().address() == null ? "" : ", " + r.fileAt().address())));
            }
            b.append("</dl>");
        }
        if (!d.reasons().isEmpty()) {
            b.append("<ul class=\"reasons\">");
            for (Decision.Reason r : d.reasons()) {
                b.append("<li>").append(esc(r.messageVi())).append(basis(r.basis())).append("</li>");
            }
            b.append("</ul>");
        }
        if (!d.notes().isEmpty()) {
            b.append("<h3>Lưu ý</h3><ul class=\"notes\">");
            for (Decision.Note n : d.notes()) {
                b.append("<li>").append(esc(n.messageVi())).append(basis(n.basis())).append("</li>");
            }
            b.append("</ul>");
        }
        if (d.form() != null && !d.form().normalised().isEmpty()) {
            // what the officer or citizen typed, and the canonical value the dossier was decided on (issue 19 item 5)
            b.append("<h3>Giá trị đã đọc theo dạng chuẩn</h3><ul id=\"normalised\">");
            for (io.github.motcua.forms.NormalisedValue n : d.form().normalised()) {
                b.append("<li><code>").append(esc(n.pointer())).append("</code>: đã nhập «").append(esc(n.typed()))
                        .append("», đọc là <strong>").append(esc(n.canonical())).append("</strong></li>");
            }
            b.append("</ul>");
        }
        b.append("</section>");

        if (d.eligibility() != Eligibility.INDETERMINATE) {
            b.append("<section><h2>").append(f.portal() ? "Thành phần hồ sơ cần nộp" : "Thành phần hồ sơ – đánh dấu giấy tờ đã nhận")
                    .append("</h2><ul class=\"checklist\" id=\"checklist\">");
            for (RequiredComponent c : d.components()) {
                String id = "tp-" + c.id();
                boolean waived = c.status() == RequiredComponent.ComponentStatus.WAIVED;
                b.append("<li class=\"").append(c.status().name().toLowerCase(Locale.ROOT)).append("\">")
                        .append("<input type=\"checkbox\" id=\"").append(esc(id)).append('"')
                        .append(waived ? " disabled" : " name=\"daNhan\" value=\"" + esc(c.id()) + "\" form=\"receipt-form\"")
                        .append("> <label for=\"").append(esc(id)).append("\">").append(esc(c.name() == null ? c.id() : c.name().vi()))
                        .append("</label> <span class=\"form\">").append(esc(formVi(c.form()))).append(", số lượng ")
                        .append(c.quantity()).append("</span> <span class=\"status\">").append(esc(statusVi(c, d))).append("</span>")
                        .append(basis(c.basis())).append("</li>");
            }
            b.append("</ul></section>");
            d.part(Digitisation.KEY).ifPresent(dg -> digitisation(b, dg, f.portal()));
        }

        b.append("<section><h2>Thời hạn giải quyết</h2>");
        DeadlineResult dl = d.deadline();
        if (dl == null) {
            b.append("<p id=\"appointment\" class=\"pending\">Chưa tính được ngày hẹn trả kết quả (lịch làm việc chưa được tích hợp vào quyết định).</p>");
        } else {
            b.append("<p>Ngày hẹn trả kết quả: <strong id=\"appointment\">").append(esc(vnTime(dl.due().withZoneSameInstant(DeskApp.VN).toLocalDateTime())))
                    .append("</strong></p><p class=\"help\">Bắt đầu tính từ ").append(esc(vnTime(dl.effectiveStart().withZoneSameInstant(DeskApp.VN).toLocalDateTime())))
                    .append(".</p>");
            for (LegalBasis lb : dl.countingBases()) {
                b.append("<p class=\"help\">").append(esc(lb.citationVi())).append("</p>");
            }
        }
        b.append("</section>");

        b.append("<section><h2>").append(f.portal() ? "Phí, lệ phí nộp trực tuyến" : "Phí, lệ phí").append("</h2>");
        FeeAssessment fees = d.fees();
        if (fees == null) {
            b.append("<p id=\"fee-total\" class=\"pending\">Chưa tính được phí, lệ phí (biểu phí chưa được tích hợp vào quyết định).</p>");
        } else {
            b.append("<table class=\"fees\"><thead><tr><th>Khoản thu</th><th>Số lượng</th><th>Số tiền</th><th>Căn cứ</th></tr></thead><tbody>");
            for (FeeLine l : fees.lines()) {
                b.append("<tr><td>").append(esc(l.descriptionVi()));
                l.adjustments().forEach(a -> b.append("<br><small>").append(esc(a.reasonVi())).append("</small>"));
                b.append("</td><td>").append(l.quantity()).append("</td><td class=\"money\">").append(dong(l.amount().dong()))
                        .append("</td><td>").append(esc(l.basis().citationVi())).append(l.verified() ? "" : " <em>(mức thu chưa xác minh)</em>")
                        .append("</td></tr>");
            }
            b.append("</tbody><tfoot><tr><th colspan=\"2\">Tổng cộng</th><th class=\"money\" id=\"fee-total\">")
                    .append(dong(fees.total().dong())).append("</th><th></th></tr></tfoot></table>");
        }
        b.append("</section>");

        b.append("<section class=\"actions\">");
        boolean receivable = d.eligibility() == Eligibility.ELIGIBLE || d.eligibility() == Eligibility.NOT_ASSESSED;
        if (receivable && dl != null) {
            if (!d.deadline().steps().isEmpty()) {
                b.append("<p><a id=\"timeline-link\" href=\"/ho-so/").append(esc(f.id()))
                        .append("/tien-do\">Tiến độ xử lý theo từng bước (rõ người, rõ việc, rõ thời gian)</a></p>");
            }
            b.append("<form method=\"get\" id=\"receipt-form\" action=\"/ho-so/").append(esc(f.id())).append("/giay-tiep-nhan\">")
                    .append("<p class=\"help\">Giấy tiếp nhận liệt kê các giấy tờ đã đánh dấu ở trên; nếu không đánh dấu mục nào, "
                            + "liệt kê mọi giấy tờ bắt buộc.</p>")
                    .append("<button type=\"submit\" id=\"print-receipt\">In Giấy tiếp nhận hồ sơ và hẹn trả kết quả</button></form>");
        } else if (receivable) {
            b.append("<p>Chưa in được Giấy tiếp nhận hồ sơ và hẹn trả kết quả vì chưa có ngày hẹn trả.</p>");
        } else {
            b.append("<p>Hồ sơ không được tiếp nhận: không in Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</p>");
        }
        b.append("<p><a href=\"").append(f.portal() ? "/cong-dich-vu/" : "/thu-tuc/").append(esc(f.procedure().code()))
                .append("\">Nhận hồ sơ mới cho thủ tục này</a></p></section>");
        b.append("<p class=\"help\">Bộ quy tắc ").append(esc(d.provenance().packId())).append(' ')
                .append(esc(d.provenance().packVersion())).append(", áp dụng pháp luật ngày ").append(esc(d.provenance().asOf()))
                .append(".</p>");
        return Html.page("Hồ sơ " + f.id(), b.toString());
    }

    /**
     * The receipt and appointment slip (Mẫu 01) of the components the officer ticked (all required
     * ones when none is), with a print button; a 409 page when it cannot be issued.
     */
    static String receipt(DeskApp.Filing f, Documents documents, Set<String> ticked) {
        Decision d = f.decision();
        if ((d.eligibility() != Eligibility.ELIGIBLE && d.eligibility() != Eligibility.NOT_ASSESSED) || d.deadline() == null) {
            throw new DeskApp.HttpProblem(409, "Chưa in được giấy tiếp nhận",
                    "Hồ sơ " + f.id() + " chưa đủ điều kiện hoặc chưa có ngày hẹn trả kết quả.", null);
        }
        Set<String> received = new HashSet<>();
        for (RequiredComponent c : d.components()) {
            if (ticked.contains(c.id()) && c.status() != RequiredComponent.ComponentStatus.WAIVED) {
                received.add(c.id());
            }
        }
        var a = f.dossier().applicant();
        Applicant applicant = new Applicant(applicantName(f), a == null ? null : a.personalId(), null, null, null);
        DocumentHeader header = new DocumentHeader("UBND TỈNH GIA LAI", f.unit().name().vi(), null, "Gia Lai",
                f.dossier().receivedAt().atZoneSameInstant(DeskApp.VN).toLocalDate(), f.id(), f.procedure().name().vi(),
                applicant);
        String returnPlace = f.dossier().channel() == Channel.DESK ? "Tại " + f.unit().name().vi() : null;
        ReceiptSlip slip = DecisionDocuments.receiptSlip(d, f.procedure(), new DecisionDocuments.ReceiptDetails(header,
                f.dossier().receivedAt(), f.dossier().channel(), returnPlace, f.officer(), received));
        String html = documents.render(slip, DeskApp.VI);
        String toolbar = "<div class=\"desk-toolbar\"><link rel=\"stylesheet\" href=\"/static/toolbar.css\">"
                + "<button type=\"button\" id=\"print\">In giấy này</button> <a href=\"/ho-so/" + esc(f.id())
                + "\">Quay lại hồ sơ</a></div><script src=\"/static/print.js\"></script>";
        int at = html.lastIndexOf("</body>");
        return at < 0 ? html + toolbar : html.substring(0, at) + toolbar + html.substring(at);
    }

    private static String applicantName(DeskApp.Filing f) {
        var a = f.dossier().applicant();
        return a == null || a.fullName() == null ? "(không ghi tên)" : a.fullName();
    }

    private static void fact(StringBuilder b, String term, String html) {
        b.append("<dt>").append(esc(term)).append("</dt><dd>").append(html).append("</dd>");
    }

    private static String basis(LegalBasis lb) {
        if (lb == null) {
            return "";
        }
        // citationVi() already says "(chưa xác minh)" for an unverified basis
        return " <span class=\"basis\">Căn cứ: " + esc(lb.citationVi()) + "</span>";
    }

    /**
     * Digitisation at receipt and reuse (số hóa, tái sử dụng kết quả): for the officer the papers to
     * digitise (with the national component codes), for both the results reused and the results this
     * procedure will store for later dossiers.
     */
    private static void digitisation(StringBuilder b, Digitisation dg, boolean portal) {
        b.append("<section id=\"digitisation\"><h2>").append(portal ? "Tái sử dụng kết quả đã số hóa" : "Số hóa hồ sơ khi tiếp nhận")
                .append("</h2>");
        if (!portal) {
            if (!dg.atReceipt()) {
                b.append("<p id=\"to-digitise-none\">Hồ sơ nộp trực tuyến: các thành phần đã ở dạng điện tử, không phải số hóa khi tiếp nhận.</p>");
            } else if (dg.toDigitise().isEmpty()) {
                b.append("<p id=\"to-digitise-none\">Không có thành phần hồ sơ nào trong danh mục phải số hóa.</p>");
            } else {
                b.append("<p>Cán bộ tiếp nhận số hóa các thành phần hồ sơ sau").append(basis(dg.listBasis())).append("</p>")
                        .append("<ol id=\"to-digitise\">");
                for (Digitisation.Paper p : dg.toDigitise()) {
                    b.append("<li data-component=\"").append(esc(p.componentId())).append("\">").append(esc(p.nameVi()));
                    if (p.nationalCode() != null) {
                        b.append(" <span class=\"code\">mã thành phần hồ sơ ").append(esc(p.nationalCode())).append("</span>");
                    }
                    if (p.ifBrought()) {
                        b.append(" <span class=\"help\">(nếu công dân nộp)</span>");
                    }
                    b.append("</li>");
                }
                b.append("</ol>");
            }
        }
        if (!dg.reused().isEmpty()) {
            b.append("<ul id=\"reused\">");
            for (Digitisation.Reused r : dg.reused()) {
                b.append("<li data-component=\"").append(esc(r.componentId())).append("\">").append(esc(r.componentNameVi()))
                        .append(": miễn nộp, dùng lại ").append(esc(r.resultNameVi())).append(" do thủ tục ")
                        .append(esc(r.procedureNameVi())).append(" (").append(esc(r.procedure())).append(") cấp, có trong kho dữ liệu của công dân")
                        .append(basis(r.basis())).append("</li>");
            }
            b.append("</ul>");
        }
        for (Digitisation.IssuedResult r : dg.issues()) {
            b.append("<p class=\"help issues\">Kết quả ").append(esc(r.nameVi()))
                    .append(" được lưu vào kho dữ liệu của công dân để dùng lại cho hồ sơ sau (mã ").append(esc(r.key())).append(").</p>");
        }
        b.append("</section>");
    }

    /** The status of a component, naming the result and procedure a reused one came from. */
    static String statusVi(RequiredComponent c, Decision d) {
        if (c.status() == RequiredComponent.ComponentStatus.WAIVED) {
            for (Digitisation.Reused r : d.part(Digitisation.KEY).map(Digitisation::reused).orElse(java.util.List.of())) {
                if (r.componentId().equals(c.id())) {
                    return "Miễn nộp – tái sử dụng " + r.resultNameVi() + " do thủ tục " + r.procedure() + " cấp";
                }
            }
        }
        return statusVi(c);
    }

    static String statusVi(RequiredComponent c) {
        return switch (c.status()) {
            case REQUIRED -> "Bắt buộc";
            case OPTIONAL -> "Không bắt buộc";
            case ONE_OF -> "Nộp một trong các giấy tờ của nhóm " + c.group();
            case WAIVED -> "Miễn nộp – dữ liệu lấy từ " + c.waivedBy();
        };
    }

    static String formVi(DossierComponent.Form form) {
        if (form == null) {
            return "";
        }
        return switch (form) {
            case ORIGINAL -> "Bản chính";
            case CERTIFIED_COPY -> "Bản sao có chứng thực";
            case ELECTRONIC_COPY -> "Bản sao điện tử";
            case COPY_WITH_ORIGINAL -> "Bản sao kèm bản chính để đối chiếu";
        };
    }

    /** "17 giờ 00 phút, ngày 09/03/2027", as the printed documents write times. */
    static String vnTime(LocalDateTime t) {
        return String.format(Locale.ROOT, "%02d giờ %02d phút, ngày %02d/%02d/%04d", t.getHour(), t.getMinute(),
                t.getDayOfMonth(), t.getMonthValue(), t.getYear());
    }

    /** "14.000 đồng". */
    static String dong(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append('.');
            }
            b.append(digits.charAt(i));
        }
        return (amount < 0 ? "-" : "") + b + " đồng";
    }
}
