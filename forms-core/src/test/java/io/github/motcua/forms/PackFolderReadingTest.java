package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms.registry(Path) reads the pack through the kernel's one reader: the engine's refusals, the same way. */
class PackFolderReadingTest {
    @TempDir
    Path dir;

    Path pack() throws IOException {
        Path p = dir.resolve("pack");
        for (Map.Entry<String, String> f : TestPacks.files().entrySet()) {
            Path t = p.resolve(f.getKey());
            Files.createDirectories(t.getParent());
            Files.writeString(t, f.getValue(), StandardCharsets.UTF_8);
        }
        return p;
    }

    static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException | UnsupportedOperationException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
    }

    @Test
    void registry_readsAPlainPackFolder() throws IOException {
        FormRegistry forms = Forms.registry(pack());
        assertTrue(forms.validate(TestPacks.FORM, "{}", java.util.Locale.ENGLISH).violations().size() > 0);
    }

    @Test
    void registry_templateLinkedOutsideThePack_isRefusedNamingTheFile() throws IOException {
        Path p = pack();
        Path secret = Files.writeString(dir.resolve("secret.ftlh"), "<p>secret</p>");
        Files.createDirectories(p.resolve("templates"));
        link(p.resolve("templates/form.ftlh"), secret);
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class, () -> Forms.registry(p));
        assertEquals("templates/form.ftlh", e.file());
        assertEquals("FORMS", e.toProblem().code().name());
        assertTrue(e.getMessage().contains("LINK_OUTSIDE_PACK"), e.getMessage());
    }

    @Test
    void registry_procedureFolderLinkedOutsideThePack_isRefused() throws IOException {
        Path p = pack();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("form.schema.json"), TestPacks.resource("form.schema.json"));
        link(p.resolve("procedures/T.002"), elsewhere);
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class, () -> Forms.registry(p));
        assertEquals("procedures/T.002", e.file());
    }

    @Test
    void registry_schemaNotUtf8_isRefusedNamingTheFile() throws IOException {
        Path p = pack();
        Files.write(p.resolve("forms/bad.schema.json"), "{\"title\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class, () -> Forms.registry(p));
        assertEquals("forms/bad.schema.json", e.file());
        assertTrue(e.getMessage().contains("NOT_UTF8"), e.getMessage());
    }
}
