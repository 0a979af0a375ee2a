package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.dossier.Channel;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import io.github.motcua.rules.PackCase;
import io.github.motcua.rules.PackProblem;
import io.github.motcua.rules.vocabulary.Actions;
import io.github.motcua.rules.vocabulary.Applicant;
import io.github.motcua.rules.vocabulary.Form;
import io.github.motcua.rules.vocabulary.Unit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.drools.drl.ast.descr.PackageDescr;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * Data-path procedures decided without a Drools session ({@link DataEvaluator}) give exactly the session's result. The
 * oracle is the procedure's own Drools session on the same facts ({@link DataRulesTest}'s differential harness): every
 * Gia Lai procedure and every template of the synthetic catalogue (a Gia Lai procedure padded with its note rules,
 * as {@code CatalogueGenerator} writes them) on its generated forms, rule by rule and action by action, then the
 * whole rules stage ({@link Evaluator#decide}: reasons, components, deadline and fee actions, notes, trace, failure
 * and its message) with and without the evaluator, and whole decisions of the pack's cases through the engine.
 */
class DataEvaluatorTest {
    private static final String HEADER = "package %s; import io.github.motcua.rules.vocabulary.Form; "
            + "import io.github.motcua.rules.vocabulary.Applicant; import io.github.motcua.rules.vocabulary.Dossier; "
            + "import io.github.motcua.rules.vocabulary.Unit; global io.github.motcua.rules.vocabulary.Actions decision;\n";

    private static PackageDescr parse(String pkg, String drl) throws Exception {
        PackageDescr pd = new org.drools.drl.parser.DrlParser(org.kie.internal.builder.conf.LanguageLevelOption.DRL6)
                .parse(false, String.format(java.util.Locale.ROOT, HEADER, pkg) + drl);
        assertNotNull(pd, drl);
        return pd;
    }

    /** The synthetic catalogue's padding of a template (CatalogueGenerator.padding): note rules on form fields. */
    private static String padding(int count) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < count; k++) {
            sb.append(String.format(java.util.Locale.ROOT, """

                    rule "Ghi chú tổng hợp %d"
                      @basis("LHT-2014-D37")
                    when
                      Form( text("ghiChuTongHop%d") == "CO" )
                    then
                      decision.note("Ghi chú tổng hợp %d, bản %d", "synthetic note %d, revision %d");
                    end
                    """, k, k, k, 0, k, 0));
        }
        return sb.toString();
    }

    /** A procedure as the tests use it: the Gia Lai rules, or those of its catalogue template. */
    private record Variant(String name, LoadedPack.ProcedureSource src, DataRules.Translated data, KieBase kieBase,
            Map<String, CompiledProcedure.RuleInfo> rules) {
    }

    private static List<Variant> variants() throws Exception {
        List<Variant> out = new ArrayList<>();
        for (LoadedPack.ProcedureSource src : DataRulesTest.giaLai().values()) {
            DataRulesTest.Built b = DataRulesTest.build(src);
            if (b.data() == null) {
                continue;
            }
            List<PackProblem> problems = new ArrayList<>();
            Map<String, CompiledProcedure.RuleInfo> infos = ProcedureCompiler.check(src, Map.of(), problems, false).rules();
            out.add(new Variant(b.code(), src, b.data(), b.dataBase(), infos));
            // the catalogue's template of this procedure: its rules and the padding up to ten rules
            String pkg = ProcedureCompiler.packageName(src);
            List<PackageDescr> trees = new ArrayList<>(ProcedureCompiler.restrict(src, problems));
            int extra = Math.max(1, 10 - b.data().rules().size());
            trees.add(parse(pkg, padding(extra)));
            DataRules.Translated t = DataRules.translate(pkg, trees);
            assertNotNull(t, b.code() + " padded");
            Map<String, CompiledProcedure.RuleInfo> padded = new LinkedHashMap<>(infos);
            for (int k = 0; k < extra; k++) {
                String n = "Ghi chú tổng hợp " + k;
                padded.put(n, new CompiledProcedure.RuleInfo(n, "extra.drl", 3 + 8 * k, null, null, null));
            }
            out.add(new Variant(b.code() + " (catalogue template)", src, t, DataRules.kieBase(t), padded));
        }
        assertTrue(out.size() >= 28, "variants " + out.size());
        return out;
    }

    /**
     * The evaluator's run in {@link DataRulesTest#fire}'s words: the actions called and "rule X" after each firing, then
     * "fired", or "session" when it hands the dossier to the Drools session (a condition or consequence threw).
     */
    static List<String> evaluate(DataEvaluator e, Object... facts) {
        List<String> out = new ArrayList<>();
        Actions decision = (Actions) java.lang.reflect.Proxy.newProxyInstance(DataEvaluatorTest.class.getClassLoader(),
                new Class<?>[] {Actions.class}, (proxy, m, args) -> {
                    if (m.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args);
                    }
                    out.add(m.getName() + Arrays.toString(m.getParameterTypes()) + Arrays.toString(args));
                    return null;
                });
        String[] current = {null};
        int fired = e.fire(facts, decision, new DataEvaluator.Firing() {
            @Override
            public boolean before(String rule, CompiledProcedure.RuleInfo info) {
                current[0] = rule;
                return false;
            }

            @Override
            public void after() {
                out.add("rule " + current[0]);
            }
        }, null, Integer.MAX_VALUE);
        out.add(fired == DataEvaluator.DROOLS ? "session" : "fired");
        return out;
    }

    /** The session's run and the evaluator's agree: the same firings and actions, or the session failed and the evaluator handed over. */
    private static boolean same(List<String> session, List<String> data, String what) {
        boolean failed = session.get(session.size() - 1).startsWith("failed");
        if (failed) {
            assertEquals("session", data.get(data.size() - 1), what + " " + session);
        } else {
            assertEquals(session, data, what);
        }
        return failed;
    }

    @Test
    void giaLaiAndCatalogueTemplates_sameFiringsAsTheSession_onGeneratedForms() throws Exception {
        int runs = 0;
        int failures = 0;
        int firings = 0;
        for (Variant v : variants()) {
            DataEvaluator e = DataEvaluator.of(v.data());
            assertNotNull(e, v.name() + " qualifies");
            int mine = 0;
            for (Object[] facts : DataRulesTest.facts(v.data(), new Random(v.name().hashCode()))) {
                List<String> session = DataRulesTest.fire(v.kieBase(), facts);
                List<String> data = evaluate(e, facts);
                failures += same(session, data, v.name() + " " + Arrays.toString(facts)) ? 1 : 0;
                firings += (int) session.stream().filter(s -> s.startsWith("rule ")).count();
                runs++;
                mine++;
            }
            assertTrue(mine >= 20, v.name() + ": " + mine);
        }
        assertTrue(runs > 1000, "runs " + runs);
        assertTrue(failures > 40, "the generated forms must reach values of the wrong type: " + failures);
        assertTrue(firings > 1000, "firings " + firings);
    }

    /**
     * The shapes the data path took on (shapes.drl: bool alone, negative numbers, {@code !} and parentheses around
     * properties, escapes), each rule alone and all together, as {@link DataRulesTest} runs them against the code path.
     */
    @Test
    void newShapes_sameFiringsAsTheSession_onGeneratedForms() throws Exception {
        String drl = java.nio.file.Files.readString(DataRulesTest.SHAPES);
        List<String> procedures = new ArrayList<>();
        for (String r : drl.split("\n(?=rule \")")) {
            if (r.startsWith("rule ")) {
                procedures.add(r);
            }
        }
        int rules = procedures.size();
        assertTrue(rules >= 27, "rules " + rules);
        procedures.add(drl);
        int runs = 0;
        int failures = 0;
        Set<String> fired = new java.util.TreeSet<>();
        for (String procedure : procedures) {
            DataRules.Translated t = translate(procedure);
            DataEvaluator e = DataEvaluator.of(t);
            assertNotNull(e);
            KieBase kb = DataRules.kieBase(t);
            for (Object[] facts : DataRulesTest.facts(t, new Random(procedure.hashCode()))) {
                List<String> session = DataRulesTest.fire(kb, facts);
                failures += same(session, evaluate(e, facts), procedure + " " + Arrays.toString(facts)) ? 1 : 0;
                fired.addAll(fired(session));
                runs++;
            }
        }
        assertTrue(runs > 1500, "runs " + runs);
        assertTrue(failures > 100, "failures " + failures);
        assertEquals(rules, fired.size(), fired::toString); // every rule fires on some facts
    }

    /** The whole rules stage of one dossier, with the evaluator ({@code data}) and with the procedure's session. */
    private static void sameStage(LoadedPack pack, Map<String, Unit> units, CompiledProcedure data, CompiledProcedure session,
            io.github.motcua.rules.Dossier d, int limit, Duration budget, String what, int[] counts) {
        LocalDate asOf = Evaluator.asOf(pack.info(), d);
        Evaluator.Ruled a = Evaluator.decide(pack.info(), units, session, d, asOf, d.form(), limit, budget, 6, 60);
        Evaluator.Ruled b = Evaluator.decide(pack.info(), units, data, d, asOf, d.form(), limit, budget, 6, 60);
        assertEquals(a, b, what);
        assertEquals(a.toString(), b.toString(), what);
        counts[0]++;
        counts[1] += a.cause() != null && a.cause().code() == Decision.Cause.Code.RULE_FAILED ? 1 : 0;
        counts[2] += a.cause() != null && a.cause().code() == Decision.Cause.Code.FIRING_LIMIT ? 1 : 0;
        counts[3] += a.trace().size();
    }

    /** A session pool that fails the test when a decision the evaluator can make asks it for a session. */
    private static org.kie.api.runtime.KieSessionsPool noSessions(org.kie.api.runtime.KieSessionsPool real, boolean[] allowed) {
        return (org.kie.api.runtime.KieSessionsPool) java.lang.reflect.Proxy.newProxyInstance(DataEvaluatorTest.class.getClassLoader(),
                new Class<?>[] {org.kie.api.runtime.KieSessionsPool.class}, (proxy, m, args) -> {
                    if (m.getName().equals("newKieSession") && !allowed[0]) {
                        throw new AssertionError("a session was taken");
                    }
                    return m.invoke(real, args);
                });
    }

    @Test
    void rulesStage_identicalWithAndWithoutTheEvaluator_limitsDatesAndFailures() throws Exception {
        List<PackProblem> problems = new ArrayList<>();
        PackFiles files = PackFiles.read(DataRulesTest.GIA_LAI, problems);
        LoadedPack pack = PackLoader.load(files, BuiltInSections.all(), problems, null).pack();
        Map<String, Unit> units = Evaluator.unitFacts(pack.units());
        List<String> unitCodes = new ArrayList<>(new java.util.TreeSet<>(pack.units().keySet())).subList(0, 3);
        int[] counts = new int[4];
        for (Variant v : variants()) {
            KieBase kb = v.kieBase();
            for (int dated = 0; dated < 2; dated++) {
                Map<String, CompiledProcedure.RuleInfo> rules = v.rules();
                if (dated == 1) { // every other rule out of force on the decision's date, one only from it
                    rules = new LinkedHashMap<>();
                    int i = 0;
                    for (CompiledProcedure.RuleInfo r : v.rules().values()) {
                        LocalDate to = i % 2 == 0 ? DataRulesTest.AS_OF.minusDays(1) : null;
                        LocalDate from = i % 4 == 1 ? DataRulesTest.AS_OF : null;
                        rules.put(r.name(), new CompiledProcedure.RuleInfo(r.name(), r.file(), r.line(), r.basis(), from, to));
                        i++;
                    }
                }
                CompiledProcedure data = new CompiledProcedure(v.src().procedure(), RuleNetwork.assembled(kb, v.data()), rules);
                assertNotNull(data.evaluator(), v.name());
                assertTrue(dated == 0 || data.dated());
                boolean[] allowed = {false};
                data = new CompiledProcedure(data.procedure(), kb, rules, noSessions(data.sessions(), allowed), data.dated(),
                        data.matched(), data.evaluator());
                CompiledProcedure session = new CompiledProcedure(data.procedure(), kb, rules, kb.newKieSessionsPool(0), data.dated(),
                        data.matched(), null);
                List<Map<String, Object>> forms = DataRulesTest.forms(v.data(), new Random(v.name().hashCode() + dated));
                for (int i = 0; i < forms.size(); i++) {
                    io.github.motcua.rules.Dossier d = dossier(v.src().procedure().code(), forms.get(i), unitCodes, i);
                    // a decision the evaluator makes takes no session; one it hands over (a failure) takes one
                    allowed[0] = true;
                    Evaluator.Ruled expected = Evaluator.decide(pack.info(), units, session, d, Evaluator.asOf(pack.info(), d),
                            d.form(), 200, Duration.ofSeconds(30), 6, 60);
                    allowed[0] = expected.cause() != null && expected.cause().code() == Decision.Cause.Code.RULE_FAILED;
                    for (int limit : new int[] {200, 2, 1, 0}) {
                        sameStage(pack, units, data, session, d, limit, Duration.ofSeconds(30), v.name() + " " + limit + " " + d, counts);
                    }
                }
            }
        }
        assertTrue(counts[0] > 4000, "decisions " + counts[0]);
        assertTrue(counts[1] > 100, "failures " + counts[1]);
        assertTrue(counts[2] > 400, "firing limits " + counts[2]);
        assertTrue(counts[3] > 2000, "trace steps " + counts[3]);
    }

    private static io.github.motcua.rules.Dossier dossier(String code, Map<String, Object> form, List<String> units, int i) {
        String[] sexes = {"MALE", "FEMALE", null};
        int[] ages = {17, 18, 19, 20, 21, 60};
        List<Set<String>> categories = List.of(Set.of(), Set.of("DISABLED"), Set.of("STUDENT", "POOR_HOUSEHOLD"), Set.of("MERITORIOUS"));
        io.github.motcua.rules.Dossier.Builder b = io.github.motcua.rules.Dossier.builder(code,
                Channel.values()[i % 3], OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(7)))
                .form(form).asOf(DataRulesTest.AS_OF)
                .heldData(i % 4 == 0 ? Set.of("CSDL_HO_TICH") : Set.of());
        if (i % 5 != 0) {
            b.unit(units.get(i % units.size()));
        }
        if (i % 7 != 6) {
            b.applicant(io.github.motcua.rules.Dossier.Applicant.builder().personalId("001").fullName("A")
                    .birthDate(DataRulesTest.AS_OF.minusYears(ages[i % ages.length]).minusDays(i % 2)).sex(sexes[i % 3])
                    .categories(categories.get(i % 4)).residenceUnit(i % 2 == 0 ? units.get(0) : null).build());
        }
        return b.build();
    }

    // --- targeted: order, not/exists, a fact matched twice, a throwing condition, the firing limit, the budget ---

    private static DataRules.Translated translate(String... files) throws Exception {
        List<PackageDescr> trees = new ArrayList<>();
        for (String f : files) {
            trees.add(parse("motcua.pT", f));
        }
        DataRules.Translated t = DataRules.translate("motcua.pT", trees);
        assertNotNull(t, () -> DataRules.outside("motcua.pT", trees));
        return t;
    }

    private static String rule(String name, String attributes, String when, String then) {
        return "rule \"" + name + "\" " + attributes + " when " + when + " then " + then + "\nend\n";
    }

    private static List<String> fired(List<String> run) {
        return run.stream().filter(s -> s.startsWith("rule ")).map(s -> s.substring(5)).toList();
    }

    @Test
    void order_salienceThenTheOrderWritten_acrossFiles() throws Exception {
        String a = rule("a0", "", "Dossier()", "decision.note(\"a0\");")
                + rule("b10", "salience 10", "Dossier()", "decision.note(\"b10\");")
                + rule("c0", "", "Form()", "decision.note(\"c0\");")
                + rule("d-5", "salience -5", "Dossier()", "decision.note(\"d-5\");")
                + rule("e10", "salience 10 no-loop true", "Form()", "decision.note(\"e10\");");
        String b = rule("f0", "", "Dossier()", "decision.note(\"f0\");")
                + rule("g10", "salience 10", "Dossier()", "decision.note(\"g10\");")
                + rule("h-5", "salience -5 lock-on-active false", "Form()", "decision.note(\"h-5\");");
        for (String[] files : new String[][] {{a, b}, {b, a}}) {
            DataRules.Translated t = translate(files);
            DataEvaluator e = DataEvaluator.of(t);
            assertNotNull(e);
            Object[] facts = {new io.github.motcua.rules.vocabulary.Dossier("p", "DESK", LocalDateTime.of(2026, 3, 2, 9, 0),
                    DataRulesTest.AS_OF, null, Set.of()), null, null, new Form(Map.of(), DataRulesTest.AS_OF, DataRulesTest.UNITS::get)};
            List<String> session = DataRulesTest.fire(DataRules.kieBase(t), facts);
            assertEquals(session, evaluate(e, facts));
            List<String> expected = files[0] == a ? List.of("b10", "e10", "g10", "a0", "c0", "f0", "d-5", "h-5")
                    : List.of("g10", "b10", "e10", "f0", "a0", "c0", "h-5", "d-5");
            assertEquals(expected, fired(session));
            assertEquals(expected, e.order().stream().filter(n -> fired(session).contains(n)).toList());
        }
    }

    @Test
    void notExistsAndOneFactInTwoPatterns_asTheSession() throws Exception {
        DataRules.Translated t = translate(
                rule("no unit", "", "Form() not Unit()", "decision.note(\"no unit\");")
                        + rule("a unit", "", "exists Unit()", "decision.note(\"a unit\");")
                        + rule("not a man", "", "not Applicant( sex == \"MALE\" ) Dossier()", "decision.note(\"not a man\");")
                        + rule("a woman", "", "exists Applicant( sex == \"FEMALE\" )", "decision.note(\"a woman\");")
                        + rule("both fields", "", "Form( has(\"a\") ) Form( has(\"b\") )", "decision.note(\"both\");")
                        + rule("a mountain commune", "", "Unit( hasFlag(\"MOUNTAINOUS\") ) Applicant( age >= 18 )",
                                "decision.note(\"mountain\"); decision.ineligible(\"x\", \"y\");")
                        + rule("a and not b", "", "Form( has(\"a\") ) not Form( has(\"b\") )", "decision.note(\"a only\");"));
        DataEvaluator e = DataEvaluator.of(t);
        KieBase kb = DataRules.kieBase(t);
        int runs = 0;
        List<Map<String, Object>> forms = List.of(Map.of(), Map.of("a", 1), Map.of("b", 1), Map.of("a", 1, "b", 2));
        Set<List<String>> seen = new java.util.HashSet<>();
        for (Map<String, Object> f : forms) {
            for (String sex : new String[] {"MALE", "FEMALE", null}) {
                for (Unit u : new Unit[] {null, DataRulesTest.UNITS.get("xa-nui"), DataRulesTest.UNITS.get("phuong")}) {
                    for (boolean applicant : new boolean[] {true, false}) {
                        Applicant a = applicant ? new Applicant("1", "A", DataRulesTest.AS_OF.minusYears(30), sex, Set.of(), u,
                                DataRulesTest.AS_OF) : null;
                        Object[] facts = {new io.github.motcua.rules.vocabulary.Dossier("p", "DESK", LocalDateTime.of(2026, 3, 2, 9, 0),
                                DataRulesTest.AS_OF, null, Set.of()), a, u, new Form(f, DataRulesTest.AS_OF, DataRulesTest.UNITS::get)};
                        List<String> session = DataRulesTest.fire(kb, facts);
                        assertEquals(session, evaluate(e, facts), Arrays.toString(facts));
                        seen.add(fired(session));
                        runs++;
                    }
                }
            }
        }
        assertEquals(72, runs);
        assertTrue(seen.size() > 10, "distinct firings " + seen);
        assertTrue(seen.stream().anyMatch(s -> s.contains("both fields")), "one form in two patterns fires once");
    }

    @Test
    void throwingCondition_handsTheDossierToTheSession_whichFailsNamingTheRule() throws Exception {
        DataRules.Translated t = translate(
                rule("first", "salience 5", "Dossier()", "decision.note(\"first\");")
                        + rule("wrong type", "", "Form( integer(\"n\") > 3 )", "decision.note(\"n\");")
                        + rule("never fires", "", "Dossier( channel == \"POST\" ) Form( text(\"t\") == \"X\" )", "decision.note(\"t\");"));
        DataEvaluator e = DataEvaluator.of(t);
        KieBase kb = DataRules.kieBase(t);
        Object dossier = new io.github.motcua.rules.vocabulary.Dossier("p", "DESK", LocalDateTime.of(2026, 3, 2, 9, 0),
                DataRulesTest.AS_OF, null, Set.of());
        // a condition of a rule that cannot fire still throws on insert, in the session and here
        for (Map<String, Object> f : List.<Map<String, Object>>of(Map.of("n", "many"), Map.of("t", 5), Map.of("n", 2, "t", List.of()))) {
            Object[] facts = {dossier, null, null, new Form(f, DataRulesTest.AS_OF, DataRulesTest.UNITS::get)};
            List<String> session = DataRulesTest.fire(kb, facts);
            assertTrue(session.get(session.size() - 1).startsWith("failed"), session.toString());
            assertEquals(List.of("session"), evaluate(e, facts), f.toString());
        }
        Object[] fine = {dossier, null, null, new Form(Map.of("n", 4, "t", "X"), DataRulesTest.AS_OF, DataRulesTest.UNITS::get)};
        assertEquals(DataRulesTest.fire(kb, fine), evaluate(e, fine));
        assertEquals(List.of("first", "wrong type"), fired(evaluate(e, fine)));

        // through the rules stage: the very failure the session gives, naming the rule
        StageFixture x = new StageFixture(t, kb);
        io.github.motcua.rules.Dossier d = io.github.motcua.rules.Dossier.builder(x.code(), Channel.DESK,
                OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(7))).form(Map.of("n", "many")).build();
        Evaluator.Ruled viaData = x.decide(x.data, d, 200, Duration.ofSeconds(30));
        Evaluator.Ruled viaSession = x.decide(x.session, d, 200, Duration.ofSeconds(30));
        assertEquals(viaSession, viaData);
        assertEquals(Decision.Cause.Code.RULE_FAILED, viaData.cause().code());
        assertEquals("wrong type", viaData.cause().rule());
        assertTrue(viaData.cause().messageVi().contains("wrong type"), viaData.cause().messageVi());
    }

    /** One procedure's rules stage over rules written in a test, with and without the evaluator. */
    private static final class StageFixture {
        final LoadedPack pack;
        final Map<String, Unit> units;
        final CompiledProcedure data;
        final CompiledProcedure session;

        StageFixture(DataRules.Translated t, KieBase kb) {
            List<PackProblem> problems = new ArrayList<>();
            pack = PackLoader.load(PackFiles.read(DataRulesTest.GIA_LAI, problems), BuiltInSections.all(), problems, null).pack();
            units = Evaluator.unitFacts(pack.units());
            LoadedPack.ProcedureSource src = DataRulesTest.giaLai().values().iterator().next();
            Map<String, CompiledProcedure.RuleInfo> rules = new LinkedHashMap<>();
            int line = 1;
            for (DataRules.DataRule r : t.rules()) {
                rules.put(r.name(), new CompiledProcedure.RuleInfo(r.name(), "rules.drl", line++, null, null, null));
            }
            data = new CompiledProcedure(src.procedure(), RuleNetwork.assembled(kb, t), rules);
            assertNotNull(data.evaluator());
            session = new CompiledProcedure(src.procedure(), kb, rules, kb.newKieSessionsPool(0), data.dated(), data.matched(), null);
        }

        String code() {
            return data.procedure().code();
        }

        Evaluator.Ruled decide(CompiledProcedure cp, io.github.motcua.rules.Dossier d, int limit, Duration budget) {
            return Evaluator.decide(pack.info(), units, cp, d, Evaluator.asOf(pack.info(), d), d.form(), limit, budget, 6, 60);
        }
    }

    @Test
    void firingLimitAndTimeBudget_stopAsTheSessionStops() throws Exception {
        DataRules.Translated t = translate(
                rule("one", "", "Dossier()", "decision.note(\"1\");")
                        + rule("two", "salience 3", "Dossier()", "decision.note(\"2\");")
                        + rule("three", "", "Dossier()", "decision.note(\"3\");"));
        KieBase kb = DataRules.kieBase(t);
        StageFixture x = new StageFixture(t, kb);
        io.github.motcua.rules.Dossier d = io.github.motcua.rules.Dossier.builder(x.code(), Channel.DESK,
                OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(7))).build();
        for (int limit = 0; limit <= 3; limit++) {
            Evaluator.Ruled s = x.decide(x.session, d, limit, Duration.ofSeconds(30));
            assertEquals(s, x.decide(x.data, d, limit, Duration.ofSeconds(30)), "limit " + limit);
            if (limit < 3) {
                assertEquals(Decision.Cause.Code.FIRING_LIMIT, s.cause().code());
                assertEquals(List.of("two", "one", "three").get(limit), s.cause().rule(), "the firing past the limit");
                assertEquals(limit + 1, s.trace().size());
            } else {
                assertNull(s.cause());
                assertEquals(3, s.notes().size());
            }
        }
        // a spent budget halts at the first firing, which completes: both name it, both trace it alone
        Evaluator.Ruled s = x.decide(x.session, d, 200, Duration.ZERO);
        Evaluator.Ruled e = x.decide(x.data, d, 200, Duration.ZERO);
        assertEquals(Decision.Cause.Code.TIME_BUDGET, s.cause().code());
        assertEquals("two", s.cause().rule());
        assertEquals(s, e);
    }

    @Test
    void agendaAttributes_keepTheProcedureOnSessions_andTheSwitchKeepsEveryProcedureThere() throws Exception {
        assertNull(DataEvaluator.of(translate(rule("r", "agenda-group \"g\"", "Dossier()", "decision.note(\"n\");"))));
        assertNull(DataEvaluator.of(translate(rule("r", "activation-group \"g\"", "Dossier()", "decision.note(\"n\");"))));
        assertNull(DataEvaluator.of(translate(rule("r", "lock-on-active true", "Dossier()", "decision.note(\"n\");"))));
        assertNotNull(DataEvaluator.of(translate(rule("r", "salience 3 no-loop true lock-on-active false", "Dossier()",
                "decision.note(\"n\");"))));
        DataRules.Translated t = translate(rule("r", "", "Dossier()", "decision.note(\"n\");"));
        KieBase kb = DataRules.kieBase(t);
        io.github.motcua.rules.Procedure p = DataRulesTest.giaLai().values().iterator().next().procedure();
        assertNotNull(new CompiledProcedure(p, RuleNetwork.assembled(kb, t), Map.of()).evaluator());
        // a KieBase alone carries no evaluator (no registry keyed by KieBase): its sessions decide it
        assertNull(new CompiledProcedure(p, kb, Map.of()).evaluator());
        System.setProperty(DataEvaluator.FORCE_SESSIONS, "true");
        try {
            assertNull(DataEvaluator.of(t));
            assertNull(new CompiledProcedure(p, RuleNetwork.assembled(kb, t), Map.of()).evaluator());
        } finally {
            System.clearProperty(DataEvaluator.FORCE_SESSIONS);
        }
    }

    // --- the evaluator's flat arrays (Session 13): many patterns, nested trees, every call shape and argument ---

    /** More distinct patterns than the bits of one long: the evaluator keeps which match in an array instead. */
    @Test
    void moreThan64DistinctPatterns_asTheSession() throws Exception {
        StringBuilder drl = new StringBuilder();
        for (int k = 0; k < 70; k++) {
            drl.append(rule("r" + k, "", "Form( text(\"f" + k + "\") == \"CO\" )", "decision.note(\"n" + k + "\");"));
        }
        // patterns 63, 64 and 69 again (the same chains), negated and joined, across the 64-bit boundary
        drl.append(rule("not 64 but 63", "salience 2", "not Form( text(\"f64\") == \"CO\" ) Form( text(\"f63\") == \"CO\" )",
                "decision.note(\"not 64 but 63\");"));
        drl.append(rule("69 and 0", "salience 1", "Form( text(\"f69\") == \"CO\" ) Form( text(\"f0\") == \"CO\" )",
                "decision.note(\"69 and 0\");"));
        DataRules.Translated t = translate(drl.toString());
        DataEvaluator e = DataEvaluator.of(t);
        assertNotNull(e);
        KieBase kb = DataRules.kieBase(t);
        Random rnd = new Random(64);
        Object dossier = new io.github.motcua.rules.vocabulary.Dossier("p", "DESK", LocalDateTime.of(2026, 3, 2, 9, 0),
                DataRulesTest.AS_OF, null, Set.of());
        Set<String> fired = new java.util.TreeSet<>();
        for (int run = 0; run < 60; run++) {
            Map<String, Object> form = new TreeMap<>();
            for (int k = 0; k < 70; k++) {
                if (rnd.nextInt(3) == 0 || run == 1) {
                    form.put("f" + k, run % 7 == 3 && k == 5 ? 5 : "CO"); // now and then a number where text is read
                }
            }
            if (run == 2) {
                form.put("f63", "CO");
                form.remove("f64");
            }
            Object[] facts = {dossier, null, null, new Form(form, DataRulesTest.AS_OF, DataRulesTest.UNITS::get)};
            List<String> session = DataRulesTest.fire(kb, facts);
            same(session, evaluate(e, facts), form.toString());
            fired.addAll(fired(session));
        }
        assertTrue(fired.containsAll(List.of("r0", "r63", "r64", "r69", "not 64 but 63", "69 and 0")), fired::toString);
    }

    /** {@code !}, {@code &&}, {@code ||} and parentheses nested, on every combination of four fields. */
    @Test
    void nestedConditionTrees_asTheSession() throws Exception {
        DataRules.Translated t = translate(
                rule("nested", "", "Form( (has(\"a\") && (has(\"b\") || !has(\"c\"))) || has(\"d\") && !has(\"a\") )",
                        "decision.note(\"nested\");")
                        + rule("chain", "", "Form( has(\"a\") || has(\"b\") && !has(\"c\"), text(\"a\") != \"X\" || has(\"c\") )",
                                "decision.note(\"chain\");")
                        + rule("grouped", "", "Form( (has(\"a\") || has(\"b\")) && !(has(\"c\")), !(text(\"a\") == \"X\") )", "decision.note(\"grouped\");"));
        DataEvaluator e = DataEvaluator.of(t);
        assertNotNull(e);
        KieBase kb = DataRules.kieBase(t);
        Set<List<String>> seen = new java.util.HashSet<>();
        for (int bits = 0; bits < 32; bits++) {
            Map<String, Object> form = new TreeMap<>();
            if ((bits & 1) != 0) {
                form.put("a", (bits & 8) != 0 ? "X" : "Y");
            }
            if ((bits & 16) != 0) {
                form.put("d", "D");
            }
            if ((bits & 2) != 0) {
                form.put("b", "B");
            }
            if ((bits & 4) != 0) {
                form.put("c", "C");
            }
            Object[] facts = {null, null, null, new Form(form, DataRulesTest.AS_OF, DataRulesTest.UNITS::get)};
            List<String> session = DataRulesTest.fire(kb, facts);
            assertEquals(session, evaluate(e, facts), form.toString());
            seen.add(fired(session));
        }
        assertTrue(seen.size() >= 5, "distinct firings " + seen);
    }

    /**
     * Bound to its procedure, an evaluator passes the procedure's own component id objects to the actions (so the
     * component is found by identity, Evaluator.components) and fires exactly as unbound and as the session; bound to
     * another procedure with equal ids, it passes that procedure's objects: nothing is shared between procedures.
     */
    @Test
    void bind_componentIdsAreTheProceduresOwnObjects_firingsUnchanged() throws Exception {
        DataEvaluator e = DataEvaluator.of(translate(
                rule("co", "", "Form( text(\"giayChungSinh\") == \"CO\" )", "decision.require(\"giay-chung-sinh\");")
                        + rule("khong", "", "Form( text(\"giayChungSinh\") != \"CO\" )",
                                "decision.requireOneOf(\"g\", \"giay-chung-sinh\", \"van-ban-lam-chung\");")
                        + rule("tk", "", "Form( has(\"giayChungSinh\") )", "decision.require(\"to-khai\");")));
        assertNotNull(e);
        List<io.github.motcua.rules.DossierComponent> mine = components();
        List<io.github.motcua.rules.DossierComponent> theirs = components();
        DataEvaluator bound = e.bind(Map.of(), mine);
        DataEvaluator other = e.bind(Map.of(), theirs);
        for (String v : List.of("CO", "KHONG")) {
            Object[] facts = {null, null, null, new Form(Map.of("giayChungSinh", v), DataRulesTest.AS_OF, DataRulesTest.UNITS::get)};
            assertEquals(evaluate(e, facts), evaluate(bound, facts), v);
            List<Object> passed = new ArrayList<>();
            List<Object> passedOther = new ArrayList<>();
            for (Object[] run : new Object[][] {{bound, passed}, {other, passedOther}}) {
                @SuppressWarnings("unchecked")
                List<Object> out = (List<Object>) run[1];
                Actions decision = (Actions) java.lang.reflect.Proxy.newProxyInstance(DataEvaluatorTest.class.getClassLoader(),
                        new Class<?>[] {Actions.class}, (proxy, m, args) -> {
                            if (m.isDefault()) {
                                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args);
                            }
                            out.addAll(Arrays.asList(args));
                            return null;
                        });
                ((DataEvaluator) run[0]).fire(facts, decision, new DataEvaluator.Firing() {
                    @Override
                    public boolean before(String rule, CompiledProcedure.RuleInfo info) {
                        return false;
                    }

                    @Override
                    public void after() {
                    }
                }, null, Integer.MAX_VALUE);
            }
            assertTrue(passed.size() >= 2, passed.toString());
            for (int i = 0; i < passed.size(); i++) {
                Object arg = passed.get(i);
                io.github.motcua.rules.DossierComponent c = mine.stream().filter(x -> x.id().equals(arg)).findFirst().orElse(null);
                if (c != null) {
                    assertSame(c.id(), arg, "the procedure's own id object: " + arg);
                    assertNotSame(arg, passedOther.get(i), "another procedure's evaluator passes its own: " + arg);
                    assertSame(theirs.get(mine.indexOf(c)).id(), passedOther.get(i));
                }
            }
        }
    }

    /** A component catalogue whose ids are new objects each time. */
    private static List<io.github.motcua.rules.DossierComponent> components() {
        List<io.github.motcua.rules.DossierComponent> out = new ArrayList<>();
        for (String id : List.of("to-khai", "giay-chung-sinh", "van-ban-lam-chung")) {
            out.add(new io.github.motcua.rules.DossierComponent(new String(id), new io.github.motcua.rules.LocalizedText(id, null),
                    io.github.motcua.rules.DossierComponent.CopyKind.ORIGINAL, 1,
                    io.github.motcua.rules.DossierComponent.Presence.OPTIONAL, null, null));
        }
        return out;
    }

    /** Every action with its arguments, in the order written, as the session calls them. */
    @Test
    void everyCallShape_argumentsAsTheSessionPassesThem() throws Exception {
        String then = "decision.ineligible(\"i1\"); decision.ineligible(\"i2\", \"i2en\"); decision.require(\"r\");"
                + " decision.requireOneOf(\"g\", \"a\", \"b\"); decision.requireOneOf(\"g\", \"a\", \"b\", \"c\");"
                + " decision.requireOneOf(\"g\", \"a\", \"b\", \"c\", \"d\"); decision.optional(\"o\");"
                + " decision.waive(\"w\", \"src\"); decision.extend(2147483647, \"NGAY\", \"e3\");"
                + " decision.extend(0, \"GIO\", \"e4\", \"e4en\"); decision.pause(1, \"NGAY\", \"p3\");"
                + " decision.pause(2, \"NGAY\", \"p4\", \"p4en\"); decision.replaceDeadline(3, \"NGAY\", \"d3\");"
                + " decision.replaceDeadline(4, \"NGAY\", \"d4\", \"d4en\"); decision.note(\"n1\");"
                + " decision.note(\"n2\", \"n2en\"); decision.addFee(\"fee\", 2147483647); decision.exempt(\"fee\", \"why\");"
                + " decision.reduce(\"fee\", 50, \"half\");";
        DataRules.Translated t = translate(rule("all", "", "Dossier()", then) + rule("again", "", "Dossier()", "decision.note(\"again\");"));
        DataEvaluator e = DataEvaluator.of(t);
        assertNotNull(e);
        Object[] facts = {new io.github.motcua.rules.vocabulary.Dossier("p", "DESK", LocalDateTime.of(2026, 3, 2, 9, 0),
                DataRulesTest.AS_OF, null, Set.of()), null, null, null};
        List<String> session = DataRulesTest.fire(DataRules.kieBase(t), facts);
        List<String> data = evaluate(e, facts);
        assertEquals(session, data);
        assertTrue(data.size() >= 22 && data.contains("extend[long, class java.lang.String, class java.lang.String][2147483647, NGAY, e3]")
                && data.contains("reduce[class java.lang.String, int, class java.lang.String][fee, 50, half]"), data::toString);

        // a long argument the translator never writes (beyond an int, negative) keeps its 64 bits, as the consequence passes it
        DataRules.DataRule all = t.rules().get(0);
        for (long v : new long[] {Long.MIN_VALUE, -1L, 1L << 32, (1L << 32) - 1, Long.MAX_VALUE}) {
            List<DataConditions.Call> calls = List.of(new DataConditions.Call(DataConditions.Action.EXTEND_3, List.of(v, "NGAY", "x")),
                    new DataConditions.Call(DataConditions.Action.ADD_FEE, List.of("fee", v)));
            DataRules.Translated u = new DataRules.Translated(t.packageName(), List.of(new DataRules.DataRule(all.name(), all.file(),
                    all.attributes(), all.metadata(), all.lhs(), calls)));
            List<String> expected = new ArrayList<>();
            new DataConditions.Consequence(calls, all.name()).execute(recorder(expected));
            expected.add("rule all");
            expected.add("fired");
            assertEquals(expected, evaluate(DataEvaluator.of(u), facts), String.valueOf(v));
        }
        // arguments not of the action's parameter types (no translation makes them): the procedure stays on sessions
        for (List<Object> args : List.<List<Object>>of(Arrays.asList(7, "NGAY", "x"), Arrays.asList(null, "NGAY", "x"),
                Arrays.asList(7L, 5, "x"), Arrays.asList(7L, "NGAY"))) {
            DataRules.Translated u = new DataRules.Translated(t.packageName(), List.of(new DataRules.DataRule(all.name(), all.file(),
                    all.attributes(), all.metadata(), all.lhs(), List.of(new DataConditions.Call(DataConditions.Action.EXTEND_3, args)))));
            assertNull(DataEvaluator.of(u), args.toString());
        }
        // a null string argument is passed on (and refused by the decision as the session's consequence would be)
        DataRules.Translated nulls = new DataRules.Translated(t.packageName(), List.of(new DataRules.DataRule(all.name(), all.file(),
                all.attributes(), all.metadata(), all.lhs(), List.of(new DataConditions.Call(DataConditions.Action.NOTE_2,
                        Arrays.asList("vi", null))))));
        assertEquals(List.of("note[class java.lang.String, class java.lang.String][vi, null]", "rule all", "fired"),
                evaluate(DataEvaluator.of(nulls), facts));
    }

    /** An {@link Actions} that records each call as {@link #evaluate} does. */
    private static Actions recorder(List<String> out) {
        return (Actions) java.lang.reflect.Proxy.newProxyInstance(DataEvaluatorTest.class.getClassLoader(),
                new Class<?>[] {Actions.class}, (proxy, m, args) -> {
                    if (m.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args);
                    }
                    out.add(m.getName() + Arrays.toString(m.getParameterTypes()) + Arrays.toString(args));
                    return null;
                });
    }

    @Test
    void giaLai_engineDecisions_identicalWithTheEvaluatorAndWithSessions() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
        Map<String, String> evaluator = decisions(clock, false);
        Map<String, String> sessions = decisions(clock, true);
        assertTrue(evaluator.size() > 30, "cases " + evaluator.size());
        assertEquals(sessions, evaluator);
    }

    private static Map<String, String> decisions(Clock clock, boolean sessions) {
        if (sessions) {
            System.setProperty(DataEvaluator.FORCE_SESSIONS, "true");
        }
        try (Engine e = Motcua.engine().clock(clock).firingLimit(200).lazyCompile(false).build()) {
            e.load(DataRulesTest.GIA_LAI).orThrow();
            Map<String, String> out = new TreeMap<>();
            for (PackCase c : e.cases()) {
                Decision d = e.decide(c.dossier());
                out.put(c.file() + ":" + c.line() + " " + c.name(), d.toJson());
            }
            return out;
        } finally {
            System.clearProperty(DataEvaluator.FORCE_SESSIONS);
        }
    }
}
