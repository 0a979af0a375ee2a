package io.github.motcua.examples.pack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.Forms;
import io.github.motcua.forms.document.Addressee;
import io.github.motcua.forms.document.DocumentHeader;
import io.github.motcua.forms.document.ReceiptSlip;
import io.github.motcua.forms.document.ReceivedComponent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * docs/forms.md's printed receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả): a header and a slip built
 * part by part by name, rendered with the Gia Lai pack's templates. The doc's copy of the region is
 * this code ({@link #formsGuide_receiptSnippet_isThisTestsTaggedRegion()}).
 */
class PrintedReceiptExampleTest {

    static String receipt(FormRegistry forms) {
        // tag::receipt[]
        DocumentHeader header = DocumentHeader.builder().superiorAgency("UBND TỈNH GIA LAI")
                .office("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG").place("Gia Lai").issuedOn(LocalDate.of(2026, 3, 2))
                .dossierCode("G52.001-260302-0001").procedureName("Đăng ký khai sinh")
                .applicant(Addressee.named("Nguyễn Thị Hoa")).build();
        ReceiptSlip receipt = ReceiptSlip.builder(header)
                .components(List.of(new ReceivedComponent("Tờ khai đăng ký khai sinh", "Bản chính", 1)))
                .receivedAt(LocalDateTime.of(2026, 3, 2, 9, 0)).dueAt(LocalDateTime.of(2026, 3, 2, 17, 0))
                .channel(Channel.DESK).returnPlace("Tại Bộ phận Một cửa").receivingOfficer("Trần Văn Cán Bộ").build();
        String slip = forms.documents().render(receipt, Locale.forLanguageTag("vi-VN"));
        // end::receipt[]
        return slip;
    }

    @Test
    void receipt_builtByName_printsEachPart() {
        String slip = receipt(Forms.registry(Path.of("packs/gia-lai")));
        for (String part : List.of("UBND TỈNH GIA LAI", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG", "G52.001-260302-0001",
                "Đăng ký khai sinh", "Nguyễn Thị Hoa", "Tờ khai đăng ký khai sinh", "Tại Bộ phận Một cửa", "Trần Văn Cán Bộ")) {
            assertTrue(slip.contains(part), () -> part + " missing from:\n" + slip);
        }
    }

    @Test
    void formsGuide_receiptSnippet_isThisTestsTaggedRegion() throws Exception {
        DocSnippets.assertRegionIn("src/test/java/io/github/motcua/examples/pack/PrintedReceiptExampleTest.java", "receipt",
                "../docs/forms.md");
    }
}
