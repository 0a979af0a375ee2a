package io.github.motcua.examples.cli;

import io.github.motcua.kernel.Messages;
import java.util.Locale;

/**
 * The command line's own messages (thông điệp của dòng lệnh), Vietnamese and English, from the
 * bundle {@value #BUNDLE} through the kernel's {@link Messages}: one key (a {@code CLI_} key), the same
 * named arguments in both languages. Problems of a pack or a dossier are the library's, printed with
 * {@code Problem.format}. Stateless, so thread-safe.
 */
final class CliMessages {
    /** The bundle's base name. */
    static final String BUNDLE = "io/github/motcua/examples/cli/messages";

    private CliMessages() {
    }

    /**
     * The message {@code key} in English when {@code en}, else in Vietnamese; {@code pairs} are argument
     * names and values, alternating (a value is written with {@link String#valueOf(Object)}).
     */
    static String text(boolean en, String key, Object... pairs) {
        return Messages.render(BUNDLE, key, en ? Locale.ENGLISH : Locale.forLanguageTag("vi"), pairs);
    }

    /**
     * The message {@code key} in both languages, {@code "tiếng Việt / English"}, for the lines a command
     * prints before it knows the {@code --lang} asked (or that have none).
     */
    static String both(String key, Object... pairs) {
        return text(false, key, pairs) + " / " + text(true, key, pairs);
    }

    private static final java.time.format.DateTimeFormatter TIME_VI =
            java.time.format.DateTimeFormatter.ofPattern(text(false, "CLI_TIME_PATTERN"), Locale.ROOT);
    private static final java.time.format.DateTimeFormatter TIME_EN =
            java.time.format.DateTimeFormatter.ofPattern(text(true, "CLI_TIME_PATTERN"), Locale.ROOT);

    /** How a command writes an instant's local time and date in each language (the bundle's java.time pattern). */
    static java.time.format.DateTimeFormatter time(boolean en) {
        return en ? TIME_EN : TIME_VI;
    }
}
