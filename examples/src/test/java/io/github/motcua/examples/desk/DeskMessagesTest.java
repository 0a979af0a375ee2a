package io.github.motcua.examples.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.kernel.BundleKeys;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The desk's bundle: every key in Vietnamese and English with the same placeholders, every {@code DESK_}
 * key the code names is in it, none unused; pages render the Vietnamese.
 */
class DeskMessagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "examples", "desk");
    private static final Pattern KEY = Pattern.compile("\"(DESK_[A-Z0-9_]+)\"");

    @Test
    void bundle_completeInBothLanguages_everyKeyTheCodeNamesIsInIt_andEveryKeyIsUsed() {
        BundleKeys.assertExactlyTheKeysUsed(DeskMessages.BUNDLE, BundleKeys.named(SOURCES, false, KEY), 60);
    }

    @Test
    void pagesAreVietnamese_consoleLinesBoth() {
        assertEquals("Tiến độ xử lý hồ sơ GL-1", DeskMessages.vi("DESK_TL_TITLE", "id", "GL-1"));
        assertEquals("Bộ phận Một cửa / desk", DeskMessages.both("DESK_DESK"));
    }
}
