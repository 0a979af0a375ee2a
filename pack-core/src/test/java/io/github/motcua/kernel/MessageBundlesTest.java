package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every kernel message exists in Vietnamese and English with the same arguments (STYLE habit 13), every
 * key pack-core's code names is in the bundle and none is unused; the labels and words moved into the
 * bundle render as they were written inline.
 */
class MessageBundlesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua");
    /** A problem code (the key of its message), or a label or citation word. */
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)\"");
    private static final Pattern LABEL = Pattern.compile("\"((?:label|citation)\\.[A-Za-z0-9_.]+)\"");
    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void kernelBundle_sameKeysAndPlaceholdersInBothLanguages_exactlyTheKeysTheCodeNames() {
        assertEquals(List.of(), Messages.check(Messages.KERNEL));
        BundleKeys.assertExactlyTheKeysUsed(Messages.KERNEL, BundleKeys.named(SOURCES, true, CODE, LABEL), 30);
    }

    @Test
    void warningWord_inBothLanguages() {
        Problem w = Problem.of("units.yaml", 3, 5, ProblemCode.DUPLICATE_KEY, "key", "xa-1").asWarning();
        assertEquals("units.yaml:3:5: [DUPLICATE_KEY] cảnh báo: Khóa [xa-1] xuất hiện hai lần (chỉ được ghi một lần)", w.format(VI));
        assertEquals("units.yaml:3:5: [DUPLICATE_KEY] warning: " + w.messageEn(), w.format(Locale.ENGLISH));
    }

    @Test
    void fill_keepsBracesThatAreNoPlaceholder_andAPlaceholderWithoutArgument() {
        assertEquals("{x y} 3 {z} {", Messages.fill("{x y} {a} {z} {", Map.of("a", "3")));
        assertEquals("{{{a}}}", Messages.fill("{{{b}}}", Map.of("b", "{a}")));
        assertEquals("a}b", Messages.fill("a}b", Map.of("a", "1")));
    }

    @Test
    void everyKernelProblemCode_hasAMessage() throws IllegalAccessException {
        for (Field f : ProblemCode.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ProblemCode.class) {
                String code = ((ProblemCode) f.get(null)).name();
                assertTrue(Messages.has(Messages.KERNEL, code), code);
            }
        }
    }

    @Test
    void render_withNamesAndValues_fillsThePlaceholders_andRefusesAnOddList() {
        String bundle = "io/github/motcua/kernel/bundlekeys/t";
        assertEquals("một 3", Messages.render(bundle, "T_ONE", java.util.Locale.forLanguageTag("vi"), "x", 3));
        assertEquals("one 3", Messages.render(bundle, "T_ONE", java.util.Locale.ENGLISH, "x", 3));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Messages.render(bundle, "T_ONE", java.util.Locale.ENGLISH, "x"));
    }
}
