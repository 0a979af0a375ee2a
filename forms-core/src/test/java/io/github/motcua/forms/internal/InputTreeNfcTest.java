package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** {@link InputTree#nfc}'s fast path never keeps text the JDK's normaliser would change. */
class InputTreeNfcTest {

    /** Every character the fast path trusts, alone and before every other one, is NFC as it stands. */
    @Test
    void fastPathCharacters_everyPair_alreadyNfc() {
        StringBuilder trusted = new StringBuilder();
        for (char c = 0; c < 0x300; c++) {
            trusted.append(c);
        }
        for (char c = 0x1E00; c <= 0x1EFF; c++) {
            trusted.append(c);
        }
        String t = trusted.toString();
        int notNfc = 0;
        for (int i = 0; i < t.length(); i++) {
            char[] pair = {t.charAt(i), 0};
            for (int j = 0; j < t.length(); j++) {
                pair[1] = t.charAt(j);
                if (!Normalizer.isNormalized(new String(pair), Normalizer.Form.NFC)) {
                    notNfc++;
                }
            }
        }
        assertEquals(0, notNfc);
    }

    @Test
    void nfc_vietnamese_keptOrComposed() {
        String composed = "Nguyễn Thị Ánh Hằng, phường Ia Kring";
        assertSame(composed, InputTree.nfc(composed));
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertEquals(composed, InputTree.nfc(decomposed));
        // a precomposed letter followed by a combining mark outside the fast path's range is still composed
        assertEquals("\u1EBF", InputTree.nfc("\u00EA\u0301"));
        // a singleton NFC replaces (the Ohm sign) is not in the trusted ranges
        String ohm = "10 \u2126";
        assertTrue(Normalizer.isNormalized(InputTree.nfc(ohm), Normalizer.Form.NFC));
        assertEquals("10 \u03A9", InputTree.nfc(ohm));
    }
}
