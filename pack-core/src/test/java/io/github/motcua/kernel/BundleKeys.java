package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one key check of a module's message bundle (test scope, shipped in pack-core's test-jar): every
 * key in Vietnamese and English with the same placeholders ({@link Messages#check}), every key the code
 * names is in the bundle (a misspelt key fails the build, not a user), and no key is unused. Each
 * module's bundle test says where its sources are and how a key looks there. Stateless.
 */
public final class BundleKeys {
    private BundleKeys() {
    }

    /**
     * The keys the {@code .java} files under {@code sources} name: group 1 of every match of each pattern.
     *
     * @param deep    true to look in sub-folders too, false for the folder's own files only
     * @param pattern e.g. {@code "(CLI_[A-Z0-9_]+)"} inside quotes: {@code Pattern.compile("\"(CLI_[A-Z0-9_]+)\"")}
     */
    public static SortedSet<String> named(Path sources, boolean deep, Pattern... pattern) {
        return named(sources, deep, ".java", pattern);
    }

    /**
     * As {@link #named(Path, boolean, Pattern...)} for the files whose name ends with {@code suffix}, e.g.
     * {@code .ftlh} for the templates that name keys.
     */
    public static SortedSet<String> named(Path sources, boolean deep, String suffix, Pattern... pattern) {
        SortedSet<String> used = new TreeSet<>();
        try (Stream<Path> files = deep ? Files.walk(sources) : Files.list(sources)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(suffix))::iterator) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                for (Pattern p : pattern) {
                    Matcher m = p.matcher(src);
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return used;
    }

    /**
     * Asserts the bundle is complete in both languages and holds exactly the keys {@code used}.
     *
     * @param atLeast fewer keys found in the code than this means the search itself broke (a check that
     *                finds nothing would pass on an empty bundle)
     */
    public static void assertExactlyTheKeysUsed(String bundle, Set<String> used, int atLeast) {
        assertEquals(List.of(), Messages.check(bundle), "keys or placeholders in one language only: " + bundle);
        assertSameKeys(bundle, used, atLeast);
    }

    /**
     * As {@link #assertExactlyTheKeysUsed}, for a bundle whose texts are written as one "Vietnamese /
     * English" line (a review reason, a test-kit failure): the English may leave out a value the
     * Vietnamese quotes, never name one the Vietnamese lacks.
     */
    public static void assertExactlyTheKeysUsedEnglishWithinVietnamese(String bundle, Set<String> used, int atLeast) {
        List<String> wrong = new ArrayList<>();
        for (String line : Messages.check(bundle)) {
            if (!line.contains("placeholders differ")) {
                wrong.add(line);
            }
        }
        assertEquals(List.of(), wrong, "keys in one language only: " + bundle);
        for (String key : Messages.keys(bundle)) {
            SortedSet<String> vi = placeholders(Messages.render(bundle, key, Map.of(), Locale.forLanguageTag("vi")));
            SortedSet<String> en = placeholders(Messages.render(bundle, key, Map.of(), Locale.ENGLISH));
            assertTrue(vi.containsAll(en), key + ": the English names " + en + ", the Vietnamese " + vi);
        }
        assertSameKeys(bundle, used, atLeast);
    }

    /** The code names at least {@code atLeast} keys, and exactly the bundle's. */
    private static void assertSameKeys(String bundle, Set<String> used, int atLeast) {
        assertTrue(used.size() >= atLeast, "the code names only " + used.size() + " keys: " + used);
        SortedSet<String> inBundle = new TreeSet<>(Messages.keys(bundle));
        SortedSet<String> missing = new TreeSet<>(used);
        missing.removeAll(inBundle);
        SortedSet<String> unused = new TreeSet<>(inBundle);
        unused.removeAll(used);
        assertEquals("", (missing.isEmpty() ? "" : "named by the code, not in the bundle: " + missing + "; ")
                + (unused.isEmpty() ? "" : "in the bundle, named by no code: " + unused), bundle);
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

    private static SortedSet<String> placeholders(String s) {
        SortedSet<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
