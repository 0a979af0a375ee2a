package io.github.motcua.calendar;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The calendar's messages (thông điệp), Vietnamese and English, from the bundle {@value #BUNDLE}
 * ({@code messages_vi.properties}, {@code messages_en.properties}) through the kernel's
 * {@link io.github.motcua.kernel.Messages}: one key, the same named arguments in both languages. The
 * exception carrying the problem gives it its code. Stateless, so thread-safe.
 */
final class CalendarMessages {
    /** The bundle's base name. */
    static final String BUNDLE = "io/github/motcua/calendar/messages";
    /** Replaced by the code of the exception that carries the problem. */
    private static final ProblemCode UNSET = new ProblemCode("CALENDAR");

    private CalendarMessages() {
    }

    /**
     * The message {@code key} with its arguments ({@code pairs}: names and values alternating; a value
     * is written with {@link String#valueOf(Object)}).
     */
    static Problem problem(String key, Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("argument names and values come in pairs");
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            args.put(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1]));
        }
        return new Problem("", 0, 0, "", UNSET, Severity.ERROR, BUNDLE, key, args);
    }
}
