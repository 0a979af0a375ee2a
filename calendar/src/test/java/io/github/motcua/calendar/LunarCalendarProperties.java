package io.github.motcua.calendar;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LunarCalendarProperties {
    private static final long MIN = LocalDate.of(1900, 1, 1).toEpochDay();

    @Property
    boolean toSolar_ofToLunar_givesTheSameDate(@ForAll @IntRange(min = 0, max = 109572) int offset) {
        LocalDate d = LocalDate.ofEpochDay(MIN + offset);
        return LunarCalendar.toSolar(LunarCalendar.toLunar(d)).equals(d);
    }

    @Property
    boolean toLunar_nextDay_isNextLunarDayOrDayOne(@ForAll @IntRange(min = 0, max = 109570) int offset) {
        LocalDate d = LocalDate.ofEpochDay(MIN + offset);
        LunarDate a = LunarCalendar.toLunar(d);
        LunarDate b = LunarCalendar.toLunar(d.plusDays(1));
        int len = LunarCalendar.monthLength(d);
        return (len == 29 || len == 30) && (b.day() == a.day() + 1 || (b.day() == 1 && a.day() == len));
    }
}
