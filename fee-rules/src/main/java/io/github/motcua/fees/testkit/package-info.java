/**
 * The property-test kit for fee tables: {@link io.github.motcua.fees.testkit.FeeInvariants} checks
 * the laws every fee table must obey against a {@link io.github.motcua.fees.testkit.FeeOracle}, fed
 * by {@link io.github.motcua.fees.testkit.DossierArbitraries} and
 * {@link io.github.motcua.fees.testkit.FormArbitraries} (form data from a JSON Schema).
 *
 * <p>jqwik is an optional dependency of fee-rules: a pack's test suite that uses this package adds
 * {@code net.jqwik:jqwik} (1.9.x) to its own test classpath. A violated invariant prints a
 * ready-to-paste case YAML ({@link io.github.motcua.fees.testkit.CaseYaml}).
 */
package io.github.motcua.fees.testkit;
