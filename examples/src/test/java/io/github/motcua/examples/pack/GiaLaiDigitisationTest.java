package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.document.Addressee;
import io.github.motcua.forms.document.ControlSheet;
import io.github.motcua.forms.document.DocumentHeader;
import io.github.motcua.forms.document.ReceiptSlip;
import io.github.motcua.forms.document.ReceivedComponent;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.DecisionDocuments;
import io.github.motcua.rules.Digitisation;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.RequiredComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Gia Lai pack's digitisation.yaml across procedures (issue 18 item 1): the land-use-right
 * certificate issued by 1.013978 is reused by the construction permit GL.GPXD.01; the imported 1.012062
 * names its national component codes; the control sheet the officer prints lists the papers to
 * digitise. The analysts' cases (1.013978/cases/so-hoa-va-ket-qua.yaml,
 * GL.GPXD.01/cases/tai-su-dung-giay-chung-nhan.yaml) check the same from the analyst's side.
 */
class GiaLaiDigitisationTest {
    static Engine engine;

    @BeforeAll
    static void load() {
        engine = Motcua.engine().clock(Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC)).build();
        engine.load(GiaLaiCasesTest.PACK).orThrow();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static String permit(String held) {
        return """
                {"procedure":"GL.GPXD.01","channel":"DESK","receivedAt":"2026-03-04T10:00:00+07:00","unit":"52-phuong-pleiku",
                 "applicant":{"personalId":"064080002468","fullName":"Nguyễn Văn Trung","birthDate":"1980-04-04","sex":"MALE",
                              "residenceUnit":"52-phuong-pleiku"},
                 "heldData":[%s],
                 "form":{"chuDauTu":{"hoTen":"Nguyễn Văn Trung","soDinhDanh":"064080002468","ngaySinh":"1980-04-04",
                                     "gioiTinh":"MALE","soDienThoai":"0971234567"},
                         "thuaDat":{"soThua":"245","soToBanDo":"18","dienTich":120.5,"diaChi":"Tổ 5, phường Pleiku",
                                    "maXa":"52-phuong-pleiku"},
                         "khuVuc":"DO_THI",
                         "congTrinh":{"coTangHam":false,"soTang":3,"dienTichXayDung":96.0,"tongDienTichSan":288.0,"chieuCao":12.5},
                         "coCongTrinhLienKe":false}}
                """.formatted(held);
    }

    @Test
    void permit_heldLandCertificate_waivesTheLandPaper_namingProcedureResultAndBasis() {
        Decision d = engine.decide(permit("\"1.013978/giay-chung-nhan\""));
        RequiredComponent land = d.components().stream().filter(c -> c.id().equals("giay-to-quyen-su-dung-dat")).findFirst()
                .orElseThrow();
        assertEquals(RequiredComponent.ComponentStatus.WAIVED, land.status());
        assertEquals("1.013978/giay-chung-nhan", land.waivedBy());
        assertEquals("ND118-2025-TAI-SU-DUNG", land.basis().id());
        assertFalse(land.basis().verified(), "the reuse basis is [MEMORY] in FACTS.md §1.5");
        Digitisation dg = d.part(Digitisation.KEY).orElseThrow();
        Digitisation.Reused r = dg.reused().get(0);
        assertEquals("1.013978", r.procedure());
        assertEquals("Đăng ký đất đai, tài sản gắn liền với đất lần đầu và cấp Giấy chứng nhận lần đầu", r.procedureNameVi());
        assertTrue(r.resultNameVi().startsWith("Giấy chứng nhận quyền sử dụng đất"), r.resultNameVi());
        assertEquals("GL-DANH-MUC-SO-HOA", dg.listBasis().id());
        assertFalse(dg.listBasis().verified(), "Gia Lai's approved list was not found: unverified");
        String text = d.toTextVi();
        assertTrue(text.contains("[Bản sao giấy tờ chứng minh quyền sử dụng đất] được miễn nộp — Giấy chứng nhận quyền sử dụng đất"),
                text);
        assertTrue(text.contains("do thủ tục 1.013978 (Đăng ký đất đai"), text);
    }

    @Test
    void controlSheet_listsThePapersToDigitise_withoutTheReusedOne() {
        Decision held = engine.decide(permit("\"1.013978/giay-chung-nhan\""));
        Decision none = engine.decide(permit(""));
        DocumentHeader h = new DocumentHeader("UBND TỈNH GIA LAI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", null, "Gia Lai",
                LocalDate.of(2026, 3, 4), "HS-2026-0042", "Cấp giấy phép xây dựng", Addressee.named("Nguyễn Văn Trung"));
        OffsetDateTime at = OffsetDateTime.parse("2026-03-04T10:00:00+07:00");
        ControlSheet withHeld = DecisionDocuments.controlSheet(held, h, at);
        assertEquals(List.of("Đơn đề nghị cấp giấy phép xây dựng",
                "Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)"), withHeld.toDigitise());
        assertEquals(3, DecisionDocuments.controlSheet(none, h, at).toDigitise().size());
        String html = engine.forms().orElseThrow().documents().render(withHeld, Locale.forLanguageTag("vi-VN"));
        assertTrue(html.contains("Thành phần hồ sơ phải số hóa khi tiếp nhận"), html);
        assertTrue(html.contains("<li>Đơn đề nghị cấp giấy phép xây dựng</li>"), html);
    }

    @Test
    void receiptSlip_marksThePapersToDigitise_asTheControlSheetListsThem() {
        Decision held = engine.decide(permit("\"1.013978/giay-chung-nhan\""));
        DocumentHeader h = new DocumentHeader("UBND TỈNH GIA LAI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", null, "Gia Lai",
                LocalDate.of(2026, 3, 4), "HS-2026-0042", "Cấp giấy phép xây dựng", Addressee.named("Nguyễn Văn Trung"));
        OffsetDateTime at = OffsetDateTime.parse("2026-03-04T10:00:00+07:00");
        List<String> toDigitise = DecisionDocuments.controlSheet(held, h, at).toDigitise();
        io.github.motcua.rules.Procedure permit = engine.catalog().stream().filter(p -> p.code().equals("GL.GPXD.01"))
                .findFirst().orElseThrow();
        ReceiptSlip slip = DecisionDocuments.receiptSlip(held, permit, new DecisionDocuments.ReceiptDetails(h, at,
                io.github.motcua.dossier.Channel.DESK, null, "Cán bộ tiếp nhận", java.util.Set.of()));
        List<String> marked = slip.components().stream().filter(ReceivedComponent::toDigitise).map(ReceivedComponent::name)
                .toList();
        assertEquals(List.of("Đơn đề nghị cấp giấy phép xây dựng",
                "Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)"), marked);
        for (ReceivedComponent c : slip.components()) {
            assertEquals(toDigitise.contains(c.name()), c.toDigitise(), c.name()); // same list as the control sheet
        }
        String html = engine.forms().orElseThrow().documents().render(slip, Locale.forLanguageTag("vi-VN"));
        assertTrue(html.contains("<th>Số hóa khi tiếp nhận</th>"), html);
        assertEquals(marked.size(), html.split("<tr class=\"digitise\">", -1).length - 1, html);
    }

    @Test
    void importedProcedure_papersToDigitise_carryTheirNationalComponentCodes() {
        Decision d = engine.decide("{\"procedure\":\"1.012062\",\"channel\":\"DESK\","
                + "\"receivedAt\":\"2026-03-04T10:00:00+07:00\",\"unit\":\"52-tthcc-pleiku\"}");
        Digitisation dg = d.part(Digitisation.KEY).orElseThrow(() -> new AssertionError(d.toTextVi()));
        assertEquals(List.of("000.00.00.G10-KQ005588", "G10-KQ007538", "G10-KQ007539", "G10-KQ007537"),
                dg.toDigitise().stream().map(Digitisation.Paper::nationalCode).toList());
        assertTrue(d.toTextVi().contains("02 ảnh cỡ 3 cm x 4 cm (mã thành phần hồ sơ 000.00.00.G10-KQ005588)"), d.toTextVi());
        assertTrue(d.toJson().contains("\"nationalCode\" : \"G10-KQ007538\""), d.toJson());
    }

    @Test
    void issuingProcedure_birthRegistration_namesItsReusableResult() {
        Decision d = engine.decide(GiaLaiDecisionsTest.dossier("khai-sinh-sau-15-gio"));
        Digitisation dg = d.part(Digitisation.KEY).orElseThrow();
        assertEquals(List.of("1.001193/giay-khai-sinh"), dg.issues().stream().map(Digitisation.IssuedResult::key).toList());
        assertTrue(d.toTextVi().contains("Kết quả được tái sử dụng cho hồ sơ sau: Giấy khai sinh (mã trong kho dữ liệu: 1.001193/giay-khai-sinh)"),
                d.toTextVi());
        assertTrue(d.toTextEn().contains("Result reusable by later dossiers: Birth certificate"), d.toTextEn());
    }
}
