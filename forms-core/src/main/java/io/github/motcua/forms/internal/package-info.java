/**
 * Implementation of forms-core, not for callers: start at {@link io.github.motcua.forms.Forms}. The
 * only package allowed to import networknt, Freemarker and Jackson (checked by an ArchUnit test).
 */
package io.github.motcua.forms.internal;
