package io.github.motcua.kernel;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV with the line where each record starts. Stateless; thread-safe. */
final class CsvParser {
    private CsvParser() {
    }

    /**
     * The records of {@code text}. Read on the text's characters as an array, each run of plain characters appended
     * at once: a cold JVM's {@code charAt} and one {@code append} a character were most of the fee tables' parse in a
     * 2,000-procedure load's profile ({@code CsvParserTest} compares it with the character-at-a-time reading).
     */
    static CsvTable parse(String file, String text) {
        return parse(file, text, ProblemSink.MAX);
    }

    /**
     * As {@link #parse(String, String)}, keeping the first {@code maxProblems} problems found and counting the rest
     * ({@link ProblemSink}): a stray quote in each of a million cells is not a million problems held.
     */
    static CsvTable parse(String file, String text, int maxProblems) {
        return parse(file, text, maxProblems, Integer.MAX_VALUE);
    }

    /**
     * As {@link #parse(String, String, int)}, reading at most {@code maxCells} cells: the reading stops at the record
     * holding cell {@code maxCells + 1}, which is not kept, and the table's problems end with one
     * {@link ProblemCode#CSV_TOO_MANY_CELLS} at that record's line (always listed, after the bounded problems found
     * before it). Cells are counted as they are made, so at most {@code maxCells} strings are made whatever the text.
     */
    static CsvTable parse(String file, String text, int maxProblems, int maxCells) {
        if (maxCells < 0) {
            throw new IllegalArgumentException("maxCells < 0: " + maxCells);
        }
        List<CsvTable.Row> rows = new ArrayList<>();
        long made = 0; // the cells made so far (a plain counter: a cold JVM pays for a size() call a cell)
        int past = 0; // the line of the record holding cell maxCells + 1, once met
        ProblemSink<Problem> problems = ProblemSink.asFound(maxProblems, ProblemSink.KERNEL);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean afterQuote = false;
        char[] t = text.toCharArray();
        int n = t.length;
        for (int i = 0; i < n; i++) {
            char c = t[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && t[i + 1] == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    // the run up to the next quote, line feeds counted
                    int j = i;
                    while (j < n && t[j] != '"') {
                        if (t[j] == '\n') {
                            line++;
                        }
                        j++;
                    }
                    cell.append(t, i, j - i);
                    i = j - 1;
                }
                continue;
            }
            if (c == '"' && cell.length() == 0 && !afterQuote) {
                quoted = true;
            } else if (c == ',') {
                if (made >= maxCells) {
                    past = recordLine;
                    break;
                }
                made++;
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (made >= maxCells) {
                    past = recordLine;
                    break;
                }
                made++;
                if (c == '\r' && i + 1 < n && t[i + 1] == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                afterQuote = false;
                rows.add(new CsvTable.Row(recordLine, cells));
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else if (afterQuote) {
                if (problems.full()) {
                    problems.count(file, line, cells.size() + 1); // counted, no problem made
                } else {
                    problems.add(Problem.of(file, line, cells.size() + 1, ProblemCode.CSV_AFTER_QUOTE,
                            "value", String.valueOf(c)));
                }
                afterQuote = false;
            } else {
                // the run up to the cell's end (a quote inside an unquoted cell is one of its characters)
                int j = i + 1;
                while (j < n && t[j] != ',' && t[j] != '\r' && t[j] != '\n') {
                    j++;
                }
                cell.append(t, i, j - i);
                i = j - 1;
            }
        }
        if (past == 0) {
            if (quoted) {
                problems.add(Problem.of(file, recordLine, cells.size() + 1, ProblemCode.CSV_UNCLOSED_QUOTE));
            }
            if (cell.length() > 0 || !cells.isEmpty()) {
                if (made >= maxCells) {
                    past = recordLine;
                } else {
                    cells.add(cell.toString());
                    rows.add(new CsvTable.Row(recordLine, cells));
                }
            }
        }
        if (past == 0) {
            return new CsvTable(file, rows, problems.list());
        }
        // the record holding cell maxCells + 1 and everything after it are not read: one problem says so, listed
        // whatever the problems before it (a caller refusing the file must see it)
        List<Problem> listed = new ArrayList<>(problems.list());
        listed.add(Problem.of(file, past, 0, ProblemCode.CSV_TOO_MANY_CELLS, "max", String.valueOf(maxCells)));
        return new CsvTable(file, rows, listed);
    }
}
