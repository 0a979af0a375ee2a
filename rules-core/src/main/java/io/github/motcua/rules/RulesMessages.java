package io.github.motcua.rules;

import io.github.motcua.kernel.Messages;
import java.util.Locale;
import java.util.Map;

/** The message bundles of rules-core's public types. Static only. */
final class RulesMessages {
    /** Base name of {@code problems_vi.properties} / {@code problems_en.properties}: the problems the exceptions carry. */
    static final String BUNDLE = "io/github/motcua/rules/problems";
    /** Base name of {@code messages_vi.properties} / {@code messages_en.properties}: labels ({@code label.*}) among the engine's messages. */
    static final String MESSAGES = "io/github/motcua/rules/messages";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private RulesMessages() {
    }

    /** The label {@code key} of {@link #MESSAGES}, in English when {@code en}, else Vietnamese. */
    static String label(boolean en, String key) {
        return Messages.render(MESSAGES, key, Map.of(), en ? Locale.ENGLISH : VI);
    }

    /** The label {@code key} with its one argument {@code {n}}. */
    static String label(boolean en, String key, String n) {
        return Messages.render(MESSAGES, key, Map.of("n", n), en ? Locale.ENGLISH : VI);
    }
}
