package io.github.motcua.calendar;

import io.github.motcua.dossier.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DeadlineEngineProperties {
    private static final WorkingCalendar PACK = TestPacks.giaLaiCalendar();
    private static final long START_2025 = LocalDate.of(2025, 1, 1).toEpochDay();

    private static WorkingCalendar calendar(boolean pack) {
        return pack ? PACK : Calendars.labourCode();
    }

    @Property
    boolean plusWorkingDays_thenCount_givesN(@ForAll @IntRange(min = 0, max = 1500) int offset,
            @ForAll @LongRange(min = 0, max = 200) long n, @ForAll boolean pack) {
        WorkingCalendar cal = calendar(pack);
        LocalDate d = LocalDate.ofEpochDay(START_2025 - 300 + offset);
        LocalDate e = cal.plusWorkingDays(d, n);
        return cal.workingDaysBetween(d, e) == n && (n == 0 || cal.isWorkingDay(e));
    }

    @Provide
    Arbitrary<Instant> received() {
        return Arbitraries.longs().between(0, 3L * 366 * 24 * 60)
                .map(m -> LocalDate.ofEpochDay(START_2025).atStartOfDay(TestPacks.VN).plusMinutes(m).toInstant());
    }

    @Provide
    Arbitrary<TimeLimit> limits() {
        return Arbitraries.oneOf(
                Arbitraries.just(TimeLimit.sameDay()),
                Arbitraries.longs().between(1, 60).map(TimeLimit::workingDays),
                Arbitraries.longs().between(1, 80).map(TimeLimit::workingHours),
                Arbitraries.longs().between(1, 90).map(TimeLimit::calendarDays));
    }

    @Provide
    Arbitrary<DeadlineSettings> settings() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(DueAt.values()),
                Arbitraries.of(OnlineOutOfHours.values()), Arbitraries.of(LocalTime.of(15, 0), LocalTime.of(11, 0), LocalTime.of(16, 30)))
                .as((count, dueAt, online, cut) -> DeadlineSettings.defaults().withCountReceiptDay(count).withDueAt(dueAt)
                        .withOnlineOutOfHours(online).withCutOff(cut));
    }

    @Property
    boolean due_neverOnADayOffNorOutsideOfficeHours(@ForAll("received") Instant at, @ForAll("limits") TimeLimit limit,
            @ForAll Channel channel, @ForAll("settings") DeadlineSettings settings, @ForAll boolean pack) {
        DeadlineEngine engine = DeadlineEngine.of(calendar(pack), settings);
        DeadlineResult r = engine.compute(DeadlineRequest.of(at, channel, limit));
        ZonedDateTime due = r.due();
        return engine.calendar().isWorkingDay(due.toLocalDate())
                && settings.officeHours().contains(due.toLocalTime())
                && engine.calendar().isWithinOfficeHours(due.toInstant())
                && !due.toInstant().isBefore(r.effectiveStart().toInstant())
                && !r.effectiveStart().toInstant().isBefore(at.minusSeconds(60 * 60 * 24 * 366))
                && engine.calendar().isWithinOfficeHours(r.effectiveStart().toInstant());
    }

    @Property
    boolean pause_neverMakesADeadlineEarlier(@ForAll("received") Instant at, @ForAll("limits") TimeLimit limit,
            @ForAll @LongRange(min = 0, max = 30 * 24 * 60) long startAfter, @ForAll @LongRange(min = 1, max = 20 * 24 * 60) long length,
            @ForAll("settings") DeadlineSettings settings, @ForAll boolean knownLength) {
        DeadlineEngine engine = DeadlineEngine.of(PACK, settings);
        DeadlineRequest req = DeadlineRequest.of(at, Channel.DESK, limit);
        DeadlineResult plain = engine.compute(req);
        Instant from = at.plusSeconds(startAfter * 60);
        DeadlineAdjustment pause = knownLength
                ? DeadlineAdjustment.pause(TimeLimit.calendarDays(1 + length % 20), "Niêm yết", null, null)
                : DeadlineAdjustment.excluded(from, from.plusSeconds(length * 60), "Bổ sung hồ sơ", null);
        DeadlineResult paused = engine.compute(req.withAdjustments(List.of(pause)));
        return !paused.due().isBefore(plain.due());
    }

    @Property
    boolean extension_neverMakesADeadlineEarlier(@ForAll("received") Instant at, @ForAll("limits") TimeLimit limit,
            @ForAll @LongRange(min = 1, max = 30) long days) {
        DeadlineEngine engine = DeadlineEngine.of(PACK, DeadlineSettings.defaults());
        DeadlineRequest req = DeadlineRequest.of(at, Channel.DESK, limit);
        DeadlineResult plain = engine.compute(req);
        DeadlineResult ext = engine.compute(req.withAdjustments(List.of(
                DeadlineAdjustment.extend(TimeLimit.workingDays(days), "Gia hạn", null, null))));
        Assume.that(limit.unit() == DeadlineUnit.WORKING_DAYS);
        return ext.due().isAfter(plain.due()) && ext.workingDaysCounted() == plain.workingDaysCounted() + days;
    }

    @Property
    boolean workingDays_countedEqualsTheLimit(@ForAll("received") Instant at, @ForAll @LongRange(min = 1, max = 60) long n,
            @ForAll("settings") DeadlineSettings settings) {
        Assume.that(settings.dueAt() == DueAt.CLOSE_OF_OFFICE);
        DeadlineResult r = DeadlineEngine.of(PACK, settings).compute(DeadlineRequest.of(at, Channel.DESK, TimeLimit.workingDays(n)));
        return r.workingDaysCounted() == n;
    }
}
