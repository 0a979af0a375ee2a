package io.github.motcua.rules.vocabulary;

import io.github.motcua.kernel.Messages;
import java.util.Locale;

/**
 * The vocabulary's messages (a rule that reads the dossier the wrong way), Vietnamese and English,
 * from rules-core's bundle ({@code io/github/motcua/rules/messages}, keys {@code vocabulary.*})
 * through the kernel's {@link Messages}. Stateless, so thread-safe.
 */
final class VocabularyTexts {
    /** rules-core's bundle (the same as the engine's {@code Msg.BUNDLE}). */
    static final String BUNDLE = "io/github/motcua/rules/messages";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private VocabularyTexts() {
    }

    static String vi(String key, String... pairs) {
        return Messages.render(BUNDLE, key, Messages.pairs(pairs), VI);
    }

    static String en(String key, String... pairs) {
        return Messages.render(BUNDLE, key, Messages.pairs(pairs), Locale.ENGLISH);
    }

    /** A vocabulary exception whose message is the bundle's {@code key} in both languages. */
    static VocabularyException exception(String key, String... pairs) {
        return new VocabularyException(vi(key, pairs), en(key, pairs));
    }
}
