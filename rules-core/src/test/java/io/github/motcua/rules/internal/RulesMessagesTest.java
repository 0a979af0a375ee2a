package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * rules-core's message bundle (the decision pipeline's messages): every key in Vietnamese and
 * English with the same placeholders, every key the code names is in it, and none is left unused.
 */
class RulesMessagesTest {
    /** Every package of rules-core: the engine (internal) and the vocabulary name keys of the bundle. */
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "rules");
    /** A bundle key written as a string literal in the code. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    /** A key given straight to Msg.vi / Msg.en. */
    private static final Pattern MSG_CALL = Pattern.compile("Msg\\.(?:vi|en)\\(\\s*\"([A-Z0-9_]+)\"");
    /** A key of pack loading (Msg.problem, YamlDoc.msg, Msg.vi / Msg.en): {@code load.…}, wherever it is written. */
    private static final Pattern LOAD_KEY = Pattern.compile("\"((?:load|vocabulary|cases|text|label)\\.[A-Za-z0-9._]+)\"");

    @Test
    void bundle_everyKeyInBothLanguagesWithTheSamePlaceholders() {
        assertEquals(java.util.List.of(), Messages.check(Msg.BUNDLE));
        assertFalse(Messages.keys(Msg.BUNDLE).isEmpty());
    }

    @Test
    void code_everyKeyItGivesMsgIsInTheBundle_andEveryBundleKeyIsUsed() throws IOException {
        TreeSet<String> called = new TreeSet<>();
        TreeSet<String> literals = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = MSG_CALL.matcher(src);
                while (m.find()) {
                    called.add(m.group(1));
                }
                Matcher l = KEY_LITERAL.matcher(src);
                while (l.find()) {
                    literals.add(l.group(1));
                }
                Matcher k = LOAD_KEY.matcher(src);
                while (k.find()) {
                    called.add(k.group(1));
                    literals.add(k.group(1));
                }
            }
        }
        assertTrue(called.size() > 20, called.toString());
        TreeSet<String> missing = new TreeSet<>(called);
        missing.removeIf(k -> Messages.has(Msg.BUNDLE, k));
        assertEquals(new TreeSet<>(), missing, "keys the code uses but the bundle lacks");
        TreeSet<String> unused = new TreeSet<>(Messages.keys(Msg.BUNDLE));
        unused.removeAll(literals);
        assertEquals(new TreeSet<>(), unused, "keys no code names");
    }

    @Test
    void render_everyMessageInBothLanguages_fillsEveryPlaceholder() {
        Pattern placeholder = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");
        for (String key : Messages.keys(Msg.BUNDLE)) {
            for (Locale locale : new Locale[] {Locale.forLanguageTag("vi"), Locale.ENGLISH}) {
                String raw = Messages.render(Msg.BUNDLE, key, Map.of(), locale);
                Map<String, String> args = new java.util.HashMap<>();
                Matcher m = placeholder.matcher(raw);
                while (m.find()) {
                    args.put(m.group(1), "x");
                }
                String text = Messages.render(Msg.BUNDLE, key, args, locale);
                assertFalse(placeholder.matcher(text).find(), key + " " + locale + ": " + text);
                assertFalse(text.isBlank(), key);
            }
        }
        // Vietnamese first, with its diacritics, and the English differs
        assertTrue(Msg.vi("NOTE_NOT_ASSESSED").startsWith("Chưa đánh giá"), Msg.vi("NOTE_NOT_ASSESSED"));
        assertTrue(Msg.en("NOTE_NOT_ASSESSED").startsWith("conditions not assessed"), Msg.en("NOTE_NOT_ASSESSED"));
    }
}
