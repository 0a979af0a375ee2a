package io.github.motcua.fees;

import java.util.Objects;

/**
 * Where a fee line or an adjustment came from: a row of a fee table, that row added by a rule, or a
 * rule's directive alone. {@link #toString()} gives the text the decision JSON writes under
 * {@code source}: {@code "procedures/x/fees.csv:4"}, {@code "procedures/x/fees.csv:4 + rule: <name>"}
 * or {@code "rule: <name>"}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the fee table (pack-relative), or {@code null} for a rule's directive alone
 * @param line its row (the CSV line, or the sheet row), or 0 when there is no file
 * @param rule the rule that added the line or gave the directive, or {@code null}
 */
public record FeeSource(String file, int line, String rule) {
    public FeeSource {
        if (file == null && rule == null) {
            throw new IllegalArgumentException("a fee source names a file, a rule or both");
        }
        if (line < 0 || (file == null && line != 0)) {
            throw new IllegalArgumentException("a fee source's line is >= 0, and 0 without a file: [" + line + "]");
        }
    }

    /** A row of a fee table. */
    public static FeeSource row(String file, int line) {
        return new FeeSource(Objects.requireNonNull(file, "file"), line, null);
    }

    /** A rule's directive, with no row of its own. */
    public static FeeSource rule(String rule) {
        return new FeeSource(null, 0, Objects.requireNonNull(rule, "rule"));
    }

    /** This row, added by {@code rule}. */
    public FeeSource addedBy(String rule) {
        return new FeeSource(file, line, Objects.requireNonNull(rule, "rule"));
    }

    @Override
    public String toString() {
        if (file == null) {
            return "rule: " + rule;
        }
        return file + ":" + line + (rule == null ? "" : " + rule: " + rule);
    }
}
