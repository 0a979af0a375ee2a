package io.github.motcua.examples.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.kernel.BundleKeys;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's and the guides' bundle: every key in Vietnamese and English with the same placeholders,
 * every {@code CAT_} key the code names is in it, none unused.
 */
class CatalogMessagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "examples", "catalog");
    private static final Pattern KEY = Pattern.compile("\"(CAT_[A-Z0-9_]+)\"");
    private static final Path TEMPLATES = Path.of("src", "main", "resources", "io", "github", "motcua", "examples", "catalog");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("\\$\\{msg\\.(CAT_[A-Z0-9_]+)\\}");

    @Test
    void bundle_completeInBothLanguages_everyKeyTheCodeNamesIsInIt_andEveryKeyIsUsed() {
        java.util.SortedSet<String> used = BundleKeys.named(SOURCES, false, KEY);
        used.addAll(BundleKeys.named(TEMPLATES, false, ".ftlh", TEMPLATE_KEY));
        BundleKeys.assertExactlyTheKeysUsed(CatalogMessages.BUNDLE, used, 100);
    }

    @Test
    void templates_nameOnlyKeysWithoutArguments_andWriteNoLanguagePairInline() throws java.io.IOException {
        for (String key : BundleKeys.named(TEMPLATES, false, ".ftlh", TEMPLATE_KEY)) {
            assertEquals(-1, CatalogMessages.text(false, key).indexOf('{'), key); // ${msg.KEY} fills no argument
        }
        for (String t : new String[] {"catalog.ftlh", "guide.ftlh"}) {
            String src = java.nio.file.Files.readString(TEMPLATES.resolve(t), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(-1, src.indexOf("<#if en>"), t);
        }
    }

    @Test
    void text_isVietnameseUnlessEnglishIsAsked() {
        assertEquals("Bước 2. Thẩm định", CatalogMessages.text(false, "CAT_PIC_STEP", "n", 2, "name", "Thẩm định"));
        assertEquals("Step 2. Thẩm định", CatalogMessages.text(true, "CAT_PIC_STEP", "n", 2, "name", "Thẩm định"));
    }
}
