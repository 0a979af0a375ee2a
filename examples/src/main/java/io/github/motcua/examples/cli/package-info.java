/**
 * The analysts' command line; the entry point is {@link io.github.motcua.examples.cli.Main}
 * ({@code check PACK}, {@code decide PACK DOSSIER.json [--text]}); exit codes in
 * {@link io.github.motcua.examples.cli.ExitCodes}.
 */
package io.github.motcua.examples.cli;
