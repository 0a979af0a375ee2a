package io.github.motcua.forms.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The UTF-8 message bundles, Vietnamese first and English second, read explicitly (never through the
 * JVM default locale). Thread-safe.
 */
public final class Messages {
    public static final String BUNDLE_VI = "/io/github/motcua/forms/messages/messages_vi.properties";
    public static final String BUNDLE_EN = "/io/github/motcua/forms/messages/messages_en.properties";
    private static final Properties VI = load(BUNDLE_VI);
    private static final Properties EN = load(BUNDLE_EN);

    private Messages() {
    }

    public static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing message bundle [" + resource + "]");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    public static boolean has(String key) {
        return VI.containsKey(key);
    }

    public static String vi(String key, Map<String, String> args) {
        return format(VI.getProperty(key, VI.getProperty("default")), args);
    }

    public static String en(String key, Map<String, String> args) {
        return format(EN.getProperty(key, EN.getProperty("default")), args);
    }

    public static String get(Locale locale, String key, Map<String, String> args) {
        return english(locale) ? en(key, args) : vi(key, args);
    }

    static String format(String pattern, Map<String, String> args) {
        if (pattern.indexOf('{') < 0) {
            return pattern;
        }
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > 0) {
                String name = pattern.substring(i + 1, close);
                String v = args.get(name);
                sb.append(v == null ? "" : v);
                i = close + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
