package io.github.motcua.fees;

import io.github.motcua.kernel.Messages;
import io.github.motcua.kernel.Problem;
import io.github.motcua.kernel.ProblemCode;
import io.github.motcua.kernel.Severity;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing wrong in a fee table or exemption file (lỗi bảng phí), pointing an analyst at the cell.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file         the file name as given to the parser
 * @param row          1-based line (CSV: the physical line where the record starts; XLSX: the sheet
 *                     row number); 0 when the problem concerns the whole file
 * @param column       the column header, or {@code ""} when not about one column
 * @param columnNumber 1-based column number, or 0
 * @param value        the offending value as written, or {@code ""}
 * @param messageVi    what is wrong, in Vietnamese
 * @param messageEn    what is wrong, in English
 * @param code         the stable code of the message, e.g. {@code FEES_ROW_CELLS} (listed in docs/fees.md)
 */
public record FeeTableProblem(String file, int row, String column, int columnNumber, String value,
        String messageVi, String messageEn, String code) {

    public FeeTableProblem {
        Objects.requireNonNull(file, "file");
        column = column == null ? "" : column;
        value = value == null ? "" : value;
        Objects.requireNonNull(messageVi, "messageVi");
        Objects.requireNonNull(messageEn, "messageEn");
        code = code == null ? CODE.name() : new ProblemCode(code).name();
    }

    /** A problem with the general code {@link #CODE} (the form before each message had its own code). */
    public FeeTableProblem(String file, int row, String column, int columnNumber, String value,
            String messageVi, String messageEn) {
        this(file, row, column, columnNumber, value, messageVi, messageEn, CODE.name());
    }

    /** The code of a problem made without its own code. */
    public static final ProblemCode CODE = new ProblemCode("FEE_TABLE");

    /**
     * This problem as the kernel's {@link Problem} (its {@link #code()}; the row is the line, the
     * column number the column), the one structure the CLI, the desk and a service render.
     */
    public Problem toProblem() {
        return Problem.ofText(file, row, columnNumber, new ProblemCode(code), Severity.ERROR, messageVi, messageEn);
    }

    /** {@code file:row, column name (n), value [v]: vi / en}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (row > 0) {
            sb.append(':').append(row);
        }
        if (!column.isEmpty()) {
            sb.append(String.format(Locale.ROOT, ", %s %s (%d)", both("FEES_WORD_COLUMN"), column, columnNumber));
        }
        sb.append(String.format(Locale.ROOT, ", %s [%s]: %s / %s", both("FEES_WORD_VALUE"), value, messageVi, messageEn));
        return sb.toString();
    }

    /** A word of fee-rules' bundle as "Vietnamese/English", e.g. "cột/column". */
    private static String both(String key) {
        return Messages.render(FeeMessages.BUNDLE, key, java.util.Map.of(), Messages.VI) + "/"
                + Messages.render(FeeMessages.BUNDLE, key, java.util.Map.of(), Locale.ENGLISH);
    }
}
