package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.motcua.kernel.Failures;
import java.io.InputStream;
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

    @Test
    void aNullFormId_isStillTheTypedNoSuchForm() {
        assertThrows(NoSuchFormException.class, () -> FORMS.validate(null, "{}", VI));
        // the form id is checked before the data
        assertThrows(NoSuchFormException.class, () -> FORMS.validate(null, (String) null, VI));
    }
}
