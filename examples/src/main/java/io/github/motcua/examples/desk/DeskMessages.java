package io.github.motcua.examples.desk;

import io.github.motcua.kernel.Messages;
import java.util.Locale;

/**
 * The desk's and the portal's own words (Bộ phận Một cửa, Cổng dịch vụ công), Vietnamese and English,
 * from the bundle {@value #BUNDLE} through the kernel's {@link Messages}: one {@code DESK_} key, the same
 * named arguments in both languages. The pages are Vietnamese ({@link #vi}); the console lines of the
 * {@code desk} command are in both ({@link #both}). Stateless, so thread-safe.
 */
final class DeskMessages {
    /** The bundle's base name. */
    static final String BUNDLE = "io/github/motcua/examples/desk/messages";

    private DeskMessages() {
    }

    /** The message {@code key} in {@code locale}; {@code pairs} are argument names and values, alternating. */
    static String text(Locale locale, String key, Object... pairs) {
        return Messages.render(BUNDLE, key, locale, pairs);
    }

    /** The message {@code key} in Vietnamese, the language of every page. */
    static String vi(String key, Object... pairs) {
        return text(Locale.forLanguageTag("vi"), key, pairs);
    }

    /** The message {@code key} as {@code "tiếng Việt / English"}. */
    static String both(String key, Object... pairs) {
        return vi(key, pairs) + " / " + text(Locale.ENGLISH, key, pairs);
    }
}
