package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.kernel.BundleKeys;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The command line's bundle: every key in Vietnamese and English with the same placeholders, every
 * {@code CLI_} key the code names is in it (a misspelt key fails here, not in front of an analyst),
 * none unused.
 */
class CliMessagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "examples", "cli");
    private static final Pattern KEY = Pattern.compile("\"(CLI_[A-Z0-9_]+)\"");

    @Test
    void bundle_completeInBothLanguages_everyKeyTheCodeNamesIsInIt_andEveryKeyIsUsed() {
        BundleKeys.assertExactlyTheKeysUsed(CliMessages.BUNDLE, BundleKeys.named(SOURCES, false, KEY), 16);
    }

    @Test
    void text_isVietnameseUnlessEnglishIsAsked() {
        assertEquals("3 lỗi trong goi", CliMessages.text(false, "CLI_PROBLEMS", "count", 3, "pack", "goi"));
        assertEquals("3 problem(s) in goi", CliMessages.text(true, "CLI_PROBLEMS", "count", 3, "pack", "goi"));
    }
}
