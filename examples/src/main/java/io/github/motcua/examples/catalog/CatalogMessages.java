package io.github.motcua.examples.catalog;

import io.github.motcua.kernel.Messages;
import java.util.Locale;

/**
 * The catalogue's and the guides' own words (danh mục, hướng dẫn), Vietnamese and English, from the bundle
 * {@value #BUNDLE} through the kernel's {@link Messages}: one {@code CAT_} key, the same named arguments
 * in both languages. The legal text itself (names, citations, tariffs) comes from the pack. Stateless,
 * so thread-safe.
 */
final class CatalogMessages {
    /** The bundle's base name. */
    static final String BUNDLE = "io/github/motcua/examples/catalog/messages";

    private CatalogMessages() {
    }

    /**
     * The message {@code key} in English when {@code en}, else in Vietnamese; {@code pairs} are argument
     * names and values, alternating (a value is written with {@link String#valueOf(Object)}).
     */
    static String text(boolean en, String key, Object... pairs) {
        return Messages.render(BUNDLE, key, en ? Locale.ENGLISH : Locale.forLanguageTag("vi"), pairs);
    }

    /**
     * Every message of the bundle in one language, by key, for the HTML templates ({@code ${msg.CAT_…}});
     * a message with arguments keeps its {@code {name}} placeholders, so templates use those without.
     */
    static java.util.Map<String, String> all(boolean en) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String key : Messages.keys(BUNDLE)) {
            out.put(key, text(en, key));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
