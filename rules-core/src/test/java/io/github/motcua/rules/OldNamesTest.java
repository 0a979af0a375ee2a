package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two renamed rules-core types (issue 12 item 10: one simple name, one thing) keep their old
 * names one release: code an embedder wrote against {@code Decision.FormReport} and
 * {@code DossierComponent.Form} still compiles and reads the same values. This file is that code.
 */
@SuppressWarnings("deprecation")
class OldNamesTest {
    static Engine engine;

    @BeforeAll
    static void load() {
        engine = TestPacks.engine();
        engine.load(OldNamesTest.class.getClassLoader(), "packs/ho-tich").orThrow();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void formReport_oldName_readsTheDecisionsFormCheck() {
        Decision d = engine.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
        Decision.FormReport old = d.form(); // as written before the rename (this pack has no form schema)
        assertSame(d.form(), old);
        assertFalse(old.checked());
        assertFalse(old.valid());
        assertEquals(Decision.FormCheck.notChecked(), Decision.FormReport.notChecked());
        Decision.FormReport invalid = new Decision.FormCheck(true,
                List.of(new Decision.FormViolation("/giayChungSinh", "Giấy chứng sinh", "Bắt buộc", "Required")));
        assertTrue(invalid.checked());
        assertFalse(invalid.valid());
        assertEquals("/giayChungSinh", invalid.violations().get(0).path());
        assertEquals(List.of(), invalid.normalised());
    }

    @Test
    void dossierComponentForm_oldName_isTheCopyKind() {
        Decision d = engine.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
        DossierComponent.Form old = d.component("to-khai").orElseThrow().form(); // as written before the rename
        assertTrue(old == DossierComponent.Form.ORIGINAL);
        assertSame(DossierComponent.CopyKind.ORIGINAL, DossierComponent.Form.ORIGINAL);
        assertEquals("ORIGINAL", old.name());
        assertSame(DossierComponent.CopyKind.CERTIFIED_COPY, DossierComponent.Form.valueOf("CERTIFIED_COPY"));
        assertEquals(Arrays.asList(DossierComponent.CopyKind.values()), Arrays.asList(DossierComponent.Form.values()));
        assertEquals(DossierComponent.CopyKind.COPY_WITH_ORIGINAL.ordinal(), DossierComponent.Form.COPY_WITH_ORIGINAL.ordinal());
        // a component built with an old constant
        DossierComponent c = new DossierComponent("to-khai", new LocalizedText("Tờ khai", null),
                DossierComponent.Form.ELECTRONIC_COPY, 1, DossierComponent.Presence.REQUIRED, null, null);
        assertSame(DossierComponent.CopyKind.ELECTRONIC_COPY, c.form());
    }

    @Test
    void dossierComponentDataSource_oldName_isTheDatabase() {
        DossierComponent c = engine.catalog().stream().flatMap(p -> p.components().stream())
                .filter(x -> x.waivableBy() != null).findFirst().orElseThrow();
        DossierComponent.DataSource old = c.waivableBy(); // as written before the rename
        assertSame(c.waivableBy(), old);
        assertEquals("CSDL_HO_TICH", old.source());
        assertEquals(c.waivableBy().name(), old.name());
    }
}
