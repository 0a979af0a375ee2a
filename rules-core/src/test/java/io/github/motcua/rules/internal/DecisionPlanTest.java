package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import io.github.motcua.law.LegalBasis;
import io.github.motcua.rules.DossierComponent;
import io.github.motcua.rules.LocalizedText;
import io.github.motcua.rules.RequiredComponent;
import io.github.motcua.rules.RequiredComponent.ComponentStatus;
import io.github.motcua.rules.vocabulary.Form;
import io.github.motcua.rules.vocabulary.VocabularyException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.drools.drl.ast.descr.PackageDescr;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * What a procedure's decision plan works out once (Session 20: the literal arguments' checks, the string literals in
 * one text, the component catalogue's own statuses) gives the decision it gave when worked out at every decision.
 */
class DecisionPlanTest {
    private static final Object[] DOSSIER_FACTS = {new io.github.motcua.rules.vocabulary.Dossier("p", "DESK",
            LocalDateTime.of(2026, 3, 2, 9, 0), DataRulesTest.AS_OF, null, Set.of()), null, null, null};

    private static DataRules.Translated translate(String drl) throws Exception {
        PackageDescr pd = new org.drools.drl.parser.DrlParser(org.kie.internal.builder.conf.LanguageLevelOption.DRL6)
                .parse(false, "package motcua.pT; import io.github.motcua.rules.vocabulary.Form; "
                        + "import io.github.motcua.rules.vocabulary.Applicant; import io.github.motcua.rules.vocabulary.Dossier; "
                        + "import io.github.motcua.rules.vocabulary.Unit; global io.github.motcua.rules.vocabulary.Actions decision;\n"
                        + drl);
        DataRules.Translated t = DataRules.translate("motcua.pT", List.of(pd));
        assertNotNull(t, drl);
        return t;
    }

    /** The rule "all" of {@code t} with {@code calls} as its consequence. */
    private static DataRules.Translated withCalls(DataRules.Translated t, List<DataConditions.Call> calls) {
        DataRules.DataRule all = t.rules().get(0);
        return new DataRules.Translated(t.packageName(), List.of(new DataRules.DataRule(all.name(), all.file(),
                all.attributes(), all.metadata(), all.lhs(), calls)));
    }

    /** What a decision recorded, in words: every list the pipeline reads, or the failure. */
    private static String recorded(Evaluation ev) {
        return "reasons " + ev.reasons + "\ncomponents " + ev.components + "\ndeadline " + ev.deadline + "\nnotes "
                + ev.notes + "\nfees " + ev.fees + "\ntrace " + ev.trace;
    }

    /**
     * Every action, with arguments its checks accept and with each kind its checks refuse (blank, whitespace only,
     * null, a unit that is not one, amounts, percentages and quantities out of range): the evaluator's run on a
     * decision's {@link Evaluation} records exactly what the public {@link io.github.motcua.rules.vocabulary.Actions}
     * calls record, and hands the dossier to the session exactly when they throw.
     */
    @Test
    void checkedActions_recordWhatThePublicActionsRecord_andRefuseWhatTheyRefuse() throws Exception {
        DataRules.Translated base = translate("rule \"all\" when Dossier() then decision.note(\"x\"); end\n");
        List<String> texts = Arrays.asList("Hồ sơ thiếu giấy tờ", "to-khai", " ", "", null, "\t\n", "\u00a0", " x ");
        List<String> units = Arrays.asList("WORKING_DAYS", "SAME_DAY", "CALENDAR_DAYS", "NGAY", "working_days", " WORKING_DAYS",
                "", null);
        List<List<DataConditions.Call>> cases = new ArrayList<>();
        for (String t : texts) {
            for (String u : texts) {
                cases.add(List.of(new DataConditions.Call(DataConditions.Action.INELIGIBLE_2, Arrays.asList(t, u))));
                cases.add(List.of(new DataConditions.Call(DataConditions.Action.NOTE_2, Arrays.asList(t, u))));
                cases.add(List.of(new DataConditions.Call(DataConditions.Action.WAIVE, Arrays.asList(t, u))));
                cases.add(List.of(new DataConditions.Call(DataConditions.Action.EXEMPT, Arrays.asList(t, u))));
                cases.add(List.of(new DataConditions.Call(DataConditions.Action.REQUIRE_ONE_OF_3, Arrays.asList("g", t, u))));
                cases.add(List.of(new DataConditions.Call(DataConditions.Action.REQUIRE_ONE_OF_5, Arrays.asList(u, "a", "b", t, "c"))));
            }
            cases.add(List.of(new DataConditions.Call(DataConditions.Action.INELIGIBLE_1, Arrays.asList(t))));
            cases.add(List.of(new DataConditions.Call(DataConditions.Action.NOTE_1, Arrays.asList(t))));
            cases.add(List.of(new DataConditions.Call(DataConditions.Action.REQUIRE, Arrays.asList(t))));
            cases.add(List.of(new DataConditions.Call(DataConditions.Action.OPTIONAL, Arrays.asList(t))));
            cases.add(List.of(new DataConditions.Call(DataConditions.Action.REQUIRE_ONE_OF_4, Arrays.asList(t, "a", "b", "c"))));
            for (long q : new long[] {-1, 0, 1, 7}) {
                cases.add(List.of(new DataConditions.Call(DataConditions.Action.ADD_FEE, Arrays.asList(t, q))));
            }
            for (int pct : new int[] {-1, 0, 50, 100, 101}) {
                cases.add(List.of(new DataConditions.Call(DataConditions.Action.REDUCE, Arrays.asList(t, pct, "giảm"))));
                cases.add(List.of(new DataConditions.Call(DataConditions.Action.REDUCE, Arrays.asList("fee", pct, t))));
            }
            for (String u : units) {
                for (long amount : new long[] {-3, 0, 5}) {
                    for (DataConditions.Action a : List.of(DataConditions.Action.EXTEND_3, DataConditions.Action.PAUSE_3,
                            DataConditions.Action.REPLACE_DEADLINE_3)) {
                        cases.add(List.of(new DataConditions.Call(a, Arrays.asList(amount, u, t))));
                    }
                    for (DataConditions.Action a : List.of(DataConditions.Action.EXTEND_4, DataConditions.Action.PAUSE_4,
                            DataConditions.Action.REPLACE_DEADLINE_4)) {
                        cases.add(List.of(new DataConditions.Call(a, Arrays.asList(amount, u, "lý do", t))));
                    }
                }
            }
        }
        // several calls in one consequence, a refused one last: everything the dossier recorded goes to the session
        cases.add(List.of(new DataConditions.Call(DataConditions.Action.REQUIRE, List.of("to-khai")),
                new DataConditions.Call(DataConditions.Action.EXTEND_3, List.of(2L, "WORKING_DAYS", "xác minh")),
                new DataConditions.Call(DataConditions.Action.NOTE_1, Arrays.asList(" "))));
        int checked = 0;
        int refused = 0;
        for (List<DataConditions.Call> calls : cases) {
            DataRules.Translated t = withCalls(base, calls);
            DataEvaluator e = DataEvaluator.of(t);
            assertNotNull(e, calls.toString());
            Map<String, CompiledProcedure.RuleInfo> infos = Map.of("all",
                    new CompiledProcedure.RuleInfo("all", "rules.drl", 3,
                            LegalBasis.of("TT-85-2019", "Thông tư 85/2019/TT-BTC"), null, null));
            e = e.bind(infos);
            Evaluation data = new Evaluation(infos);
            int fired = e.fire(DOSSIER_FACTS, data, new DataEvaluator.Firing() {
                @Override
                public boolean before(String rule, CompiledProcedure.RuleInfo info) {
                    data.enter(rule, info);
                    return false;
                }

                @Override
                public void after() {
                    data.leave();
                }
            }, null, 10);
            Evaluation session = new Evaluation(infos);
            session.enter("all");
            boolean threw = false;
            try {
                new DataConditions.Consequence(calls, "all").execute(session);
            } catch (RuntimeException ex) { // a VocabularyException, or the calendar's refusal of a SAME_DAY extension
                threw = true;
            }
            session.leave();
            assertEquals(threw, fired == DataEvaluator.DROOLS, calls.toString());
            if (!threw) {
                assertEquals(recorded(session), recorded(data), calls.toString());
            }
            checked += e.checkedCalls();
            refused += threw ? 1 : 0;
        }
        assertTrue(checked > 150, "calls checked when prepared: " + checked);
        assertTrue(refused > 300, "calls refused: " + refused);
    }

    /**
     * String literals compared with {@code ==} and {@code !=}, read from the procedure's one text of literals: the same
     * firings as the session's, for values equal, longer, shorter, of another case, with and without diacritics,
     * missing, empty and of another type, literals that begin one another and literals repeated.
     */
    @Test
    void stringLiterals_fromOneText_fireAsTheSession() throws Exception {
        List<String> literals = List.of("CO", "CON", "C", "", "Cộng hoà", "Cộng hoa", "KHONG_CO", "CO");
        StringBuilder drl = new StringBuilder();
        for (int i = 0; i < literals.size(); i++) {
            String lit = literals.get(i).replace("\"", "\\\"");
            drl.append("rule \"eq").append(i).append("\" when Form( text(\"a\") == \"").append(lit)
                    .append("\" ) then decision.note(\"eq").append(i).append("\"); end\n");
            drl.append("rule \"ne").append(i).append("\" when Form( text(\"b\") != \"").append(lit)
                    .append("\" || text(\"a\") == \"").append(lit).append("\" ) then decision.note(\"ne").append(i)
                    .append("\"); end\n");
        }
        drl.append("rule \"sex\" when Applicant( sex == \"FEMALE\" ) then decision.note(\"nữ\"); end\n");
        drl.append("rule \"channel\" when Dossier( channel != \"ONLINE\" ) then decision.note(\"quầy\"); end\n");
        DataRules.Translated t = translate(drl.toString());
        DataEvaluator e = DataEvaluator.of(t);
        assertNotNull(e);
        KieBase kb = DataRules.kieBase(t);
        List<Object> values = Arrays.asList("CO", "CON", "C", "", "co", "CO ", "Cộng hoà", "Cộng hoa", "Cong hoa", "KHONG_CO",
                "KHONG", null, 5L, true, "CONCO");
        int runs = 0;
        for (Object a : values) {
            for (Object b : values) {
                Map<String, Object> form = new HashMap<>();
                if (a != null) {
                    form.put("a", a);
                }
                if (b != null) {
                    form.put("b", b);
                }
                Object[] facts = {null, null, null, new Form(form, DataRulesTest.AS_OF, DataRulesTest.UNITS::get)};
                List<String> session = DataRulesTest.fire(kb, facts);
                List<String> data = DataEvaluatorTest.evaluate(e, facts);
                if (session.get(session.size() - 1).startsWith("failed")) {
                    assertEquals("session", data.get(data.size() - 1), a + " " + b);
                } else {
                    assertEquals(session, data, a + " " + b);
                }
                runs++;
            }
        }
        Random rnd = new Random(20);
        for (Object[] facts : DataRulesTest.facts(t, rnd)) {
            List<String> session = DataRulesTest.fire(kb, facts);
            List<String> data = DataEvaluatorTest.evaluate(e, facts);
            if (session.get(session.size() - 1).startsWith("failed")) {
                assertEquals("session", data.get(data.size() - 1), Arrays.toString(facts));
            } else {
                assertEquals(session, data, Arrays.toString(facts));
            }
            runs++;
        }
        assertTrue(runs > 240, "runs " + runs);
    }

    /**
     * The component statuses from the procedure's {@link ComponentPlan} are those the catalogue and the rules' actions
     * give, worked out from the components at every decision as before the plan ({@link #reference}): random
     * catalogues (required, optional, conditional, waivable by a database), random actions (by the catalogue's own id
     * object or an equal one, stronger after weaker and back), random held data.
     */
    @Test
    void componentPlan_sameStatusesAsWorkedOutEachTime() {
        Random rnd = new Random(15);
        LegalBasis procBasis = LegalBasis.of("LHT-2014", "Luật Hộ tịch 2014");
        LegalBasis own = LegalBasis.of("ND-123-2015", "Nghị định 123/2015/NĐ-CP");
        Evaluation.ComponentVerb[] verbs = Evaluation.ComponentVerb.values();
        int waivedByData = 0;
        int actedOn = 0;
        for (int run = 0; run < 400; run++) {
            int n = 1 + rnd.nextInt(7);
            List<DossierComponent> cs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                DossierComponent.Presence presence = DossierComponent.Presence.values()[rnd.nextInt(
                        DossierComponent.Presence.values().length)];
                DossierComponent.Database db = rnd.nextInt(3) == 0
                        ? new DossierComponent.Database("csdl-" + rnd.nextInt(3), new LocalizedText("Cơ sở dữ liệu", null)) : null;
                cs.add(new DossierComponent("tp-" + i, new LocalizedText("Thành phần " + i, null),
                        DossierComponent.CopyKind.values()[rnd.nextInt(DossierComponent.CopyKind.values().length)], 1 + rnd.nextInt(2),
                        presence, db, rnd.nextBoolean() ? own : null));
            }
            io.github.motcua.rules.Procedure p = procedure(cs, rnd.nextBoolean() ? List.of(procBasis) : List.of());
            Object[] plan = ComponentPlan.of(p);
            Map<String, CompiledProcedure.RuleInfo> infos = new LinkedHashMap<>();
            for (int r = 0; r < 3; r++) {
                infos.put("r" + r, new CompiledProcedure.RuleInfo("r" + r, "rules.drl", r, r == 1 ? own : null, null, null));
            }
            Evaluation ev = new Evaluation(infos);
            for (int k = rnd.nextInt(6); k > 0; k--) {
                ev.enter("r" + rnd.nextInt(3));
                int i = rnd.nextInt(n);
                String id = rnd.nextBoolean() ? cs.get(i).id() : new String(cs.get(i).id()); // an equal id, not the same
                Evaluation.ComponentVerb v = verbs[rnd.nextInt(verbs.length)];
                ev.components.add(new Evaluation.ComponentAction(v, id, v == Evaluation.ComponentVerb.ONE_OF ? "g" : null,
                        v == Evaluation.ComponentVerb.WAIVE ? "csdl-0" : null, ev.current));
                ev.leave();
                actedOn++;
            }
            Set<String> held = rnd.nextBoolean() ? Set.of("csdl-" + rnd.nextInt(3)) : Set.of();
            io.github.motcua.rules.Dossier d = new io.github.motcua.rules.Dossier("p", Channel.DESK,
                    OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(7)), null, null, null, Map.of(), held, List.of());
            List<RequiredComponent> want = reference(p, ev, d);
            assertEquals(want, Evaluator.components(plan, ev, d), "run " + run);
            assertEquals(want, Evaluator.components(plan, ev, d), "run " + run + ", again: the plan is not changed by a decision");
            waivedByData += (int) want.stream().filter(c -> "heldData".equals(c.condition())).count();
        }
        assertTrue(waivedByData > 20, "waived by held data: " + waivedByData);
        assertTrue(actedOn > 500, "actions: " + actedOn);
        // an id no component has: the same refusal
        Object[] plan = ComponentPlan.of(procedure(List.of(new DossierComponent("a", new LocalizedText("A", null),
                DossierComponent.CopyKind.ORIGINAL, 1, DossierComponent.Presence.REQUIRED, null, null)), List.of()));
        Evaluation ev = new Evaluation(Map.of());
        ev.enter("x");
        ev.components.add(new Evaluation.ComponentAction(Evaluation.ComponentVerb.REQUIRE, "b", null, null, ev.current));
        VocabularyException ex = org.junit.jupiter.api.Assertions.assertThrows(VocabularyException.class,
                () -> Evaluator.components(plan, ev, null));
        assertTrue(ex.messageVi().contains("b"), ex.messageVi());
    }

    /** The statuses as {@code Evaluator} worked them out at every decision before Session 20 (the oracle). */
    private static List<RequiredComponent> reference(io.github.motcua.rules.Procedure p, Evaluation ev,
            io.github.motcua.rules.Dossier d) {
        List<DossierComponent> cs = p.components();
        int n = cs.size();
        RequiredComponent[] status = new RequiredComponent[n];
        int[] rank = new int[n];
        Arrays.fill(rank, -1);
        LegalBasis procBasis = p.legalBases().isEmpty() ? null : p.legalBases().get(0);
        for (int i = 0; i < n; i++) {
            DossierComponent c = cs.get(i);
            LegalBasis b = c.basis() != null ? c.basis() : procBasis;
            if (c.presence() == DossierComponent.Presence.REQUIRED) {
                status[i] = Evaluator.rc(c, ComponentStatus.REQUIRED, null, null, "procedure.yaml", b);
            } else if (c.presence() == DossierComponent.Presence.OPTIONAL) {
                status[i] = Evaluator.rc(c, ComponentStatus.OPTIONAL, null, null, "procedure.yaml", b);
            }
        }
        for (Evaluation.ComponentAction a : ev.components) {
            int i = 0;
            while (!cs.get(i).id().equals(a.id())) {
                i++;
            }
            int r = a.verb().ordinal();
            if (rank[i] > r) {
                continue;
            }
            rank[i] = r;
            ComponentStatus st = switch (a.verb()) {
                case WAIVE -> ComponentStatus.WAIVED;
                case REQUIRE -> ComponentStatus.REQUIRED;
                case ONE_OF -> ComponentStatus.ONE_OF;
                case OPTIONAL -> ComponentStatus.OPTIONAL;
            };
            status[i] = Evaluator.rc(cs.get(i), st, a.group(), a.source(), a.rule().name(), a.rule().basis());
        }
        List<RequiredComponent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DossierComponent c = cs.get(i);
            RequiredComponent rc = status[i];
            if (rc == null) {
                continue;
            }
            if (rc.status() != ComponentStatus.WAIVED && c.waivableBy() != null
                    && d.heldData().contains(c.waivableBy().source())) {
                rc = Evaluator.rc(c, ComponentStatus.WAIVED, null, c.waivableBy().source(), "heldData", rc.basis());
            }
            out.add(rc);
        }
        return out;
    }

    private static io.github.motcua.rules.Procedure procedure(List<DossierComponent> cs, List<LegalBasis> bases) {
        return new io.github.motcua.rules.Procedure("p", new LocalizedText("Thủ tục", null), null, null, null, List.of(Channel.DESK),
                null, false, null, bases, null, List.of(), cs, List.of(), null, null, null);
    }
}
