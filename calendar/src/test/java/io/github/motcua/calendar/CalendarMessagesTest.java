package io.github.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.BundleKeys;
import io.github.motcua.kernel.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The calendar's message bundle: every key in Vietnamese and English with the same placeholders,
 * every key the code gives {@link CalendarMessages#problem} is in it (a misspelt key fails here, not
 * in front of a user), none is unused; and an exception a caller meets carries its problem in both
 * languages.
 */
class CalendarMessagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "github", "motcua", "calendar");
    /** The key of a {@link CalendarMessages#problem} call: written first, or either side of a {@code ?:}. */
    private static final Pattern CALL = Pattern.compile("CalendarMessages\\.problem\\(\\s*\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern CALL_IF = Pattern.compile("CalendarMessages\\.problem\\([^,\"]*\\?\\s*\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern CALL_ELSE = Pattern.compile(
            "CalendarMessages\\.problem\\([^,\"]*\\?\\s*\"[A-Z0-9_]+\"\\s*:\\s*\"([A-Z][A-Z0-9_]*)\"");
    /** A calendar file's message key (YamlNode.error, CalendarMessages.file), wherever it is written. */
    private static final Pattern FILE_KEY = Pattern.compile("\"(FILE_[A-Z0-9_]+)\"");
    /** An exception's kind of problem, and the labels (time limits, return status, notes, what a file message names). */
    private static final Pattern TITLE_OR_LABEL = Pattern.compile("\"(TITLE_[A-Z0-9_]+|label\\.[A-Za-z0-9_.]+)\"");
    private static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void bundle_completeInBothLanguages_everyKeyTheCodeNamesIsInIt_andEveryKeyIsUsed() {
        BundleKeys.assertExactlyTheKeysUsed(CalendarMessages.BUNDLE,
                BundleKeys.named(SOURCES, false, CALL, CALL_IF, CALL_ELSE, FILE_KEY, TITLE_OR_LABEL), 100);
    }

    @Test
    void timeLimitLabels_inBothLanguages() {
        assertEquals("03 ngày làm việc", TimeLimit.workingDays(3).labelVi());
        assertEquals("3 working days", TimeLimit.workingDays(3).labelEn());
        assertEquals("1 working day", TimeLimit.workingDays(1).label(Locale.ENGLISH));
        assertEquals("12 giờ làm việc", TimeLimit.workingHours(12).label(VI));
        assertEquals("1 working hour", TimeLimit.workingHours(1).labelEn());
        assertEquals("30 ngày", TimeLimit.calendarDays(30).labelVi());
        assertEquals("30 calendar days", TimeLimit.calendarDays(30).labelEn());
        assertEquals("trong ngày", TimeLimit.sameDay().labelVi());
        assertEquals("the same day", TimeLimit.sameDay().labelEn());
        assertEquals("Đúng hạn", ReturnStatus.ON_TIME.labelVi());
        assertEquals("Late", ReturnStatus.LATE.labelEn());
        assertEquals("Trước hạn", ReturnStatus.EARLY.label(Locale.ROOT));
    }

    @Test
    void computedYearNotes_inBothLanguages() {
        assertEquals("", CalendarReports.computedYearsNote(java.util.List.of(), true));
        assertTrue(CalendarReports.computedYearsNote(java.util.List.of(2031), true).startsWith("Year 2031: working days computed"));
        assertTrue(CalendarReports.computedYearsNote(java.util.List.of(2031, 2032), true).startsWith("Years 2031, 2032: working days"));
        assertEquals("Năm 2031, 2032: ngày làm việc được tính toán theo âm lịch và quy định về ngày nghỉ lễ, Tết đang có hiệu lực, "
                + "không phải theo lịch nghỉ chính thức (bộ quy tắc chưa có lịch của năm này)",
                CalendarReports.computedYearsNote(java.util.List.of(2031, 2032), false));
    }

    @Test
    void missingCalendarFile_isTranslated(@org.junit.jupiter.api.io.TempDir Path dir) {
        CalendarFileException e = assertThrows(CalendarFileException.class, () -> CalendarFile.of(dir.resolve("holidays.yaml")));
        assertEquals("Lỗi trong tệp lịch: Không có tệp này", e.toProblem().messageVi());
        assertEquals("no such file", e.toProblem().messageEn());
        assertEquals("no such file", e.problem());
    }

    @Test
    void plainCalendarException_hasItsKindInVietnamese_andOnceEnglishOnlyMessagesAreTranslated() {
        Problem plain = new InvalidDeadlineException("bad limit").toProblem();
        assertEquals("INVALID_DEADLINE", plain.code().name());
        assertEquals("Thời hạn không hợp lệ: bad limit", plain.messageVi());
        assertEquals("bad limit", plain.messageEn());
        InvalidDeadlineException noBasis = assertThrows(InvalidDeadlineException.class,
                () -> new CutOff(java.time.LocalTime.of(16, 0), java.util.List.of()));
        assertEquals("Giờ chốt tiếp nhận phải nêu căn cứ pháp lý: [16:00]", noBasis.toProblem().messageVi());
        assertEquals("a cut-off hour must cite its legal basis: [16:00]", noBasis.getMessage());
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
