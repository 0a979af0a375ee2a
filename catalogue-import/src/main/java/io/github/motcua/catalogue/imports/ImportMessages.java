package io.github.motcua.catalogue.imports;

import io.github.motcua.kernel.Messages;
import java.util.Locale;
import java.util.Map;

/**
 * The import's messages (thông điệp), Vietnamese and English, from catalogue-import's bundle
 * {@value #BUNDLE} ({@code messages_vi.properties}, {@code messages_en.properties}) through the
 * kernel's {@link Messages}: {@code refuse.*} why a record is refused ({@link ImportProblem}),
 * {@code review.*} why a value awaits review ({@link ReviewItem#why()}, and the {@code why} the import
 * writes beside an unknown value in national.yaml, one text "Vietnamese / English"), {@code note.*}
 * notes the import writes into the pack, {@code report.*} the report's head line. Stateless, so
 * thread-safe.
 */
final class ImportMessages {
    /** The bundle's base name. */
    static final String BUNDLE = "io/github/motcua/catalogue/imports/messages";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private ImportMessages() {
    }

    /** The message {@code key} in Vietnamese; {@code pairs} are argument names and values, alternating. */
    static String vi(String key, String... pairs) {
        return Messages.render(BUNDLE, key, args(pairs), VI);
    }

    /** The message {@code key} in English. */
    static String en(String key, String... pairs) {
        return Messages.render(BUNDLE, key, args(pairs), Locale.ENGLISH);
    }

    /** The one bilingual text of a review reason or a note: {@code "Vietnamese / English"}. */
    static String both(String key, String... pairs) {
        return vi(key, pairs) + " / " + en(key, pairs);
    }

    /** A refused record whose reason is the bundle's {@code key} in both languages. */
    static ImportProblem problem(String record, String code, ImportProblem.Kind kind, String field, String key,
            String... pairs) {
        return new ImportProblem(record, code, kind, field, vi(key, pairs), en(key, pairs));
    }

    private static Map<String, String> args(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("argument names and values come in pairs");
        }
        return Messages.pairs(pairs);
    }
}
