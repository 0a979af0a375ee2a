package io.github.motcua.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CatalogueBenchmark}'s {@code freshDossiers} control: a fresh copy decides exactly as the dossier it copies (so
 * the control changes where the input lies in memory, not the work), and shares none of its strings with it.
 */
class CatalogueFreshDossierTest {
    @TempDir
    Path dir;

    /** Every String object reachable from the form (keys and values), by identity. */
    private static void strings(Object v, Set<Object> out) {
        if (v instanceof String) {
            out.add(v);
        } else if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> {
                out.add(k);
                strings(x, out);
            });
        } else if (v instanceof List<?> l) {
            l.forEach(x -> strings(x, out));
        }
    }

    @Test
    void freshCopy_decidesAsTheDefaultCopy_sharingNoString() {
        List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(CatalogueLazyParseTest.REFERENCE);
        int n = templates.size();
        CatalogueGenerator.write(CatalogueLazyParseTest.REFERENCE, dir, n);
        Map<String, Dossier> byTemplate = CatalogueScale.referenceDossiers(CatalogueLazyParseTest.REFERENCE);
        List<String> checked = new ArrayList<>();
        try (Engine engine = Motcua.engine().clock(CatalogueLazyParseTest.CLOCK).lazyCompile(true).build()) {
            engine.load(dir).orThrow();
            for (int i = 0; i < n; i++) {
                Dossier d = CatalogueScale.dossierFor(byTemplate, templates, i, Map.of());
                Dossier f = CatalogueBenchmark.Catalogue.fresh(d);
                assertEquals(d.form(), f.form(), d.procedure());
                assertEquals(CatalogueLazyParseTest.outcome(() -> engine.decide(d).toJson()), CatalogueLazyParseTest.outcome(() -> engine.decide(f).toJson()), d.procedure());
                assertNotSame(d.procedure(), f.procedure());
                Set<Object> a = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                Set<Object> b = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
                strings(d.form(), a);
                strings(f.form(), b);
                int before = a.size();
                a.retainAll(b);
                assertEquals(Set.of(), a, d.procedure() + ": strings shared with the default copy");
                if (before > 0) {
                    checked.add(d.procedure());
                }
            }
        }
        assertEquals(n, checked.size(), "every template's dossier has form strings to compare");
    }
}
