package io.github.motcua.fees;

import io.github.motcua.kernel.Messages;
import java.util.Map;

import java.util.Locale;
import java.util.Objects;

/**
 * An amount in Vietnamese đồng (VND has no minor unit, so a {@code long} holds it exactly).
 *
 * <p>Fees are never negative, so neither is a {@code Money}: a reduction is a positive amount
 * taken away from a line. Every operation is overflow-checked and throws
 * {@link MoneyOverflowException} rather than wrapping around; nothing here ever uses
 * {@code double}.
 *
 * <p><b>Rounding rule</b> (quy tắc làm tròn): {@link #percent(int)} rounds half up to the whole
 * đồng (7,001 × 50% = 3,500.5 → 3,501). A reduction is computed as that rounded part and
 * subtracted, so the remaining amount is {@code amount − round(amount × p / 100)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dong the amount in đồng, {@code >= 0}
 */
public record Money(long dong) implements Comparable<Money> {

    /** Zero đồng. */
    public static final Money ZERO = new Money(0);

    public Money {
        if (dong < 0) {
            throw new MoneyOverflowException(FeeMessages.detail("FEES_NEGATIVE_AMOUNT", "amount", dong));
        }
    }

    /** The amount of {@code dong} đồng. */
    public static Money of(long dong) {
        return dong == 0 ? ZERO : new Money(dong);
    }

    /** This plus {@code other}; throws {@link MoneyOverflowException} past {@link Long#MAX_VALUE}. */
    public Money plus(Money other) {
        Objects.requireNonNull(other, "other");
        try {
            return of(Math.addExact(dong, other.dong));
        } catch (ArithmeticException e) {
            throw overflow("+", other.dong);
        }
    }

    /** This minus {@code other}; throws {@link MoneyOverflowException} if the result would be negative. */
    public Money minus(Money other) {
        Objects.requireNonNull(other, "other");
        return of(dong - other.dong); // both are >= 0, so this cannot overflow; a negative result throws
    }

    /** This times a non-negative {@code factor}, overflow-checked. */
    public Money times(long factor) {
        if (factor < 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "factor must be >= 0: [%d]", factor));
        }
        try {
            return of(Math.multiplyExact(dong, factor));
        } catch (ArithmeticException e) {
            throw overflow("×", factor);
        }
    }

    /**
     * {@code percent}% of this amount, rounded half up to the whole đồng. Exact for every
     * {@code long} amount (no intermediate overflow).
     *
     * @param percent 0 to 100
     */
    public Money percent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "percent must be 0..100: [%d]", percent));
        }
        long whole = dong / 100 * percent;
        long rest = (dong % 100) * percent; // < 10,000: no overflow
        return of(whole + (rest + 50) / 100);
    }

    /** The smaller of this and {@code other}. */
    public Money min(Money other) {
        Objects.requireNonNull(other, "other");
        return dong <= other.dong ? this : other;
    }

    /** Whether this is zero đồng. */
    public boolean isZero() {
        return dong == 0;
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(dong, o.dong);
    }

    /** Vietnamese style with a dot as thousands separator, e.g. {@code "200.000 đ"}; independent of the JVM locale. */
    public String formatVi() {
        return format(Messages.VI);
    }

    /** English style, e.g. {@code "VND 200,000"}. */
    public String formatEn() {
        return format(Locale.ENGLISH);
    }

    /**
     * The amount in the reader's language: English {@code "VND 200,000"} (comma between thousands),
     * any other language Vietnamese {@code "200.000 đ"} (dot between thousands); the currency's place
     * and sign are fee-rules' bundle's {@code FEES_MONEY}. Independent of the JVM locale.
     */
    public String format(Locale locale) {
        boolean en = Messages.english(locale);
        return Messages.render(FeeMessages.BUNDLE, "FEES_MONEY", Map.of("amount", group(dong, en ? ',' : '.')), locale);
    }

    private static String group(long v, char sep) {
        String digits = Long.toString(v);
        StringBuilder sb = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                sb.append(sep);
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    private MoneyOverflowException overflow(String op, long operand) {
        return new MoneyOverflowException(FeeMessages.detail("FEES_AMOUNT_OVERFLOW", "amount", dong, "op", op, "operand", operand));
    }

    @Override
    public String toString() {
        return formatVi();
    }
}
