package io.github.motcua.fees;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 reader: strict UTF-8, BOM stripped, quoted fields with doubled quotes and embedded line breaks. */
final class CsvRecords {

    private CsvRecords() {
    }

    static RawTable read(String file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new RawTable(List.of(), List.of(new FeeTableProblem(file, 0, "", 0, "",
                    "Tệp không phải UTF-8 (hãy lưu dưới dạng CSV UTF-8)",
                    "The file is not UTF-8 (save it as CSV UTF-8)")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<RawTable.RawRow> rows = new ArrayList<>();
        List<FeeTableProblem> problems = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
                continue;
            }
            if (c == '"' && cell.length() == 0 && !afterQuote) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
                rows.add(new RawTable.RawRow(recordLine, cells));
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else if (afterQuote) {
                problems.add(new FeeTableProblem(file, line, "", cells.size() + 1, String.valueOf(c),
                        "Ký tự sau dấu ngoặc kép đóng (RFC 4180)", "Character after a closing quote (RFC 4180)"));
                afterQuote = false;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            problems.add(new FeeTableProblem(file, recordLine, "", cells.size() + 1, "",
                    "Dấu ngoặc kép không được đóng", "Unterminated quoted field"));
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new RawTable.RawRow(recordLine, cells));
        }
        return new RawTable(rows, problems);
    }
}
