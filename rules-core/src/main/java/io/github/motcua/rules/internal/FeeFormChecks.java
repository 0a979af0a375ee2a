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

    /** The problem with the cell's column and value after it, as every fee-table problem has. */
    private static PackProblem at(FeeTable.QuantityCell c, PackProblem p) {
        return new PackProblem(p.file(), p.line(), p.column(), p.code(),
                p.messageVi() + Msg.vi("load.fees.where", "column", c.column(), "value", c.path()),
                p.messageEn() + Msg.en("load.fees.where", "column", c.column(), "value", c.path()));
    }
}
