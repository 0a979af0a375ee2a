package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 17: a prebuilt artifact's rules-as-data entries read their strings in place, an ASCII string as its bytes and
 * any other through the strict UTF-8 decoder. The Gia Lai pack's entries (Vietnamese rule names, ASCII fields and
 * literals) read back to the same rules, and a string that is not UTF-8 — a byte of 0x80 or more in an otherwise ASCII
 * string, a Vietnamese letter cut or damaged — still refuses the entry.
 */
class DataRulesFormatStringsTest {
    static List<DataRules.Translated> giaLai() {
        List<DataRules.Translated> out = new ArrayList<>();
        for (LoadedPack.ProcedureSource src : DataRulesTest.giaLai().values()) {
            List<io.github.motcua.rules.PackProblem> problems = new ArrayList<>();
            DataRules.Translated t = DataRules.translate(ProcedureCompiler.packageName(src), ProcedureCompiler.restrict(src, problems));
            if (t != null) {
                out.add(t);
            }
        }
        assertTrue(out.size() >= 14, "procedures " + out.size());
        return out;
    }

    static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void asciiAndVietnameseStrings_readBackAsWritten_andBytesNotUtf8_refused() {
        int vietnamese = 0;
        for (DataRules.Translated t : giaLai()) {
            byte[] bytes = DataRulesFormat.encode(t);
            assertEquals(t, DataRulesFormat.decode(bytes));
            for (DataRules.DataRule r : t.rules()) {
                byte[] name = r.name().getBytes(StandardCharsets.UTF_8);
                int at = indexOf(bytes, name);
                assertTrue(at > 0, r.name());
                int multi = -1;
                for (int i = 0; i < name.length && multi < 0; i++) {
                    if ((name[i] & 0xC0) == 0xC0) {
                        multi = i; // the lead byte of a letter of two or more bytes
                    }
                }
                if (multi >= 0) {
                    vietnamese++;
                    byte[] cut = bytes.clone();
                    cut[at + multi + 1] = 'a'; // its continuation byte replaced: not UTF-8
                    assertEquals("not UTF-8", assertThrows(IllegalArgumentException.class, () -> DataRulesFormat.decode(cut)).getMessage());
                    byte[] lead = bytes.clone();
                    lead[at + multi] = (byte) 0xFF; // never in UTF-8
                    assertEquals("not UTF-8", assertThrows(IllegalArgumentException.class, () -> DataRulesFormat.decode(lead)).getMessage());
                }
                byte[] file = r.file().getBytes(StandardCharsets.UTF_8); // an ASCII path
                int f = indexOf(bytes, file);
                assertTrue(f > 0, r.file());
                byte[] high = bytes.clone();
                high[f + file.length - 1] = (byte) 0x80; // a lone continuation byte at the end of an ASCII string
                assertEquals("not UTF-8", assertThrows(IllegalArgumentException.class, () -> DataRulesFormat.decode(high)).getMessage());
                byte[] latin = bytes.clone();
                latin[f] = (byte) 0xE9; // "é" in Latin-1, not UTF-8
                assertEquals("not UTF-8", assertThrows(IllegalArgumentException.class, () -> DataRulesFormat.decode(latin)).getMessage());
            }
        }
        assertTrue(vietnamese > 20, "rule names with Vietnamese letters: " + vietnamese);
    }
}
