package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.motcua.kernel.Failures;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Session 16: a null given to a forms entry point fails at once with a {@code NullPointerException} naming the argument
 * (some failed deep inside with the JDK's words, or none on a warm JVM), and the words the service, the CLI or a
 * decision show for it ({@link Failures#describe}) name it too.
 */
class NullArgumentsTest {
    static final FormRegistry FORMS = TestPacks.registry();
    static final Locale VI = Locale.forLanguageTag("vi");

    static void namesTheArgument(String argument, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertEquals(argument, e.getMessage());
        assertEquals("NullPointerException: " + argument, Failures.describe(e));
    }

    @Test
    void validate_nullData_namesIt() {
        namesTheArgument("json", () -> FORMS.validate(TestPacks.FORM, (String) null, VI));
        namesTheArgument("json", () -> FORMS.validate(TestPacks.FORM, (byte[]) null, VI));
        namesTheArgument("json", () -> FORMS.validate(TestPacks.FORM, (InputStream) null, VI));
    }

    /**
     * Session 17: a {@code null} map is a programming error like a {@code null} text (it was read as JSON null and
     * reported to the citizen as a wrong-type violation); the JSON text {@code null} is still input and a violation.
     */
    @Test
    void validate_nullMap_namesIt_whileTheJsonTextNullIsAViolation() {
        namesTheArgument("data", () -> FORMS.validate(TestPacks.FORM, (Map<String, ?>) null, VI));
        namesTheArgument("data", () -> FORMS.validate("khong-co-to-khai", (Map<String, ?>) null, VI));
        FormReport text = FORMS.validate(TestPacks.FORM, "null", VI);
        assertFalse(text.valid());
        assertEquals("type", text.violations().get(0).keyword());
        assertEquals("", text.violations().get(0).pointer());
        FormReport bytes = FORMS.validate(TestPacks.FORM, "null".getBytes(StandardCharsets.UTF_8), VI);
        assertEquals(text.violations(), bytes.violations());
    }

    @Test
    void prefill_nullDataOrSources_namesIt() {
        namesTheArgument("sources", () -> FORMS.prefill(TestPacks.FORM, Map.of(), "064198001234", null));
        // was read as "nothing entered yet"; Map.of() says that
        namesTheArgument("data", () -> FORMS.prefill(TestPacks.FORM, null, "064198001234", List.of()));
        assertEquals(Map.of(), FORMS.prefill(TestPacks.FORM, Map.of(), null, List.of()).data());
    }

    @Test
    void renderer_nullDataOrParams_namesIt() {
        namesTheArgument("data", () -> FORMS.renderer().renderForm(TestPacks.FORM, null, null, VI, "/nop"));
        namesTheArgument("params", () -> FORMS.renderer().readPost(TestPacks.FORM, null));
        namesTheArgument("formId", () -> FORMS.renderer().renderForm(null, Map.of(), null, VI, "/nop"));
        namesTheArgument("formId", () -> FORMS.renderer().readPost(null, Map.of()));
    }

    @Test
    void documents_nullDocument_namesIt() {
        namesTheArgument("document", () -> FORMS.documents().render(null, VI));
        TemplateRenderer app = Forms.templates(TemplateRendererTest.CL, TemplateRendererTest.ROOT, "list.ftlh");
        namesTheArgument("name", () -> app.render(null, Map.of()));
        namesTheArgument("model", () -> app.render("list.ftlh", null));
    }

    @Test
    void builder_nullFilesOrCodes_namesThem() {
        namesTheArgument("files", () -> Forms.builder().packFiles(null));
        namesTheArgument("codes", () -> Forms.builder().unitCodes((Set<String>) null));
        namesTheArgument("codes", () -> Forms.builder().unitCodes((java.util.function.Predicate<String>) null));
        namesTheArgument("limits", () -> Forms.builder().limits(null));
        namesTheArgument("timeout", () -> Forms.builder().renderTimeout(null));
    }

    /**
     * A null locale is not a missing argument: as for every locale of the library ({@code Problem.message},
     * {@code Documents.render}, {@code Violation.message}) it means Vietnamese, the one-stop shop's language — not an
     * exception, and not the JVM's default locale — through each of the four {@code validate}s.
     */
    @Test
    void validate_nullLocale_isVietnamese_notTheJvmDefault() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            List<FormReport> reports = List.of(
                    FORMS.validate(TestPacks.FORM, "{}", null),
                    FORMS.validate(TestPacks.FORM, "{}".getBytes(StandardCharsets.UTF_8), null),
                    FORMS.validate(TestPacks.FORM, new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), null),
                    FORMS.validate(TestPacks.FORM, Map.of(), null));
            List<String> vi = FORMS.validate(TestPacks.FORM, "{}", VI).messages();
            List<String> en = FORMS.validate(TestPacks.FORM, "{}", Locale.ENGLISH).messages();
            assertFalse(vi.isEmpty(), "the test needs an invalid form");
            assertNotEquals(vi, en);
            for (FormReport r : reports) {
                assertEquals(Locale.forLanguageTag("vi-VN"), r.locale());
                assertEquals(vi, r.messages());
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    /**
     * Session 17: a {@code null} form id is a programming error, named (it was a {@link NoSuchFormException} "form id
     * must not be null"), through every method that takes one; an unknown id is still the typed
     * {@link NoSuchFormException}.
     */
    @Test
    void aNullFormId_namesIt_anUnknownOneIsNoSuchForm() {
        namesTheArgument("formId", () -> FORMS.validate(null, "{}", VI));
        namesTheArgument("formId", () -> FORMS.validate(null, "{}".getBytes(StandardCharsets.UTF_8), VI));
        namesTheArgument("formId", () -> FORMS.validate(null, new ByteArrayInputStream(new byte[0]), VI));
        namesTheArgument("formId", () -> FORMS.validate(null, Map.of(), VI));
        namesTheArgument("formId", () -> FORMS.prefill(null, Map.of(), null, List.of()));
        namesTheArgument("formId", () -> FORMS.starterData(null));
        namesTheArgument("formId", () -> FORMS.formVersion(null));
        namesTheArgument("formId", () -> FORMS.bundledSchema(null));
        namesTheArgument("formId", () -> FORMS.compile(null));
        namesTheArgument("formId", () -> FORMS.hasForm(null));
        assertThrows(NoSuchFormException.class, () -> FORMS.validate("khong-co-to-khai", "{}", VI));
        assertFalse(FORMS.hasForm("khong-co-to-khai"));
    }
}
