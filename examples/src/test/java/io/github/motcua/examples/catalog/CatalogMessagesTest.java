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

    @Test
    void bundle_completeInBothLanguages_everyKeyTheCodeNamesIsInIt_andEveryKeyIsUsed() {
        BundleKeys.assertExactlyTheKeysUsed(CatalogMessages.BUNDLE, BundleKeys.named(SOURCES, false, KEY), 60);
    }

    @Test
    void text_isVietnameseUnlessEnglishIsAsked() {
        assertEquals("Bước 2. Thẩm định", CatalogMessages.text(false, "CAT_PIC_STEP", "n", 2, "name", "Thẩm định"));
        assertEquals("Step 2. Thẩm định", CatalogMessages.text(true, "CAT_PIC_STEP", "n", 2, "name", "Thẩm định"));
    }
}
