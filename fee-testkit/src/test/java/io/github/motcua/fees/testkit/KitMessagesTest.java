package io.github.motcua.fees.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.kernel.BundleKeys;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * fee-testkit's message bundle: every key in Vietnamese and English, every key the code names is
 * in it, none is left unused, and the English never names a value the Vietnamese lacks. (A failure
 * message is one text "Vietnamese / English"; the Vietnamese quotes the figures, so the English may
 * leave a placeholder out — never the reverse.)
 */
class KitMessagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "fees", "testkit");
    /** A key written as a string literal in the code: invariant.*, case.*, violation.*. */
    private static final Pattern KEY = Pattern.compile("\"((?:invariant|case|violation)\\.[A-Za-z0-9.]+)\"");

    @Test
    void bundle_everyKeyInBothLanguages_theEnglishNamesNoValueTheVietnameseLacks_andEveryKeyIsUsed() {
        BundleKeys.assertExactlyTheKeysUsedEnglishWithinVietnamese(KitMessages.BUNDLE, BundleKeys.named(SOURCES, false, KEY), 15);
    }

    @Test
    void render_oneTextVietnameseFirst_asTheKitWroteItInline() {
        assertEquals("Tổng 5 ≠ tổng các dòng 7 / total ≠ sum of lines",
                KitMessages.both("invariant.totalNotSum", "total", "5", "sum", "7"));
        assertEquals("Bất biến phí bị vi phạm / fee invariant violated", KitMessages.both("violation.head"));
        assertEquals("Phản ví dụ bất biến phí [total-is-sum] / fee invariant counterexample",
                KitMessages.both("case.counterexample", "invariant", "total-is-sum"));
    }
}
