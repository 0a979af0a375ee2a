/**
 * Extension points of forms-core; implement {@link io.github.motcua.forms.spi.DataSource} to let
 * {@link io.github.motcua.forms.FormRegistry#prefill} fill a form from data the State already holds.
 */
package io.github.motcua.forms.spi;
