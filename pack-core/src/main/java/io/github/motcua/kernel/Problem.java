package io.github.motcua.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One thing wrong with a pack file or an input (vấn đề), as one structure that the command line,
 * the desk and an HTTP service all render the same way: where (file, line, column, and the JSON
 * pointer of the value when the file is YAML or JSON), what (a stable {@link ProblemCode}), how bad
 * ({@link Severity}), and a message from the vi/en bundles ({@link Messages}), rendered in the
 * reader's language by {@link #message(Locale)}.
 *
 * <p>Lines and columns are 1-based; 0 means "not known" (a missing file, a whole-file limit).
 * Immutable and thread-safe.
 *
 * @param file     the pack-relative path with forward slashes, e.g. {@code procedures/1.001193/fees.csv}
 * @param line     1-based line, or 0
 * @param column   1-based column, or 0
 * @param pointer  the JSON pointer of the value at fault (e.g. {@code /days/2/date}), or {@code ""}
 * @param code     the stable code
 * @param severity error or warning
 * @param bundle   the message bundle's base name, e.g. {@link Messages#KERNEL}
 * @param key      the message key in that bundle
 * @param args     the message's named arguments (copied; order kept)
 */
public record Problem(String file, int line, int column, String pointer, ProblemCode code, Severity severity,
        String bundle, String key, Map<String, String> args) {
    /** The key of a message given as its two texts ({@link #ofText}), rendered without a bundle. */
    static final String TEXT_KEY = "text";

    public Problem {
        Objects.requireNonNull(file, "file");
        pointer = pointer == null ? "" : pointer;
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(key, "key");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "line and column must be >= 0: [%d:%d]", line, column));
        }
        args = args == null || args.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /**
     * An error whose message is the kernel bundle's entry named by the code, e.g.
     * {@code Problem.of("units.yaml", 3, 5, ProblemCode.DUPLICATE_KEY, "key", "xa-1")}.
     *
     * @param nameValuePairs argument names and values, alternating
     */
    public static Problem of(String file, int line, int column, ProblemCode code, String... nameValuePairs) {
        return new Problem(file, line, column, "", code, Severity.ERROR, Messages.KERNEL, code.name(),
                pairs(nameValuePairs));
    }

    /**
     * A problem whose message was already written in both languages (the form most modules used
     * before their messages moved into bundles, e.g. a {@code PackProblem}).
     */
    public static Problem ofText(String file, int line, int column, ProblemCode code, Severity severity,
            String messageVi, String messageEn) {
        Objects.requireNonNull(messageVi, "messageVi");
        Objects.requireNonNull(messageEn, "messageEn");
        return new Problem(file, line, column, "", code, severity, Messages.KERNEL, TEXT_KEY,
                Map.of("vi", messageVi, "en", messageEn));
    }

    /** This problem at the given JSON pointer. */
    public Problem at(String jsonPointer) {
        return new Problem(file, line, column, jsonPointer, code, severity, bundle, key, args);
    }

    /** This problem as a warning. */
    public Problem asWarning() {
        return new Problem(file, line, column, pointer, code, Severity.WARNING, bundle, key, args);
    }

    /** The message in the language of {@code locale} (Vietnamese unless English). */
    public String message(Locale locale) {
        if (TEXT_KEY.equals(key) && Messages.KERNEL.equals(bundle) && args.containsKey("vi")) {
            return Messages.english(locale) ? args.getOrDefault("en", args.get("vi")) : args.get("vi");
        }
        return Messages.render(bundle, key, args, locale);
    }

    /** The message in Vietnamese. */
    public String messageVi() {
        return message(Locale.forLanguageTag("vi"));
    }

    /** The message in English. */
    public String messageEn() {
        return message(Locale.ENGLISH);
    }

    /**
     * {@code file:line:col: [CODE] message} — the form compilers and editors understand (a warning
     * says so after the code).
     */
    public String format(Locale locale) {
        return String.format(Locale.ROOT, "%s:%d:%d: [%s]%s %s", file, line, column, code.name(),
                severity == Severity.WARNING ? " " + Messages.render(Messages.KERNEL, "label.warning", Map.of(), locale) + ":" : "",
                message(locale));
    }

    /** {@link #format(Locale)} in Vietnamese. */
    @Override
    public String toString() {
        return format(Locale.forLanguageTag("vi"));
    }

    private static Map<String, String> pairs(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "arguments come as name, value pairs: [%d] strings given", nameValuePairs.length));
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            m.put(nameValuePairs[i], String.valueOf(nameValuePairs[i + 1]));
        }
        return m;
    }
}
