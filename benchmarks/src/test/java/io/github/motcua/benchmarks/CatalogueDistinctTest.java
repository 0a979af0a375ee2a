package io.github.motcua.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic catalogue's distinct variant (issue 15): it loads without problems, no two of its forms are equal once
 * their {@code $id} is removed, and every procedure decides as the same procedure of the default catalogue (templates
 * copied) does, once the distinct variant's suffixes are taken out of the decision.
 */
class CatalogueDistinctTest {
    static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

    @TempDir
    Path plain;
    @TempDir
    Path distinct;

    @Test
    void distinctCatalogue_loadsWithPairwiseDifferentForms_andDecidesAsTheCopiedOne() throws IOException {
        Path reference = CatalogueLazyParseTest.REFERENCE;
        List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(reference);
        int n = templates.size() * 2;
        CatalogueGenerator.write(reference, plain, n, false);
        CatalogueGenerator.write(reference, distinct, n, true);

        // forms pairwise different, even without their $id; and not merely in their texts: fields are renamed
        Map<String, String> seen = new HashMap<>();
        int forms = 0;
        int renamedFields = 0;
        for (int i = 0; i < n; i++) {
            Path schema = distinct.resolve("procedures").resolve(CatalogueGenerator.code(i)).resolve("form.schema.json");
            if (!Files.isRegularFile(schema)) {
                continue;
            }
            forms++;
            tools.jackson.databind.node.ObjectNode root =
                    (tools.jackson.databind.node.ObjectNode) JSON.readTree(Files.readString(schema, StandardCharsets.UTF_8));
            root.remove("$id");
            String body = JSON.writeValueAsString(root);
            String other = seen.put(body, CatalogueGenerator.code(i));
            assertEquals(null, other, "form of " + CatalogueGenerator.code(i) + " equals that of " + other);
            for (String name : root.path("properties").propertyNames()) {
                if (name.endsWith(CatalogueGenerator.suffix(i))) {
                    renamedFields++;
                }
            }
        }
        assertTrue(forms >= templates.size(), "forms: " + forms);
        assertTrue(renamedFields > forms * 5, "renamed top-level fields: " + renamedFields + " in " + forms + " forms");

        Map<String, Dossier> byTemplate = CatalogueScale.referenceDossiers(reference);
        try (Engine a = Motcua.engine().clock(CatalogueLazyParseTest.CLOCK).build();
                Engine b = Motcua.engine().clock(CatalogueLazyParseTest.CLOCK).build()) {
            a.load(plain).orThrow();
            assertTrue(b.load(distinct).problems().isEmpty(), () -> String.valueOf(b.load(distinct).problems()));
            b.load(distinct).orThrow();
            for (int i = 0; i < n; i++) {
                Decision da = a.decide(CatalogueScale.dossierFor(byTemplate, templates, i, Map.of(), false));
                Decision db = b.decide(CatalogueScale.dossierFor(byTemplate, templates, i, Map.of(), true));
                assertFalse(db.form().checked() && !db.form().violations().isEmpty() && da.form().violations().isEmpty(),
                        () -> "distinct form refused the renamed dossier: " + db.form().violations());
                assertEquals(summary(da), summary(db), CatalogueGenerator.code(i));
            }
        }
    }

    /** What a citizen is told: eligibility, reasons, components, form check, deadline and fees (no texts). */
    static String summary(Decision d) {
        StringBuilder sb = new StringBuilder().append(d.eligibility()).append(' ').append(d.reasons().size()).append(" reasons");
        d.components().forEach(c -> sb.append(' ').append(c.id()).append(':').append(c.status()).append('x').append(c.quantity()));
        sb.append(" form ").append(d.form().checked()).append('/').append(d.form().violations().size());
        sb.append(" deadline ").append(d.deadline());
        sb.append(" fees ").append(d.fees());
        sb.append(" notes ").append(d.notes().size());
        return sb.toString();
    }
}
