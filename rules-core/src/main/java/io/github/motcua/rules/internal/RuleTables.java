package io.github.motcua.rules.internal;

import io.github.motcua.rules.PackProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * Rule decision tables ({@code *.rules.csv}, {@code *.rules.xlsx}; format in docs/rule-authoring.md):
 * generates DRL ourselves, one rule per row, and keeps a map from each generated line back to the
 * table's row and column, so a bad cell is reported where the analyst typed it.
 */
final class RuleTables {
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** One cell with its 1-based row and column. */
    record Cell(int row, int column, String text) {
    }

    private RuleTables() {
    }

    static LoadedPack.RuleText generate(String file, byte[] bytes, List<PackProblem> problems) {
        return generate(file, bytes, problems, new ArrayList<>());
    }

    /**
     * As {@link #generate(String, byte[], List)}; an XLSX table's hidden sheet, rows and columns, read like the rest,
     * are each a warning ({@code XLSX_HIDDEN_*}, fee-rules' words) in {@code warnings}.
     */
    static LoadedPack.RuleText generate(String file, byte[] bytes, List<PackProblem> problems, List<PackProblem> warnings) {
        List<List<Cell>> rows;
        if (file.endsWith(".xlsx")) {
            // sizes, entries, ratio and cells are checked before the parser sees a byte (issue 11: archive bombs)
            java.util.Optional<io.github.motcua.fees.XlsxArchive.Refusal> refused = io.github.motcua.fees.XlsxArchive.check(bytes);
            if (refused.isPresent()) {
                problems.add(new PackProblem(file, refused.get().row(), 0, "XLSX_REFUSED", refused.get().messageVi(), refused.get().messageEn()));
                return null;
            }
        }
        String csv = null;
        if (!file.endsWith(".xlsx") && (csv = PackFiles.text(file, bytes, problems)) == null) {
            return null;
        }
        String[] reading = {"", "0"}; // the cell being read, and its row
        try {
            rows = file.endsWith(".xlsx") ? readXlsx(bytes, reading) : readCsv(csv);
        } catch (FormulaWithoutValue f) {
            problems.add(new PackProblem(file, f.refusal.row(), f.column, "TABLE_UNREADABLE",
                    Msg.vi("load.table.unreadable", "detail", f.refusal.messageVi()),
                    Msg.en("load.table.unreadable", "detail", f.refusal.messageEn())));
            return null;
        } catch (IOException | RuntimeException e) {
            if (file.endsWith(".xlsx")) {
                // what the reader's failure means, in words (a cell of the wrong type at its place, a broken sheet...)
                int row = Integer.parseInt(reading[1]);
                io.github.motcua.fees.XlsxArchive.Refusal r = io.github.motcua.fees.XlsxArchive.unreadable(e, reading[0], row);
                problems.add(new PackProblem(file, row, 0, "TABLE_UNREADABLE", Msg.vi("load.table.unreadable", "detail", r.messageVi()),
                        Msg.en("load.table.unreadable", "detail", r.messageEn())));
            } else {
                problems.add(Msg.problem(file, 0, 0, "TABLE_UNREADABLE", "load.table.unreadable", "detail", io.github.motcua.kernel.Failures.detail(e)));
            }
            return null;
        }
        if (file.endsWith(".xlsx")) {
            for (io.github.motcua.fees.FeeTableProblem w : io.github.motcua.fees.XlsxArchive.hiddenWarnings(file, bytes)) {
                warnings.add(new PackProblem(w.file(), w.row(), w.columnNumber(), w.code(), w.messageVi(), w.messageEn()));
            }
        }
        rows.removeIf(r -> r.stream().allMatch(c -> c.text().isBlank()));
        if (rows.isEmpty()) {
            problems.add(Msg.problem(file, 1, 1, "TABLE_EMPTY", "load.table.empty"));
            return null;
        }
        List<Cell> header = rows.get(0);
        long before = io.github.motcua.kernel.ProblemSink.found(problems);
        String[] kinds = new String[header.size()];
        String[] templates = new String[header.size()];
        int nameCol = -1;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).text().strip();
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.equals("name") || lower.equals("basis") || lower.equals("validfrom") || lower.equals("validto")) {
                kinds[i] = lower;
                if (lower.equals("name")) {
                    nameCol = i;
                }
            } else if (lower.startsWith("when ") && h.contains("$1")) {
                kinds[i] = "when";
                templates[i] = h.substring(5).strip();
            } else if (lower.startsWith("then ") && h.contains("$1")) {
                kinds[i] = "then";
                templates[i] = h.substring(5).strip();
            } else if (!h.isEmpty()) {
                Cell c = header.get(i);
                problems.add(Msg.problem(file, c.row(), c.column(), "TABLE_BAD_HEADER", "load.table.badHeader", "header", h));
            }
        }
        if (nameCol < 0) {
            problems.add(Msg.problem(file, header.get(0).row(), 1, "TABLE_BAD_HEADER", "load.table.noName"));
        }
        if (io.github.motcua.kernel.ProblemSink.found(problems) > before) {
            return null;
        }
        StringBuilder drl = new StringBuilder();
        Map<Integer, int[]> lineMap = new HashMap<>();
        int[] line = {1};
        for (int r = 1; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            int rowNum = row.get(0).row();
            if (row.size() > header.size() || (row.size() < header.size() && !file.endsWith(".xlsx"))) {
                problems.add(Msg.problem(file, rowNum, 1, "TABLE_ROW_CELLS", "load.table.rowCells", "have", String.valueOf(row.size()),
                        "want", String.valueOf(header.size())));
                continue;
            }
            String name = cell(row, nameCol).strip();
            if (name.isEmpty()) {
                name = Msg.vi("load.table.rowName", "file", file, "row", String.valueOf(rowNum));
            }
            emit(drl, lineMap, line, rowNum, nameCol + 1, "rule \"" + escape(name) + "\"");
            StringBuilder meta = new StringBuilder();
            for (int i = 0; i < kinds.length; i++) {
                String v = cell(row, i).strip();
                if (v.isEmpty() || kinds[i] == null) {
                    continue;
                }
                switch (kinds[i]) {
                    case "basis" -> meta.append("@basis(\"").append(escape(v)).append("\") ");
                    case "validfrom", "validto" -> {
                        if (!DATE.matcher(v).matches()) {
                            problems.add(Msg.problem(file, rowNum, i + 1, "TABLE_BAD_CELL", "load.table.badDate", "value", v));
                        }
                        meta.append(kinds[i].equals("validfrom") ? "@validFrom(\"" : "@validTo(\"").append(escape(v)).append("\") ");
                    }
                    default -> {
                    }
                }
            }
            int basisCol = indexOf(kinds, "basis");
            emit(drl, lineMap, line, rowNum, basisCol < 0 ? 1 : basisCol + 1, "  " + meta.toString().strip());
            emit(drl, lineMap, line, rowNum, 1, "when");
            for (int pass = 0; pass < 2; pass++) {
                String kind = pass == 0 ? "when" : "then";
                if (pass == 1) {
                    emit(drl, lineMap, line, rowNum, 1, "then");
                }
                for (int i = 0; i < kinds.length; i++) {
                    if (!kind.equals(kinds[i])) {
                        continue;
                    }
                    String v = cell(row, i).strip();
                    if (v.isEmpty()) {
                        continue;
                    }
                    String filled = fill(templates[i], v);
                    if (filled == null) {
                        problems.add(Msg.problem(file, rowNum, i + 1, "TABLE_BAD_CELL", "load.table.unquotedCell", "value", v));
                        continue;
                    }
                    emit(drl, lineMap, line, rowNum, i + 1, "  " + filled + (pass == 1 && !filled.endsWith(";") ? ";" : ""));
                }
            }
            emit(drl, lineMap, line, rowNum, 1, "end");
        }
        if (io.github.motcua.kernel.ProblemSink.found(problems) > before) {
            return null;
        }
        DrlSource src = new DrlSource(file, drl.toString());
        return new LoadedPack.RuleText(file, src, (l, c, code, vi, en) -> {
            int[] at = lineMap.getOrDefault(l, new int[] {0, 0});
            return new PackProblem(file, at[0], at[1], code, vi, en);
        });
    }

    /** Fills $1: quoted in the template means text (escaped), else the cell must be a number or boolean. */
    static String fill(String template, String value) {
        int at = template.indexOf("$1");
        boolean quoted = at > 0 && template.charAt(at - 1) == '"';
        if (quoted) {
            return template.replace("$1", escape(value));
        }
        if (!NUMBER.matcher(value).matches() && !value.equals("true") && !value.equals("false")) {
            return null;
        }
        return template.replace("$1", value);
    }

    private static int indexOf(String[] kinds, String k) {
        for (int i = 0; i < kinds.length; i++) {
            if (k.equals(kinds[i])) {
                return i;
            }
        }
        return -1;
    }

    private static void emit(StringBuilder drl, Map<Integer, int[]> map, int[] line, int row, int col, String text) {
        drl.append(text).append('\n');
        map.put(line[0]++, new int[] {row, col});
    }

    private static String cell(List<Cell> row, int i) {
        return i >= 0 && i < row.size() ? row.get(i).text() : "";
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ");
    }

    static List<List<Cell>> readCsv(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<Cell>> rows = new ArrayList<>();
        List<Cell> row = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(new Cell(rowLine, row.size() + 1, cur.toString()));
                cur.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(new Cell(rowLine, row.size() + 1, cur.toString()));
                rows.add(row);
                row = new ArrayList<>();
                cur.setLength(0);
                line++;
                rowLine = line;
                any = false;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (any || cur.length() > 0) {
            row.add(new Cell(rowLine, row.size() + 1, cur.toString()));
            rows.add(row);
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted cell starting on line " + rowLine);
        }
        return rows;
    }

    /** A formula cell without its stored result, found while reading a sheet. */
    private static final class FormulaWithoutValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient io.github.motcua.fees.XlsxArchive.Refusal refusal;
        final int column;

        FormulaWithoutValue(io.github.motcua.fees.XlsxArchive.Refusal refusal, int column) {
            super(refusal.code(), null, false, false);
            this.refusal = refusal;
            this.column = column;
        }
    }

    /** The rows of the first sheet; {@code at} says which cell and row were being read when it throws. */
    private static List<List<Cell>> readXlsx(byte[] bytes, String[] at) throws IOException {
        List<List<Cell>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            for (Row r : wb.getFirstSheet().read()) {
                List<Cell> row = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    org.dhatim.fastexcel.reader.Cell c = r.getCell(i);
                    at[0] = c == null || c.getAddress() == null ? "" : c.getAddress().toString();
                    at[1] = Integer.toString(r.getRowNum());
                    if (c != null && c.getType() == org.dhatim.fastexcel.reader.CellType.FORMULA
                            && (c.getRawValue() == null || c.getRawValue().isEmpty())) {
                        // read as an empty cell it would be a condition matching everything: refused at the cell
                        throw new FormulaWithoutValue(io.github.motcua.fees.XlsxArchive.formulaWithoutValue(at[0],
                                r.getRowNum(), c.getFormula()), i + 1);
                    }
                    row.add(new Cell(r.getRowNum(), i + 1, r.getCellAsString(i).orElse("")));
                }
                at[0] = "";
                at[1] = "0";
                if (!row.isEmpty()) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
