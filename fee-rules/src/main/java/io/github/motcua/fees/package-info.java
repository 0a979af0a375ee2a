/**
 * Fees and charges (phí, lệ phí) in đồng; the entry point is {@link io.github.motcua.fees.FeeTables},
 * which builds a {@link io.github.motcua.fees.FeeTable} from a pack's {@code fees.csv} or
 * {@code fees.xlsx}, given the pack's legal bases and its {@link io.github.motcua.fees.ExemptionCatalog}.
 *
 * <p>{@link io.github.motcua.fees.FeeTable#assess(io.github.motcua.fees.FeeRequest)} prices a dossier
 * as of its date: tariffs (flat, per unit, tiered with a cap, base plus extra copies), dated
 * windows, exemptions and reductions under the stacking policy stated on {@link io.github.motcua.fees.FeeTables},
 * and the rules' {@link io.github.motcua.fees.FeeDirective}s. Amounts are {@link io.github.motcua.fees.Money}
 * (a {@code long} of đồng, overflow-checked). Every line and adjustment carries its legal basis and source.
 */
package io.github.motcua.fees;
