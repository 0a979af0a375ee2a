package io.github.motcua.examples.desk;

import static io.github.motcua.examples.desk.Html.esc;

import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.dossier.Channel;
import io.github.motcua.fees.FeeAssessment;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.forms.Documents;
import io.github.motcua.forms.document.Addressee;
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

    static String render(Filing f, FieldLabels labels) {
        Decision d = f.decision();
        StringBuilder b = new StringBuilder();
        b.append("<p class=\"crumbs\"><a href=\"").append(f.portal() ? "/cong-dich-vu" : "/").append("\">")
                .append(e(f.portal() ? "DESK_PORTAL" : "DESK_PROCEDURE_LIST")).append("</a> › ").append(e("DESK_DP_DOSSIER", "id", f.id()))
                .append("</p>");
        b.append("<h1>").append(e(f.portal() ? "DESK_DP_TITLE_PORTAL" : "DESK_DP_TITLE")).append("</h1>");
        b.append("<dl class=\"facts\">");
        fact(b, t("DESK_DP_CODE"), "<span id=\"dossier-code\">" + esc(f.id()) + "</span>");
        fact(b, t("DESK_DP_PROCEDURE"), esc(f.procedure().name().vi()) + " (" + esc(f.procedure().code()) + ")");
        fact(b, t("DESK_DP_APPLICANT"), "<span id=\"applicant\">" + esc(applicantName(f)) + "</span>");
        fact(b, t("DESK_DP_CHANNEL"), "<span id=\"channel\">" + esc(f.dossier().channel().labelVi()) + "</span>");
        fact(b, t("DESK_FORM_UNIT"), esc(f.unit().name().vi()));
        fact(b, t("DESK_DP_RECEIVED_AT"), "<span id=\"received-at\">" + esc(vnTime(f.dossier().receivedAt().toLocalDateTime())) + "</span>");
        b.append("</dl>");

        b.append("<section><h2>").append(e("DESK_DP_CONDITIONS")).append("</h2>");
        switch (d.eligibility()) {
            case ELIGIBLE -> b.append("<p class=\"ok\" id=\"eligibility\" data-eligibility=\"ELIGIBLE\">").append(e("DESK_DP_ELIGIBLE")).append("</p>");
            case INELIGIBLE -> b.append("<p class=\"bad\" id=\"eligibility\" data-eligibility=\"INELIGIBLE\">").append(e("DESK_DP_INELIGIBLE")).append("</p>");
            case INDETERMINATE -> b.append("<p class=\"bad\" id=\"eligibility\" data-eligibility=\"INDETERMINATE\">")
                    .append(e("DESK_DP_INDETERMINATE", "cause", d.cause() == null ? "" : d.cause().messageVi())).append("</p>");
            case NOT_ASSESSED -> b.append("<p class=\"warn\" id=\"eligibility\" data-eligibility=\"NOT_ASSESSED\">")
                    .append(e("DESK_DP_NOT_ASSESSED")).append("</p>");
            case WRONG_UNIT -> b.append("<p class=\"bad\" id=\"eligibility\" data-eligibility=\"WRONG_UNIT\">")
                    .append(e("DESK_DP_WRONG_UNIT", "message", d.routing().messageVi())).append("</p>");
            default -> throw new IllegalStateException("eligibility [" + d.eligibility() + "]");
        }
        if (d.routing() != null) {
            Decision.Routing r = d.routing();
            b.append("<dl id=\"routing\">");
            fact(b, t("DESK_FORM_UNIT"), esc(r.receivingUnit() == null ? "—" : r.receivingUnit().nameVi()));
            fact(b, t("DESK_DP_COMPETENT"), esc(r.competentUnit() == null ? t("DESK_DP_NOT_DETERMINED") : r.competentUnit().nameVi()));
            fact(b, t("DESK_DP_BOUNDARY_FREE"), esc(t("DESK_DP_BY_PROCEDURE", "answer", t(r.procedureBoundaryFree() ? "DESK_YES" : "DESK_NO"))
                    + (r.provinceBoundaryFree() == null ? "" : "; " + t("DESK_DP_BY_PROVINCE", "answer",
                            t(r.provinceBoundaryFree() ? "DESK_YES" : "DESK_NO")))));
            if (r.fileAt() != null) {
                fact(b, t("DESK_DP_FILE_AT"), esc(r.fileAt().nameVi() + (r.fileAt().address() == null ? "" : ", " + r.fileAt().address())));
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
            b.append("<h3>").append(e("DESK_DP_NOTES")).append("</h3><ul class=\"notes\">");
            for (Decision.Note n : d.notes()) {
                b.append("<li>").append(esc(n.messageVi())).append(basis(n.basis())).append("</li>");
            }
            b.append("</ul>");
        }
        if (d.form() != null && !d.form().normalised().isEmpty()) {
            // what the officer or citizen typed, and the canonical value the dossier was decided on (issue 19 item 5)
            b.append("<h3>").append(e("DESK_DP_NORMALISED")).append("</h3><ul id=\"normalised\">");
            for (io.github.motcua.forms.NormalisedValue n : d.form().normalised()) {
                // the field by its labels, as the form shows it; its pointer stays for a script reading the page
                b.append("<li data-pointer=\"").append(esc(n.pointer())).append("\">")
                        .append(esc(labels.label(f.procedure().code(), n.pointer()))).append(": ")
                        .append(e("DESK_DP_TYPED", "typed", n.typed())).append(" <strong>").append(esc(n.canonical()))
                        .append("</strong></li>");
            }
            b.append("</ul>");
        }
        b.append("</section>");

        if (d.eligibility() != Eligibility.INDETERMINATE) {
            b.append("<section><h2>").append(e(f.portal() ? "DESK_DP_PAPERS_PORTAL" : "DESK_DP_PAPERS"))
                    .append("</h2><ul class=\"checklist\" id=\"checklist\">");
            for (RequiredComponent c : d.components()) {
                String id = "tp-" + c.id();
                boolean waived = c.status() == RequiredComponent.ComponentStatus.WAIVED;
                b.append("<li class=\"").append(c.status().name().toLowerCase(Locale.ROOT)).append("\">")
                        .append("<input type=\"checkbox\" id=\"").append(esc(id)).append('"')
                        .append(waived ? " disabled" : " name=\"daNhan\" value=\"" + esc(c.id()) + "\" form=\"receipt-form\"")
                        .append("> <label for=\"").append(esc(id)).append("\">").append(esc(c.name() == null ? c.id() : c.name().vi()))
                        .append("</label> <span class=\"form\">").append(esc(formVi(c.form()))).append(", ")
                        .append(e("DESK_DP_QUANTITY", "quantity", c.quantity())).append("</span> <span class=\"status\">").append(esc(statusVi(c, d))).append("</span>")
                        .append(basis(c.basis())).append("</li>");
            }
            b.append("</ul></section>");
            d.part(Digitisation.KEY).ifPresent(dg -> digitisation(b, dg, f.portal()));
        }

        b.append("<section><h2>").append(e("DESK_DP_DEADLINE")).append("</h2>");
        DeadlineResult dl = d.deadline();
        if (dl == null) {
            b.append("<p id=\"appointment\" class=\"pending\">").append(e(missing(d, "DESK_DP_NO_DEADLINE", "DESK_DP_NO_DEADLINE_INDETERMINATE", "DESK_DP_NO_DEADLINE_INELIGIBLE"))).append("</p>");
        } else {
            b.append("<p>").append(e("DESK_DP_APPOINTMENT")).append(" <strong id=\"appointment\">").append(esc(vnTime(dl.due().withZoneSameInstant(DeskApp.VN).toLocalDateTime())))
                    .append("</strong></p><p class=\"help\">").append(e("DESK_DP_START", "at",
                            vnTime(dl.effectiveStart().withZoneSameInstant(DeskApp.VN).toLocalDateTime()))).append("</p>");
            for (LegalBasis lb : dl.countingBases()) {
                b.append("<p class=\"help\">").append(esc(lb.citationVi())).append("</p>");
            }
        }
        b.append("</section>");

        b.append("<section><h2>").append(e(f.portal() ? "DESK_DP_FEES_ONLINE" : "DESK_DP_FEES")).append("</h2>");
        FeeAssessment fees = d.fees();
        if (fees == null) {
            b.append("<p id=\"fee-total\" class=\"pending\">").append(e(missing(d, "DESK_DP_NO_FEES", "DESK_DP_NO_FEES_INDETERMINATE", "DESK_DP_NO_FEES_INELIGIBLE"))).append("</p>");
        } else {
            b.append("<table class=\"fees\"><thead><tr><th>").append(e("DESK_DP_COL_ITEM")).append("</th><th>").append(e("DESK_DP_COL_QUANTITY"))
                    .append("</th><th>").append(e("DESK_DP_COL_AMOUNT")).append("</th><th>").append(e("DESK_DP_COL_BASIS"))
                    .append("</th></tr></thead><tbody>");
            for (FeeLine l : fees.lines()) {
                b.append("<tr><td>").append(esc(l.descriptionVi()));
                l.adjustments().forEach(a -> b.append("<br><small>").append(esc(a.reasonVi())).append("</small>"));
                b.append("</td><td>").append(l.quantity()).append("</td><td class=\"money\">").append(dong(l.amount().dong()))
                        .append("</td><td>").append(esc(l.basis().citationVi())).append(l.verified() ? "" : " <em>(" + e("DESK_DP_RATE_NOT_VERIFIED") + ")</em>")
                        .append("</td></tr>");
            }
            b.append("</tbody><tfoot><tr><th colspan=\"2\">").append(e("DESK_DP_TOTAL")).append("</th><th class=\"money\" id=\"fee-total\">")
                    .append(dong(fees.total().dong())).append("</th><th></th></tr></tfoot></table>");
        }
        b.append("</section>");

        b.append("<section class=\"actions\">");
        boolean receivable = d.eligibility() == Eligibility.ELIGIBLE || d.eligibility() == Eligibility.NOT_ASSESSED;
        if (receivable && dl != null) {
            if (!d.deadline().steps().isEmpty()) {
                b.append("<p><a id=\"timeline-link\" href=\"/ho-so/").append(esc(f.id()))
                        .append("/tien-do\">").append(e("DESK_DP_TIMELINE_LINK")).append("</a></p>");
            }
            b.append("<form method=\"get\" id=\"receipt-form\" action=\"/ho-so/").append(esc(f.id())).append("/giay-tiep-nhan\">")
                    .append("<p class=\"help\">").append(e("DESK_DP_RECEIPT_HELP")).append("</p>")
                    .append("<button type=\"submit\" id=\"print-receipt\">").append(e("DESK_DP_PRINT_RECEIPT")).append("</button></form>");
        } else if (receivable) {
            b.append("<p>").append(e("DESK_DP_NO_RECEIPT_YET")).append("</p>");
        } else {
            b.append("<p>").append(e("DESK_DP_NOT_RECEIVED")).append("</p>");
        }
        b.append("<p><a href=\"").append(f.portal() ? "/cong-dich-vu/" : "/thu-tuc/").append(esc(f.procedure().code()))
                .append("\">").append(e("DESK_DP_NEW_DOSSIER")).append("</a></p></section>");
        b.append("<p class=\"help\">").append(e("DESK_DP_PROVENANCE", "pack", d.provenance().packId(), "version",
                d.provenance().packVersion(), "asOf", d.provenance().asOf())).append("</p>");
        return Html.page(t("DESK_DP_DOSSIER", "id", f.id()), b.toString());
    }

    /**
     * The receipt and appointment slip (Mẫu 01) of the components the officer ticked (all required
     * ones when none is), with a print button; a 409 page when it cannot be issued.
     */
    /**
     * Why a decision has no deadline or no fee section: a decision that could not be made, or a dossier not eligible, has
     * none by design (the reason is under the eligibility heading); only an eligible one without it lacks the calendar or
     * fee table. The page used to say the calendar or fee table was not wired in for all three.
     */
    private static String missing(Decision d, String eligible, String indeterminate, String ineligible) {
        return switch (d.eligibility()) {
            case INDETERMINATE -> indeterminate;
            case INELIGIBLE -> ineligible;
            default -> eligible;
        };
    }

    static String receipt(Filing f, Documents documents, Set<String> ticked) {
        Decision d = f.decision();
        if ((d.eligibility() != Eligibility.ELIGIBLE && d.eligibility() != Eligibility.NOT_ASSESSED) || d.deadline() == null) {
            throw new DeskApp.HttpProblem(409, t("DESK_DP_NO_RECEIPT"), t("DESK_DP_NO_RECEIPT_DETAIL", "id", f.id()), null);
        }
        Set<String> received = new HashSet<>();
        for (RequiredComponent c : d.components()) {
            if (ticked.contains(c.id()) && c.status() != RequiredComponent.ComponentStatus.WAIVED) {
                received.add(c.id());
            }
        }
        var a = f.dossier().applicant();
        Addressee applicant = new Addressee(applicantName(f), a == null ? null : a.personalId(), null, null, null);
        DocumentHeader header = DocumentHeader.builder().superiorAgency("UBND TỈNH GIA LAI").office(f.unit().name().vi())
                .place("Gia Lai").issuedOn(f.dossier().receivedAt().atZoneSameInstant(DeskApp.VN).toLocalDate())
                .dossierCode(f.id()).procedureName(f.procedure().name().vi()).applicant(applicant).build();
        String returnPlace = f.dossier().channel() == Channel.DESK ? t("DESK_DP_RETURN_AT", "unit", f.unit().name().vi()) : null;
        ReceiptSlip slip = DecisionDocuments.receiptSlip(d, f.procedure(), new DecisionDocuments.ReceiptDetails(header,
                f.dossier().receivedAt(), f.dossier().channel(), returnPlace, f.officer(), received));
        String html = documents.render(slip, DeskApp.VI);
        String toolbar = "<div class=\"desk-toolbar\"><link rel=\"stylesheet\" href=\"/static/toolbar.css\">"
                + "<button type=\"button\" id=\"print\">" + e("DESK_DP_PRINT") + "</button> <a href=\"/ho-so/" + esc(f.id())
                + "\">" + e("DESK_BACK_TO_DOSSIER") + "</a></div><script src=\"/static/print.js\"></script>";
        int at = html.lastIndexOf("</body>");
        return at < 0 ? html + toolbar : html.substring(0, at) + toolbar + html.substring(at);
    }

    private static String applicantName(Filing f) {
        var a = f.dossier().applicant();
        return a == null || a.fullName() == null ? t("DESK_DP_NO_NAME") : a.fullName();
    }

    private static void fact(StringBuilder b, String term, String html) {
        b.append("<dt>").append(esc(term)).append("</dt><dd>").append(html).append("</dd>");
    }

    private static String basis(LegalBasis lb) {
        if (lb == null) {
            return "";
        }
        // citationVi() already says "(chưa xác minh)" for an unverified basis
        return " <span class=\"basis\">" + e("DESK_DP_BASIS", "basis", lb.citationVi()) + "</span>";
    }

    /**
     * Digitisation at receipt and reuse (số hóa, tái sử dụng kết quả): for the officer the papers to
     * digitise (with the national component codes), for both the results reused and the results this
     * procedure will store for later dossiers.
     */
    private static void digitisation(StringBuilder b, Digitisation dg, boolean portal) {
        b.append("<section id=\"digitisation\"><h2>").append(e(portal ? "DESK_DG_TITLE_PORTAL" : "DESK_DG_TITLE"))
                .append("</h2>");
        if (!portal) {
            if (!dg.atReceipt()) {
                b.append("<p id=\"to-digitise-none\">").append(e("DESK_DG_ONLINE")).append("</p>");
            } else if (dg.toDigitise().isEmpty()) {
                b.append("<p id=\"to-digitise-none\">").append(e("DESK_DG_NONE")).append("</p>");
            } else {
                b.append("<p>").append(e("DESK_DG_LEAD")).append(basis(dg.listBasis())).append("</p>")
                        .append("<ol id=\"to-digitise\">");
                for (Digitisation.Paper p : dg.toDigitise()) {
                    b.append("<li data-component=\"").append(esc(p.componentId())).append("\">").append(esc(p.nameVi()));
                    if (p.nationalCode() != null) {
                        b.append(" <span class=\"code\">").append(e("DESK_DG_NATIONAL_CODE", "code", p.nationalCode())).append("</span>");
                    }
                    if (p.ifBrought()) {
                        b.append(" <span class=\"help\">(").append(e("DESK_DG_IF_BROUGHT")).append(")</span>");
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
                        .append(": ").append(e("DESK_DG_REUSED", "result", r.resultNameVi(), "procedureName", r.procedureNameVi(),
                                "procedure", r.procedure()))
                        .append(basis(r.basis())).append("</li>");
            }
            b.append("</ul>");
        }
        for (Digitisation.IssuedResult r : dg.issues()) {
            b.append("<p class=\"help issues\">").append(e("DESK_DG_ISSUES", "result", r.nameVi(), "key", r.key())).append("</p>");
        }
        b.append("</section>");
    }

    /** The status of a component, naming the result and procedure a reused one came from. */
    static String statusVi(RequiredComponent c, Decision d) {
        if (c.status() == RequiredComponent.ComponentStatus.WAIVED) {
            for (Digitisation.Reused r : d.part(Digitisation.KEY).map(Digitisation::reused).orElse(java.util.List.of())) {
                if (r.componentId().equals(c.id())) {
                    return t("DESK_STATUS_REUSED", "result", r.resultNameVi(), "procedure", r.procedure());
                }
            }
        }
        return statusVi(c);
    }

    static String statusVi(RequiredComponent c) {
        return switch (c.status()) {
            case REQUIRED -> t("DESK_STATUS_REQUIRED");
            case OPTIONAL -> t("DESK_STATUS_OPTIONAL");
            case ONE_OF -> t("DESK_STATUS_ONE_OF", "group", c.group());
            case WAIVED -> t("DESK_STATUS_WAIVED", "source", c.waivedBy());
        };
    }

    static String formVi(DossierComponent.CopyKind form) {
        if (form == null) {
            return "";
        }
        return switch (form) {
            case ORIGINAL -> t("DESK_FORM_ORIGINAL");
            case CERTIFIED_COPY -> t("DESK_FORM_CERTIFIED_COPY");
            case ELECTRONIC_COPY -> t("DESK_FORM_ELECTRONIC_COPY");
            case COPY_WITH_ORIGINAL -> t("DESK_FORM_COPY_WITH_ORIGINAL");
        };
    }

    /** A date as the pages write it (the bundle's java.time pattern). */
    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern(t("DESK_DATE_PATTERN"), Locale.ROOT);

    /** "17 giờ 00 phút, ngày 09/03/2027", as the printed documents write times. */
    static String vnTime(LocalDateTime time) {
        return t("DESK_TIME", "hour", String.format(Locale.ROOT, "%02d", time.getHour()), "minute",
                String.format(Locale.ROOT, "%02d", time.getMinute()), "date", DATE.format(time));
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
        return t("DESK_DONG", "amount", (amount < 0 ? "-" : "") + b);
    }

    private static String t(String key, Object... pairs) {
        return DeskMessages.vi(key, pairs);
    }

    /** {@link #t}, HTML-escaped. */
    private static String e(String key, Object... pairs) {
        return esc(t(key, pairs));
    }
}
