/**
 * Electronic forms and printable documents (tờ khai điện tử, giấy tờ Một cửa); start at
 * {@link io.github.motcua.forms.Forms}, which builds a thread-safe
 * {@link io.github.motcua.forms.FormRegistry} from a pack.
 */
package io.github.motcua.forms;
