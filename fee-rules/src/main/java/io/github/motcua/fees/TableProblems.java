package io.github.motcua.fees;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * One fee table parse's problems, at most {@link FeeTables#MAX_PROBLEMS} kept — the first found, row by row — the
 * others counted: a hostile table (a 5 MB header of unknown columns, a stray quote in each of a million cells) made one
 * problem a cell, each with its two rendered messages, and ran the JVM out of memory before anything was reported.
 * {@link #closed()} is what a result carries: the kept problems and, when any was not kept, {@code FEES_MORE_PROBLEMS}
 * at the first place not kept, whose {@link FeeTableProblem#value()} is the count in digits. Not thread-safe (one
 * parser's list).
 */
final class TableProblems extends AbstractList<FeeTableProblem> {
    /** The code of the problem that counts those not kept; its value is the count. */
    static final String MORE = "FEES_MORE_PROBLEMS";
    private final String file;
    private final List<FeeTableProblem> kept = new ArrayList<>();
    private long more;
    private int firstMoreRow;
    private int firstMoreColumn;

    TableProblems(String file) {
        this.file = file;
    }

    /**
     * Keeps {@code p} while fewer than {@link FeeTables#MAX_PROBLEMS} are kept, else counts it; a {@code FEES_MORE_PROBLEMS}
     * of an earlier list (the CSV reading's) is counted as the problems it stands for.
     */
    @Override
    public boolean add(FeeTableProblem p) {
        if (MORE.equals(p.code())) {
            counted(Long.parseLong(p.value()), p.row(), p.columnNumber());
        } else if (kept.size() < FeeTables.MAX_PROBLEMS) {
            kept.add(p);
        } else {
            counted(1, p.row(), p.columnNumber());
        }
        return true;
    }

    /** Whether a further problem would only be counted: the caller may then {@link #count} it without making it. */
    boolean full() {
        return kept.size() >= FeeTables.MAX_PROBLEMS;
    }

    /** Counts one problem at {@code row}, {@code column}, not made because the list is {@link #full()}. */
    void count(int row, int column) {
        counted(1, row, column);
    }

    private void counted(long n, int row, int column) {
        if (more == 0 || row < firstMoreRow || row == firstMoreRow && column < firstMoreColumn) {
            firstMoreRow = row;
            firstMoreColumn = column;
        }
        more += n;
    }

    /** Every problem found, kept or counted (what a "did this row add a problem" check compares). */
    long met() {
        return kept.size() + more;
    }

    @Override
    public FeeTableProblem get(int index) {
        return kept.get(index);
    }

    @Override
    public int size() {
        return kept.size();
    }

    /** Problems not kept. */
    long more() {
        return more;
    }

    int firstMoreRow() {
        return firstMoreRow;
    }

    int firstMoreColumn() {
        return firstMoreColumn;
    }

    /** The kept problems, then one {@code FEES_MORE_PROBLEMS} counting those not kept when there are any. */
    List<FeeTableProblem> closed() {
        return closed(kept, more, file, firstMoreRow, firstMoreColumn);
    }

    /** {@code kept} and, when {@code more > 0}, the problem saying so at {@code file:row:column}. */
    static List<FeeTableProblem> closed(List<FeeTableProblem> kept, long more, String file, int row, int column) {
        if (more == 0) {
            return kept;
        }
        List<FeeTableProblem> out = new ArrayList<>(kept);
        out.add(FeeMessages.table(file, row, "", column, Long.toString(more), MORE, "count", more, "max",
                FeeTables.MAX_PROBLEMS));
        return out;
    }
}
