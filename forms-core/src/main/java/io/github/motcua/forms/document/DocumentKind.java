package io.github.motcua.forms.document;

import io.github.motcua.law.LegalBasis;
import java.util.List;

/**
 * The five printable documents of the one-stop mechanism, with their template numbers.
 *
 * <p>The numbers under Thông tư 01/2018/TT-VPCP come from memory (except Mẫu 02, seen in a
 * third-party print template) and those under Thông tư 03/2025/TT-VPCP Phụ lục I from one
 * third-party report (FACTS.md §1.2): both are printed with a note that they are unverified.
 *
 * <p>Thread-safe (an enum).
 */
public enum DocumentKind {
    /** Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    RECEIPT("receipt.ftlh", "FORMS_LABEL_DOCUMENT_RECEIPT", "01", "01"),
    /** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
    SUPPLEMENT_REQUEST("supplement-request.ftlh", "FORMS_LABEL_DOCUMENT_SUPPLEMENT_REQUEST", "02", "02"),
    /** Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
    REFUSAL("refusal.ftlh", "FORMS_LABEL_DOCUMENT_REFUSAL", "03", "03"),
    /** Văn bản xin lỗi và hẹn lại ngày trả kết quả (TT 01/2018: Phiếu xin lỗi và hẹn lại ngày trả kết quả). */
    APOLOGY("apology.ftlh", "FORMS_LABEL_DOCUMENT_APOLOGY", "04", "04"),
    /** Phiếu kiểm soát quá trình giải quyết hồ sơ. */
    CONTROL_SHEET("control-sheet.ftlh", "FORMS_LABEL_DOCUMENT_CONTROL_SHEET", "05", "06");

    private static final LegalBasis TT_01_2018 = new LegalBasis("TT-01-2018-VPCP", "Thông tư 01/2018/TT-VPCP",
            null, null, null, null, null, null, false,
            "Template numbers recalled from memory (FACTS.md §1.2); it guided NĐ 61/2018/NĐ-CP, which NĐ 118/2025/NĐ-CP "
                    + "replaced from 01/7/2025; its own end date is not verified.");
    private static final LegalBasis TT_03_2025 = new LegalBasis("TT-03-2025-VPCP", "Thông tư 03/2025/TT-VPCP",
            null, null, null, null, null, null, false,
            "Phụ lục I template numbers from one third-party report (FACTS.md §1.2); check the official text.");

    private final String template;
    private final String titleKey;
    private final String formNo2018;
    private final String formNo2025;

    DocumentKind(String template, String titleKey, String formNo2018, String formNo2025) {
        this.template = template;
        this.titleKey = titleKey;
        this.formNo2018 = formNo2018;
        this.formNo2025 = formNo2025;
    }

    /** The template file that prints it; a pack may override it in its {@code templates/} folder. */
    public String template() {
        return template;
    }

    /** The document's title in the reader's language (forms-core's bundle; Vietnamese unless English). */
    public String title(java.util.Locale locale) {
        return io.github.motcua.kernel.Messages.render("io/github/motcua/forms/problems", titleKey, java.util.Map.of(), locale);
    }

    /** The Vietnamese title, the document's name in the circulars, e.g. "Giấy tiếp nhận hồ sơ và hẹn trả kết quả". */
    public String titleVi() {
        return title(io.github.motcua.kernel.Messages.VI);
    }

    /** The English title, e.g. "Dossier receipt and appointment slip". */
    public String titleEn() {
        return title(java.util.Locale.ENGLISH);
    }

    /** "Mẫu số" under TT 01/2018/TT-VPCP (unverified). */
    public String formNumber2018() {
        return formNo2018;
    }

    /** "Mẫu số" under TT 03/2025/TT-VPCP Phụ lục I (unverified). */
    public String formNumber2025() {
        return formNo2025;
    }

    /** The circulars that number this template, both marked unverified. */
    public List<LegalBasis> bases() {
        return List.of(TT_03_2025, TT_01_2018);
    }
}
