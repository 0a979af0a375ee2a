package io.github.motcua.calendar;

import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import io.github.motcua.kernel.Messages;
import java.util.LinkedHashMap;
import java.util.Locale;
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

    private static final Locale VI = Locale.forLanguageTag("vi");
    /** The Vietnamese of the things a calendar file's message names ({@code what}); a key name stays as it is. */
    private static final Map<String, String> WHAT_VI = Map.of(
            "a calendar file", "tệp lịch",
            "a schedule file", "tệp lịch nghỉ (schedule)",
            "a holiday-rules file", "tệp quy tắc ngày nghỉ (holiday-rules)",
            "a switches file", "tệp công tắc (switches)",
            "a legal basis", "căn cứ pháp lý",
            "a holiday rule", "quy tắc ngày nghỉ",
            "a schedule day", "ngày trong lịch nghỉ",
            "an office session", "buổi làm việc");

    private CalendarMessages() {
    }

    /**
     * A calendar file's message {@code key} (a {@code FILE_} key): the argument {@code what} (the
     * thing at fault, e.g. "a holiday rule") is put in Vietnamese for the Vietnamese message.
     */
    static Problem file(String key, Object... pairs) {
        Map<String, String> en = args(pairs);
        Map<String, String> vi = new LinkedHashMap<>(en);
        vi.computeIfPresent("what", (k, w) -> w.startsWith("switch [") ? "công tắc " + w.substring("switch ".length())
                : WHAT_VI.getOrDefault(w, w));
        return Problem.ofText("", 0, 0, UNSET, Severity.ERROR, Messages.render(BUNDLE, key, vi, VI),
                Messages.render(BUNDLE, key, en, Locale.ENGLISH));
    }

    /**
     * The message {@code key} with its arguments ({@code pairs}: names and values alternating; a value
     * is written with {@link String#valueOf(Object)}).
     */
    static Problem problem(String key, Object... pairs) {
        return new Problem("", 0, 0, "", UNSET, Severity.ERROR, BUNDLE, key, args(pairs));
    }

    private static Map<String, String> args(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("argument names and values come in pairs");
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            args.put(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1]));
        }
        return args;
    }
}
