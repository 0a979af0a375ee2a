package io.github.motcua.rules.internal;

import io.github.motcua.fees.FeeTable;
import io.github.motcua.rules.PackProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A fee table's quantity cells ({@code unitPath}, {@code copiesPath} of its RATE rows) checked against the procedure's
 * form ({@code procedures/<code>/form.schema.json}). The table reads a quantity from the dossier's form at that path and
 * counts a missing one as 1 (one page, one copy): a path the form does not declare is never filled, so an analyst's
 * typo ({@code soTrangg}) would charge one page on every dossier and only a failing case would show it. Each such cell
 * is a load problem at its row and column ({@code FEES_UNKNOWN_FORM_FIELD}); a declared field that can never hold a
 * whole number — declared only as {@code boolean}, {@code object}, {@code array} or {@code null} — is one too
 * ({@code FEES_FORM_FIELD_NOT_COUNT}): the table would refuse every dossier that fills it and charge one unit to every
 * dossier that leaves it out. A declared field with no type at all is one too ({@code FEES_FORM_FIELD_UNTYPED}, since
 * session 22): the form accepts any value there, so a dossier with text or true/false passes the form and fails its fees. A field declared {@code integer}, {@code number} or {@code string} (a count typed as
 * digits) is read at decision time, where a value that is not a whole number from 0 to 1,000,000 fails the fees
 * ({@code FEES_FAILED}) instead of charging a guess. A procedure without a form, or with a form that is not JSON (the
 * form section's problem), is not checked: nothing declares its fields.
 */
final class FeeFormChecks {
    /** The JSON Schema types a quantity may be read from (FeeTable reads whole numbers and digit strings). */
    private static final Set<String> COUNT_TYPES = Set.of("integer", "number", "string");

    private FeeFormChecks() {
    }

    /**
     * Checks {@code table}'s quantity cells against the form of procedure {@code code}.
     *
     * @param packFiles every file of the pack (the form and the shared forms it refers to)
     * @param library   the pack's shared forms and its procedure forms' fields ({@link FormFields.Library#form}): the
     *                  load's (shared with the folder reads), or one built on first need for the tables of one load
     */
    static void check(String code, FeeTable table, Map<String, byte[]> packFiles, Supplier<FormFields.Library> library,
            List<PackProblem> problems) {
        List<FeeTable.QuantityCell> cells = table.quantityCells();
        if (cells.isEmpty()) {
            return;
        }
        String formPath = "procedures/" + code + "/form.schema.json";
        byte[] bytes = packFiles.get(formPath);
        if (bytes == null) {
            return;
        }
        FormFields form = library.get().form(formPath, bytes); // the load's: built once with the folder read's
        if (form == null) {
            return;
        }
        for (FeeTable.QuantityCell c : cells) {
            FormFields.Field f = form.field(c.path());
            if (f == null) {
                String near = String.join(", ", FormFields.closest(c.path(), form.paths()));
                problems.add(at(c, Msg.problem(c.row().file(), c.row().line(), c.columnNumber(), "FEES_UNKNOWN_FORM_FIELD",
                        "load.fees.unknownFormField", "form", formPath, "path", c.path(), "column", c.column(), "item",
                        c.item(), "closest", near)));
            } else if (untyped(f)) {
                problems.add(at(c, Msg.problem(c.row().file(), c.row().line(), c.columnNumber(), "FEES_FORM_FIELD_UNTYPED",
                        "load.fees.formFieldUntyped", "form", formPath, "path", c.path(), "column", c.column(), "item",
                        c.item())));
            } else if (!f.types.isEmpty() && f.types.stream().noneMatch(COUNT_TYPES::contains)) {
                problems.add(at(c, Msg.problem(c.row().file(), c.row().line(), c.columnNumber(), "FEES_FORM_FIELD_NOT_COUNT",
                        "load.fees.formFieldNotCount", "form", formPath, "path", c.path(), "column", c.column(), "item",
                        c.item(), "types", String.join(", ", f.types))));
            }
        }
    }

    /**
     * Whether {@code f} is a field the form declares without a type: a schema such as {@code {}} or
     * {@code {"description": "…"}} accepts any value (text, true/false, an object), so the form would let a dossier
     * through whose quantity the fees then cannot read. A field whose {@code enum}/{@code const} lists only whole
     * numbers is typed by them; a path inside a free-form part is not declared at all and is accepted, as a rule naming
     * it is (docs/fees.md).
     */
    private static boolean untyped(FormFields.Field f) {
        if (f.free || !f.types.isEmpty()) {
            return false;
        }
        return f.options.isEmpty() || !f.options.stream().allMatch(o -> WHOLE.matcher(o).matches());
    }

    /** A whole number as an enum or const lists it ({@code 1}, {@code 25}). */
    private static final java.util.regex.Pattern WHOLE = java.util.regex.Pattern.compile("[0-9]{1,7}");

    /**
     * On a procedure's folder read (a load thread, issue 15 session 22): builds the fields of the procedure's form into
     * the load's {@code library} when its {@code fees.csv} looks as if it reads a quantity from the form
     * ({@link #mayReadQuantities}), so the fee section, which runs at the end of the load, finds them built
     * ({@link FormFields.Library#form}: built once by whichever thread asks first) instead of building them one after
     * another on its own thread. Only the work moves: the fee section asks for the same fields and reports the same
     * problems whether it finds them built or not, and a form that cannot be built (not JSON, not UTF-8, a build that
     * throws) is left to the fee section, which builds it and meets the same outcome there. A {@code fees.xlsx} is not
     * looked into (its cells are zipped): its form is built by the fee section as before.
     */
    static void prebuild(Map<String, byte[]> packFiles, String code, FormFields.Library library) {
        byte[] csv = packFiles.get("procedures/" + code + "/fees.csv");
        // the hint first: most tables read no quantity, and the other paths are not worth making for them
        if (csv == null || !mayReadQuantities(csv) || packFiles.containsKey("procedures/" + code + "/fees.xlsx")) {
            return; // no table, no quantity cell to check, or two tables (the fee section refuses them)
        }
        String formPath = "procedures/" + code + "/form.schema.json";
        byte[] form = packFiles.get(formPath);
        if (form == null) {
            return;
        }
        try {
            library.form(formPath, form);
        } catch (RuntimeException | StackOverflowError e) {
            // not kept (Built): the fee section builds it again and meets the same failure where it always has
        }
    }

    /** The column headers of a fee table whose RATE rows read a quantity from the form, as bytes (ASCII). */
    private static final byte[] UNIT_PATH = "unitPath".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] COPIES_PATH = "copiesPath".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The first bytes of a cell kept for the comparisons (a header name, a comment's {@code #}): more is never needed. */
    private static final int KEPT = 64;

    /**
     * Whether fee table {@code csv} may have a quantity cell: its header (the first record that is not blank or a
     * {@code #} comment) names {@code unitPath} or {@code copiesPath}, and a later record has a cell there that is not
     * blank. A hint for {@link #prebuild}, read in one pass over the bytes with the CSV quoting rules (a quoted cell
     * may hold commas, quotes doubled and line breaks); it never decides what the load accepts or reports, so a table
     * it misreads costs only its form's fields built on the fee section's thread (a miss) or built unasked (a false
     * hit). Every byte it compares is ASCII, so the UTF-8 text need not be decoded.
     *
     * <p>It runs once for every procedure folder of a first load, so it makes no object per cell or record (issue 15,
     * session 23: session 22's version made a string of every header cell and of every record's first cell, with a
     * list and a set a table, ≈ 2 KB a table and ≈ 5 MB of the 2,000-procedure catalogue's load): a cell's first
     * {@value #KEPT} bytes are kept in one small array and compared there, a name with the whitespace {@link
     * String#strip} removes around it; the header's quantity columns, in increasing order, are met again in order by
     * each record's cells.
     */
    static boolean mayReadQuantities(byte[] csv) {
        int[] columns = new int[2]; // the quantity columns of the record being read, then of the header
        int found = 0; // how many of columns[] are the current record's (header not read yet)
        boolean header = false; // read: columns[0..found) are the header's
        int next = 0; // once the header is read: the index in columns[] of the next quantity column of this record
        byte[] cell = new byte[KEPT]; // the first bytes of the cell being read (header cells and first cells only)
        int kept = 0;
        int column = 0;
        boolean quoted = false;
        boolean nonBlank = false; // the current cell has a character other than a space
        boolean comment = false; // the current record is a comment (its first cell starts with '#')
        boolean recordBlank = true;
        int i = csv.length >= 3 && (csv[0] & 0xFF) == 0xEF && (csv[1] & 0xFF) == 0xBB && (csv[2] & 0xFF) == 0xBF ? 3 : 0;
        for (; i <= csv.length; i++) {
            int b = i == csv.length ? '\n' : csv[i];
            if (quoted) {
                if (b == '"') {
                    if (i + 1 < csv.length && csv[i + 1] == '"') {
                        i++;
                    } else {
                        quoted = false;
                        continue;
                    }
                }
                nonBlank = true;
                if ((!header || column == 0) && kept < KEPT) {
                    cell[kept++] = (byte) b;
                }
                continue;
            }
            if (b == '"') {
                quoted = true;
                continue;
            }
            if (b == ',' || b == '\n') {
                if (column == 0 && nonBlank && startsWithHash(cell, kept)) {
                    comment = true;
                }
                if (nonBlank) {
                    recordBlank = false;
                }
                if (!comment) {
                    if (!header) {
                        if (strippedEquals(cell, kept, UNIT_PATH) || strippedEquals(cell, kept, COPIES_PATH)) {
                            if (found == columns.length) {
                                columns = java.util.Arrays.copyOf(columns, found * 2);
                            }
                            columns[found++] = column;
                        }
                    } else {
                        while (next < found && columns[next] < column) {
                            next++;
                        }
                        if (nonBlank && next < found && columns[next] == column) {
                            return true;
                        }
                    }
                }
                kept = 0;
                nonBlank = false;
                column++;
                if (b == '\n') {
                    if (!header && !comment && !recordBlank) {
                        if (found == 0) {
                            return false;
                        }
                        header = true;
                    } else if (!header) {
                        found = 0; // a comment or a blank record: not the header
                    }
                    next = 0;
                    column = 0;
                    comment = false;
                    recordBlank = true;
                }
                continue;
            }
            if (b != ' ' && b != '\r' && b != '\t') {
                nonBlank = true;
            }
            if ((!header || column == 0) && kept < KEPT) {
                cell[kept++] = (byte) b;
            }
        }
        return false;
    }

    /** Whether a byte is whitespace to {@link String#strip} once widened to a char as a signed byte (9–13, 28–32). */
    private static boolean space(byte b) {
        return b == ' ' || b >= 9 && b <= 13 || b >= 28 && b <= 31;
    }

    /** Whether {@code cell[0..kept)}, stripped of whitespace, is {@code name}. */
    private static boolean strippedEquals(byte[] cell, int kept, byte[] name) {
        int from = 0;
        int to = kept;
        while (from < to && space(cell[from])) {
            from++;
        }
        while (to > from && space(cell[to - 1])) {
            to--;
        }
        return java.util.Arrays.equals(cell, from, to, name, 0, name.length);
    }

    /** Whether {@code cell[0..kept)}, stripped of whitespace, starts with {@code #}. */
    private static boolean startsWithHash(byte[] cell, int kept) {
        for (int k = 0; k < kept; k++) {
            if (!space(cell[k])) {
                return cell[k] == '#';
            }
        }
        return false;
    }

    /** The problem with the cell's column and value after it, as every fee-table problem has. */
    private static PackProblem at(FeeTable.QuantityCell c, PackProblem p) {
        return new PackProblem(p.file(), p.line(), p.column(), p.code(),
                p.messageVi() + Msg.vi("load.fees.where", "column", c.column(), "value", c.path()),
                p.messageEn() + Msg.en("load.fees.where", "column", c.column(), "value", c.path()));
    }
}
