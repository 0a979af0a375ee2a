/**
 * The property-test kit for fee tables: {@link io.github.motcua.fees.testkit.FeeInvariants} checks
 * the laws every fee table must obey against a {@link io.github.motcua.fees.testkit.FeeOracle}, fed
 * by {@link io.github.motcua.fees.testkit.DossierArbitraries} and
 * {@link io.github.motcua.fees.testkit.FormArbitraries} (form data from a JSON Schema).
 *
 * <p>Artifact {@code fee-testkit} (test scope), which brings {@code jqwik-api}; a pack's test suite runs
 * it with {@code net.jqwik:jqwik} (1.9.x), so an embedding application's runtime carries no jqwik. A violated invariant prints a
 * ready-to-paste case YAML ({@link io.github.motcua.fees.testkit.CaseYaml}).
 */
package io.github.motcua.fees.testkit;
