/**
 * Implementation of rules-core (not API); the entry point is
 * {@link io.github.motcua.rules.internal.DefaultEngine}. Drools, networknt and fastexcel types live
 * only here.
 */
package io.github.motcua.rules.internal;
