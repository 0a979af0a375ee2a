package io.github.motcua.fees;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A procedure's compiled fee table (biểu phí): prices one dossier as of its date. Built by
 * {@link FeeTables}; never changes once built, so a table already serving is never touched by
 * parsing another one.
 *
 * <p>Implementations are immutable and thread-safe: build once, share freely.
 */
public interface FeeTable {

    /**
     * Prices one dossier: every charged line, every exemption and reduction with its basis, and the
     * total. Never returns {@code null}.
     *
     * @throws FeeQuantityException   a quantity in the form is negative, fractional or absurd
     * @throws NoRateInForceException an item that must be charged has no rate on {@code request.asOf()}
     * @throws FeeDirectiveException  a rule's directive names an unknown item or re-adds a charged one
     * @throws NullPointerException   when {@code request} is {@code null}
     */
    FeeAssessment assess(FeeRequest request);

    /** The file the table was read from, as given to the parser. */
    String source();

    /** The fee item keys, in table order. */
    Set<String> items();

    /** Every form path the table reads (quantities and dates); other form fields cannot change the fee. */
    Set<String> formPaths();

    /** The form paths the table reads as quantities (units or copies); a subset of {@link #formPaths()}. */
    Set<String> quantityPaths();

    /**
     * Every cell of a RATE row that names a form path read as a quantity ({@code unitPath}, {@code copiesPath}), with
     * the row and column it is written in, in row order. A pack loader checks each against the procedure's form: a
     * path the form does not declare is never in a dossier, and a missing quantity counts as
     * {@link FeeTables#DEFAULT_QUANTITY} — the typo would charge one page or one copy on every dossier. A table not
     * built by {@link FeeTables} names none.
     */
    default List<QuantityCell> quantityCells() {
        return List.of();
    }

    /**
     * One {@code unitPath} or {@code copiesPath} cell of a RATE row.
     *
     * @param path         the form path, as written (e.g. {@code soTrang})
     * @param column       the column's header, {@code unitPath} or {@code copiesPath}
     * @param columnNumber the column's 1-based number in the file
     * @param item         the row's fee item
     * @param row          the row: the table's file and the row's line (CSV line, or sheet row)
     */
    record QuantityCell(String path, String column, int columnNumber, String item, FeeSource row) {
        public QuantityCell {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(row, "row");
        }
    }
}
