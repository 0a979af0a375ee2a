/**
 * Running analysts' cases; the entry point is {@link io.github.motcua.rules.testing.PackTests}
 * (JUnit 5 dynamic tests), built on the JUnit-free {@link io.github.motcua.rules.testing.CaseRunner}.
 */
package io.github.motcua.rules.testing;
