package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kernel message exists in Vietnamese and English with the same arguments (STYLE habit 13). */
class MessageBundlesTest {
    @Test
    void kernelBundle_sameKeysAndPlaceholdersInBothLanguages() {
        assertEquals(List.of(), Messages.check(Messages.KERNEL));
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
