package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Distinct forms made from one template (the same bytes before the root {@code $id}, the same length after it) are
 * compared with at most {@link FormFields.Copies#MAX_SAME} patterns (session 21): before, each form was compared with
 * every earlier one of its template. A copy of a kept pattern still takes its fields; a copy of a form past the bound
 * is read whole, with the same fields as reading gives.
 */
class CopiesBoundTest {
    private static final String PATH = "procedures/x/form.schema.json";

    /** Form {@code i} of the template under root id {@code id} (ids of one length: the same length of S). */
    private static byte[] form(int i, String id) {
        String sfx = String.format("S%05d", i);
        return ("{\"$id\":\"" + id + "\",\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
                + "\"title\":\"Tờ khai " + sfx + "\",\"properties\":{\"hoTen" + sfx + "\":{\"type\":\"string\"},"
                + "\"soBan" + sfx + "\":{\"type\":\"integer\"}}}").getBytes(StandardCharsets.UTF_8);
    }

    private static String fields(FormFields f) {
        List<String> out = new ArrayList<>();
        for (String p : f.paths()) {
            out.add(p + ":" + f.field(p).types);
        }
        return String.join(",", out);
    }

    @Test
    void formsOfOneTemplate_keepAtMostTheBoundAsPatterns_andEveryFormGetsItsOwnFields() {
        FormFields.Library lib = FormFields.Library.of(Map.<String, byte[]>of());
        FormFields.Library reading = FormFields.Library.of(Map.<String, byte[]>of());
        int n = FormFields.Copies.MAX_SAME + 12;
        List<FormFields> built = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = form(i, String.format("urn:a:%05d", i));
            FormFields f = FormFields.of(PATH, b, lib);
            assertEquals(fields(FormFields.of(new String(b, StandardCharsets.UTF_8), reading)), fields(f), "form " + i);
            built.add(f);
        }
        assertEquals(0, lib.copies().shared(), "distinct forms: no copies");

        FormFields kept = FormFields.of(PATH, form(0, "urn:b:00000"), lib); // a copy of the first: a kept pattern
        assertSame(built.get(0), kept);
        assertEquals(1, lib.copies().shared());

        int past = FormFields.Copies.MAX_SAME + 3; // a copy of a form past the bound: read whole, the same fields
        FormFields again = FormFields.of(PATH, form(past, "urn:b:00000"), lib);
        assertNotSame(built.get(past), again);
        assertEquals(fields(built.get(past)), fields(again));
        assertEquals(1, lib.copies().shared(), "not compared with the forms past the bound");
    }
}
