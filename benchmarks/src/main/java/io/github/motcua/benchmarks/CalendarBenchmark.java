package io.github.motcua.benchmarks;

import io.github.motcua.calendar.Calendars;
import io.github.motcua.calendar.DeadlineEngine;
import io.github.motcua.calendar.DeadlineRequest;
import io.github.motcua.calendar.DeadlineResult;
import io.github.motcua.calendar.DeadlineSettings;
import io.github.motcua.calendar.LunarCalendar;
import io.github.motcua.calendar.LunarDate;
import io.github.motcua.calendar.TimeLimit;
import io.github.motcua.dossier.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Per-call cost of the calendar: one solar-to-lunar conversion, and one due-date computation for
 * a 20-working-day deadline spanning Tết 2026 on the Labour-Code calendar (the year is computed once,
 * on first use, as in a running server). Run: {@code java -jar benchmarks/target/benchmarks.jar
 * CalendarBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s}.
 *
 * <p>Not thread-safe (JMH state per thread).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CalendarBenchmark {
    private DeadlineEngine engine;
    private DeadlineRequest request;
    private LocalDate[] dates;
    private int i;

    @Setup
    public void setUp() {
        engine = DeadlineEngine.of(Calendars.labourCode(), DeadlineSettings.defaults());
        Instant received = LocalDateTime.of(2026, 2, 2, 9, 0).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
        request = DeadlineRequest.of(received, Channel.DESK, TimeLimit.workingDays(20));
        dates = new LocalDate[1024];
        for (int k = 0; k < dates.length; k++) {
            dates[k] = LocalDate.of(1900, 1, 1).plusDays(k * 107L);
        }
        engine.compute(request);
    }

    /** One solar-to-lunar conversion (dates spread over 1900–2199). */
    @Benchmark
    public LunarDate lunarConversion() {
        return LunarCalendar.toLunar(dates[i++ & 1023]);
    }

    /** One 20-working-day due date received 02/02/2026, spanning Tết Bính Ngọ. */
    @Benchmark
    public DeadlineResult dueDateAcrossTet() {
        return engine.compute(request);
    }
}
