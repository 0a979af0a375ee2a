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
        super(String.format(Locale.ROOT,
                "Số lượng không hợp lệ tại trường [%s] = [%s] (%s) cho khoản phí [%s], bảng [%s] dòng %d / "
                        + "Invalid quantity at field [%s] = [%s] (%s) for fee item [%s], table [%s] row %d",
                path, value, viOf(why), item, source, row, path, value, why, item, source, row));
        this.path = path;
        this.value = value;
    }

    private static String viOf(String why) {
        switch (why) {
            case "negative": return "số âm";
            case "not a whole number": return "không phải số nguyên";
            case "too large": return "quá lớn";
            default: return why;
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
