package io.github.motcua.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The mistakes people make in JSON by hand — a national record edited in a text editor, a form schema — each named in
 * plain words at the parser's line and column, Vietnamese first, with no word of the parser's English in either
 * language.
 */
class JsonSyntaxTest {
    private static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    /** Words of the parser's own messages that must never reach an analyst. */
    private static final Pattern PARSER_WORDS = Pattern.compile(
            "Unexpected|Unrecognized|was expecting|end-of-input|Object entries|code \\d+|CTRL-CHAR|Feature|JsonReadFeature|Duplicate Object");

    static Problem parse(String text) {
        JacksonException e = assertThrows(JacksonException.class, () -> {
            try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text)) {
                while (p.nextToken() != null) {
                    // read to the end
                }
            }
        });
        var loc = e.getLocation();
        return JsonSyntax.problem("ban-ghi.json", text, loc.getLineNr(), loc.getColumnNr(), e.getOriginalMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            cut short                 | {"code": "1.2",                  | JSON_SYNTAX_UNFINISHED     | 1 | 17
            comma before }            | {"code": "1.2",}                 | JSON_SYNTAX_TRAILING_COMMA | 1 | 16
            comma before ]            | {"a": [1, 2,]}                   | JSON_SYNTAX_TRAILING_COMMA | 1 | 13
            value missing after colon | {"a": }                          | JSON_SYNTAX_MISSING_VALUE  | 1 | 7
            value missing, next line  | `{"a":\n  ]`                     | JSON_SYNTAX_MISSING_VALUE  | 2 | 3
            name without quotes       | {code: "1.2"}                    | JSON_SYNTAX_NAME_QUOTES    | 1 | 2
            missing colon             | {"code" "1.2"}                   | JSON_SYNTAX_COLON          | 1 | 9
            missing comma             | `{"code": "1.2"\n "name": "x"}`  | JSON_SYNTAX_COMMA          | 2 | 2
            text without quotes       | {"name": Khai sinh}              | JSON_SYNTAX_TOKEN          | 1 | 10
            single quotes             | {"name": 'x'}                    | JSON_SYNTAX_SINGLE_QUOTE   | 1 | 10
            key twice                 | {"code": "1", "code": "2"}       | JSON_SYNTAX_DUPLICATE_KEY  | 1 | 20
            line break in a string    | `{"name": "a\nb"}`               | JSON_SYNTAX_CONTROL        | 1 | 12
            thousands separator       | {"fee": 50.000.000}              | JSON_SYNTAX_NUMBER         | 1 | 11
            leading zero              | {"fee": 050}                     | JSON_SYNTAX_NUMBER         | 1 | 10
            a comment                 | {"a": 1 // note}                 | JSON_SYNTAX_COMMENT        | 1 | 10
            ] closing an object       | {"a": [1, 2}                     | JSON_SYNTAX_CLOSE          | 1 | 12
            backslash in a path       | {"file": "C:\\hoso"}             | JSON_SYNTAX_ESCAPE         | 1 | 15
            """)
    void everyMistake_plainWordsAtItsLineAndColumn(String what, String text, String key, int line, int column) {
        Problem p = parse(text.replace("\\n", "\n"));
        assertEquals(JsonSyntax.CODE, p.code(), what);
        assertEquals(key, p.key(), what + ": " + p.messageEn());
        assertEquals(line, p.line(), what);
        assertTrue(Math.abs(column - p.column()) <= 1, what + ": column " + p.column());
        assertFalse(PARSER_WORDS.matcher(p.messageVi()).find(), p.messageVi());
        assertFalse(PARSER_WORDS.matcher(p.messageEn()).find(), p.messageEn());
        assertEquals("ban-ghi.json", p.file());
    }

    @Test
    void aTrailingComma_saysWhatToDelete() {
        Problem p = parse("{\"code\": \"1.2\",}");
        assertEquals("Thừa dấu phẩy trước dấu }: xóa dấu phẩy sau mục cuối cùng", p.messageVi());
        assertEquals("a comma too many before }: delete the comma after the last entry", p.messageEn());
    }

    /** {@code "a": }} is a value left out, not a comma too many (session 19: it was worded as a trailing comma). */
    @Test
    void aMissingValue_isNotCalledATrailingComma() {
        Problem p = parse("[{\"step\": }]");
        assertEquals("Thiếu giá trị sau dấu hai chấm (gặp dấu }): ghi giá trị, ví dụ \"văn bản\", số, true, false hoặc null",
                p.messageVi());
        assertEquals("a value is missing after the colon (found }): write one, e.g. \"text\", a number, true, false or null",
                p.messageEn());
    }

    @Test
    void aKeyTwice_namesTheKey() {
        Problem p = parse("{\"code\": \"1\", \"code\": \"2\"}");
        assertEquals("Khóa [code] xuất hiện hai lần trong cùng một đối tượng (chỉ được ghi một lần)", p.messageVi());
    }

    @Test
    void aMessageItDoesNotKnow_isASyntaxErrorAtTheCharacterThere_neverTheParsersText() {
        Problem p = JsonSyntax.problem("x.json", "{\"a\":\n  ~1}", 2, 3, "Something new the parser says");
        assertEquals(2, p.line());
        assertEquals("JSON_SYNTAX", p.key());
        assertEquals("JSON sai cú pháp ở ký tự [~]", p.messageVi());
        assertFalse(p.messageEn().contains("Something"), p.messageEn());
    }
}
