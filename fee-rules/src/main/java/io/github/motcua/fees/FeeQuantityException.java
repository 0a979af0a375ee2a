package io.github.motcua.fees;

import java.util.Locale;

/**
 * A quantity read from the form (pages, copies, cards) is negative, not a whole number, or absurd
 * (above {@link FeeTables#MAX_QUANTITY}). Names the fee table, its row, the form path and the value.
 * Safe to share.
 */
public final class FeeQuantityException extends FeeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String value;

    FeeQuantityException(String source, int row, String item, String path, String value, String why) {
        super(FeeMessages.detail(keyOf(why), "path", path, "value", value, "why", why,
                "item", item, "table", source, "row", row));
        this.path = path;
        this.value = value;
    }

    /** The message of the reason: each reason has its own words in each language. */
    private static String keyOf(String why) {
        switch (why) {
            case "negative": return "FEES_BAD_QUANTITY_NEGATIVE";
            case "not a whole number": return "FEES_BAD_QUANTITY_NOT_WHOLE";
            case "too large": return "FEES_BAD_QUANTITY_TOO_LARGE";
            default: return "FEES_BAD_QUANTITY";
        }
    }

    /** The form path the quantity was read from. */
    public String path() {
        return path;
    }

    /** The offending value as text. */
    public String value() {
        return value;
    }
}
