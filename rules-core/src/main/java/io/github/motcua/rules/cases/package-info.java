/**
 * Running analysts' cases (ca kiểm thử); the entry point is {@link io.github.motcua.rules.cases.CaseRunner}
 * (no JUnit; the CLI's {@code check} uses it). Its JUnit 5 helper {@code PackTests} ships in the
 * separate {@code rules-testing} artifact, in its own package {@code io.github.motcua.rules.testing},
 * so that an embedding application's runtime carries no JUnit and no package is split between jars.
 */
package io.github.motcua.rules.cases;
