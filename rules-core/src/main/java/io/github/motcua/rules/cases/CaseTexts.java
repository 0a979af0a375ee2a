package io.github.motcua.rules.cases;

import io.github.motcua.kernel.Messages;
import java.util.Locale;
import java.util.Map;

/**
 * The case report's labels, from rules-core's bundle ({@code io/github/motcua/rules/messages}, keys
 * {@code cases.*}), each printed as one text {@code "Vietnamese / English"}. Stateless, so thread-safe.
 */
final class CaseTexts {
    /** rules-core's bundle (the same as the engine's {@code Msg.BUNDLE}). */
    static final String BUNDLE = "io/github/motcua/rules/messages";

    private CaseTexts() {
    }

    /** {@code "Vietnamese / English"} of the bundle's {@code key}. */
    static String both(String key) {
        return Messages.render(BUNDLE, key, Map.of(), Locale.forLanguageTag("vi")) + " / "
                + Messages.render(BUNDLE, key, Map.of(), Locale.ENGLISH);
    }

    /**
     * One mismatch as an analyst reads it, Vietnamese first:
     * {@code "part: ca kiểm thử ghi X, kết quả là Y / expected X', actual Y'"} (the bundle's {@code cases.mismatch}).
     */
    static String mismatch(String part, String expectedVi, String actualVi, String expectedEn, String actualEn) {
        return part + ": " + text(Locale.forLanguageTag("vi"), "cases.mismatch", "expected", expectedVi, "actual", actualVi)
                + " / " + text(Locale.ENGLISH, "cases.mismatch", "expected", expectedEn, "actual", actualEn);
    }

    /** The bundle's {@code key} in {@code locale}'s language, with its arguments ({@code names and values, alternating}). */
    static String text(Locale locale, String key, String... namesAndValues) {
        return Messages.render(BUNDLE, key, Messages.pairs(namesAndValues), locale);
    }
}
