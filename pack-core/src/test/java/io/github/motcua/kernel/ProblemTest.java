package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemTest {
    @Test
    void format_isFileLineColumnCodeMessage_inEitherLanguage() {
        Problem p = Problem.of("units.yaml", 3, 5, ProblemCode.DUPLICATE_KEY, "key", "xa-1");
        assertEquals("units.yaml:3:5: [DUPLICATE_KEY] Khóa [xa-1] xuất hiện hai lần (chỉ được ghi một lần)", p.toString());
        assertEquals("units.yaml:3:5: [DUPLICATE_KEY] key [xa-1] appears twice (write it once)", p.format(Locale.ENGLISH));
    }

    @Test
    void message_anyLanguageButEnglish_isVietnamese() {
        Problem p = Problem.of("a.yaml", 1, 1, ProblemCode.YAML_EMPTY);
        assertEquals("Tệp trống", p.message(Locale.forLanguageTag("tr-TR")));
        assertEquals("Tệp trống", p.message(null));
        assertEquals("empty file", p.message(Locale.UK));
    }

    @Test
    void ofText_carriesBothTextsAsWritten() {
        Problem p = Problem.ofText("rules.drl", 2, 0, new ProblemCode("LINT_NO_BASIS"), Severity.WARNING,
                "Quy tắc thiếu căn cứ {x}", "rule lacks a basis {x}");
        assertEquals("Quy tắc thiếu căn cứ {x}", p.messageVi());
        assertEquals("rule lacks a basis {x}", p.messageEn());
        assertTrue(p.format(Locale.ENGLISH).startsWith("rules.drl:2:0: [LINT_NO_BASIS] warning: "), p.format(Locale.ENGLISH));
    }

    @Test
    void code_wrongShape_failsNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ProblemCode("bad code"));
        assertTrue(e.getMessage().contains("[bad code]"));
    }

    @Test
    void at_keepsEverythingButThePointer() {
        Problem p = Problem.of("a.yaml", 4, 2, ProblemCode.TOO_DEEP, "max", "2").at("/a/b");
        assertEquals("/a/b", p.pointer());
        assertEquals(4, p.line());
        assertEquals("Lồng nhau quá sâu (tối đa 2 cấp)", p.messageVi());
    }
}
