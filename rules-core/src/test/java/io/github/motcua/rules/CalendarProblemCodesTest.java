package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Each kind of calendar file failure has its own problem code (before session 12 every one was {@code CALENDAR}), at
 * the file, line and column, in Vietnamese first.
 */
class CalendarProblemCodesTest {
    @TempDir
    Path dir;

    LoadResult loadWith(String file, String yaml) {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.write(p.resolve("calendar/" + file), yaml);
        try (Engine e = TestPacks.engine()) {
            return e.load(p);
        }
    }

    static final String RULES = "kind: holiday-rules\nrules:\n  - { id: ngay-x, name: \"Ngày X\", %s, basis: BLLD-2019-D112-1 }\n";
    static final String DAY = "kind: schedule\nyear: 2026\ndays:\n%s";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed YAML|kind: schedule\\nyear: [2026\\n|CALENDAR_UNREADABLE|2",
        "a key twice|kind: schedule\\nkind: schedule\\n|CALENDAR_UNREADABLE|2",
        "an unknown key|kind: schedule\\nyear: 2026\\nyaer: 2026\\ndays: []\\n|CALENDAR_MALFORMED|3",
        "a date that is not one|" + "kind: schedule\\nyear: 2026\\ndays:\\n  - { date: 2026-02-30, kind: HOLIDAY, name: x, basis: BLLD-2019-D112-1 }\\n|CALENDAR_MALFORMED|4",
        "a year outside 1900..2199|kind: schedule\\nyear: 2300\\ndays: []\\n|CALENDAR_OUT_OF_RANGE|2",
        "a date outside the schedule's year|kind: schedule\\nyear: 2026\\ndays:\\n  - { date: 2027-01-01, kind: HOLIDAY, name: x, basis: BLLD-2019-D112-1 }\\n|CALENDAR_OUT_OF_RANGE|4",
        "a lunar day 31|kind: holiday-rules\\nrules:\\n  - { id: ngay-x, name: x, lunar: \"03-31\", basis: BLLD-2019-D112-1 }\\n|CALENDAR_NO_SUCH_LUNAR_DATE|3",
        "a lunar month 13|kind: holiday-rules\\nrules:\\n  - { id: ngay-x, name: x, lunar: \"13-01\", basis: BLLD-2019-D112-1 }\\n|CALENDAR_NO_SUCH_LUNAR_DATE|3",
        "a reversed range|kind: schedule\\nyear: 2026\\ndays:\\n  - { from: 2026-03-05, to: 2026-03-02, kind: HOLIDAY, name: x, basis: BLLD-2019-D112-1 }\\n|CALENDAR_RANGE_REVERSED|4",
        "a day listed twice|kind: schedule\\nyear: 2026\\ndays:\\n  - { date: 2026-03-05, kind: HOLIDAY, name: x, basis: BLLD-2019-D112-1 }\\n  - { date: 2026-03-05, kind: SWAPPED_OFF, name: y, basis: BLLD-2019-D112-1 }\\n|CALENDAR_CONFLICT|5",
        "a weekday made a swapped working day|kind: schedule\\nyear: 2026\\ndays:\\n  - { date: 2026-03-05, kind: SWAPPED_WORKING, name: x, basis: BLLD-2019-D112-1 }\\n|CALENDAR_CONFLICT|4",
        "an unknown basis|kind: schedule\\nyear: 2026\\ndays:\\n  - { date: 2026-03-05, kind: HOLIDAY, name: x, basis: KHONG-CO }\\n|CALENDAR_UNKNOWN_BASIS|4",
    })
    void load_calendarFileFailure_hasItsOwnCode(String what, String yaml, String code, int line) {
        LoadResult r = loadWith("x.yaml", yaml.replace("\\n", "\n"));
        assertFalse(r.ok(), what);
        PackProblem p = r.problems().get(0);
        assertEquals(code, p.code(), () -> what + ": " + p);
        assertEquals("calendar/x.yaml", p.file(), what);
        assertEquals(line, p.line(), () -> what + ": " + p);
        assertTrue(p.messageVi().startsWith("Lỗi lịch làm việc: "), () -> what + ": " + p);
    }

    @Test
    void load_lunarDay30OfAnyMonth_isAccepted_itExistsInSomeYears() {
        // 02-30 is no Gregorian date, but a lunar second month has 30 days in some years
        LoadResult r = loadWith("x.yaml", RULES.formatted("lunar: \"02-30\""));
        assertTrue(r.ok(), () -> r.problems().toString());
    }
}
