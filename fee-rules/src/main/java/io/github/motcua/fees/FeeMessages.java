package io.github.motcua.fees;

import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * fee-rules' messages (thông điệp), Vietnamese and English, from the bundle {@value #BUNDLE}
 * ({@code messages_vi.properties}, {@code messages_en.properties}) through the kernel's
 * {@link Messages}: one key, the same named arguments in both languages. Every key starts with
 * {@code FEES_}; a fee-table problem's code is its key. Stateless, so thread-safe.
 */
final class FeeMessages {
    /** The bundle's base name. */
    static final String BUNDLE = "io/github/motcua/fees/messages";
    private static final Locale VI = Locale.forLanguageTag("vi");

    private FeeMessages() {
    }

    /**
     * A problem of a fee or exemption table: the message {@code key}, which is also its code.
     *
     * @param pairs argument names and values, alternating (a value is written with {@link String#valueOf(Object)})
     */
    static FeeTableProblem table(String file, int row, String column, int columnNumber, String value, String key,
            Object... pairs) {
        Map<String, String> args = args(pairs);
        return new FeeTableProblem(file, row, column, columnNumber, value, Messages.render(BUNDLE, key, args, VI),
                Messages.render(BUNDLE, key, args, Locale.ENGLISH), key);
    }

    /** The message {@code key} as a problem that a {@link FeeException} carries (the exception gives the code). */
    static Problem detail(String key, Object... pairs) {
        return new Problem("", 0, 0, "", new ProblemCode("FEE"), Severity.ERROR, BUNDLE, key, args(pairs));
    }

    private static Map<String, String> args(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("argument names and values come in pairs");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(String.valueOf(pairs[i]), String.valueOf(pairs[i + 1]));
        }
        return out;
    }
}
