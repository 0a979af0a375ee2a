package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A recursive form ({@code {"$ref": "#"}} under several properties) is bounded work: its fields are built from at most
 * {@link FormFields#MAX_NODES} schema nodes, where it used to expand into about {@code b^7} fields for {@code b}
 * recursive properties (ten were an {@code OutOfMemoryError} in a 1 GB heap). Forms within the budget are read as
 * before, recursive or not.
 */
class FormFieldsBudgetTest {
    private static final FormFields.Library NO_SHARED_SCHEMAS = new FormFields.Library();

    /** A form whose root object has {@code b} properties, each the whole form again. */
    private static String recursive(int b) {
        StringBuilder s = new StringBuilder("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{");
        for (int i = 0; i < b; i++) {
            s.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"$ref\":\"#\"}");
        }
        return s.append("}}").toString();
    }

    @Test
    void tenRecursiveProperties_boundedFields_deepPartOpenNotRefused() {
        FormFields form = FormFields.of(recursive(10), NO_SHARED_SCHEMAS);

        int paths = form.paths().size();
        assertTrue(paths <= FormFields.MAX_NODES, paths + " paths");
        // near the root the form is read as declared: an undeclared name is refused
        assertNotNull(form.field("p0"));
        assertNotNull(form.field("p0.p9"));
        assertNull(form.field("khongCo"));
        // past the budget the form is open: a rule naming a field there is not refused as misspelled
        assertNotNull(form.field("p9.p9.p9.p9.p9.p9.p9.p9"));
    }

    @Test
    void smallRecursiveForm_readAsBefore_undeclaredNamesRefusedAtEveryLevel() {
        FormFields form = FormFields.of(recursive(2), NO_SHARED_SCHEMAS);

        assertNotNull(form.field("p0.p1.p0"));
        assertNull(form.field("p0.p1.khongCo"));
        assertNull(form.field("p1.p0.p1.p0.khongCo"));
        assertTrue(form.paths().containsAll(List.of("p0", "p1", "p0.p1", "p1.p0.p1")), form.paths().subList(0, 8).toString());
    }

    @Test
    void branchesUnderAllOf_boundedWorkToo() {
        // no new field per branch, but 2^12 visits per level without the budget's count
        String form = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"allOf\":["
                + "{\"$ref\":\"#\"},{\"$ref\":\"#\"},{\"$ref\":\"#\"},{\"$ref\":\"#\"},{\"$ref\":\"#\"},{\"$ref\":\"#\"},"
                + "{\"$ref\":\"#\"},{\"$ref\":\"#\"},{\"$ref\":\"#\"},{\"$ref\":\"#\"}]}";
        FormFields fields = FormFields.of(form, NO_SHARED_SCHEMAS);

        assertNotNull(fields.field("a"));
        assertEquals(List.of("a"), fields.paths());
    }
}
