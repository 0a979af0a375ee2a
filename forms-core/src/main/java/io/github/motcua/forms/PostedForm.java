package io.github.motcua.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form read back from an HTML post.
 *
 * <p>Immutable and thread-safe.
 *
 * @param data   the form data (NFC-normalised; empty fields left out)
 * @param action the add/remove action applied (e.g. {@code "add:/conCai"}), or {@code null} when the
 *               post is a submission that should now be validated
 */
public record PostedForm(Map<String, Object> data, String action) {
    public PostedForm {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** Whether the applicant pressed the final submit button rather than add/remove. */
    public boolean submitted() {
        return action == null;
    }
}
