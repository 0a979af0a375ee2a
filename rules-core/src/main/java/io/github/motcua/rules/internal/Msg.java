package io.github.motcua.rules.internal;

import io.github.motcua.kernel.Messages;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The decision pipeline's messages (thông điệp), Vietnamese and English, from rules-core's bundle
 * {@value #BUNDLE} ({@code messages_vi.properties}, {@code messages_en.properties}) through the
 * kernel's {@link Messages}: one key, the same named arguments in both languages. Stateless, so
 * thread-safe.
 */
final class Msg {
    /** The bundle's base name. */
    static final String BUNDLE = "io/github/motcua/rules/messages";
    private static final Locale VI = Locale.forLanguageTag("vi");
    /** Messages without arguments, by key (at most the bundle's keys: the keys are the code's constants). */
    private static final Map<String, String> PLAIN_VI = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, String> PLAIN_EN = new java.util.concurrent.ConcurrentHashMap<>();

    private Msg() {
    }

    /** The message {@code key} in Vietnamese; {@code pairs} are argument names and values, alternating. */
    static String vi(String key, String... pairs) {
        if (pairs.length == 0) { // a message without arguments is the same text every time: rendered once
            String m = PLAIN_VI.get(key); // get first: computeIfAbsent may lock the bin even when the key is there
            return m != null ? m : PLAIN_VI.computeIfAbsent(key, k -> Messages.render(BUNDLE, k, Map.of(), VI));
        }
        return Messages.render(BUNDLE, key, args(pairs), VI);
    }

    /** The message {@code key} in English; {@code pairs} are argument names and values, alternating. */
    static String en(String key, String... pairs) {
        if (pairs.length == 0) {
            String m = PLAIN_EN.get(key);
            return m != null ? m : PLAIN_EN.computeIfAbsent(key, k -> Messages.render(BUNDLE, k, Map.of(), Locale.ENGLISH));
        }
        return Messages.render(BUNDLE, key, args(pairs), Locale.ENGLISH);
    }

    /**
     * The detail of an exception a fallback branch caught, in Vietnamese: the exception's own Vietnamese
     * when it carries a kernel problem (a calendar, fee or form refusal from its bundle), else the
     * bundle's {@code DETAIL_UNEXPECTED} — never the exception's English text inside a Vietnamese message.
     */
    static String detailVi(RuntimeException e) {
        return e instanceof io.github.motcua.kernel.ProblemCarrier c ? c.toProblem().messageVi() : Msg.vi("DETAIL_UNEXPECTED");
    }

    /** The same detail in English: the carried problem's English, else the exception's own message. */
    static String detailEn(RuntimeException e) {
        if (e instanceof io.github.motcua.kernel.ProblemCarrier c) {
            return c.toProblem().messageEn();
        }
        return io.github.motcua.kernel.Failures.detail(e);
    }

    /**
     * A pack problem at a known place whose message is the bundle's {@code key} (a {@code load.} key of
     * pack loading) in both languages; {@code code} is its stable code.
     */
    static io.github.motcua.rules.PackProblem problem(String file, int line, int column, String code, String key, String... pairs) {
        return new io.github.motcua.rules.PackProblem(file, line, column, code, vi(key, pairs), en(key, pairs));
    }

    private static Map<String, String> args(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("argument names and values come in pairs");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return out;
    }
}
