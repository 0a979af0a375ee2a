package io.github.motcua.law;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A dated parameter of the law (tham số pháp lý có hiệu lực theo thời gian): a value that changes on
 * known dates, each value with the legal basis that set it — an age threshold, a default legal basis,
 * a procedure's time limit. Modelled on OpenFisca's parameters, with strict edges:
 *
 * <ul>
 *   <li>The value on a date is the one whose {@code from} is the latest on or before that date.</li>
 *   <li><b>Before the first date</b> there is no value: {@link #at} throws
 *       {@link ParameterNotInForceException} (the law did not say anything yet, and guessing would
 *       apply a later law backwards).</li>
 *   <li><b>After the last date</b> the last value stays in force, unless the last entry is a repeal
 *       (a {@code null} value): from its date there is no value again.</li>
 *   <li>A value may end on a day of its own ({@link Dated#to()}, inclusive): after it there is no value
 *       until the next {@code from}. Periods never overlap: a value whose {@code to} is on or after the
 *       next value's {@code from} is refused.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id     a dotted name, e.g. {@code applicant.childUnder}
 * @param values the dated values, in strictly increasing {@code from} order
 * @param <T>    the value's type
 */
public record Parameter<T>(String id, List<Dated<T>> values) {
    public Parameter {
        Objects.requireNonNull(id, "id");
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("parameter [" + id + "] has no dated value");
        }
        for (int i = 1; i < values.size(); i++) {
            Dated<T> prev = values.get(i - 1);
            Dated<T> cur = values.get(i);
            if (!cur.from().isAfter(prev.from())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "parameter [%s]: dates must increase: [%s] then [%s]", id, prev.from(), cur.from()));
            }
            if (prev.to() != null && !prev.to().isBefore(cur.from())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "parameter [%s]: periods overlap: [%s..%s] and [%s..]", id, prev.from(), prev.to(), cur.from()));
            }
        }
    }

    /** A parameter with one value in force from {@code from}. */
    public static <T> Parameter<T> of(String id, LocalDate from, T value, LegalBasis basis) {
        return new Parameter<>(id, List.of(new Dated<>(from, value, basis)));
    }

    /**
     * The value in force on {@code date}, with its basis.
     *
     * @throws ParameterNotInForceException before the first date, or on and after a repeal
     */
    public Dated<T> at(LocalDate date) {
        return find(date).orElseThrow(() -> new ParameterNotInForceException(id, date, values.get(0).from()));
    }

    /** The value in force on {@code date}, or empty before the first date and after a repeal. */
    public Optional<Dated<T>> find(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Dated<T> found = null;
        for (Dated<T> v : values) {
            if (v.from().isAfter(date)) {
                break;
            }
            found = v;
        }
        return found == null || found.value() == null || (found.to() != null && date.isAfter(found.to()))
                ? Optional.empty() : Optional.of(found);
    }

    /** This parameter with one more value from {@code from} (after every existing date). */
    public Parameter<T> then(LocalDate from, T value, LegalBasis basis) {
        List<Dated<T>> more = new ArrayList<>(values);
        more.add(new Dated<>(from, value, basis));
        return new Parameter<>(id, more);
    }

    /**
     * One dated value.
     *
     * @param from  the first day it is in force
     * @param value the value, or {@code null} for a repeal (no value from this day)
     * @param basis the legal basis that set it (or repealed it)
     * @param to    the last day it is in force (inclusive), or {@code null}: until the next value's {@code from}
     * @param <T>   the value's type
     */
    public record Dated<T>(LocalDate from, T value, LegalBasis basis, LocalDate to) {
        public Dated {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(basis, "basis");
            if (to != null && to.isBefore(from)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a dated value must end on or after its start: [%s..%s]", from, to));
            }
        }

        /** A value in force from {@code from} until the next value's. */
        public Dated(LocalDate from, T value, LegalBasis basis) {
            this(from, value, basis, null);
        }

        /** Whether it is in force on {@code date}. */
        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }
    }
}
