package io.github.motcua.forms;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Whatever arrives, validation answers with a report, never an exception. */
class HostileInputProperties {
    static final FormRegistry FORMS = TestPacks.registry();

    @Property(tries = 500)
    void validate_anyText_reportNotException(@ForAll @StringLength(max = 300) String text) {
        FormReport r = FORMS.validate(TestPacks.FORM, text, Locale.ROOT);
        assertNotNull(r);
        assertTrue(r.valid() || !r.violations().isEmpty());
    }

    @Property(tries = 500)
    void validate_anyBytes_reportNotException(@ForAll @Size(max = 300) byte[] bytes) {
        assertNotNull(FORMS.validate(TestPacks.FORM, bytes, Locale.ROOT));
    }

    @Property(tries = 300)
    void validate_mutatedValidJson_reportNotException(@ForAll @StringLength(max = 20) String insert,
            @ForAll("positions") int position) {
        String base = FormRegistryTest.VALID;
        int at = Math.floorMod(position, base.length());
        String json = base.substring(0, at) + insert + base.substring(at);
        assertNotNull(FORMS.validate(TestPacks.FORM, json, Locale.ROOT));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> positions() {
        return net.jqwik.api.Arbitraries.integers().between(0, 10_000);
    }
}
