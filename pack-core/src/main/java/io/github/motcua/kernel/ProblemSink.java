package io.github.motcua.kernel;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one bounded list a pack's problems are made into (giới hạn số vấn đề): it keeps at most {@code max} problems,
 * counts the others in a field, and renders the one "more problems" problem at the end ({@link #list()}). Pack content
 * is hostile input: a 5 MB table whose header is 2.6 million unknown columns, or a stray quote in each of a million
 * cells, made one problem each, a few hundred bytes with its messages, and ran the JVM out of memory before anything
 * was reported. Every reader that makes problems while a pack loads (the kernel's CSV reading, a fee table file, a
 * procedure folder, a section, the load itself) makes them into one of these, so memory stays bounded while reading,
 * not only once the list is complete.
 *
 * <p>Two orders, one per documented rule (docs/pack-format.md, "Problems"):
 * <ul>
 * <li>{@link #byPlace}: the {@code max} problems that come first by file, line and column (problems at one place in the
 *     order added) — a load's list, the order {@code check} prints;</li>
 * <li>{@link #asFound}: the first {@code max} added — one file's problems, row by row (a fee table file, a CSV).</li>
 * </ul>
 * Either way the problem saying how many were not kept ({@link Shape#more}) is at the first place, in that order, of a
 * problem not kept. A bounded list handed to another sink ({@link #addAll} of a {@code ProblemSink}) is folded into it:
 * its kept problems are added and its count is counted, never rendered in between, so the load's one last problem counts
 * every problem not listed.
 *
 * <p>The no-problem path does no work: nothing is allocated until the first problem comes. A {@link List} of the kept
 * problems (iteration, {@code get}, {@code size}, {@code isEmpty}) for the code that adds to a list; "did this step add a
 * problem" compares {@link #found(Collection)}, not {@code size()}, which stops growing at {@code max}. Not
 * thread-safe while problems are added (one producer's list); once no thread adds, any number of threads may read it.
 *
 * @param <P> the problem type (the kernel's {@link Problem}, a module's own problem record)
 */
public final class ProblemSink<P> extends AbstractList<P> {
    /** The most problems a load, and one file of it, lists: no analyst reads further, and 10,000 are a few megabytes. */
    public static final int MAX = 10_000;

    /**
     * How a sink reads a problem's place and makes the one problem counting those not kept; stateless.
     *
     * @param <P> the problem type
     */
    public interface Shape<P> {
        /** The pack-relative file of {@code p}. */
        String file(P p);

        /** Its 1-based line, or 0. */
        int line(P p);

        /** Its 1-based column, or 0. */
        int column(P p);

        /**
         * The problem saying {@code count} more problems, from {@code file:line:column} on, are not listed (at most
         * {@code max} are), Vietnamese first.
         */
        P more(long count, int max, String file, int line, int column);

        /**
         * How many problems {@code p} stands for when it is a count of problems an earlier bounded list did not keep,
         * read from its own data (a kernel {@link ProblemCode#PROBLEMS_MORE}'s {@code count} argument, a fee table's
         * {@code FEES_MORE_PROBLEMS}'s value), else 0: a sink receiving it counts it instead of keeping it.
         */
        default long stands(P p) {
            return 0;
        }
    }

    /**
     * The kernel's problems: the count of those not kept is {@link ProblemCode#PROBLEMS_MORE} with the argument
     * {@code count} (digits) and {@code max}, e.g. the CSV reading's of one file ({@link PackReader#csv}).
     */
    public static final Shape<Problem> KERNEL = new Shape<>() {
        @Override
        public String file(Problem p) {
            return p.file();
        }

        @Override
        public int line(Problem p) {
            return p.line();
        }

        @Override
        public int column(Problem p) {
            return p.column();
        }

        @Override
        public Problem more(long count, int max, String file, int line, int column) {
            return Problem.of(file, line, column, ProblemCode.PROBLEMS_MORE, "count", Long.toString(count),
                    "max", Integer.toString(max));
        }

        @Override
        public long stands(Problem p) {
            if (!p.code().equals(ProblemCode.PROBLEMS_MORE)) {
                return 0;
            }
            try {
                return Long.parseLong(p.args().getOrDefault("count", "0"));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    };

    private final int max;
    private final boolean byPlace;
    private final Shape<P> shape;
    /** The kept problems by place ({@link #byPlace}), made at the first problem. */
    private TreeMap<Key, P> sorted;
    /** The kept problems in the order added ({@link #asFound}), made at the first problem. */
    private ArrayList<P> found;
    /** How many problems were added (kept or not), to order problems at one place. */
    private long added;
    private long more;
    /** The first place, in this sink's order, of a problem not kept (or of a folded count); null while none. */
    private Key firstMore;
    // volatile: a sink no thread adds to any more (a deferred folder's problems) may be read by many threads, and
    // get(int) publishes its array here
    private volatile Object[] snapshot;

    private ProblemSink(int max, boolean byPlace, Shape<P> shape) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive: [" + max + "]");
        }
        this.max = max;
        this.byPlace = byPlace;
        this.shape = Objects.requireNonNull(shape, "shape");
    }

    /** A sink keeping the first {@link #MAX} problems by file, line and column. */
    public static <P> ProblemSink<P> byPlace(Shape<P> shape) {
        return new ProblemSink<>(MAX, true, shape);
    }

    /** A sink keeping the first {@code max} problems by file, line and column (problems at one place in the order added). */
    public static <P> ProblemSink<P> byPlace(int max, Shape<P> shape) {
        return new ProblemSink<>(max, true, shape);
    }

    /** A sink keeping the first {@code max} problems in the order added. */
    public static <P> ProblemSink<P> asFound(int max, Shape<P> shape) {
        return new ProblemSink<>(max, false, shape);
    }

    /**
     * How many problems {@code problems} has found: for a sink every problem added, kept or only counted
     * ({@link #met()}), else its size. What a "did this step add a problem" check compares before and after the step.
     */
    public static long found(Collection<?> problems) {
        return problems instanceof ProblemSink<?> s ? s.met() : problems.size();
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

    /** Keeps {@code p} or counts it; always true. */
    @Override
    public boolean add(P p) {
        Objects.requireNonNull(p, "problem");
        long stands = shape.stands(p);
        if (stands > 0) {
            notKept(shape.file(p), shape.line(p), shape.column(p), stands);
            return true;
        }
        snapshot = null;
        if (!byPlace) {
            if (found == null) {
                found = new ArrayList<>();
            }
            if (found.size() < max) {
                found.add(p);
                added++;
            } else {
                notKept(shape.file(p), shape.line(p), shape.column(p), 1);
            }
            return true;
        }
        Key k = new Key(shape.file(p), shape.line(p), shape.column(p), added++);
        if (sorted == null) {
            sorted = new TreeMap<>();
        }
        if (sorted.size() < max) {
            sorted.put(k, p);
        } else if (k.compareTo(sorted.lastKey()) < 0) {
            Map.Entry<Key, P> last = sorted.pollLastEntry();
            sorted.put(k, p);
            notKept(last.getKey(), 1);
        } else {
            notKept(k, 1);
        }
        return true;
    }

    /**
     * Adds every problem of {@code problems}; a {@code ProblemSink} is folded: its kept problems added, and the problems
     * it did not keep counted at the first place it did not keep, without a problem rendered for them.
     */
    @Override
    public boolean addAll(Collection<? extends P> problems) {
        boolean any = false;
        for (P p : problems) {
            any |= add(p);
        }
        if (problems instanceof ProblemSink<?> s && s.more > 0) {
            fold(s.more, s.firstMore.file(), s.firstMore.line(), s.firstMore.column());
            any = true;
        }
        return any;
    }

    /**
     * Whether a further problem would only be counted, whatever its place ({@link #asFound} with {@code max} kept): the
     * caller may then {@link #count} it without making it. Always false {@link #byPlace} (an earlier place is kept).
     */
    public boolean full() {
        return !byPlace && found != null && found.size() >= max;
    }

    /** Counts one problem at {@code file:line:column} that was not made because the sink is {@link #full()}. */
    public void count(String file, int line, int column) {
        notKept(file, line, column, 1);
    }

    /**
     * Counts {@code n} problems, from {@code file:line:column} on, that an earlier bounded list did not keep (e.g. a fee
     * table file's {@code FEES_MORE_PROBLEMS}, whose value is its count).
     */
    public void fold(long n, String file, int line, int column) {
        if (n < 0) {
            throw new IllegalArgumentException("a count is not negative: [" + n + "]");
        }
        if (n > 0) {
            notKept(file, line, column, n);
        }
    }

    private void notKept(String file, int line, int column, long n) {
        notKept(new Key(file, line, column, added++), n);
    }

    private void notKept(Key k, long n) {
        snapshot = null;
        more += n;
        if (firstMore == null || k.compareTo(firstMore) < 0) {
            firstMore = k;
        }
    }

    @Override
    public P get(int index) {
        if (!byPlace) {
            if (found == null) {
                throw new IndexOutOfBoundsException(index);
            }
            return found.get(index);
        }
        Object[] kept = snapshot;
        if (kept == null) {
            kept = sorted == null ? new Object[0] : sorted.values().toArray();
            snapshot = kept;
        }
        @SuppressWarnings("unchecked")
        P p = (P) kept[index];
        return p;
    }

    @Override
    public Iterator<P> iterator() {
        Collection<P> kept = byPlace ? (sorted == null ? null : sorted.values()) : found;
        return kept == null ? Collections.emptyIterator() : Collections.unmodifiableCollection(kept).iterator();
    }

    /** The problems kept, at most {@code max}. */
    @Override
    public int size() {
        return byPlace ? (sorted == null ? 0 : sorted.size()) : (found == null ? 0 : found.size());
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    /** How many problems were not kept (counted or folded). */
    public long more() {
        return more;
    }

    /** Every problem found: kept, counted or folded. */
    public long met() {
        return size() + more;
    }

    /** The most problems this sink keeps. */
    public int max() {
        return max;
    }

    /** The file of the first place not kept, or null while every problem is kept. */
    public String firstMoreFile() {
        return firstMore == null ? null : firstMore.file();
    }

    /** The line of the first place not kept (0 while every problem is kept). */
    public int firstMoreLine() {
        return firstMore == null ? 0 : firstMore.line();
    }

    /** The column of the first place not kept (0 while every problem is kept). */
    public int firstMoreColumn() {
        return firstMore == null ? 0 : firstMore.column();
    }

    /**
     * The kept problems in this sink's order, then, when any was not kept, the one problem counting them
     * ({@link Shape#more}) at the first place not kept: the list a result carries. A new list each call.
     */
    public List<P> list() {
        List<P> out = new ArrayList<>(size() + (more > 0 ? 1 : 0));
        for (P p : this) {
            out.add(p);
        }
        if (more > 0) {
            out.add(shape.more(more, max, firstMore.file(), firstMore.line(), firstMore.column()));
        }
        return out;
    }
}
