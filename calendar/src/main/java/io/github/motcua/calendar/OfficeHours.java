package io.github.motcua.calendar;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The sessions of a working day (giờ làm việc), e.g. morning 07:30–11:30 and afternoon
 * 13:30–17:00. A time limit in working hours runs only inside them; "close of office" is the end
 * of the last session.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sessions at least one, in order, not overlapping
 */
public record OfficeHours(List<Session> sessions) {
    /**
     * One session of the working day.
     *
     * @param from opening time
     * @param to   closing time, after {@code from}
     */
    public record Session(LocalTime from, LocalTime to) {
        public Session {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.isAfter(from)) {
                throw new InvalidDeadlineException(CalendarMessages.problem("SESSION_REVERSED", "from", from, "to", to));
            }
        }

        /** Length in minutes. */
        public long minutes() {
            return (to.toSecondOfDay() - from.toSecondOfDay()) / 60L;
        }
    }

    /**
     * The default: 07:30–11:30 and 13:30–17:00. A typical pattern (FACTS.md §2.4, from memory); no
     * national rule sets office hours and Gia Lai's were not found, so a pack should state its own.
     */
    public static final OfficeHours DEFAULT = of("07:30", "11:30", "13:30", "17:00");

    public OfficeHours {
        Objects.requireNonNull(sessions, "sessions");
        sessions = List.copyOf(sessions);
        if (sessions.isEmpty()) {
            throw new InvalidDeadlineException(CalendarMessages.problem("NO_SESSIONS"));
        }
        for (int i = 1; i < sessions.size(); i++) {
            if (sessions.get(i).from().isBefore(sessions.get(i - 1).to())) {
                throw new InvalidDeadlineException(CalendarMessages.problem("SESSIONS_OVERLAP", "session", sessions.get(i),
                        "previous", sessions.get(i - 1)));
            }
        }
    }

    /** Sessions from pairs of "HH:MM" texts: {@code of("07:30", "11:30", "13:30", "17:00")}. */
    public static OfficeHours of(String... fromTo) {
        if (fromTo.length == 0 || fromTo.length % 2 != 0) {
            throw new InvalidDeadlineException(CalendarMessages.problem("SESSIONS_ODD", "count", fromTo.length));
        }
        Session[] s = new Session[fromTo.length / 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = new Session(LocalTime.parse(fromTo[2 * i]), LocalTime.parse(fromTo[2 * i + 1]));
        }
        return new OfficeHours(List.of(s));
    }

    /** When the first session opens. */
    public LocalTime opening() {
        return sessions.get(0).from();
    }

    /** When the last session closes (close of office, hết giờ làm việc). */
    public LocalTime closing() {
        return sessions.get(sessions.size() - 1).to();
    }

    /** Working minutes in one working day. */
    public long minutesPerDay() {
        long m = 0;
        for (Session s : sessions) {
            m += s.minutes();
        }
        return m;
    }

    /** Whether {@code t} lies inside a session, both ends included. */
    public boolean contains(LocalTime t) {
        for (Session s : sessions) {
            if (!t.isBefore(s.from()) && !t.isAfter(s.to())) {
                return true;
            }
        }
        return false;
    }
}
