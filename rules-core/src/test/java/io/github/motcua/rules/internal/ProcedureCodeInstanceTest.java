package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.Procedure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A procedure's code is one instance wherever a decision looks its procedure up by it — the serving slot's key, the
 * procedure itself, its fee table's key (and its form's key in forms-core, SchemaStoreInternedIdsTest) — so the look-ups
 * after the first match by identity and a cold procedure's code is read once, not three times (docs/performance.md,
 * "Session 22 — the skewed mix"). A dossier's code is any string equal in text: decisions do not depend on it.
 */
class ProcedureCodeInstanceTest {
    private static final Path GIA_LAI = Path.of("..", "examples", "packs", "gia-lai");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyLookUpKeyIsTheProceduresOwnCodeInstance(boolean lazyParse) throws Exception {
        try (Engine e = Motcua.engine().lazyParse(lazyParse).backgroundWarmUp(false).build()) {
            e.load(GIA_LAI).orThrow();
            List<Procedure> catalog = e.catalog(); // every folder parsed
            Map<String, String> codes = new HashMap<>();
            for (Procedure p : catalog) {
                assertSame(p.code().intern(), p.code(), p.code());
                codes.put(p.code(), p.code());
            }
            DefaultEngine.Serving s = ((DefaultEngine) e).servingNow();
            BuiltInSections.PackFees fees = s.pack().section(BuiltInSections.FEES, BuiltInSections.PackFees.class);
            assertFalse(fees.tables().isEmpty());
            for (String k : fees.tables().keySet()) {
                assertTrue(codes.containsKey(k), k);
                assertSame(codes.get(k), k, "fee table key " + k);
            }
            int slots = 0;
            for (Map.Entry<String, DefaultEngine.Slot> x : s.slots().entrySet()) {
                assertSame(codes.get(x.getKey()), x.getKey(), "slot key " + x.getKey());
                slots++;
            }
            if (s.deferred() != null) {
                for (DeferredProcedures.Pending p : s.deferred().all()) {
                    assertSame(codes.get(p.code), p.code, "deferred slot key " + p.code);
                    slots++;
                }
            }
            assertTrue(slots >= catalog.size(), slots + " slots for " + catalog.size() + " procedures");

            // a dossier whose code is a fresh string equal in text is decided as one naming the interned code
            try (var files = Files.list(Path.of("..", "examples", "dossiers"))) {
                for (Path f : files.sorted().toList()) {
                    Dossier d = Dossier.fromJson(Files.readString(f));
                    Dossier fresh = Dossier.builder(new String(d.procedure().toCharArray()), d.channel(), d.receivedAt())
                            .unit(d.unit()).asOf(d.asOf()).applicant(d.applicant()).form(d.form()).heldData(d.heldData())
                            .excludedPeriods(d.excludedPeriods()).build();
                    Decision a = e.decide(d);
                    Decision b = e.decide(fresh);
                    assertEquals(masked(a.toJson()), masked(b.toJson()), f.toString());
                }
            }
        }
    }

    private static String masked(String json) {
        return json.replaceAll("\"evaluatedAt\"\\s*:\\s*\"[^\"]*\"", "\"evaluatedAt\":\"-\"");
    }
}
