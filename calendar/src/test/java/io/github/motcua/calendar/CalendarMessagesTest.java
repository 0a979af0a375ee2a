package io.github.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The calendar's message bundle: every key in Vietnamese and English with the same placeholders,
 * every key the code gives {@link CalendarMessages#problem} is in it (a misspelt key fails here, not
 * in front of a user), none is unused; and an exception a caller meets carries its problem in both
 * languages.
 */
class CalendarMessagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "calendar");
    private static final Pattern CALL = Pattern.compile("CalendarMessages\\.problem\\(((?:[^,()]|\\([^()]*\\))*)");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");
    /** A calendar file's message key (YamlNode.error, CalendarMessages.file), wherever it is written. */
    private static final Pattern FILE_KEY = Pattern.compile("\"(FILE_[A-Z0-9_]+)\"");

    @Test
    void bundle_everyKeyInBothLanguagesWithTheSamePlaceholders() {
        assertEquals(java.util.List.of(), Messages.check(CalendarMessages.BUNDLE));
    }

    @Test
    void code_everyKeyItNamesIsInTheBundle_andEveryBundleKeyIsUsed() throws IOException {
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                Matcher file = FILE_KEY.matcher(src);
                while (file.find()) {
                    used.add(file.group(1));
                }
                Matcher call = CALL.matcher(src);
                while (call.find()) {
                    Matcher key = LITERAL.matcher(call.group(1));
                    while (key.find()) {
                        used.add(key.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() > 60, used.toString());
        assertEquals(new TreeSet<>(Messages.keys(CalendarMessages.BUNDLE)), used);
    }

    @Test
    void invalidTimeLimit_carriesItsCodeAndTheMessageInVietnameseAndEnglish() {
        InvalidDeadlineException e = assertThrows(InvalidDeadlineException.class,
                () -> new TimeLimit(-1, DeadlineUnit.WORKING_DAYS));
        Problem p = e.toProblem();
        assertEquals("INVALID_DEADLINE", p.code().name());
        assertTrue(p.messageVi().startsWith("Thời hạn tính bằng WORKING_DAYS phải nằm trong khoảng"), p.messageVi());
        assertTrue(p.messageEn().startsWith("time limit in WORKING_DAYS must be within"), p.messageEn());
        assertEquals(p.messageEn(), e.getMessage());
        assertEquals(p.messageVi(), e.message(Locale.forLanguageTag("vi")).replaceFirst("^\\[INVALID_DEADLINE\\] ", ""));
    }

    @Test
    void calendarFileProblem_isInVietnameseAndEnglish_atItsLine() {
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> Calendars.load(
                java.util.List.of(new CalendarFile("calendar/rules.yaml",
                        "kind: holiday-rules\nrules:\n  - id: tet\n    name: Tết\n    basis: BLLD-2019-D112\n".getBytes(StandardCharsets.UTF_8))),
                java.util.Map.of()));
        Problem p = e.toProblem();
        assertEquals("calendar/rules.yaml", p.file());
        assertEquals(3, p.line());
        assertEquals("Lỗi trong tệp lịch: Quy tắc ngày nghỉ [tet] cần đúng một trong [solar] (dương lịch) hoặc [lunar] (âm lịch), dạng MM-DD",
                p.messageVi());
        assertEquals("holiday rule [tet] needs exactly one of [solar] or [lunar] (MM-DD)", p.messageEn());
        assertEquals(p.messageEn(), e.problem());
    }

    @Test
    void dateOutOfRange_andLunarDateThatDoesNotExist_areTranslated() {
        DateOutOfRangeException range = assertThrows(DateOutOfRangeException.class,
                () -> LunarCalendar.toLunar(LocalDate.of(1800, 1, 1)));
        assertEquals("DATE_OUT_OF_RANGE", range.toProblem().code().name());
        assertTrue(range.toProblem().messageVi().startsWith("Ngày phải nằm trong khoảng"), range.toProblem().messageVi());
        DateOutOfRangeException day = assertThrows(DateOutOfRangeException.class, () -> new LunarDate(2026, 1, 31, false));
        assertEquals("Ngày âm lịch phải từ 1 đến 30: [31]", day.toProblem().messageVi());
        assertEquals("lunar day must be 1..30: [31]", day.getMessage());
    }
}
