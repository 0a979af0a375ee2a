package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.FormRegistry;
import io.github.motcua.forms.Forms;
import io.github.motcua.forms.NoSuchFormException;
import io.github.motcua.forms.UnableToLoadFormsException;
import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    @Test
    void bundle_everyKeyInBothLanguagesWithTheSamePlaceholders() {
        assertEquals(java.util.List.of(), Messages.check(FormsProblems.BUNDLE));
    }

    @Test
    void code_everyKeyItNamesIsInTheBundle_andEveryBundleKeyIsUsed() throws IOException {
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() > 25, used.toString());
        assertEquals(new TreeSet<>(Messages.keys(FormsProblems.BUNDLE)), used);
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
}
