package io.github.motcua.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.motcua.dossier.Channel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Results must not depend on the JVM's default zone or locale (STYLE habit 13). */
@Isolated
class DefaultZoneAndLocaleTest {

    private static List<String> computeAll() {
        DeadlineEngine engine = DeadlineEngine.of(Calendars.loadPack(TestPacks.giaLai()), DeadlineSettings.defaults());
        List<String> out = new ArrayList<>();
        out.add(engine.compute(DeadlineRequest.of(TestPacks.vn(2026, 2, 13, 15, 30), Channel.DESK, TimeLimit.sameDay())).toString());
        out.add(engine.compute(DeadlineRequest.of(TestPacks.vn(2026, 2, 2, 9, 0), Channel.ONLINE, TimeLimit.workingDays(20))).toString());
        out.add(engine.compute(DeadlineRequest.of(TestPacks.vn(2026, 3, 2, 9, 0), Channel.DESK, TimeLimit.workingHours(8))).toString());
        out.add(CalendarReports.daysOff(TestPacks.giaLai(), 2026));
        out.add(CalendarReports.monthStarts("2025-01-01", "2026-12-31"));
        out.add(CalendarReports.lunar("2025-07-25"));
        out.add(String.valueOf(LunarCalendar.toLunar(LocalDate.of(2030, 2, 2))));
        return out;
    }

    @Test
    void compute_underSeveralDefaultZonesAndLocales_givesIdenticalResults() {
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            Locale.setDefault(Locale.ROOT);
            List<String> expected = computeAll();
            String[][] combos = {{"Pacific/Chatham", "tr-TR"}, {"America/St_Johns", "ar-SA"}, {"Asia/Kathmandu", "th-TH-u-nu-thai"},
                    {"Asia/Ho_Chi_Minh", "vi-VN"}, {"Pacific/Kiritimati", "hi-IN"}};
            for (String[] c : combos) {
                TimeZone.setDefault(TimeZone.getTimeZone(c[0]));
                Locale.setDefault(Locale.forLanguageTag(c[1]));
                assertEquals(expected, computeAll(), c[0] + " " + c[1]);
            }
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }
}
