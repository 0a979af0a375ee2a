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
    RECEIPT("receipt.ftlh", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
            "Dossier receipt and appointment slip", "01", "01"),
    /** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
    SUPPLEMENT_REQUEST("supplement-request.ftlh", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
            "Request to supplement and complete the dossier", "02", "02"),
    /** Phiếu từ chối tiếp nhận giải quyết hồ sơ. */
    REFUSAL("refusal.ftlh", "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
            "Notice of refusal to accept the dossier", "03", "03"),
    /** Văn bản xin lỗi và hẹn lại ngày trả kết quả (TT 01/2018: Phiếu xin lỗi và hẹn lại ngày trả kết quả). */
    APOLOGY("apology.ftlh", "Văn bản xin lỗi và hẹn lại ngày trả kết quả",
            "Letter of apology with a new date for the result", "04", "04"),
    /** Phiếu kiểm soát quá trình giải quyết hồ sơ. */
    CONTROL_SHEET("control-sheet.ftlh", "Phiếu kiểm soát quá trình giải quyết hồ sơ",
            "Dossier processing control sheet", "05", "06");

    private static final LegalBasis TT_01_2018 = new LegalBasis("TT-01-2018-VPCP", "Thông tư 01/2018/TT-VPCP",
            null, null, null, null, null, null, false,
            "Template numbers recalled from memory (FACTS.md §1.2); it guided NĐ 61/2018/NĐ-CP, which NĐ 118/2025/NĐ-CP "
                    + "replaced from 01/7/2025; its own end date is not verified.");
    private static final LegalBasis TT_03_2025 = new LegalBasis("TT-03-2025-VPCP", "Thông tư 03/2025/TT-VPCP",
            null, null, null, null, null, null, false,
            "Phụ lục I template numbers from one third-party report (FACTS.md §1.2); check the official text.");

    private final String template;
    private final String titleVi;
    private final String titleEn;
    private final String formNo2018;
    private final String formNo2025;

    DocumentKind(String template, String titleVi, String titleEn, String formNo2018, String formNo2025) {
        this.template = template;
        this.titleVi = titleVi;
        this.titleEn = titleEn;
        this.formNo2018 = formNo2018;
        this.formNo2025 = formNo2025;
    }

    /** The template file that prints it; a pack may override it in its {@code templates/} folder. */
    public String template() {
        return template;
    }

    public String titleVi() {
        return titleVi;
    }

    public String titleEn() {
        return titleEn;
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
