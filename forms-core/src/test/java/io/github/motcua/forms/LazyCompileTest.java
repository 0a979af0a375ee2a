package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code Forms.builder().lazyCompile(true)}: what is still refused at build, and how a schema that
 * only the validator's compiler refuses surfaces later without touching the other forms.
 */
class LazyCompileTest {
    /** Valid JSON, a pack-internal $id, no reference: only compiling the validator finds the broken pattern. */
    static final String COMPILE_ONLY_ERROR = "{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\", \"pattern\": \"([\"}}}";

    @Test
    void build_eagerWithCompileOnlyError_refusesNamingTheSchema() {
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class,
                () -> Forms.builder().packFiles(SchemaReferenceTest.packWithForm(COMPILE_ONLY_ERROR)).build());
        assertTrue(e.getMessage().contains("does not compile"), e.getMessage());
        assertEquals("procedures/T.002/form.schema.json", e.file());
    }

    @Test
    void build_lazyWithCompileOnlyError_buildsAndFailsThatFormOnlyOnUse() {
        FormRegistry forms = Forms.builder().packFiles(SchemaReferenceTest.packWithForm(COMPILE_ONLY_ERROR))
                .lazyCompile(true).build();
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class, () -> forms.compile("T.002"));
        assertEquals("procedures/T.002/form.schema.json", e.file());
        // remembered, not retried into a different answer
        UnableToLoadFormsException again = assertThrows(UnableToLoadFormsException.class,
                () -> forms.validate("T.002", Map.of("x", "a"), Locale.ROOT));
        assertEquals(e.getMessage(), again.getMessage());
        for (String other : forms.formIds()) {
            if (!other.equals("T.002")) {
                forms.compile(other); // the pack's other forms are unaffected
            }
        }
    }

    @Test
    void build_lazyStillRefusesWhatTheStoreChecks() {
        assertThrows(UnableToLoadFormsException.class, () -> Forms.builder()
                .packFiles(SchemaReferenceTest.packWithForm("{\"type\": ")).lazyCompile(true).build());
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class, () -> Forms.builder()
                .packFiles(SchemaReferenceTest.packWithForm("{\"properties\": {\"x\": {\"type\": \"string\", \"format\": \"vn-mobil\"}}}"))
                .lazyCompile(true).build());
        assertTrue(e.getMessage().contains("unknown format [vn-mobil]"), e.getMessage());
    }

    @Test
    void validate_lazyAndEager_giveTheSameViolations() {
        Map<String, String> files = TestPacks.files();
        FormRegistry eager = Forms.builder().packFiles(files).build();
        FormRegistry lazy = Forms.builder().packFiles(files).lazyCompile(true).build();
        for (String id : eager.formIds()) {
            FormReport a = eager.validate(id, "{}", Locale.ROOT);
            FormReport b = lazy.validate(id, "{}", Locale.ROOT);
            assertEquals(a.violations(), b.violations(), id);
        }
        assertTrue(!eager.formIds().isEmpty());
    }
}
