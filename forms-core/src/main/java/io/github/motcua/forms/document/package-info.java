/**
 * The model of the printable one-stop-shop documents (giấy tờ in tại Bộ phận Một cửa); build a
 * {@link io.github.motcua.forms.document.PrintableDocument} and print it with
 * {@link io.github.motcua.forms.Documents#render}. rules-core maps its decision into these records.
 */
package io.github.motcua.forms.document;
