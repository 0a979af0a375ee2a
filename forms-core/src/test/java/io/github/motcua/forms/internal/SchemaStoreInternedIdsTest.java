package io.github.motcua.forms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A procedure's form is keyed by its interned id (docs/performance.md, "Session 22 — the skewed mix"): rules-core
 * interns a procedure's code when it reads procedure.yaml, so a decision's look-up of its form finds the key by
 * identity and does not read the key's text again (on a catalogue of 2,000 procedures that text is cold memory).
 * Any other caller's id, equal in text, finds the same form.
 */
class SchemaStoreInternedIdsTest {
    private static final String FORM = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
            + "\"properties\":{\"hoTen\":{\"type\":\"string\"}}}";

    @Test
    void formIdsAreTheInternedInstancesAndEqualTextStillFindsThem() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        // ids built at run time (not literals, which the JVM interns already), as a pack's folder names are
        String a = new String(new char[] {'1', '.', '0', '0', '0', '0', '0', '1'});
        String b = new StringBuilder("2.").append("000002").toString();
        files.put("procedures/" + a + "/form.schema.json", FORM);
        files.put("procedures/" + b + "/form.schema.json", FORM.replace("hoTen", "soDinhDanh"));
        SchemaStore store = new SchemaStore(files);

        Field f = SchemaStore.class.getDeclaredField("schemaIdByFormId");
        f.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<String, String> byFormId = (Map<String, String>) f.get(store);
        assertEquals(2, byFormId.size());
        for (String key : byFormId.keySet()) {
            assertSame(key.intern(), key, "key " + key + " is the interned instance");
        }
        // the interned code (what a procedure holds) and a fresh text equal to it find the same schema
        String fresh = new String(a.toCharArray());
        assertEquals("urn:motcua:forms:procedure:" + a, store.schemaId(a.intern()));
        assertSame(store.schemaId(a.intern()), store.schemaId(fresh));
        assertEquals("urn:motcua:forms:procedure:" + b, store.schemaId(new String(b.toCharArray())));
        assertNull(store.schemaId("3.000003"));
    }
}
