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

    @Test
    void prefill_nullSources_namesIt() {
        namesTheArgument("sources", () -> FORMS.prefill(TestPacks.FORM, Map.of(), "064198001234", null));
    }

    @Test
    void builder_nullFilesOrCodes_namesThem() {
        namesTheArgument("files", () -> Forms.builder().packFiles(null));
        namesTheArgument("codes", () -> Forms.builder().unitCodes((Set<String>) null));
        namesTheArgument("codes", () -> Forms.builder().unitCodes((java.util.function.Predicate<String>) null));
        namesTheArgument("limits", () -> Forms.builder().limits(null));
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

    @Test
    void aNullFormId_isStillTheTypedNoSuchForm() {
        assertThrows(NoSuchFormException.class, () -> FORMS.validate(null, "{}", VI));
        // the form id is checked before the data
        assertThrows(NoSuchFormException.class, () -> FORMS.validate(null, (String) null, VI));
    }
}
