package io.github.motcua.fees;

/**
 * An amount in Vietnamese đồng (VND has no minor unit). CONTRACT STUB: owned by the fee-rules
 * work; it may grow methods, but keep this component and its meaning.
 *
 * @param dong the amount in đồng, never negative for a fee
 */
public record Money(long dong) {
}
