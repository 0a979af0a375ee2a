package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.Procedure;
import io.github.motcua.rules.ReceivingUnit;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Routing reads the parts of a procedure's competence from its {@link CompiledProcedure} (Session 22: one object of the
 * procedure's own fewer a decision): for every Gia Lai procedure, every receiving unit and every competent unit a
 * dossier may name (residence, form field), the routing from the compiled procedure's parts equals the routing from the
 * procedure's {@code competence} record — accepted or refused, transfer, basis, messages — under the pack's routing
 * rules and under none.
 */
class RoutingCompetencePartsTest {
    private static final Path GIA_LAI = Path.of("..", "examples", "packs", "gia-lai");

    @Test
    void theCompiledProceduresPartsRouteAsTheCompetenceRecord() {
        try (Engine e = Motcua.engine().backgroundWarmUp(false).build()) {
            e.load(GIA_LAI).orThrow();
            List<Procedure> catalog = e.catalog();
            LoadedPack pack = ((DefaultEngine) e).servingNow().pack();
            Map<String, ReceivingUnit> units = pack.units();
            Routing.Rules packRules = pack.section(Routing.NAME, Routing.Rules.class);
            Set<String> outcomes = new HashSet<>();
            int compared = 0;
            int withoutCompetence = 0;
            for (Procedure p : catalog) {
                CompiledProcedure cp = new CompiledProcedure(p, (org.kie.api.KieBase) null, Map.of(), null, false, 0, null);
                if (p.competence() == null) {
                    withoutCompetence++;
                }
                List<String> codes = List.copyOf(units.keySet());
                for (String receiving : codes) {
                    for (int u = 0; u < codes.size(); u += 9) { // every 9th unit as the competent one
                        String competent = codes.get(u);
                        Map<String, Object> form = p.competence() != null && p.competence().field() != null
                                ? formWith(p.competence().field(), competent) : Map.of();
                        Dossier d = Dossier.builder(p.code(), Channel.DESK, OffsetDateTime.parse("2026-05-04T09:00:00+07:00"))
                                .unit(receiving).form(form)
                                .applicant(Dossier.Applicant.builder().residenceUnit(competent).build()).build();
                        // the pack's rules (Gia Lai: boundary-free), none, and a province that is not boundary-free
                        for (Routing.Rules rules : new Routing.Rules[] {packRules == null ? Routing.Rules.NONE : packRules,
                                Routing.Rules.NONE, new Routing.Rules(false, null, null, 0, Map.of())}) {
                            Decision.Routing fromRecord = Routing.route(rules, units, p, d, form);
                            Decision.Routing fromParts = Routing.route(rules, units, p, cp.competenceBy(), cp.competenceField(),
                                    cp.competenceUnit(), cp.competenceBasis(), cp.competenceTransfer(), d, form);
                            assertEquals(fromRecord, fromParts, p.code() + " at " + receiving + " for " + competent);
                            outcomes.add(fromRecord.accepted() + " " + (fromRecord.transfer() != null) + " "
                                    + fromRecord.boundaryFree() + " " + fromRecord.competenceBy() + " " + (fromRecord.fileAt() != null));
                            compared++;
                        }
                    }
                }
            }
            // the comparison covered refusals and acceptances of several kinds, and procedures with and without a competence
            assertTrue(outcomes.stream().anyMatch(o -> o.startsWith("false")), outcomes.toString());
            assertTrue(outcomes.stream().anyMatch(o -> o.startsWith("true true")), outcomes.toString());
            assertTrue(outcomes.stream().anyMatch(o -> o.startsWith("true false")), outcomes.toString());
            assertTrue(outcomes.size() >= 8, outcomes.toString());
            assertTrue(withoutCompetence > 0 && withoutCompetence < catalog.size(), withoutCompetence + " without");
            assertTrue(compared > 1000, compared + " routings compared");
        }
    }

    /** A form holding {@code unit} at the dotted {@code path}. */
    private static Map<String, Object> formWith(String path, String unit) {
        String[] parts = path.split("\\.");
        Object v = unit;
        for (int i = parts.length - 1; i >= 0; i--) {
            Map<String, Object> m = new HashMap<>();
            m.put(parts[i], v);
            v = m;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) v;
        return form;
    }
}
