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

    private static final Locale VI = Messages.VI;
    /**
     * The bundle key of each thing a calendar file's message names ({@code what}, given in English by
     * the reader); a key name stays as it is.
     */
    private static final Map<String, String> WHAT = Map.of(
            "a calendar file", "label.what.calendarFile",
            "a schedule file", "label.what.scheduleFile",
            "a holiday-rules file", "label.what.holidayRulesFile",
            "a switches file", "label.what.switchesFile",
            "a legal basis", "label.what.legalBasis",
            "a holiday rule", "label.what.holidayRule",
            "a schedule day", "label.what.scheduleDay",
            "an office session", "label.what.officeSession");

    private CalendarMessages() {
    }

    /**
     * A calendar file's message {@code key} (a {@code FILE_} key), its code the reason the key says
     * ({@link CalendarFileException#reason()}): the argument {@code what} (the
     * thing at fault, e.g. "a holiday rule") is put in Vietnamese for the Vietnamese message.
     */
    static Problem file(String key, Object... pairs) {
        Map<String, String> en = args(pairs);
        Map<String, String> vi = new LinkedHashMap<>(en);
        en.computeIfPresent("what", (k, w) -> what(w, Locale.ENGLISH));
        vi.computeIfPresent("what", (k, w) -> what(w, VI));
        return Problem.ofText("", 0, 0, CalendarFileException.reasonOf(key), Severity.ERROR, Messages.render(BUNDLE, key, vi, VI),
                Messages.render(BUNDLE, key, en, Locale.ENGLISH));
    }

    /**
     * A calendar file's message {@code key} whose one argument {@code name} has a value in each language
     * (e.g. the kernel reader's own problem, rendered in Vietnamese and in English).
     */
    static Problem fileEach(String key, String name, String vi, String en) {
        return Problem.ofText("", 0, 0, CalendarFileException.reasonOf(key), Severity.ERROR, Messages.render(BUNDLE, key, Map.of(name, vi), VI),
                Messages.render(BUNDLE, key, Map.of(name, en), Locale.ENGLISH));
    }

    /** The thing a calendar file's message names, in the reader's language. */
    private static String what(String english, Locale locale) {
        if (english.startsWith("switch [")) {
            return Messages.render(BUNDLE, "label.what.switch", locale, "id", english.substring("switch ".length()));
        }
        String key = WHAT.get(english);
        return key == null ? english : Messages.render(BUNDLE, key, Map.of(), locale);
    }

    /** The Vietnamese of the calendar bundle's {@code key} (a label a calendar record holds as its one text). */
    static String vi(String key, Object... pairs) {
        return Messages.render(BUNDLE, key, args(pairs), VI);
    }

    /** The English of the calendar bundle's {@code key}. */
    static String en(String key, Object... pairs) {
        return Messages.render(BUNDLE, key, args(pairs), Locale.ENGLISH);
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
