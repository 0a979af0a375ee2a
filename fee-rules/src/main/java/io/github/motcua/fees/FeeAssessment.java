package io.github.motcua.fees;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The fee section of a decision (phí, lệ phí): every line and the total to pay, in đồng.
 *
 * <p>The constructor checks that the total is the sum of the lines' amounts, so an assessment that
 * does not add up cannot exist. Immutable and thread-safe.
 *
 * @param lines the fee lines, in table order then rule order
 * @param total the sum of {@link FeeLine#amount()} over the lines
 */
public record FeeAssessment(List<FeeLine> lines, Money total) {

    /** No fee at all. */
    public static final FeeAssessment NONE = new FeeAssessment(List.of(), Money.ZERO);

    public FeeAssessment {
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total");
        Money sum = Money.ZERO;
        for (FeeLine l : lines) {
            sum = sum.plus(l.amount());
        }
        if (!sum.equals(total)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "fee total [%d] is not the sum of the lines [%d]", total.dong(), sum.dong()));
        }
    }

    /** The lines' assessment with the total computed. */
    public static FeeAssessment of(List<FeeLine> lines) {
        Money sum = Money.ZERO;
        for (FeeLine l : lines) {
            sum = sum.plus(l.amount());
        }
        return new FeeAssessment(lines, sum);
    }

    /** The first line for {@code item}, if any. */
    public Optional<FeeLine> line(String item) {
        return lines.stream().filter(l -> l.item().equals(item)).findFirst();
    }
}
