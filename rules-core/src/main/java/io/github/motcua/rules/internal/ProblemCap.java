package io.github.motcua.rules.internal;

import io.github.motcua.rules.PackProblem;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * The cap on the problems one load reports (giới hạn số vấn đề): a hostile pack with millions of broken cells made
 * millions of {@link PackProblem}s, each a few hundred bytes with its two messages, so memory — not time — was the limit.
 * A load reports the first {@link #MAX} problems by file, line and column (the order {@code check} prints; problems at
 * the same place in the order they were found), then one problem {@value #CODE} at the first place not listed, saying
 * how many more there are, Vietnamese first. The load is refused all the same: a pack with problems never serves.
 *
 * <p>10,000 because no analyst reads further — a real pack with that many problems has one mistake repeated (a column
 * shifted in a fee table, a wrong indentation), and the first screenful shows it — while 10,000 problems of a few
 * hundred bytes are a few megabytes, which any JVM that can load a pack can hold.
 *
 * <p>Where problems are made in bulk they are bounded as they are made: the fee tables' cells (the fees section keeps
 * a {@link Sink}) and each procedure folder's result (its list is bounded once read, before it waits for the others).
 * A bounded producer's list ends with its own {@value #CODE} problem; a later {@link Sink} folds it into its count, so
 * the load's one last problem counts every problem not listed.
 */
final class ProblemCap {
    /** The most problems a load lists. */
    static final int MAX = 10_000;
    /** The code of the problem that counts those not listed. */
    static final String CODE = "PROBLEMS_MORE";
    /**
     * The count each {@value #CODE} problem this class made stands for, so that a {@link Sink} receiving it folds the
     * count instead of listing it. Keyed by value: two such problems are equal only with the same count in their words.
     * Weak, so a problem no list holds any more is not kept here.
     */
    private static final Map<PackProblem, Long> COUNTS = Collections.synchronizedMap(new WeakHashMap<>());

    private ProblemCap() {
    }

    /**
     * {@code problems} at most {@link #MAX} of them by file, line and column, then one {@value #CODE} counting the rest
     * (and what earlier caps counted): the list every load result, reload result and {@code check} shows.
     */
    static List<PackProblem> sorted(Collection<PackProblem> problems) {
        Sink s = new Sink(MAX);
        s.addAll(problems);
        return s.list();
    }

    /**
     * {@code problems} itself when it has at most {@link #MAX} and no {@value #CODE} of this class to fold (the usual
     * case: its order kept as it is); else as {@link #sorted}.
     */
    static List<PackProblem> bounded(List<PackProblem> problems) {
        if (problems.size() <= MAX) {
            boolean folds = false;
            for (PackProblem p : problems) {
                folds |= p.code().equals(CODE) && COUNTS.containsKey(p);
            }
            if (!folds) {
                return problems;
            }
        }
        return sorted(problems);
    }

    /**
     * The problem saying {@code count} more problems, from the place {@code file:line:column} on, are not listed; a
     * {@link Sink} receiving it counts it as those {@code count} problems (e.g. a fee table file's
     * {@code FEES_MORE_PROBLEMS}, carried here with its count).
     */
    static PackProblem more(long count, String file, int line, int column) {
        String vi = String.format(Locale.ROOT, "%,d", count).replace(',', '.');
        String en = String.format(Locale.ROOT, "%,d", count);
        String max = String.format(Locale.ROOT, "%,d", MAX);
        PackProblem p = new PackProblem(file, line, column, CODE,
                Msg.vi("load.problems.more", "count", vi, "max", max.replace(',', '.')),
                Msg.en("load.problems.more", "count", en, "max", max));
        COUNTS.put(p, count);
        return p;
    }

    /**
     * A problem list that keeps the {@code max} problems that come first by file, line and column (ties in the order
     * added) and counts the others, so it never holds more than {@code max}: a {@link List} for the code that adds to
     * one ({@code add}, {@code addAll}, {@code isEmpty}, iteration in that order). A {@value #CODE} problem of this class
     * is not kept but counted as the problems it stands for. {@link #list()} is the kept problems and, when any was
     * not kept, one {@value #CODE} at the first of them. Not thread-safe (one producer's list).
     */
    static final class Sink extends AbstractList<PackProblem> {
        private final int max;
        private final TreeMap<Key, PackProblem> kept = new TreeMap<>();
        private long added;
        private long more;
        /** The first place, in the order kept, of a problem not kept (or of a folded count); null while none. */
        private Key firstMore;
        private PackProblem[] snapshot;

        Sink() {
            this(MAX);
        }

        Sink(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max must be positive: [" + max + "]");
            }
            this.max = max;
        }

        /** Where a problem sorts: file, line, column, then the order it was added. */
        private record Key(String file, int line, int column, long order) implements Comparable<Key> {
            @Override
            public int compareTo(Key o) {
                int c = file.compareTo(o.file);
                if (c == 0) {
                    c = Integer.compare(line, o.line);
                }
                if (c == 0) {
                    c = Integer.compare(column, o.column);
                }
                return c != 0 ? c : Long.compare(order, o.order);
            }
        }

        @Override
        public boolean add(PackProblem p) {
            Key k = new Key(p.file(), p.line(), p.column(), added++);
            Long stands = p.code().equals(CODE) ? COUNTS.get(p) : null;
            if (stands != null) {
                notKept(k, stands);
                return true;
            }
            snapshot = null;
            if (kept.size() < max) {
                kept.put(k, p);
            } else if (k.compareTo(kept.lastKey()) < 0) {
                Map.Entry<Key, PackProblem> last = kept.pollLastEntry();
                kept.put(k, p);
                notKept(last.getKey(), 1);
            } else {
                notKept(k, 1);
            }
            return true;
        }

        private void notKept(Key k, long count) {
            more += count;
            if (firstMore == null || k.compareTo(firstMore) < 0) {
                firstMore = k;
            }
        }

        @Override
        public PackProblem get(int index) {
            if (snapshot == null) {
                snapshot = kept.values().toArray(new PackProblem[0]);
            }
            return snapshot[index];
        }

        @Override
        public java.util.Iterator<PackProblem> iterator() {
            return Collections.unmodifiableCollection(kept.values()).iterator();
        }

        /** The problems kept, at most {@code max}. */
        @Override
        public int size() {
            return kept.size();
        }

        /** How many problems were added and not kept (a folded {@value #CODE} counts what it stands for). */
        long more() {
            return more;
        }

        /** The kept problems by file, line and column, then one {@value #CODE} when any was not kept. */
        List<PackProblem> list() {
            List<PackProblem> out = new ArrayList<>(kept.size() + 1);
            out.addAll(kept.values());
            if (more > 0) {
                out.add(ProblemCap.more(more, firstMore.file(), firstMore.line(), firstMore.column()));
            }
            return out;
        }
    }
}
