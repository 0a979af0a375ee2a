package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.ReloadResult;
import io.github.motcua.rules.TestPacks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first folder load leaves each procedure's rule key ({@link ProcedureCompiler#key}) to be worked out when first
 * asked ({@link DefaultEngine.LaterByKey}); what the keys serve still works: a reload that changes a procedure's
 * folder but not its rule texts takes the KieBase built from the same texts instead of compiling again, and the
 * by-key map holds every procedure under the key the texts give.
 */
class FirstLoadRuleKeysTest {
    private static final String DOSSIER = "{\"procedure\":\"1.001193\",\"channel\":\"DESK\",\"receivedAt\":"
            + "\"2026-03-02T09:00:00+07:00\",\"form\":{\"giayChungSinh\":\"CO\",\"a\":\"x\"}}";

    @TempDir
    Path dir;

    @Test
    void aReloadAfterAFirstLoad_reusesTheKieBaseOfTheSameRuleTexts() throws Exception {
        Path p = TestPacks.copy("ho-tich", dir.resolve("pack"));
        // outside the data subset, so 1.001193 compiles to code (a KieBase the reload can reuse or not)
        TestPacks.write(p.resolve("procedures/1.001193/extra.drl"), "rule \"Có a thì ghi chú\"\n  @basis(\"LHT-2014-D16\")\n"
                + "when\n  Form( ((has(\"a\"))) )\nthen\n  decision.note(\"x\");\nend\n");
        try (Engine e = Motcua.engine().lazyCompile(true).backgroundWarmUp(false).build()) {
            e.load(p).orThrow();
            DefaultEngine de = (DefaultEngine) e;
            Decision first = e.decide(DOSSIER);
            assertTrue(first.notes().stream().anyMatch(n -> n.messageVi().equals("x")), first.notes().toString());
            assertEquals(1, de.generations(), "the first decision compiled its procedure");
            // the folder changes (its procedure.yaml), its rule texts do not: the reload finds the KieBase by rule key
            TestPacks.edit(p.resolve("procedures/1.001193/procedure.yaml"), t -> t + "\n# sửa đổi / edited\n");
            ReloadResult r = e.reload(p).get();
            assertTrue(r.swapped(), r.problems().toString());
            Decision again = e.decide(DOSSIER);
            assertTrue(again.notes().stream().anyMatch(n -> n.messageVi().equals("x")), again.notes().toString());
            // the reloaded procedure's own count: a compile would be 1
            assertEquals(0, de.generations(), "no compile: the KieBase of the same rule texts was reused");
            // and the serving pack's map holds each procedure under the key its texts give
            List<String> expected = new ArrayList<>();
            for (LoadedPack.ProcedureSource ps : pack(de).procedures().values()) {
                expected.add(ProcedureCompiler.key(ps));
            }
            assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(serving(de).byKey().keySet()));
        }
    }

    @Test
    void aFirstLoadsMap_isWorkedOutAtItsFirstLookUp_withTheKeysTheTextsGive() {
        Path p = TestPacks.copy("ho-tich", dir.resolve("pack"));
        try (Engine e = Motcua.engine().lazyCompile(true).backgroundWarmUp(false).build()) {
            e.load(p).orThrow();
            DefaultEngine de = (DefaultEngine) e;
            var byKey = serving(de).byKey();
            assertTrue(byKey instanceof DefaultEngine.LaterByKey, byKey.getClass().toString());
            for (var ps : pack(de).procedures().values()) {
                DefaultEngine.Lazy l = byKey.get(ProcedureCompiler.key(ps));
                assertTrue(l != null && l.src == ps, ps.procedure().code());
                assertEquals(ProcedureCompiler.key(ps), l.key());
            }
            assertEquals(pack(de).procedures().size(), byKey.size());
        }
    }

    private static DefaultEngine.Serving serving(DefaultEngine e) {
        return e.servingNow();
    }

    private static LoadedPack pack(DefaultEngine e) {
        return serving(e).pack();
    }
}
