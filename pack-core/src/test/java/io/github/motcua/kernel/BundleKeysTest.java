package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The shared bundle key check fails on each thing it is there to catch. */
class BundleKeysTest {
    private static final String BUNDLE = "io/github/motcua/kernel/bundlekeys/t";

    @Test
    void named_findsTheKeysTheSourcesName() {
        Path sources = Path.of("src", "test", "java", "io", "github", "motcua", "kernel", "bundlekeys");
        assertEquals(Set.of("T_ONE", "T_TWO"), BundleKeys.named(sources, false, Pattern.compile("\"(T_[A-Z0-9_]+)\"")));
    }

    @Test
    void exactKeys_passes() {
        BundleKeys.assertExactlyTheKeysUsed(BUNDLE, Set.of("T_ONE", "T_TWO"), 2);
    }

    @Test
    void aKeyTheCodeNamesButTheBundleLacks_fails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> BundleKeys.assertExactlyTheKeysUsed(BUNDLE, Set.of("T_ONE", "T_TWO", "T_THREE"), 2));
        assertTrue(e.getMessage().contains("not in the bundle: [T_THREE]"), e.getMessage());
    }

    @Test
    void aKeyNoCodeNames_fails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> BundleKeys.assertExactlyTheKeysUsed(BUNDLE, Set.of("T_ONE"), 1));
        assertTrue(e.getMessage().contains("named by no code: [T_TWO]"), e.getMessage());
    }

    @Test
    void tooFewKeysFound_failsRatherThanPassingOnNothing() {
        assertThrows(AssertionFailedError.class, () -> BundleKeys.assertExactlyTheKeysUsed(BUNDLE, Set.of("T_ONE", "T_TWO"), 3));
    }

    @Test
    void aKeyInOneLanguageOnly_orPlaceholdersThatDiffer_fail() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> BundleKeys.assertExactlyTheKeysUsed("io/github/motcua/kernel/bundlekeys/half", Set.of("T_ONE", "T_TWO"), 2));
        assertTrue(e.getMessage().contains("[T_ONE] only in vi") && e.getMessage().contains("[T_TWO] placeholders differ"),
                e.getMessage());
    }

    @Test
    void englishWithinVietnamese_passesWhenTheEnglishLeavesAValueOut() {
        BundleKeys.assertExactlyTheKeysUsedEnglishWithinVietnamese("io/github/motcua/kernel/bundlekeys/within", Set.of("T_ONE", "T_TWO"), 2);
    }

    @Test
    void englishWithinVietnamese_failsWhenTheEnglishNamesAValueTheVietnameseLacks() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> BundleKeys.assertExactlyTheKeysUsedEnglishWithinVietnamese(
                "io/github/motcua/kernel/bundlekeys/beyond", Set.of("T_ONE", "T_TWO"), 2));
        assertTrue(e.getMessage().contains("T_ONE: the English names [x, y]"), e.getMessage());
    }

    @Test
    void englishWithinVietnamese_stillFailsOnAKeyInOneLanguageOnly_andOnAnUnusedKey() {
        AssertionFailedError half = assertThrows(AssertionFailedError.class, () -> BundleKeys.assertExactlyTheKeysUsedEnglishWithinVietnamese(
                "io/github/motcua/kernel/bundlekeys/half", Set.of("T_ONE", "T_TWO"), 2));
        assertTrue(half.getMessage().contains("[T_ONE] only in vi"), half.getMessage());
        AssertionFailedError unused = assertThrows(AssertionFailedError.class, () -> BundleKeys.assertExactlyTheKeysUsedEnglishWithinVietnamese(
                "io/github/motcua/kernel/bundlekeys/within", Set.of("T_ONE"), 1));
        assertTrue(unused.getMessage().contains("named by no code: [T_TWO]"), unused.getMessage());
    }
}
