package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 3: {@link Forms#registry(Path)} refuses a symbolic link leading out of the pack (a template
 * linked to a system file would be rendered as the e-form page), as the engine's load does.
 */
class PackLinksTest {
    static final Locale VI = Locale.forLanguageTag("vi-VN");

    static Path writePack(Path dir) throws IOException {
        for (Map.Entry<String, String> f : TestPacks.files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
    }

    @Test
    void registry_templateLinkedOutside_refusedNamingTheLinkWithoutItsContent(@TempDir Path dir, @TempDir Path outside)
            throws IOException {
        Path pack = writePack(dir);
        Path secret = Files.writeString(outside.resolve("secret.txt"), "root:x:0:0:BI-MAT", StandardCharsets.UTF_8);
        link(pack.resolve("templates/form.ftlh"), secret);
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class, () -> Forms.registry(pack));
        assertEquals("templates/form.ftlh", e.file());
        assertTrue(e.getMessage().contains("symbolic link leads outside the pack folder"), e.getMessage());
        assertFalse(e.getMessage().contains("BI-MAT"), e.getMessage());
    }

    @Test
    void registry_schemaOrFormsFolderLinkedOutside_refused(@TempDir Path dir, @TempDir Path outside) throws IOException {
        Path pack = writePack(dir.resolve("a"));
        String form = "procedures/" + TestPacks.FORM + "/form.schema.json";
        Path copy = Files.copy(pack.resolve(form), outside.resolve("form.schema.json"));
        link(pack.resolve(form), copy);
        assertEquals(form, assertThrows(UnableToLoadFormsException.class, () -> Forms.registry(pack)).file());

        Path pack2 = writePack(dir.resolve("b"));
        Path outForms = Files.createDirectories(outside.resolve("forms"));
        try (var s = Files.list(pack2.resolve("forms"))) {
            for (Path p : s.toList()) {
                Files.move(p, outForms.resolve(p.getFileName()));
            }
        }
        Files.delete(pack2.resolve("forms"));
        link(pack2.resolve("forms"), outForms);
        UnableToLoadFormsException e = assertThrows(UnableToLoadFormsException.class, () -> Forms.registry(pack2));
        assertEquals("forms", e.file()); // the linked folder itself is named
        assertTrue(e.getMessage().contains("symbolic link leads outside the pack folder"), e.getMessage());
    }

    @Test
    void registry_linkInsideThePack_isRead(@TempDir Path dir) throws IOException {
        Path pack = writePack(dir);
        String form = "procedures/" + TestPacks.FORM + "/form.schema.json";
        Files.move(pack.resolve(form), pack.resolve("form-copy.json"));
        link(pack.resolve(form), pack.resolve("form-copy.json"));
        assertTrue(Forms.registry(pack).hasForm(TestPacks.FORM));
    }
}
