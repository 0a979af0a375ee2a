/**
 * Extension points of rules-core; the entry point is {@link io.github.motcua.rules.spi.PackSection},
 * which lets the calendar, fee and form modules load their own files of a pack.
 */
package io.github.motcua.rules.spi;
