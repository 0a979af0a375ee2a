package io.github.motcua.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message bundles (thông điệp), Vietnamese first and English second: {@code <base>_vi.properties}
 * and {@code <base>_en.properties} on the classpath, read as UTF-8 and never through the JVM's
 * default locale. A message names its arguments: {@code "Tệp quá lớn (tối đa {max} byte)"}.
 * Any language other than English is rendered in Vietnamese.
 *
 * <p>Thread-safe: bundles are read once and cached.
 */
public final class Messages {
    /** The kernel's own bundle. */
    public static final String KERNEL = "io/github/motcua/kernel/messages";
    /** Vietnamese, the first language of every message. */
    public static final Locale VI = Locale.forLanguageTag("vi");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");
    private static final Map<String, Properties> CACHE = new ConcurrentHashMap<>();
    /** {vi, en} of each bundle, by base name. */
    private static final Map<String, AtomicReferenceArray<Properties>> BY_BASE = new ConcurrentHashMap<>();

    private Messages() {
    }

    /** True for English; every other language (and {@code null}) means Vietnamese. */
    public static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /**
     * The message {@code key} of bundle {@code base} in the language of {@code locale}, with each
     * {@code {name}} replaced by its argument (an argument that is missing leaves the placeholder).
     *
     * @throws IllegalArgumentException when the key is in neither bundle (a programmer error)
     */
    public static String render(String base, String key, Map<String, String> args, Locale locale) {
        Objects.requireNonNull(key, "key");
        String pattern = bundle(base, english(locale) ? "en" : "vi").getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "no message [%s] in bundle [%s]", key, base));
        }
        return fill(pattern, args);
    }

    /**
     * {@link #render(String, String, Map, Locale)} with the arguments as names and values, alternating:
     * {@code render(KERNEL, "TOO_DEEP", locale, "max", 64)}; a value is written with
     * {@link String#valueOf(Object)}.
     *
     * @throws IllegalArgumentException when the names and values do not come in pairs, or the key is in
     *         neither bundle
     */
    public static String render(String base, String key, Locale locale, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "argument names and values come in pairs: [%d]", namesAndValues.length));
        }
        Map<String, String> args = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            args.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
        }
        return render(base, key, args, locale);
    }

    /**
     * Message arguments from names and values, alternating, in order; a null value is written as the
     * empty text and a trailing name without a value is ignored. The one place the modules' small
     * message helpers turn {@code "name", value, …} into arguments.
     */
    public static Map<String, String> pairs(String... namesAndValues) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            out.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return out;
    }

    /** True when the bundle's Vietnamese file has the key. */
    public static boolean has(String base, String key) {
        return bundle(base, "vi").containsKey(key);
    }

    /**
     * What is wrong with a bundle pair, for each module's bundle test: keys in one language only,
     * blank messages, and placeholders that differ between the languages. Empty when all is well.
     */
    public static List<String> check(String base) {
        Properties vi = bundle(base, "vi");
        Properties en = bundle(base, "en");
        List<String> out = new java.util.ArrayList<>();
        TreeSet<String> all = new TreeSet<>(vi.stringPropertyNames());
        all.addAll(en.stringPropertyNames());
        for (String k : all) {
            String v = vi.getProperty(k);
            String e = en.getProperty(k);
            if (v == null || e == null) {
                out.add(String.format(Locale.ROOT, "[%s] only in %s", k, v == null ? "en" : "vi"));
            } else if (v.isBlank() || e.isBlank()) {
                out.add(String.format(Locale.ROOT, "[%s] is blank", k));
            } else if (!placeholders(v).equals(placeholders(e))) {
                out.add(String.format(Locale.ROOT, "[%s] placeholders differ: vi %s, en %s", k, placeholders(v), placeholders(e)));
            }
        }
        return out;
    }

    /** The keys of a bundle (its Vietnamese file), sorted. */
    public static List<String> keys(String base) {
        return List.copyOf(new TreeSet<>(bundle(base, "vi").stringPropertyNames()));
    }

    private static TreeSet<String> placeholders(String s) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String fill(String pattern, Map<String, String> args) {
        int open = pattern.indexOf('{');
        if (open < 0 || args.isEmpty()) {
            return pattern;
        }
        // a scan rather than a regular expression: labels with a number (a time limit, an amount) are
        // rendered for every decision
        StringBuilder sb = new StringBuilder(pattern.length() + 32);
        int from = 0;
        while (open >= 0) {
            int close = pattern.indexOf('}', open + 1);
            if (close < 0) {
                break;
            }
            String name = pattern.substring(open + 1, close);
            String v = placeholderName(name) ? args.get(name) : null;
            if (v == null) {
                // not a placeholder, or no argument: keep the text and look again after this brace
                sb.append(pattern, from, open + 1);
                from = open + 1;
            } else {
                sb.append(pattern, from, open).append(v);
                from = close + 1;
            }
            open = pattern.indexOf('{', from);
        }
        return sb.append(pattern, from, pattern.length()).toString();
    }

    private static boolean placeholderName(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static Properties bundle(String base, String lang) {
        Objects.requireNonNull(base, "base");
        // by base name first: a decision renders several messages, and the joined key would be a new string
        // (hashed again) at every call
        AtomicReferenceArray<Properties> pair = BY_BASE.get(base); // get first: computeIfAbsent may lock a bin
        if (pair == null) {
            pair = BY_BASE.computeIfAbsent(base, b -> new AtomicReferenceArray<>(2));
        }
        int i = "en".equals(lang) ? 1 : 0;
        Properties p = pair.get(i);
        if (p == null) {
            p = CACHE.computeIfAbsent(base + "_" + lang, k -> load(k + ".properties"));
            pair.set(i, p);
        }
        return p;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (in == null && context != null) {
            in = context.getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException(String.format(Locale.ROOT, "missing message bundle [%s]", resource));
        }
        try (InputStream closing = in) {
            p.load(new InputStreamReader(closing, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
