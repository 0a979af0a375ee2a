package io.github.motcua.rules.internal;

import io.github.motcua.kernel.ProblemSink;
import io.github.motcua.rules.PackProblem;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The cap on the problems one load reports (giới hạn số vấn đề), for the engine's {@link PackProblem}: the kernel's one
 * bounded sink ({@link ProblemSink}, pack-core) with the load's words. A load reports the first {@link #MAX} problems by
 * file, line and column (the order {@code check} prints; problems at the same place in the order they were found),
 * then one problem {@value PackProblem#MORE} at the first place not listed, saying how many more there are, Vietnamese
 * first. The load is refused all the same: a pack with problems never serves.
 *
 * <p>Problems are bounded as they are made: the load's own list, each procedure folder's list while it is read, the
 * fees section's list (and each fee table file's, fee-rules), the kernel's CSV reading of one file. A bounded list
 * handed on is a {@link ProblemSink}, folded into the next one (its count counted, never rendered in between); a fee
 * table file's {@code FEES_MORE_PROBLEMS} carries its count as its value and is folded from it. So the load's one last
 * problem counts every problem not listed, and only the load's final list renders it.
 */
final class ProblemCap {
    /** The most problems a load lists. */
    static final int MAX = ProblemSink.MAX;
    /** The code of the problem that counts those not listed. */
    static final String CODE = PackProblem.MORE;

    /** The engine's problems in a {@link ProblemSink}: the count of those not listed in the load's words. */
    static final ProblemSink.Shape<PackProblem> SHAPE = new ProblemSink.Shape<>() {
        @Override
        public String file(PackProblem p) {
            return p.file();
        }

        @Override
        public int line(PackProblem p) {
            return p.line();
        }

        @Override
        public int column(PackProblem p) {
            return p.column();
        }

        @Override
        public PackProblem more(long count, int max, String file, int line, int column) {
            return ProblemCap.more(count, file, line, column); // the load's rule: 10,000 (a test's smaller sink aside)
        }
    };

    private ProblemCap() {
    }

    /** A sink keeping the first {@link #MAX} problems by file, line and column. */
    static ProblemSink<PackProblem> sink() {
        return ProblemSink.byPlace(SHAPE);
    }

    /**
     * {@code problems} at most {@link #MAX} of them by file, line and column, then one {@value PackProblem#MORE}
     * counting the rest (and what a bounded list among them counted): the list every load result, reload result and
     * {@code check} shows.
     */
    static List<PackProblem> sorted(Collection<PackProblem> problems) {
        ProblemSink<PackProblem> s = sink();
        s.addAll(problems);
        return s.list();
    }

    /**
     * {@code problems} itself when it is a plain list of at most {@link #MAX} (its order kept as it is); else as
     * {@link #sorted}.
     */
    static List<PackProblem> bounded(List<PackProblem> problems) {
        return problems.size() <= MAX && !(problems instanceof ProblemSink<?>) ? problems : sorted(problems);
    }

    /** The problem saying {@code count} more problems, from the place {@code file:line:column} on, are not listed. */
    static PackProblem more(long count, String file, int line, int column) {
        String vi = String.format(Locale.ROOT, "%,d", count).replace(',', '.');
        String en = String.format(Locale.ROOT, "%,d", count);
        String m = String.format(Locale.ROOT, "%,d", MAX);
        return new PackProblem(file, line, column, CODE,
                Msg.vi("load.problems.more", "count", vi, "max", m.replace(',', '.')),
                Msg.en("load.problems.more", "count", en, "max", m));
    }
}
