package io.github.motcua.forms.internal;

import com.networknt.schema.Error;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The list networknt 3.0.9 adds one validation's errors to ({@code ExecutionContext.setErrors}), bounded while they are
 * added (issue 15 sessions 23–24): a hostile input of hundreds of thousands of bad values made one {@link Error} each
 * (its locations, arguments and message) before anything of ours saw them. It keeps the first {@code max} errors added,
 * in order, and only counts the others ({@link #dropped()}; the first of them is kept for its place,
 * {@link #firstDropped()}).
 *
 * <p><b>A list of what it keeps.</b> {@link #size()}, {@link #get}, {@link #iterator()} and {@link #subList} all read
 * the kept errors and agree with each other (session 23's list counted the dropped errors in its size, so that
 * {@code get(size() - 1)} could throw). The one liberty it takes with {@link List}: past {@code max}, {@link #add}
 * stores nothing and returns {@code false} (the list did not change; the error is counted).
 *
 * <p><b>Why that is safe with networknt 3.0.9</b> (its sources and the jar's bytecode read, session 24): its
 * validation does only three things with the context's list — appends ({@code add}, and {@code addAll} when an
 * {@code anyOf}, {@code oneOf}, {@code not}, {@code if}, {@code contains}, {@code propertyNames} or union type, which
 * put a list of their own in its place while a branch runs, hand back what they report), asks {@code isEmpty}, and
 * compares {@code size()} before and after a subschema ({@code Schema.validate}, {@code patternProperties},
 * {@code unevaluatedItems}) to tell whether the subschema failed, which decides only annotations that
 * {@code unevaluatedProperties} and {@code unevaluatedItems} read. Until the list is full its size is every error's, so
 * networknt behaves exactly as with an unbounded list and the kept errors are the first an unbounded run makes. Once
 * full, a failed subschema adds nothing to the size and networknt may take it as passed: that changes only what is
 * found after the list is full (counted, never kept) — the count of the errors not kept is then exact for schemas
 * without {@code unevaluatedProperties}/{@code unevaluatedItems} (the engine's published schemas use neither) and may
 * differ for a form's schema that uses them. networknt's walk (not used by motcua) hands its listeners
 * {@code subList(before, size())}, which this list answers with kept errors. {@code BoundedErrorsUseTest} fails if
 * networknt starts calling anything else on the list (reading or removing its elements, say).
 *
 * <p>Not thread-safe: one validation run's.
 */
public final class BoundedErrors extends AbstractList<Error> {
    private final int max;
    private final ArrayList<Error> kept = new ArrayList<>();
    private long dropped;
    private Error firstDropped;

    /**
     * A list keeping at most {@code max} errors.
     *
     * @throws IllegalArgumentException if {@code max} is below 1 (an empty list must mean a valid document)
     */
    public BoundedErrors(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max < 1: " + max);
        }
        this.max = max;
    }

    /** Keeps {@code e} while fewer than {@code max} are kept, else counts it; true if kept. */
    @Override
    public boolean add(Error e) {
        Objects.requireNonNull(e, "e");
        if (kept.size() < max) {
            kept.add(e);
            return true;
        }
        if (firstDropped == null) {
            firstDropped = e;
        }
        dropped++;
        return false;
    }

    /** {@link #add} of each, in order; true if any was kept. */
    @Override
    public boolean addAll(Collection<? extends Error> errors) {
        boolean changed = false;
        for (Error e : errors) {
            changed |= add(e);
        }
        return changed;
    }

    @Override
    public Error get(int index) {
        return kept.get(index);
    }

    /** How many are kept. */
    @Override
    public int size() {
        return kept.size();
    }

    @Override
    public void clear() {
        kept.clear();
        dropped = 0;
        firstDropped = null;
    }

    /** How many were added past {@code max}: counted, not kept. */
    public long dropped() {
        return dropped;
    }

    /** Every error added, kept or only counted. */
    public long found() {
        return kept.size() + dropped;
    }

    /** The first error only counted, or null. */
    public Error firstDropped() {
        return firstDropped;
    }

    /** The most it keeps. */
    public int max() {
        return max;
    }
}
