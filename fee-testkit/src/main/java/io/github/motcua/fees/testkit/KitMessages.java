package io.github.motcua.fees.testkit;

import io.github.motcua.kernel.Messages;
import java.util.Locale;

/**
 * The kit's messages (a failed fee invariant, the counterexample's comments), from fee-testkit's
 * bundle {@value #BUNDLE} through the kernel's {@link Messages}. A failure message is one text,
 * {@code "Vietnamese / English"} ({@link #both}); the Vietnamese quotes the figures, the English may
 * leave them out. Stateless, so thread-safe.
 */
final class KitMessages {
    /** The bundle's base name. */
    static final String BUNDLE = "io/github/motcua/fees/testkit/messages";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private KitMessages() {
    }

    static String vi(String key, String... pairs) {
        return Messages.render(BUNDLE, key, Messages.pairs(pairs), VI);
    }

    static String en(String key, String... pairs) {
        return Messages.render(BUNDLE, key, Messages.pairs(pairs), Locale.ENGLISH);
    }

    /** {@code "Vietnamese / English"}: the one text of an assertion message. */
    static String both(String key, String... pairs) {
        return vi(key, pairs) + " / " + en(key, pairs);
    }
}
