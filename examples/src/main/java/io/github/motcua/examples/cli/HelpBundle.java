package io.github.motcua.examples.cli;

import io.github.motcua.kernel.Messages;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The help texts of every command (trợ giúp), from the bundle pair {@value #BUNDLE}, handed to picocli as
 * one resource bundle: each key {@code K} of the pair is picocli's two-line key — {@code K.0} the
 * Vietnamese line, {@code K.1} the English line — so every {@code --help} prints Vietnamese then English
 * whatever the platform locale. The keys are picocli's: {@code motcua.check.usage.description} for a
 * command's description, {@code motcua.check.PACK[0]} for a positional parameter, {@code motcua.build.out}
 * for an option ({@code lang} alone for the {@code --lang} every command shares). {@code HelpBundleTest}
 * checks every command, option and parameter has its key and that no key is unused. Immutable, so
 * thread-safe.
 */
final class HelpBundle extends java.util.ResourceBundle {
    /** The bundle's base name. */
    static final String BUNDLE = "io/github/motcua/examples/cli/help";

    private final Map<String, String> lines = new LinkedHashMap<>();

    HelpBundle() {
        Locale vi = Locale.forLanguageTag("vi");
        for (String key : Messages.keys(BUNDLE)) {
            lines.put(key + ".0", Messages.render(BUNDLE, key, Map.of(), vi));
            lines.put(key + ".1", Messages.render(BUNDLE, key, Map.of(), Locale.ENGLISH));
        }
    }

    @Override
    protected Object handleGetObject(String key) {
        return lines.get(key);
    }

    @Override
    protected Set<String> handleKeySet() {
        return Collections.unmodifiableSet(lines.keySet());
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(lines.keySet());
    }
}
