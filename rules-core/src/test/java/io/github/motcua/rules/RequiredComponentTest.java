package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** What a caller of {@link RequiredComponent#form()} gets: always a copy kind, never {@code null} (issue 15). */
class RequiredComponentTest {
    static final LocalizedText NAME = new LocalizedText("Tờ khai", "Declaration");

    @Test
    void new_withoutForm_refusedNamingTheParameterAndTheComponent() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> new RequiredComponent("to-khai", NAME, null, 1,
                RequiredComponent.ComponentStatus.REQUIRED, null, null, "procedure.yaml", null));
        assertEquals("required component [to-khai]: form is null; give the copy asked for, one of "
                + "[ORIGINAL, CERTIFIED_COPY, ELECTRONIC_COPY, COPY_WITH_ORIGINAL]", e.getMessage());
    }

    @Test
    void form_ofEveryComponentADecisionAsksFor_neverNull() {
        try (Engine e = TestPacks.engine()) {
            e.load(RequiredComponentTest.class.getClassLoader(), "packs/ho-tich").orThrow();
            Decision d = e.decide(TestPacks.birth("{\"giayChungSinh\":\"CO\"}"));
            assertFalse(d.components().isEmpty());
            d.components().forEach(c -> assertNotNull(c.form(), c.toString()));
        }
    }
}
