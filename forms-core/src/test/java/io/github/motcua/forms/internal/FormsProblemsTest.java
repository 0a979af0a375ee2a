package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.Forms;
import io.github.motcua.forms.NoSuchFormException;
import io.github.motcua.forms.UnableToLoadFormsException;
import io.github.motcua.forms.FormsException;
import io.github.motcua.forms.document.ControlStep;
import io.github.motcua.forms.document.DocumentKind;
import io.github.motcua.kernel.BundleKeys;
import io.github.motcua.kernel.Problem;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * forms-core's exception bundle: every key in Vietnamese and English with the same placeholders,
 * every {@code FORMS_} key the code names is in it (a misspelt key fails here), none unused; and the
 * exceptions a caller meets carry their problem in both languages, the English one being
 * {@code getMessage()} as before.
 */
class FormsProblemsTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "forms");
    private static final Pattern KEY = Pattern.compile("\"(FORMS_[A-Z0-9_]+)\"");
    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void bundle_completeInBothLanguages_everyKeyTheCodeNamesIsInIt_andEveryKeyIsUsed() {
        BundleKeys.assertExactlyTheKeysUsed(FormsProblems.BUNDLE, BundleKeys.named(SOURCES, true, KEY), 50);
    }

    @Test
    void controlStepStatusAndDocumentTitles_inBothLanguages() {
        assertEquals("Đang xử lý", ControlStep.Status.PENDING.labelVi());
        assertEquals("In progress", ControlStep.Status.PENDING.labelEn());
        assertEquals("Quá hạn", ControlStep.Status.LATE.label(VI));
        assertEquals("On time", ControlStep.Status.ON_TIME.label(Locale.ENGLISH));
        assertEquals("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", DocumentKind.RECEIPT.titleVi());
        assertEquals("Dossier receipt and appointment slip", DocumentKind.RECEIPT.titleEn());
        assertEquals("Phiếu kiểm soát quá trình giải quyết hồ sơ", DocumentKind.CONTROL_SHEET.title(VI));
        assertEquals("Notice of refusal to accept the dossier", DocumentKind.REFUSAL.title(Locale.ENGLISH));
    }

    @Test
    void plainFormsException_hasItsKindInVietnamese_fromTheBundle() {
        Problem p = new FormsException("template engine broke").toProblem();
        assertEquals("FORMS", p.code().name());
        assertEquals("Lỗi tờ khai: template engine broke", p.messageVi());
        assertEquals("template engine broke", p.messageEn());
    }

    @Test
    void schemaThatDoesNotCompile_isTranslated() {
        Problem p = new UnableToLoadFormsException("forms/a.schema.json",
                FormsProblems.of("FORMS_SCHEMA_DOES_NOT_COMPILE", "id", "urn:motcua:forms:a", "detail", "bad pattern"), null).toProblem();
        assertEquals("Không nạp được tờ khai điện tử: Không biên dịch được lược đồ [urn:motcua:forms:a]: bad pattern", p.messageVi());
        assertEquals("cannot load the e-forms: schema [urn:motcua:forms:a] does not compile: bad pattern", p.messageEn());
    }

    @Test
    void templateNotGivenToTheRenderer_isTranslated() {
        io.github.motcua.forms.TemplateRenderer r = Forms.templates(FormsProblemsTest.class.getClassLoader(),
                "io/github/motcua/forms/apptemplates", "list.ftlh");
        io.github.motcua.forms.RenderingFailedException e = assertThrows(io.github.motcua.forms.RenderingFailedException.class,
                () -> r.render("other.ftlh", Map.of()));
        assertEquals("RENDERING_FAILED", e.toProblem().code().name());
        assertEquals("Mẫu không được giao cho bộ hiển thị này: [other.ftlh]", e.toProblem().messageVi());
        assertEquals("template not given to this renderer: [other.ftlh]", e.getMessage());
    }

    @Test
    void renderingAnUnknownForm_isTranslated() {
        FormRegistry forms = Forms.builder().packFiles(Map.of("forms/a.schema.json",
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"urn:motcua:forms:a\",\"type\":\"object\"}"))
                .build();
        NoSuchFormException e = assertThrows(NoSuchFormException.class,
                () -> forms.renderer().renderForm("khong-co", Map.of(), null, Locale.ROOT, "/"));
        assertEquals("Bộ quy tắc không có tờ khai [khong-co]", e.toProblem().messageVi());
        assertEquals("no form [khong-co] in this pack", e.getMessage());
    }

    @Test
    void starterDataHints_vietnameseThenEnglish() {
        FormRegistry forms = Forms.builder().packFiles(Map.of("procedures/T.001/form.schema.json",
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                        + "\"properties\":{\"cccd\":{\"type\":\"string\",\"format\":\"vn-personal-id\",\"title\":\"Số CCCD\"},"
                        + "\"soTrang\":{\"type\":\"integer\",\"title\":\"Số trang\"}}}"))
                .build();
        Map<String, Object> starter = forms.starterData("T.001");
        assertEquals("<Số CCCD: 12 chữ số / 12 digits>", starter.get("cccd"));
        assertEquals("<Số trang: số nguyên / whole number>", starter.get("soTrang"));
    }

    @Test
    void noSuchForm_isTranslated_withItsCode() {
        FormRegistry forms = Forms.builder().packFiles(Map.of("forms/a.schema.json",
                "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"urn:motcua:forms:a\",\"type\":\"object\"}"))
                .build();
        NoSuchFormException e = assertThrows(NoSuchFormException.class, () -> forms.validate("khong-co", "{}", java.util.Locale.ROOT));
        Problem p = e.toProblem();
        assertEquals("NO_SUCH_FORM", p.code().name());
        assertTrue(p.messageVi().startsWith("Bộ quy tắc không có tờ khai [khong-co]"), p.messageVi());
        assertTrue(p.messageEn().startsWith("no form [khong-co] in this pack"), p.messageEn());
        assertEquals(p.messageEn(), e.getMessage());
    }

    @Test
    void schemaThatIsNotJson_namesTheFileInBothLanguages() {
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class,
                () -> Forms.builder().packFiles(Map.of("forms/a.schema.json", "{not json")).build());
        Problem p = e.toProblem();
        assertEquals("FORMS", p.code().name());
        assertEquals("forms/a.schema.json", p.file());
        assertTrue(p.messageVi().startsWith("Không nạp được tờ khai điện tử: Lược đồ [forms/a.schema.json] không phải JSON hợp lệ"),
                p.messageVi());
        assertTrue(p.messageEn().startsWith("cannot load the e-forms: schema [forms/a.schema.json] is not valid JSON"), p.messageEn());
    }

    /**
     * An analyst's form schema with a comma left after its last property: the line and column of the mistake and what
     * to do, in Vietnamese — before, the Vietnamese carried the JSON parser's English ("Unexpected character ('}' (code
     * 125)): was expecting double-quote to start property name") at line 0.
     */
    @Test
    void schemaWithATrailingComma_lineColumnAndPlainWords_noParserEnglish() {
        String schema = "{\n  \"type\": \"object\",\n  \"properties\": {},\n}\n";
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class,
                () -> Forms.builder().packFiles(Map.of("procedures/1.001193/form.schema.json", schema)).build());
        Problem p = e.toProblem();
        assertEquals(4, p.line());
        assertEquals(1, p.column());
        assertEquals("Không nạp được tờ khai điện tử: Lược đồ [procedures/1.001193/form.schema.json] không phải JSON hợp lệ ở"
                + " dòng 4, cột 1: Thừa dấu phẩy trước dấu }: xóa dấu phẩy sau mục cuối cùng", p.messageVi());
        assertTrue(p.messageEn().endsWith("at line 4, column 1: a comma too many before }: delete the comma after the last entry"),
                p.messageEn());
    }

    /**
     * A procedure folder copied with its form: the copy's {@code $id} is the original's. Reported at the copy's
     * {@code "$id"} line (it was 0:0), naming the first file and the {@code $id} to write.
     */
    @Test
    void duplicateId_atTheSecondFilesIdLine_namingTheFirstFile_andTheIdToWrite() {
        String schema = "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
                + "  \"$id\": \"urn:motcua:forms:procedure:1.001193\",\n  \"type\": \"object\"\n}\n";
        Map<String, String> files = new java.util.TreeMap<>(Map.of("procedures/1.001193/form.schema.json", schema,
                "procedures/1.999999/form.schema.json", schema));
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class,
                () -> Forms.builder().packFiles(files).build());
        Problem p = e.toProblem();
        String second = p.file();
        String first = second.equals("procedures/1.999999/form.schema.json") ? "procedures/1.001193/form.schema.json"
                : "procedures/1.999999/form.schema.json";
        String own = second.substring("procedures/".length(), second.indexOf("/form"));
        assertEquals(3, p.line(), p.toString());
        assertEquals(3, p.column(), p.toString());
        assertEquals("Không nạp được tờ khai điện tử: Lược đồ [" + second + "] dùng lại \"$id\" [urn:motcua:forms:procedure:1.001193]"
                + " của lược đồ [" + first + "]: mỗi lược đồ cần một \"$id\" riêng; tờ khai của thủ tục này ghi \"$id\":"
                + " \"urn:motcua:forms:procedure:" + own + "\" (hoặc xóa dòng \"$id\")", p.messageVi());
        assertTrue(p.messageEn().contains("schema [" + second + "] reuses the \"$id\" [urn:motcua:forms:procedure:1.001193] of schema ["
                + first + "]"), p.messageEn());
    }
}
