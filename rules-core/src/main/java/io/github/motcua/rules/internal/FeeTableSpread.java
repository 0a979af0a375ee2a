package io.github.motcua.rules.internal;

import io.github.motcua.fees.FeeTable;
import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.rules.PackProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The fee section's tables (biểu phí) parsed on the load's threads, in pieces (issue 15, session 23). Session 22's
 * profiles (docs/performance.md, "Session 22 — the folder load's tree and fee section") found the fee section's one loop
 * over the tables — each parsed, then its quantity cells checked against its form — running alone on one thread after
 * the folder reads, and ending the default folder load. The tables are independent of each other: they are cut into at
 * most {@link #MAX_PIECES} pieces of consecutive tables (file order), each run once ({@link PackLoader.Once}) by a load
 * thread or by the section's own thread, which takes every piece no load thread has started, so nothing waits for queued
 * work (only for a piece already running).
 *
 * <p>What the section gives is the one loop's, exactly:
 * <ul>
 * <li>A piece never splits a procedure: both tables of one procedure ({@code fees.csv} and {@code fees.xlsx}, the second
 *     refused {@code DUPLICATE_FEES} only when the first parsed) are in one piece, in file order, as the loop met them.</li>
 * <li>Each piece makes its problems into a sink of its own, bounded as they are made ({@link ProblemSink#byPlace}, at most
 *     {@link ProblemSink#MAX}), and the pieces are folded into the section's sink strictly in file order — each by the
 *     thread that finishes the last piece before it, or by itself when it is next. Folding a bounded list is adding its
 *     kept problems in its order and counting the others at its first place not kept; as no problem a piece did not keep
 *     is among the first {@code MAX} of all (its own {@code MAX} come before it), the section's sink ends with the same
 *     problems kept, in the same order (problems at one place in the order the loop found them), the same count of the
 *     others and the same place for it as the one loop's (docs/pack-format.md, "Problems").</li>
 * <li>Tables and warnings are keyed by procedure code, one piece per code: the pieces' maps together are the loop's.</li>
 * <li>A piece that throws makes the section throw the first such failure in file order, as the loop would have (the
 *     pieces after it stop at their next table: the section's result is not used).</li>
 * </ul>
 * Memory stays bounded: at most {@link #MAX_PIECES} pieces' sinks are held at once (a piece waiting for an earlier one
 * to be folded), each at most {@code MAX} problems.
 */
final class FeeTableSpread {
    /**
     * The fewest tables to parse a piece is given: a pack with fewer than two pieces' worth (Gia Lai's 25 tables) is parsed
     * on the section's thread, as before. A table is ≈ 0.05–0.3 ms of one thread, so a piece is a few milliseconds at least.
     */
    static final int TABLES_PER_PIECE = 32;

    /** The most pieces: enough to keep two to four load threads busy to the end, few enough to bound the sinks held. */
    static final int MAX_PIECES = 8;

    private FeeTableSpread() {
    }

    /**
     * One fee table file of the section's, in file order.
     *
     * @param path   its pack path, {@code procedures/<code>/fees.csv|xlsx}
     * @param code   its procedure's code (interned)
     * @param ext    {@code csv} or {@code xlsx}
     * @param reused the previous load's table is kept (a reload's byte-identical folder): nothing to parse
     */
    record Table(String path, String code, String ext, boolean reused) {
    }

    /** What tables gave: tables and warnings by procedure code, and their problems, bounded as made. */
    record Part(Map<String, FeeTable> tables, Map<String, List<PackProblem>> warnings, ProblemSink<PackProblem> problems) {
        static Part into(ProblemSink<PackProblem> problems) {
            return new Part(new TreeMap<>(), new TreeMap<>(), problems);
        }
    }

    /** The section's work on one table, into {@code part}; called for the tables of one piece in file order. Thread-safe. */
    interface Work {
        void table(Table table, Part part);
    }

    /**
     * Runs {@code work} on every table, in pieces on {@code threads} when there are at least two pieces' worth of tables
     * to parse, else all on this thread.
     *
     * @param problems the section's sink, which gets every problem (the pieces' folded in file order)
     * @param threads  the load's threads, or null: every table on this thread
     * @return the tables and warnings by code, with {@code problems}
     */
    static Part run(List<Table> tables, int tablesPerPiece, Executor threads, ProblemSink<PackProblem> problems, Work work) {
        Part all = Part.into(problems);
        List<int[]> pieces = threads == null ? List.of() : pieces(tables, tablesPerPiece);
        if (pieces.size() < 2) {
            for (Table t : tables) {
                work.table(t, all);
            }
            return all;
        }
        Fold fold = new Fold(all, pieces.size());
        List<PackLoader.Once<Void>> runs = new ArrayList<>(pieces.size());
        for (int k = 0; k < pieces.size(); k++) {
            int index = k;
            int from = pieces.get(k)[0];
            int to = pieces.get(k)[1];
            runs.add(new PackLoader.Once<>(() -> {
                Part mine = Part.into(ProblemCap.sink());
                try {
                    for (int i = from; i < to && !fold.failed; i++) {
                        work.table(tables.get(i), mine);
                    }
                } catch (RuntimeException | Error e) {
                    fold.failed = true; // the pieces after it stop: the section throws the first failure in file order
                    throw e;
                }
                fold.done(index, mine);
                return null;
            }));
        }
        // the first piece is this thread's at once; the others wait for a free load thread or for this one
        for (int k = 1; k < runs.size(); k++) {
            try {
                threads.execute(runs.get(k));
            } catch (RejectedExecutionException e) {
                // closed meanwhile: this thread runs it below
            }
        }
        for (PackLoader.Once<Void> r : runs) {
            r.run(); // every piece no load thread has started, in file order
        }
        for (PackLoader.Once<Void> r : runs) {
            r.get(); // the pieces still running on a load thread; a piece's failure rethrown, the first in file order
        }
        return all;
    }

    /**
     * The pieces, each {@code [from, to)} of {@code tables}: at most {@link #MAX_PIECES}, about as many tables to parse
     * each, at least {@code tablesPerPiece} (else one piece), and never a procedure's tables in two pieces.
     */
    static List<int[]> pieces(List<Table> tables, int tablesPerPiece) {
        int toParse = 0;
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            toParse += tables.get(i).reused() ? 0 : 1;
            last.put(tables.get(i).code(), i);
        }
        int n = Math.min(MAX_PIECES, toParse / tablesPerPiece);
        if (n < 2) {
            return List.of(new int[] {0, tables.size()});
        }
        int each = (toParse + n - 1) / n;
        List<int[]> out = new ArrayList<>(n);
        int from = 0;
        int parsed = 0;
        int reach = -1; // the last table of a procedure met so far: a piece may end only past it
        for (int i = 0; i < tables.size(); i++) {
            reach = Math.max(reach, last.get(tables.get(i).code()));
            parsed += tables.get(i).reused() ? 0 : 1;
            if (parsed >= each && reach == i && out.size() < n - 1) {
                out.add(new int[] {from, i + 1});
                from = i + 1;
                parsed = 0;
            }
        }
        if (from < tables.size()) {
            out.add(new int[] {from, tables.size()});
        }
        return out;
    }

    /** The pieces' parts folded into the section's in file order, each as soon as every piece before it is. */
    private static final class Fold {
        private final Part all;
        private final Part[] done;
        private int next;
        /** A piece threw: the others stop at their next table. */
        private volatile boolean failed;

        Fold(Part all, int pieces) {
            this.all = all;
            this.done = new Part[pieces];
        }

        synchronized void done(int index, Part part) {
            done[index] = part;
            while (next < done.length && done[next] != null) {
                Part p = done[next];
                done[next++] = null;
                all.problems().addAll(p.problems()); // kept ones added in their order, the others counted at their place
                all.tables().putAll(p.tables());
                all.warnings().putAll(p.warnings());
            }
        }
    }
}
