/**
 * The analysts' command line; the entry point is {@link io.github.motcua.examples.cli.Main}
 * ({@code check}, {@code decide}, {@code explain}, {@code calendar lunar|month-starts|days-off},
 * {@code catalog}, {@code guide}, {@code new-procedure}; reference in docs/cli.md); exit codes in
 * {@link io.github.motcua.examples.cli.ExitCodes}.
 */
package io.github.motcua.examples.cli;
