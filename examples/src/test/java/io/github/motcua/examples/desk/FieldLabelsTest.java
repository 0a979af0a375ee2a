package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.Engine;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decision page named a value it read in canonical form by its JSON pointer ({@code /nguoiYeuCau/soDinhDanh}), which
 * an officer or a citizen cannot read; it now names the field by the form's own titles, through the pack's shared
 * schemas ({@code $ref} to {@code urn:motcua:forms:common}) as the form shows them.
 */
class FieldLabelsTest {
    static Engine engine;
    static FieldLabels labels;

    @BeforeAll
    static void load() {
        engine = Motcua.engine().backgroundWarmUp(false).build();
        engine.load(Path.of("packs/gia-lai")).orThrow();
        labels = new FieldLabels(engine.forms().orElseThrow());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void label_followsTheTitles_throughTheSharedSchemas() {
        assertEquals("Người yêu cầu chứng thực › Số định danh cá nhân", labels.label("2.000815", "/nguoiYeuCau/soDinhDanh"));
        assertEquals("Người yêu cầu chứng thực › Nơi cư trú › Xã, phường, đặc khu",
                labels.label("2.000815", "/nguoiYeuCau/noiCuTru/xaPhuong"));
        assertEquals("Người được cấp Phiếu lý lịch tư pháp › Ngày, tháng, năm sinh",
                labels.label("GL.LLTP.01", "/nguoiDuocCap/ngaySinh"));
    }

    @Test
    void label_ofAFieldTheFormDoesNotHave_orAFormThatIsNot_isThePointer() {
        assertEquals("/khongCo/x", labels.label("2.000815", "/khongCo/x"));
        assertEquals("/nguoiYeuCau/soDinhDanh", labels.label("9.999999", "/nguoiYeuCau/soDinhDanh"));
    }
}
