package io.github.motcua.fees;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Reads the first sheet of an XLSX fee table into text cells with fastexcel-reader. */
final class XlsxRecords {

    private XlsxRecords() {
    }

    static RawTable read(String file, InputStream in) {
        List<RawTable.RawRow> rows = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = XlsxArchive.readCapped(in);
        } catch (IOException e) {
            XlsxArchive.Refusal r = XlsxArchive.readerSaid("FEES_XLSX_UNREADABLE", e);
            return new RawTable(List.of(), List.of(new FeeTableProblem(file, 0, "", 0, "", r.messageVi(), r.messageEn(), r.code())));
        }
        // sizes, entries, ratio and cells are checked before the parser sees a byte (issue 11: archive bombs)
        java.util.Optional<XlsxArchive.Refusal> refused = XlsxArchive.check(bytes);
        if (refused.isPresent()) {
            XlsxArchive.Refusal r = refused.get();
            return new RawTable(List.of(), List.of(new FeeTableProblem(file, r.row(), "", 0, "", r.messageVi(), r.messageEn(), r.code())));
        }
        int rowNum = 0;
        String cell = "";
        List<FeeTableProblem> warnings = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new java.io.ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
            Sheet sheet = wb.getFirstSheet();
            XlsxHidden hidden = new XlsxHidden(file, sheet, wb, bytes, warnings);
            java.util.Iterator<Row> it = sheet.openStream().iterator();
            while (it.hasNext() && rows.size() <= FeeTables.MAX_ROWS) {
                rowNum = 0; // a row that fails to parse has no number yet
                Row r = it.next();
                rowNum = r.getRowNum();
                if (r.getCellCount() > FeeTableParser.COLUMNS.size() * 4) {
                    return new RawTable(List.of(), List.of(FeeMessages.table(file, r.getRowNum(), "", 0, "", "FEES_TOO_MANY_COLUMNS")));
                }
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    Cell c = r.getCell(i);
                    cell = c == null || c.getAddress() == null ? "" : c.getAddress().toString();
                    if (c != null && c.getType() == org.dhatim.fastexcel.reader.CellType.FORMULA
                            && (c.getRawValue() == null || c.getRawValue().isEmpty())) {
                        XlsxArchive.Refusal f = XlsxArchive.formulaWithoutValue(cell, r.getRowNum(), c.getFormula());
                        return new RawTable(List.of(), List.of(new FeeTableProblem(file, r.getRowNum(), "", i + 1, "",
                                f.messageVi(), f.messageEn(), f.code())));
                    }
                    cells.add(text(c));
                }
                cell = "";
                hidden.row(r, cells);
                rows.add(new RawTable.RawRow(r.getRowNum(), cells));
            }
            hidden.end();
        } catch (IOException | RuntimeException e) {
            return new RawTable(List.of(), List.of(unreadable(file, rowNum, cell, e)));
        }
        return new RawTable(rows, List.of(), warnings);
    }

    private static FeeTableProblem unreadable(String file, int row, String cell, Exception e) {
        XlsxArchive.Refusal r = XlsxArchive.unreadable(e, cell, row);
        return new FeeTableProblem(file, row, "", 0, "", r.messageVi(), r.messageEn(), r.code());
    }

    private static String text(Cell c) {
        if (c == null) {
            return "";
        }
        switch (c.getType()) {
            case NUMBER: {
                String fmt = c.getDataFormatString();
                if (fmt != null && looksLikeDate(fmt)) {
                    return c.asDate().toLocalDate().toString();
                }
                BigDecimal v = c.asNumber();
                return v.stripTrailingZeros().toPlainString();
            }
            case STRING:
                return c.asString();
            case BOOLEAN:
                return String.valueOf(c.asBoolean());
            case EMPTY:
                return "";
            default:
                return c.getRawValue() == null ? "" : c.getRawValue();
        }
    }

    private static boolean looksLikeDate(String fmt) {
        String f = fmt.toLowerCase(Locale.ROOT);
        return (f.contains("y") || f.contains("d")) && !f.contains("#") && !f.contains("0.");
    }
}
