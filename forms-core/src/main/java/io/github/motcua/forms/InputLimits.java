package io.github.motcua.forms;

import java.util.Locale;

/**
 * Bounds on what a submitted e-form may contain (giới hạn dữ liệu đầu vào). Anything over a bound
 * becomes a {@link Violation} with keyword {@code "limit"}, found while streaming so that no tree,
 * stack or string beyond the bound is ever built.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxBytes        maximum size of the JSON document in bytes (UTF-8); default 2 MiB
 * @param maxDepth        maximum nesting of objects and arrays; default 64
 * @param maxStringLength maximum length of one string or property name in chars; default 100,000
 * @param maxArrayLength  maximum number of items in one array; default 10,000
 * @param maxProperties   maximum number of properties in one object; default 1,000 (a form has far
 *                        fewer; the bound stops a 2 MiB object of junk keys from producing a
 *                        hundred thousand violations)
 */
public record InputLimits(int maxBytes, int maxDepth, int maxStringLength, int maxArrayLength, int maxProperties) {

    /** 2 MiB, depth 64, strings of 100,000 chars, arrays of 10,000 items, objects of 1,000 properties. */
    public static final InputLimits DEFAULTS = new InputLimits(2 * 1024 * 1024, 64, 100_000, 10_000, 1_000);

    public InputLimits {
        positive("maxBytes", maxBytes);
        positive("maxDepth", maxDepth);
        positive("maxStringLength", maxStringLength);
        positive("maxArrayLength", maxArrayLength);
        positive("maxProperties", maxProperties);
        if (maxDepth > 1000) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "maxDepth must be at most 1000 (validation recurses per level): [%d]", maxDepth));
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be positive: [%d]", name, value));
        }
    }
}
