package io.github.motcua.forms;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a form as accessible HTML from its schema (biểu mẫu HTML), and reads a posted form back.
 * The HTML works without JavaScript: arrays are grown and shrunk by submit buttons named
 * {@value #ACTION_PARAMETER} whose value is {@code add:<pointer>} or {@code remove:<pointer>}.
 *
 * <p>Thread-safe.
 */
public interface FormRenderer {

    /** The request parameter that carries an add/remove action. */
    String ACTION_PARAMETER = "_action";

    /**
     * Renders the form as an HTML {@code <form>} fragment.
     *
     * @param formId    a procedure code or schema {@code $id}
     * @param data      values to show ({@code Map.of()} for a blank form; {@code null} throws
     *                  {@link NullPointerException} naming it, as every forms entry point does)
     * @param report    a report whose violations are shown inline, or {@code null}
     * @param locale    Vietnamese unless the language is {@code en}
     * @param actionUrl where the form posts: a relative path or an {@code http(s)} URL
     * @throws RenderingFailedException when the (pack) template fails, times out or writes too much
     */
    String renderForm(String formId, Map<String, ?> data, FormReport report, Locale locale, String actionUrl);

    /**
     * Reads posted parameters (named by JSON Pointer, as rendered) back into form data, converting
     * values by the field's schema type, and applies an add/remove action if one was posted.
     *
     * @param formId the form
     * @param params request parameters, each name with its values
     * @throws NullPointerException when {@code formId} or {@code params} is {@code null}, naming it
     */
    PostedForm readPost(String formId, Map<String, List<String>> params);
}
