package io.github.motcua.fees;

import io.github.motcua.kernel.ProblemSink;
import java.util.AbstractList;
import java.util.List;

/**
 * One fee table parse's problems, at most {@link FeeTables#MAX_PROBLEMS} kept — the first found, row by row — the
 * others counted: the kernel's one bounded sink ({@link ProblemSink#asFound}) with the fee tables' words. A hostile table
 * (a 5 MB header of unknown columns, a stray quote in each of a million cells) made one problem a cell, each with its
 * two rendered messages, and ran the JVM out of memory before anything was reported. {@link #closed()} is what a result
 * carries: the kept problems and, when any was not kept, {@value FeeTables#MORE_PROBLEMS} at the first place not kept,
 * whose {@link FeeTableProblem#value()} is the count in digits (a later sink folds it from there). Not thread-safe (one
 * parser's list).
 */
final class TableProblems extends AbstractList<FeeTableProblem> {
    /** The code of the problem that counts those not kept; its value is the count. */
    static final String MORE = FeeTables.MORE_PROBLEMS;

    /** Fee table problems in a {@link ProblemSink}: the row is the line, the column number the column. */
    static final ProblemSink.Shape<FeeTableProblem> SHAPE = new ProblemSink.Shape<>() {
        @Override
        public String file(FeeTableProblem p) {
            return p.file();
        }

        @Override
        public int line(FeeTableProblem p) {
            return p.row();
        }

        @Override
        public int column(FeeTableProblem p) {
            return p.columnNumber();
        }

        @Override
        public FeeTableProblem more(long count, int max, String file, int line, int column) {
            return FeeMessages.table(file, line, "", column, Long.toString(count), MORE, "count", count, "max", max);
        }

        /** A {@code FEES_MORE_PROBLEMS} of an earlier list stands for the count its value says. */
        @Override
        public long stands(FeeTableProblem p) {
            return MORE.equals(p.code()) ? Long.parseLong(p.value()) : 0;
        }
    };

    private final String file;
    private final ProblemSink<FeeTableProblem> sink = ProblemSink.asFound(FeeTables.MAX_PROBLEMS, SHAPE);

    TableProblems(String file) {
        this.file = file;
    }

    /**
     * Keeps {@code p} while fewer than {@link FeeTables#MAX_PROBLEMS} are kept, else counts it; a {@code FEES_MORE_PROBLEMS}
     * of an earlier list is counted as the problems it stands for.
     */
    @Override
    public boolean add(FeeTableProblem p) {
        return sink.add(p);
    }

    /** Whether a further problem would only be counted: the caller may then {@link #count} it without making it. */
    boolean full() {
        return sink.full();
    }

    /** Counts one problem at {@code row}, {@code column}, not made because the list is {@link #full()}. */
    void count(int row, int column) {
        sink.count(file, row, column);
    }

    /** Counts {@code n} problems from {@code row}, {@code column} on, that an earlier list (the CSV reading's) did not keep. */
    void fold(long n, int row, int column) {
        sink.fold(n, file, row, column);
    }

    /** Every problem found, kept or counted (what a "did this row add a problem" check compares). */
    long met() {
        return sink.met();
    }

    @Override
    public FeeTableProblem get(int index) {
        return sink.get(index);
    }

    @Override
    public int size() {
        return sink.size();
    }

    /** Problems not kept. */
    long more() {
        return sink.more();
    }

    /** The kept problems, then one {@code FEES_MORE_PROBLEMS} counting those not kept when there are any. */
    List<FeeTableProblem> closed() {
        return sink.list();
    }

    /** {@code kept} and, when {@code other} did not keep some, the problem saying so at the first place it did not keep. */
    static List<FeeTableProblem> closed(List<FeeTableProblem> kept, TableProblems other) {
        if (other.more() == 0) {
            return kept;
        }
        List<FeeTableProblem> out = new java.util.ArrayList<>(kept);
        out.add(SHAPE.more(other.more(), FeeTables.MAX_PROBLEMS, other.file, other.sink.firstMoreLine(),
                other.sink.firstMoreColumn()));
        return out;
    }
}
