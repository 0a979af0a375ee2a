package io.github.motcua.forms;

import io.github.motcua.forms.document.PrintableDocument;
import java.util.Locale;

/**
 * Prints the one-stop-shop documents as complete HTML pages with print CSS (A4), from the built-in
 * templates or the pack's overrides in {@code templates/}.
 *
 * <p>Thread-safe.
 */
public interface Documents {

    /**
     * Renders a document.
     *
     * @param document the document model
     * @param locale   Vietnamese unless the language is {@code en} (the legal text stays Vietnamese;
     *                 English adds translated headings)
     * @throws RenderingFailedException when the template fails, times out or writes too much
     */
    String render(PrintableDocument document, Locale locale);
}
