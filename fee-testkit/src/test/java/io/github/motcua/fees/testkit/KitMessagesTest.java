package io.github.motcua.fees.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * fee-testkit's message bundle: every key in Vietnamese and English, every key the code names is
 * in it, none is left unused, and the English never names a value the Vietnamese lacks. (A failure
 * message is one text "Vietnamese / English"; the Vietnamese quotes the figures, so the English may
 * leave a placeholder out — never the reverse.)
 */
class KitMessagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "fees", "testkit");
    /** A key written as a string literal in the code: invariant.*, case.*, violation.*. */
    private static final Pattern KEY = Pattern.compile("\"((?:invariant|case|violation)\\.[A-Za-z0-9.]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

    @Test
    void bundle_everyKeyInBothLanguages_andTheEnglishNamesNoValueTheVietnameseLacks() {
        List<String> wrong = new ArrayList<>();
        for (String line : Messages.check(KitMessages.BUNDLE)) {
            if (!line.contains("placeholders differ")) {
                wrong.add(line); // a key in one language only, or a blank message
            }
        }
        assertEquals(List.of(), wrong);
        for (String key : Messages.keys(KitMessages.BUNDLE)) {
            TreeSet<String> vi = placeholders(Messages.render(KitMessages.BUNDLE, key, Map.of(), Locale.forLanguageTag("vi")));
            TreeSet<String> en = placeholders(Messages.render(KitMessages.BUNDLE, key, Map.of(), Locale.ENGLISH));
            assertTrue(vi.containsAll(en), key + ": the English names " + en + ", the Vietnamese " + vi);
        }
        assertTrue(Messages.keys(KitMessages.BUNDLE).size() > 15);
    }

    @Test
    void code_everyKeyItNamesIsInTheBundle_andEveryBundleKeyIsUsed() throws IOException {
        TreeSet<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        TreeSet<String> missing = new TreeSet<>(named);
        missing.removeIf(k -> Messages.has(KitMessages.BUNDLE, k));
        assertEquals(new TreeSet<>(), missing, "keys the code names but the bundle lacks");
        TreeSet<String> unused = new TreeSet<>(Messages.keys(KitMessages.BUNDLE));
        unused.removeAll(named);
        assertEquals(new TreeSet<>(), unused, "keys no code names");
    }

    @Test
    void render_oneTextVietnameseFirst_asTheKitWroteItInline() {
        assertEquals("Tổng 5 ≠ tổng các dòng 7 / total ≠ sum of lines",
                KitMessages.both("invariant.totalNotSum", "total", "5", "sum", "7"));
        assertEquals("Bất biến phí bị vi phạm / fee invariant violated", KitMessages.both("violation.head"));
        assertEquals("Phản ví dụ bất biến phí [total-is-sum] / fee invariant counterexample",
                KitMessages.both("case.counterexample", "invariant", "total-is-sum"));
    }

    private static TreeSet<String> placeholders(String s) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
