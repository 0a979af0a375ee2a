package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.forms.internal.Messages;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessageBundlesTest {
    static final Properties VI = Messages.load(Messages.BUNDLE_VI);
    static final Properties EN = Messages.load(Messages.BUNDLE_EN);

    @Test
    void bundles_sameKeysInVietnameseAndEnglish() {
        assertEquals(new TreeSet<>(VI.stringPropertyNames()), new TreeSet<>(EN.stringPropertyNames()));
    }

    @Test
    void bundles_noBlankMessage_vietnameseHasDiacritics() {
        for (String k : VI.stringPropertyNames()) {
            assertFalse(VI.getProperty(k).isBlank(), k);
            assertFalse(EN.getProperty(k).isBlank(), k);
        }
        assertTrue(VI.getProperty("required").contains("Vui lòng nhập"));
    }

    @Test
    void bundles_everyStandardKeywordHasAMessage() {
        for (String k : List.of("required", "type", "minLength", "maxLength", "pattern", "enum", "choice", "const", "minimum", "maximum",
                "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties",
                "maxProperties", "additionalProperties", "unevaluatedProperties", "dependentRequired", "oneOf", "anyOf", "not",
                "false", "format", "format.date", "format.vn-personal-id", "format.vn-tax-code", "format.vn-mobile",
                "format.vn-unit-code", "x-vn-date-before", "x-vn-personal-id-matches.birthYear",
                "x-vn-personal-id-matches.sex")) {
            assertTrue(VI.containsKey(k), k);
        }
    }

    @Test
    void bundles_placeholdersMatchBetweenLanguages() {
        java.util.regex.Pattern ph = java.util.regex.Pattern.compile("\\{[a-zA-Z]+\\}");
        for (String k : VI.stringPropertyNames()) {
            assertEquals(ph.matcher(VI.getProperty(k)).results().map(r -> r.group()).sorted().toList(),
                    ph.matcher(EN.getProperty(k)).results().map(r -> r.group()).sorted().toList(), k);
        }
    }
}
