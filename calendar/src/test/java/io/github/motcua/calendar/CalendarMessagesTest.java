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

    @Test
    void bundle_everyKeyInBothLanguagesWithTheSamePlaceholders() {
        assertEquals(java.util.List.of(), Messages.check(CalendarMessages.BUNDLE));
    }

    @Test
    void code_everyKeyItNamesIsInTheBundle_andEveryBundleKeyIsUsed() throws IOException {
        TreeSet<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher call = CALL.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (call.find()) {
                    Matcher key = LITERAL.matcher(call.group(1));
                    while (key.find()) {
                        used.add(key.group(1));
                    }
                }
            }
        }
        assertTrue(used.size() > 30, used.toString());
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
