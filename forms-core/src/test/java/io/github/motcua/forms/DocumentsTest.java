package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import io.github.motcua.forms.document.Addressee;
import io.github.motcua.forms.document.ApologyLetter;
import io.github.motcua.forms.document.ControlSheet;
import io.github.motcua.forms.document.ControlStep;
import io.github.motcua.forms.document.DocumentHeader;
import io.github.motcua.forms.document.DocumentKind;
import io.github.motcua.forms.document.PrintableDocument;
import io.github.motcua.forms.document.ReceiptSlip;
import io.github.motcua.forms.document.ReceivedComponent;
import io.github.motcua.forms.document.RefusalNotice;
import io.github.motcua.forms.document.SupplementItem;
import io.github.motcua.forms.document.SupplementRequest;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    static final Locale VI = Locale.forLanguageTag("vi-VN");
    static final Documents DOCUMENTS = TestPacks.registry().documents();
    static final LocalDateTime RECEIVED = LocalDateTime.of(2026, 2, 13, 15, 30);
    static final LocalDateTime DUE = LocalDateTime.of(2026, 2, 23, 17, 0);

    static DocumentHeader header(String s) {
        return new DocumentHeader("UBND TỈNH GIA LAI " + s, "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG " + s, "12/" + s, "Gia Lai " + s,
                LocalDate.of(2026, 2, 13), "G52.001-260213-0001" + s, "Đăng ký khai sinh " + s,
                new Addressee("Nguyễn Thị Hoa " + s, "064198001234" + s, "Xã Ia O " + s, "0912345678" + s, "hoa@example.vn" + s));
    }

    /** The renamed {@code Applicant} (deprecated for one release) still heads a document, as the same addressee. */
    @Test
    @SuppressWarnings("deprecation")
    void header_deprecatedApplicant_isTheSameAddressee() {
        DocumentHeader old = new DocumentHeader("UBND", "TTPVHCC", null, "Gia Lai", LocalDate.of(2026, 2, 13), "HS-1", "Khai sinh",
                new io.github.motcua.forms.document.Applicant("Nguyễn Thị Hoa", "064198001234", null, null, null));
        assertEquals(new Addressee("Nguyễn Thị Hoa", "064198001234", null, null, null), old.applicant());
    }

    /** The builders name each part and build the value the positional constructors build. */
    @Test
    void builders_nameEachPart_andBuildWhatTheConstructorBuilds() {
        DocumentHeader built = DocumentHeader.builder().superiorAgency("UBND TỈNH GIA LAI x")
                .office("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG x").documentNumber("12/x").place("Gia Lai x")
                .issuedOn(LocalDate.of(2026, 2, 13)).dossierCode("G52.001-260213-0001x").procedureName("Đăng ký khai sinh x")
                .applicant(new Addressee("Nguyễn Thị Hoa x", "064198001234x", "Xã Ia O x", "0912345678x", "hoa@example.vnx"))
                .build();
        assertEquals(header("x"), built);
        ReceiptSlip slip = ReceiptSlip.builder(built).components(List.of(new ReceivedComponent("Tờ khai", "Bản chính", 1)))
                .receivedAt(RECEIVED).dueAt(DUE).channel(Channel.DESK).returnPlace("Tại Bộ phận Một cửa").feeTotalDong(8_000)
                .receivingOfficer("Trần Văn Cán Bộ").receivingUnit("UBND xã Ia O").competentUnit("UBND xã Ia O").build();
        assertEquals(new ReceiptSlip(built, List.of(new ReceivedComponent("Tờ khai", "Bản chính", 1)), RECEIVED, DUE,
                Channel.DESK, "Tại Bộ phận Một cửa", 8_000, "Trần Văn Cán Bộ", "UBND xã Ia O", "UBND xã Ia O"), slip);
        // what is left out is what the short constructor leaves out
        assertEquals(new ReceiptSlip(built, List.of(), RECEIVED, DUE, Channel.ONLINE, null, 0, null),
                ReceiptSlip.builder(built).receivedAt(RECEIVED).dueAt(DUE).channel(Channel.ONLINE).build());
    }

    /** A builder refuses what the constructor refuses, naming the part. */
    @Test
    void builders_missingOrWrongPart_refusedNamingIt() {
        NullPointerException npe = assertThrows(NullPointerException.class, () -> DocumentHeader.builder().office("TTPVHCC")
                .issuedOn(LocalDate.of(2026, 2, 13)).dossierCode("HS-1").procedureName("Khai sinh")
                .applicant(Addressee.named("Nguyễn Thị Hoa")).build());
        assertEquals("place", npe.getMessage());
        npe = assertThrows(NullPointerException.class, () -> ReceiptSlip.builder(header("")).receivedAt(RECEIVED).dueAt(DUE).build());
        assertEquals("channel", npe.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReceiptSlip.builder(header(""))
                .receivedAt(DUE).dueAt(RECEIVED).channel(Channel.DESK).build());
        assertEquals("dueAt [2026-02-13T15:30] is before receivedAt [2026-02-23T17:00]", e.getMessage());
    }

    /** Every document kind with {@code s} in every text field. */
    static List<PrintableDocument> all(String s) {
        DocumentHeader h = header(s);
        return List.of(
                new ReceiptSlip(h, List.of(new ReceivedComponent("Tờ khai " + s, "Bản chính " + s, 1)), RECEIVED, DUE,
                        Channel.DESK, "Tại Bộ phận Một cửa " + s, 1_234_567, "Trần Văn Cán Bộ " + s),
                new SupplementRequest(h, List.of(new SupplementItem("Giấy chứng sinh " + s, "Bản chụp mờ " + s)), "Cán bộ " + s),
                new RefusalNotice(h, List.of("Không thuộc thẩm quyền " + s), "Cán bộ " + s),
                new ApologyLetter(h, "Cần xác minh " + s, DUE, DUE.plusDays(3), "Giám đốc " + s),
                new ControlSheet(h, RECEIVED, DUE, List.of(new ControlStep("Thẩm định " + s, "Bộ phận Một cửa " + s,
                        "Công chức tư pháp " + s, RECEIVED, DUE.minusDays(2), DUE.minusDays(3)))));
    }

    @Nested
    class Content {
        @Test
        void render_receipt_showsDueTimeFeeAndUnverifiedFormNumbers() {
            String html = DOCUMENTS.render(all("").get(0), VI);
            assertTrue(html.contains("<title>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</title>"));
            assertTrue(html.contains("Thời gian trả kết quả: 17 giờ 00 phút, ngày 23/02/2026"));
            assertTrue(html.contains("1.234.567 đồng"));
            assertTrue(html.contains("Mẫu số 01 (Phụ lục I, Thông tư 03/2025/TT-VPCP); Mẫu số 01 (Thông tư 01/2018/TT-VPCP)"));
            assertTrue(html.contains("chưa xác minh"));
            assertTrue(html.contains("@page { size: A4;"));
            assertTrue(html.contains("Gia Lai , ngày 13 tháng 2 năm 2026"));
        }

        @Test
        void render_receipt_marksThePapersToDigitise_andHasNoSuchColumnWhenNoneIs() {
            String plain = DOCUMENTS.render(all("").get(0), VI);
            assertTrue(!plain.contains("Số hóa") && !plain.contains("class=\"digitise\""), plain);
            ReceiptSlip marked = new ReceiptSlip(header(""), List.of(new ReceivedComponent("Tờ khai", "Bản chính", 1),
                    new ReceivedComponent("Bản vẽ thiết kế", "Bản chính", 2, true)), RECEIVED, DUE, Channel.DESK, null, 0,
                    "Cán bộ");
            String html = DOCUMENTS.render(marked, VI);
            assertTrue(html.contains("<th>Số hóa khi tiếp nhận</th>"), html);
            assertTrue(html.contains("<tr class=\"digitise\"><td>2</td><td>Bản vẽ thiết kế</td><td>Bản chính</td><td>2</td>"
                    + "<td>Số hóa</td></tr>"), html);
            assertTrue(html.contains("<tr><td>1</td><td>Tờ khai</td><td>Bản chính</td><td>1</td><td></td></tr>"), html);
        }

        @Test
        void render_controlSheet_numberedAsMau06Under2025AndStatusEarly() {
            String html = DOCUMENTS.render(all("").get(4), VI);
            assertTrue(html.contains("Mẫu số 06 (Phụ lục I, Thông tư 03/2025/TT-VPCP); Mẫu số 05 (Thông tư 01/2018/TT-VPCP)"));
            assertTrue(html.contains("<td>Trước hạn</td>"));
        }

        @Test
        void render_everyKind_titleOfItsKind() {
            for (PrintableDocument d : all("")) {
                String html = DOCUMENTS.render(d, VI);
                assertTrue(html.contains("<h1>" + d.kind().titleVi() + "</h1>"), d.kind().name());
            }
            assertEquals(5, DocumentKind.values().length);
        }

        @Test
        void render_english_addsEnglishTitle() {
            assertTrue(DOCUMENTS.render(all("").get(2), Locale.ENGLISH).contains("Notice of refusal to accept the dossier"));
        }

        @Test
        void render_nfdNames_printedNfc() {
            String nfd = Normalizer.normalize("Lê Thị Ánh", Normalizer.Form.NFD);
            String html = DOCUMENTS.render(new RefusalNotice(header(nfd), List.of("x"), "y"), VI);
            assertTrue(html.contains("Lê Thị Ánh"));
            assertTrue(!html.contains(nfd));
        }
    }

    @Nested
    class Escaping {
        @Test
        void render_payloadInEveryField_inert() {
            for (PrintableDocument d : all(Payloads.combined())) {
                for (Locale l : List.of(VI, Locale.ENGLISH)) {
                    Payloads.assertInert(DOCUMENTS.render(d, l));
                }
            }
        }
    }

    @Nested
    class Model {
        @Test
        void controlStep_status_fromDoneAgainstDue() {
            LocalDateTime due = LocalDateTime.of(2026, 3, 10, 17, 0);
            assertEquals(ControlStep.Status.EARLY, new ControlStep("a", "b", "c", null, due, due.minusDays(1)).status());
            assertEquals(ControlStep.Status.ON_TIME, new ControlStep("a", "b", "c", null, due, due.minusHours(1)).status());
            assertEquals(ControlStep.Status.LATE, new ControlStep("a", "b", "c", null, due, due.plusMinutes(1)).status());
            assertEquals(ControlStep.Status.PENDING, new ControlStep("a", "b", "c", null, due, null).status());
        }

        @Test
        void receiptSlip_dueBeforeReceived_failsFastNamingBoth() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReceiptSlip(header(""), List.of(),
                    DUE, RECEIVED, Channel.ONLINE, null, 0, null));
            assertEquals("dueAt [2026-02-13T15:30] is before receivedAt [2026-02-23T17:00]", e.getMessage());
        }

        @Test
        void documentKind_bases_unverified() {
            for (DocumentKind k : DocumentKind.values()) {
                assertTrue(k.bases().stream().noneMatch(b -> b.verified()), k.name());
            }
        }
    }
}
