package io.github.motcua.examples.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 11 item 6: catalogue CSV cells that a spreadsheet would run as formulas are neutralised (OWASP). */
class CsvInjectionTest {
    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "=HYPERLINK(\"http://x\";\"Bấm\")   | `\"'=HYPERLINK(\"\"http://x\"\";\"\"Bấm\"\")\"`",
        "+1+1                              | \"'+1+1\"",
        "-2+3                              | \"'-2+3\"",
        "@SUM(1;2)                         | \"'@SUM(1;2)\"",
        "＝1+1                             | \"'＝1+1\"",
        "Đăng ký khai sinh                 | Đăng ký khai sinh",
        "a=1, b                            | \"a=1, b\"",
        "1-2                               | 1-2",
    })
    void cell_formulaStart_prefixedAndQuoted(String value, String expected) {
        assertEquals(expected.strip(), Catalogues.cell(value.strip()));
    }

    @org.junit.jupiter.api.Test
    void cell_tabOrCarriageReturnStart_prefixedAndQuoted() {
        assertEquals("\"'\t=1+1\"", Catalogues.cell("\t=1+1"));
        assertEquals("\"'\r=1+1\"", Catalogues.cell("\r=1+1"));
        assertEquals("", Catalogues.cell(""));
        assertEquals("", Catalogues.cell(null));
    }
}
