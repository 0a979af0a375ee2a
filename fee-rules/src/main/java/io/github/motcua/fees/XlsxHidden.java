package io.github.motcua.fees;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * What the spreadsheet program hides and the engine reads anyway: the sheet read as the table (the workbook's first)
 * when it is hidden, each hidden row that holds a value, each hidden column that holds one. A province's spreadsheet
 * often keeps last year's rates in hidden rows or a hidden sheet; read silently, such a row becomes a fee line or a
 * rule the analyst never sees, dropped silently it would be a rate that vanished. So they are read as every other row,
 * and each is a warning naming the sheet and the row (or column): the pack loads, {@code check} lists them.
 *
 * <p>At most {@link #MAX_ROW_WARNINGS} rows are named one by one; the rest are counted in one more warning (a sheet
 * filtered in the spreadsheet program hides thousands). Blank rows and rows whose first cell starts with {@code #}
 * (comments) are not named. One instance per sheet read; not thread-safe.
 */
final class XlsxHidden {
    /** The most hidden rows named one by one in a file. */
    static final int MAX_ROW_WARNINGS = 20;

    private final String file;
    private final String sheet;
    private final List<FeeTableProblem> warnings;
    private final TreeSet<Integer> hiddenColumns;
    private final TreeMap<Integer, String> columnsWithValues = new TreeMap<>();
    private int hiddenRows;

    /**
     * @param bytes    the workbook, already through {@link XlsxArchive#check} (its parts are within every limit)
     * @param warnings where the warnings go, in sheet order
     */
    XlsxHidden(String file, Sheet sheet, ReadableWorkbook workbook, byte[] bytes, List<FeeTableProblem> warnings) {
        this.file = file;
        this.sheet = sheet.getName();
        this.warnings = warnings;
        if (sheet.getVisibility() != SheetVisibility.VISIBLE) {
            String visible = workbook.getSheets().filter(s -> s.getVisibility() == SheetVisibility.VISIBLE)
                    .map(Sheet::getName).findFirst().orElse("");
            warnings.add(FeeMessages.table(file, 0, "", 0, "", visible.isEmpty() ? "XLSX_HIDDEN_SHEET" : "XLSX_HIDDEN_SHEET_BEFORE",
                    "sheet", this.sheet, "visible", visible));
        }
        this.hiddenColumns = hiddenColumns(bytes, sheet.getId());
    }

    /** The warnings of the first sheet of {@code bytes} (already through {@link XlsxArchive#check}); never throws. */
    static List<FeeTableProblem> of(String file, byte[] bytes) {
        List<FeeTableProblem> warnings = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
            Sheet first = wb.getFirstSheet();
            XlsxHidden hidden = new XlsxHidden(file, first, wb, bytes, warnings);
            java.util.Iterator<Row> rows = first.openStream().iterator();
            while (rows.hasNext()) {
                Row r = rows.next();
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    Cell c = r.getCell(i);
                    cells.add(c == null || c.getRawValue() == null ? "" : c.getRawValue());
                }
                hidden.row(r, cells);
            }
            hidden.end();
        } catch (IOException | RuntimeException e) {
            return List.of(); // the reading itself reports what is wrong with the file
        }
        return warnings;
    }

    /** Notes row {@code r}, read as {@code cells}: hidden with a value, or a value in a hidden column. */
    void row(Row r, List<String> cells) {
        boolean blank = cells.stream().allMatch(String::isBlank);
        if (blank || cells.get(0).strip().startsWith("#")) {
            return;
        }
        if (r.isHidden() && ++hiddenRows <= MAX_ROW_WARNINGS) {
            warnings.add(FeeMessages.table(file, r.getRowNum(), "", 0, "", "XLSX_HIDDEN_ROW", "sheet", sheet, "row", r.getRowNum()));
        }
        for (int column : hiddenColumns) {
            if (column <= cells.size() && !cells.get(column - 1).isBlank() && !columnsWithValues.containsKey(column)) {
                columnsWithValues.put(column, XlsxArchive.columnName(column) + r.getRowNum());
            }
        }
    }

    /** The warnings only the whole sheet tells: hidden columns that hold a value, hidden rows past the named ones. */
    void end() {
        if (hiddenRows > MAX_ROW_WARNINGS) {
            warnings.add(FeeMessages.table(file, 0, "", 0, "", "XLSX_HIDDEN_ROWS_MORE", "sheet", sheet,
                    "count", hiddenRows - MAX_ROW_WARNINGS, "named", MAX_ROW_WARNINGS));
        }
        for (Map.Entry<Integer, String> c : columnsWithValues.entrySet()) {
            String letter = XlsxArchive.columnName(c.getKey());
            warnings.add(FeeMessages.table(file, 0, "", c.getKey(), "", "XLSX_HIDDEN_COLUMN", "sheet", sheet,
                    "column", letter, "cell", c.getValue()));
        }
    }

    /**
     * The 1-based numbers of the columns the sheet of relationship {@code sheetId} hides ({@code <col min max
     * hidden="1">}, read up to {@code <sheetData>}, before which the schema puts them). The reader does not give them.
     */
    private static TreeSet<Integer> hiddenColumns(byte[] bytes, String sheetId) {
        TreeSet<Integer> out = new TreeSet<>();
        try {
            Map<String, byte[]> small = entries(bytes, null);
            String workbook = "xl/workbook.xml";
            byte[] types = small.get("[Content_Types].xml");
            if (types != null) {
                javax.xml.stream.XMLStreamReader r = XlsxArchive.xmlFactory().createXMLStreamReader(new ByteArrayInputStream(types));
                while (r.hasNext()) {
                    if (r.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Override")
                            && XlsxArchive.WORKBOOK_TYPES.contains(r.getAttributeValue(null, "ContentType"))
                            && r.getAttributeValue(null, "PartName") != null) {
                        workbook = strip(r.getAttributeValue(null, "PartName"));
                        break;
                    }
                }
            }
            int slash = workbook.lastIndexOf('/');
            String folder = workbook.substring(0, slash + 1);
            byte[] rels = small.get(folder + "_rels/" + workbook.substring(slash + 1) + ".rels");
            if (rels == null || sheetId == null) {
                return out;
            }
            String target = null;
            javax.xml.stream.XMLStreamReader r = XlsxArchive.xmlFactory().createXMLStreamReader(new ByteArrayInputStream(rels));
            while (r.hasNext() && target == null) {
                if (r.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")
                        && sheetId.equals(r.getAttributeValue(null, "Id"))) {
                    String t = r.getAttributeValue(null, "Target");
                    target = t == null ? null : t.startsWith("/") ? strip(t) : folder + t;
                }
            }
            if (target == null) {
                return out;
            }
            byte[] sheet = entries(bytes, target).get(target);
            if (sheet == null) {
                return out;
            }
            r = XlsxArchive.xmlFactory().createXMLStreamReader(new ByteArrayInputStream(sheet));
            while (r.hasNext()) {
                if (r.next() != javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (r.getLocalName().equals("sheetData")) {
                    break;
                }
                String hidden = r.getAttributeValue(null, "hidden");
                if (r.getLocalName().equals("col") && ("1".equals(hidden) || "true".equals(hidden))) {
                    int min = Integer.parseInt(r.getAttributeValue(null, "min"));
                    int max = Integer.parseInt(r.getAttributeValue(null, "max"));
                    for (int c = Math.max(1, min); c <= Math.min(max, FeeTableParser.COLUMNS.size() * 4); c++) {
                        out.add(c); // a table has at most that many columns: a hidden range to XFD is not walked
                    }
                }
            }
        } catch (IOException | javax.xml.stream.XMLStreamException | RuntimeException e) {
            return out; // unreadable here: the reader reports the file itself
        }
        return out;
    }

    /**
     * {@code [Content_Types].xml} and the relationship parts, or (with {@code only}) that entry alone, found by the
     * archive's central directory (as the reader finds them: {@code ZipInputStream} refuses a stored entry followed by
     * a data descriptor, which spreadsheet libraries write). The archive passed {@link XlsxArchive#check}: every entry
     * is within its limits and where its directory says.
     */
    private static Map<String, byte[]> entries(byte[] bytes, String only) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
            if (b.getInt(i) == 0x06054b50) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return out;
        }
        int count = Short.toUnsignedInt(b.getShort(eocd + 10));
        int p = b.getInt(eocd + 16);
        for (int i = 0; i < count; i++) {
            int method = Short.toUnsignedInt(b.getShort(p + 10));
            int compressed = b.getInt(p + 20);
            int declared = b.getInt(p + 24);
            int nameLen = Short.toUnsignedInt(b.getShort(p + 28));
            int extraLen = Short.toUnsignedInt(b.getShort(p + 30));
            int commentLen = Short.toUnsignedInt(b.getShort(p + 32));
            int local = b.getInt(p + 42);
            String name = new String(bytes, p + 46, nameLen, java.nio.charset.StandardCharsets.UTF_8);
            p += 46 + nameLen + extraLen + commentLen;
            boolean wanted = only == null ? name.equals("[Content_Types].xml") || name.endsWith(".rels")
                    : name.equals(only) || name.equalsIgnoreCase(only);
            if (!wanted) {
                continue;
            }
            int data = local + 30 + Short.toUnsignedInt(b.getShort(local + 26)) + Short.toUnsignedInt(b.getShort(local + 28));
            byte[] content = XlsxArchive.content(bytes, method, data, compressed, declared); // sizes checked
            out.put(only == null ? name : only, content);
        }
        return out;
    }

    private static String strip(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
