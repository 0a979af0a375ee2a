package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, session 24: a prebuilt pack's rules-as-data entries decoded with fewer objects — a non-ASCII string decoded by
 * the JDK straight into a string (the strict decoder only for one holding U+FFFD), a rule's annotations compared in a
 * list up to 16 — must read and refuse exactly what the former reading did.
 */
class DataRulesFormatDecodeTest {

    private static DataRules.Translated first() {
        return DataRulesFormatStringsTest.giaLai().get(0);
    }

    private static DataRules.Translated withRule(DataRules.Translated t, String name, List<DataRules.Meta> metadata) {
        List<DataRules.DataRule> rules = new ArrayList<>(t.rules());
        DataRules.DataRule r = rules.get(0);
        rules.set(0, new DataRules.DataRule(name, r.file(), r.attributes(), metadata, r.lhs(), r.rhs()));
        return new DataRules.Translated(t.packageName(), rules);
    }

    @Test
    void aReplacementCharacterWrittenInTheTextReadsBack_andAMalformedSequenceIsStillRefused() {
        DataRules.Translated t = first();
        String name = "Quy tắc \uFFFD có ký tự thay thế";
        DataRules.Translated with = withRule(t, name, t.rules().get(0).metadata());
        byte[] bytes = DataRulesFormat.encode(with);
        assertEquals(with, DataRulesFormat.decode(bytes)); // U+FFFD as written (EF BF BD): not a refusal
        byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
        int at = DataRulesFormatStringsTest.indexOf(bytes, encoded);
        assertTrue(at > 0);
        int fffd = DataRulesFormatStringsTest.indexOf(bytes, "\uFFFD".getBytes(StandardCharsets.UTF_8));
        byte[] cut = bytes.clone();
        cut[fffd + 2] = 'x'; // EF BF then an ASCII byte: malformed, which the JDK would turn into U+FFFD
        assertEquals("not UTF-8", assertThrows(IllegalArgumentException.class, () -> DataRulesFormat.decode(cut)).getMessage());
        byte[] surrogate = bytes.clone();
        surrogate[fffd] = (byte) 0xED; // ED BF BD: an encoded surrogate (U+DFFD), not UTF-8
        assertEquals("not UTF-8", assertThrows(IllegalArgumentException.class, () -> DataRulesFormat.decode(surrogate)).getMessage());
        byte[] overlong = bytes.clone();
        int o = DataRulesFormatStringsTest.indexOf(bytes, "Quy".getBytes(StandardCharsets.UTF_8));
        overlong[o] = (byte) 0xC1; // C1 91: an overlong 'Q', then 'uy'
        overlong[o + 1] = (byte) 0x91;
        assertEquals("not UTF-8", assertThrows(IllegalArgumentException.class, () -> DataRulesFormat.decode(overlong)).getMessage());
    }

    @Test
    void annotationsUpToAndPastSixteen_readBack_andADuplicateIsRefusedWherever() {
        DataRules.Translated t = first();
        for (int count : new int[] {1, 2, 15, 16, 17, 40}) {
            List<DataRules.Meta> metadata = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                metadata.add(new DataRules.Meta("m" + i, i % 2 == 0 ? "giá trị " + i : null));
            }
            DataRules.Translated with = withRule(t, "Quy tắc có " + count + " chú thích", metadata);
            assertEquals(with, DataRulesFormat.decode(DataRulesFormat.encode(with)), "annotations: " + count);
            for (int dup = 1; dup < count; dup += Math.max(1, count / 5)) {
                List<DataRules.Meta> twice = new ArrayList<>(metadata);
                twice.set(dup, new DataRules.Meta("m" + (dup / 2), null)); // an earlier annotation's name again
                DataRules.Translated bad = withRule(t, "Quy tắc", twice);
                assertEquals("annotation", assertThrows(IllegalArgumentException.class,
                        () -> DataRulesFormat.decode(DataRulesFormat.encode(bad))).getMessage(), count + " / " + dup);
            }
        }
    }
}
