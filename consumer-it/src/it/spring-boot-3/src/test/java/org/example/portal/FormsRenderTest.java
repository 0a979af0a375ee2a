package org.example.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.FormReport;
import io.github.motcua.forms.Forms;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Validates and renders an e-form in the portal: Freemarker and networknt run with the versions
 * Maven chose here (Spring Boot 3.5.7 manages Freemarker 2.3.34; forms-core needs 2.3.35, whose
 * Configuration.VERSION_2_3_35 an older jar lacks).
 */
class FormsRenderTest {

    @Test
    void validatesAndRendersAForm() {
        FormRegistry forms = Forms.registry(Path.of("src/test/resources/forms-pack"));
        Locale vi = Locale.forLanguageTag("vi-VN");
        FormReport bad = forms.validate("1.001193", "{}", vi);
        assertFalse(bad.valid());
        FormReport good = forms.validate("1.001193", "{\"giayChungSinh\":\"CO\"}", vi);
        assertTrue(good.valid(), good.violations().toString());
        String html = forms.renderer().renderForm("1.001193", good.data(), good, vi, "/nop");
        assertTrue(html.contains("Giấy chứng sinh"), html);
    }
}
