package io.github.motcua.fees;

import java.util.List;

/**
 * The fee section of a decision (phí, lệ phí): every line and the total. CONTRACT STUB: owned by
 * the fee-rules work; it may grow components, but keep these.
 */
public record FeeAssessment(List<FeeLine> lines, Money total) {
    public FeeAssessment {
        lines = List.copyOf(lines);
    }
}
