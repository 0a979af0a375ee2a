/**
 * Running analysts' cases; the entry point is {@link io.github.motcua.rules.testing.CaseRunner} (no
 * JUnit; the CLI's {@code check} uses it). Its JUnit 5 helper {@code PackTests}, same package, ships in
 * the separate {@code rules-testing} artifact so that an embedding application's runtime carries no JUnit.
 */
package io.github.motcua.rules.testing;
