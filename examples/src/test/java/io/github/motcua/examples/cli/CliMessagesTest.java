package io.github.motcua.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    void bundle_everyKeyInBothLanguagesWithTheSamePlaceholders() {
        assertEquals(java.util.List.of(), Messages.check(CliMessages.BUNDLE));
    }

    @Test
    void code_everyKeyItNamesIsInTheBundle_andEveryBundleKeyIsUsed() throws IOException {
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() > 15, used.toString());
        assertEquals(new TreeSet<>(Messages.keys(CliMessages.BUNDLE)), used);
    }

    @Test
    void text_isVietnameseUnlessEnglishIsAsked() {
        assertEquals("3 lỗi trong goi", CliMessages.text(false, "CLI_PROBLEMS", "count", 3, "pack", "goi"));
        assertEquals("3 problem(s) in goi", CliMessages.text(true, "CLI_PROBLEMS", "count", 3, "pack", "goi"));
    }
}
